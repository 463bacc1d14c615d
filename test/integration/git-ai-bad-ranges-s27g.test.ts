// A git-ai note with a line range that names no line (session 27, g; README threat-model row
// 331): old git-ai's line shifting wrote a `0` or a wrapped u32, and a hand-fixed note may hold a
// reversed `9-3`; git-ai reads the note and that range matches nothing. aitrail refused the whole
// note, so `check` passed the denied Qwen lines its other entry names and `blame` called them a
// person's. Real repository, note written with `git notes --ref=ai add`, through the CLI.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = `policy:
  allow: ["*"]
  undeclared: allow
  paths:
    - files: ["src/**"]
      deny: ["qwen/*"]
`;

describe('a git-ai note whose ranges name no line', () => {
  it('row 331: `9-3`, `0` and 4294967295 match nothing; Qwen’s lines 1-4 fail check and count in blame', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': POLICY, 'app.ts': 'app\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('x', { 'src/x.ts': 'a\nb\nc\nd\ne\n' });
    addNote(
      repo,
      sha,
      gitAiNote({
        'src/x.ts': [session(NOTE_KEYS.qwen, '1-4'), session(NOTE_KEYS.claude, '9-3'), `${NOTE_KEYS.human} 0`, session(NOTE_KEYS.claude, '4294967295')],
      }),
    );

    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stderr).not.toMatch(/malformed/);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ sha, model: 'qwen/qwen3-coder', path: 'src/x.ts' })]);

    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).not.toMatch(/malformed/);
    const file = JSON.parse(blame.stdout).files.find((entry: { path: string }) => entry.path === 'src/x.ts');
    expect(file).toMatchObject({ lines: 5, ai: 4, human: 1, byModel: { 'qwen/qwen3-coder': 4 } });
  });
});
