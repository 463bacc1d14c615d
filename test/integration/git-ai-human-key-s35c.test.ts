// git-ai's legacy `human` key with a prompt record of that name (session 35, c). git-ai's blame
// gives `human` no meaning of its own: a key that opens neither `h_` nor `s_` is a prompt key,
// looked up in the note's `prompts` and then in the other notes (`get_line_attribution` in
// git-ai-project/git-ai), so its lines are a person's only because no note holds a prompt record
// named `human`. A note that holds one gives the lines to that record's agent and model. Real
// repository, notes written with `git notes --ref=ai add`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';
import { expectQwenLinesCaught, notedFeature } from '../helpers/qwen-noted-branch.js';

const QWEN = { agent_id: { tool: 'opencode', id: 'c3', model: 'qwen3-coder' }, total_additions: 4, total_deletions: 0, accepted_lines: 4, overriden_lines: 0 };

/** A legacy note giving `src/x.ts` lines 1-4 to the key `human`, with `prompts` as given. */
function humanKeyNote(prompts: Record<string, unknown>): string {
  const note = gitAiNote({ 'src/x.ts': ['human 1-4'] });
  const [attestations, json] = note.split('---\n');
  return `${attestations}---\n${JSON.stringify({ ...JSON.parse(json!), prompts }, null, 2)}\n`;
}

describe('the `human` key with a prompt record of that name (s35c)', () => {
  it('in the note itself: check refuses the lines under a path rule, blame counts them as the record’s model', () => {
    const { repo, sha } = notedFeature(humanKeyNote({ human: QWEN }));
    expectQwenLinesCaught(repo, sha, 4);
  });

  it('in another note: blame counts the lines as the record’s model, as git-ai’s search of the other notes finds it', () => {
    const repo = makeRepo();
    repo.commit('base', { 'app.ts': 'app\n' });
    const other = repo.commit('y', { 'src/y.ts': 'y\n' });
    addNote(repo, other, humanKeyNote({ human: QWEN }).replace('src/x.ts\n  human 1-4\n', ''));
    const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    addNote(repo, sha, humanKeyNote({}));
    const blame = aitrail(repo.dir, ['blame', 'src/x.ts', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(JSON.parse(blame.stdout).files[0]).toMatchObject({ lines: 5, byModel: { 'qwen/qwen3-coder': 4 } });
  });

  it('no note holds such a record: the lines stay a person’s (row 115)', () => {
    const repo = makeRepo();
    repo.commit('base', { 'app.ts': 'app\n' });
    const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    addNote(repo, sha, humanKeyNote({}));
    const blame = aitrail(repo.dir, ['blame', 'src/x.ts', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    const file = JSON.parse(blame.stdout).files[0];
    expect(file.lines).toBe(5);
    expect(file.byModel ?? {}).toEqual({});
  });
});
