// `git cherry-pick -n -x <noted commit>` then `git commit`: git writes no CHERRY_PICK_HEAD for a
// `--no-commit` pick, only MERGE_MSG with its `(cherry picked from commit <sha>)` line; the hooks
// read that line so post-commit carries the picked commit's git-ai note, as for a plain pick.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { hookedNotedBranch, NOTED_PATH } from '../helpers/qwen-noted-branch.js';
const PATH = NOTED_PATH;

describe('a cherry-pick -n -x of a noted commit, committed after', () => {
  it.each([
    ['git commit --no-edit (the message git prepared)', ['--no-edit']],
    ['git commit -m (a message of the person\'s own)', ['-m', 'Port the parser']],
  ])('%s: the picked commit\'s note follows its lines, and blame and check see Qwen\'s', (_name, flags) => {
    const { repo, env } = hookedNotedBranch();
    const pick = tryGit(repo.dir, ['cherry-pick', '-n', '-x', 'feature'], { env });
    expect(pick.code, pick.stderr).toBe(0);
    const made = tryGit(repo.dir, ['commit', '-q', ...flags], { env });
    expect(made.code, made.stderr).toBe(0);
    const note = tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD']);
    expect(note.code, note.stderr).toBe(0);
    expect(note.stdout).toContain(`${PATH}\n  ${session(NOTE_KEYS.qwen, '3-6')}\n`);
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === PATH)).toMatchObject({ lines: 7, ai: 4, byModel: { 'qwen/qwen3-coder': 4 } });
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
  });

  it('a cherry-pick -n without -x names no commit: nothing is carried (git leaves no sign of the picked one)', () => {
    const { repo, env } = hookedNotedBranch();
    expect(tryGit(repo.dir, ['cherry-pick', '-n', 'feature'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '--no-edit'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD']).code).not.toBe(0);
  });
});
