// A session record found only in another note, outranking the note's own (session 33, c; README
// threat-model row 399): git-ai's blame (`get_line_attribution`, git-ai-project/git-ai
// `src/authorship/authorship_log_serialization.rs`) skips an `s_` entry whose session its note
// lacks ("Session hash not found locally — skip this entry") and searches the other notes for a
// legacy prompt's record only. aitrail took a session record found in another note as the note's
// own, so a later entry naming such a session took lines from the earlier entry git-ai gives them
// to. Real repository, notes written with `git notes --ref=ai add`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = 'policy: {allow: ["*"], undeclared: allow, paths: [{files: ["src/**"], deny: ["qwen/*"]}]}\n';
const CLAUDE = { agent_id: { tool: 'claude', id: 'c1', model: 'claude-opus-4-6' } };
const QWEN = { agent_id: { tool: 'opencode', id: 'c3', model: 'qwen3-coder' } };

/** A note as git-ai writes it, with exactly the session records given. */
const note = (lines: string, sessions: Record<string, unknown>) =>
  `${lines}\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', git_ai_version: '1.4.5', base_commit_sha: '0'.repeat(40), prompts: {}, sessions }, null, 2)}\n`;

describe('a session record only another note holds (s33c)', () => {
  it('names its agent, but its entry gives way to the entry the note holds a record for, as in git-ai', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY, 'app.ts': 'app\n' });
    // An earlier commit whose note holds the Claude session's record.
    const earlier = repo.commit('docs', { 'docs.ts': 'doc\n' });
    addNote(repo, earlier, note(`docs.ts\n  ${session(NOTE_KEYS.claude, '1')}`, { [NOTE_KEYS.claude]: CLAUDE }));
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    // Qwen's session (its record here) on lines 1-4, then the Claude session (its record only in
    // the earlier note) over lines 1-5: git-ai's blame gives 1-4 to Qwen and line 5 to no one.
    addNote(repo, sha, note(`src/x.ts\n  ${session(NOTE_KEYS.qwen, '1-4')}\n  ${session(NOTE_KEYS.claude, '1-5')}`, { [NOTE_KEYS.qwen]: QWEN }));

    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const violations = JSON.parse(check.stdout).violations as Array<{ severity: string }>;
    expect(violations.filter((each) => each.severity === 'error')).toEqual([expect.objectContaining({ sha, model: 'qwen/qwen3-coder', path: 'src/x.ts' })]);

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    const file = JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === 'src/x.ts');
    // Line 5, claimed by the Claude entry alone, still counts for Claude (the record found elsewhere names it).
    expect(file).toMatchObject({ lines: 5, ai: 5, byModel: { 'qwen/qwen3-coder': 4, 'anthropic/claude-opus-4.6': 1 } });
  });
});
