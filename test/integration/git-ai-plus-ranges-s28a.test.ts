// A git-ai note with a range spelled `+3` or `007` (session 28, a; README threat-model row 332):
// git-ai reads each number with Rust's `str::parse::<u32>()`, which takes a leading `+` and
// leading zeros, so the note is read. aitrail refused the whole note over such a range, so `check`
// passed the denied Qwen lines its other entry names and `blame` called them a person's. Real
// repository, note written with `git notes --ref=ai add`, through the CLI.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = `policy:
  allow: ["*"]
  deny: ["qwen/*"]
  undeclared: allow
`;

describe('a git-ai note whose ranges carry a + or zero padding', () => {
  it('row 332: `+5`, `007` and `+0006-+0007` read as git-ai reads them; Qwen’s lines 1-4 fail check and count in blame', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY, 'app.ts': 'app\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\nf\ng\nh\n' });
    addNote(repo, sha, gitAiNote({ 'src/x.ts': [session(NOTE_KEYS.qwen, '1-4'), session(NOTE_KEYS.claude, '+5,007,+0006-+0007')] }));

    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stderr).not.toMatch(/malformed/);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ sha, model: 'qwen/qwen3-coder' })]);

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).not.toMatch(/malformed/);
    const file = JSON.parse(blame.stdout).files.find((entry: { path: string }) => entry.path === 'src/x.ts');
    expect(file).toMatchObject({ lines: 8, ai: 7, human: 1, byModel: { 'qwen/qwen3-coder': 4, 'anthropic/claude-opus-4.6': 3 } });
  });
});
