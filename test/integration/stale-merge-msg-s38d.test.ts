// A commit row 473 takes for a `cherry-pick -n -x`'s (MERGE_MSG's `(cherry picked from commit <sha>)`
// line) is made by a plain `git commit`: git's reflog reads `commit:`, so post-commit kept no copy of
// the note it had just written from the agents' checkpoints, and the carry of the picked commit's
// note wrote over it. Real repositories, Claude Code's checkpoints, the hooks of `aitrail init`.
import { describe, expect, it } from 'vitest';
import { agentEdit } from '../helpers/agent-edits.js';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedNotedBranch, NOTED_PATH } from '../helpers/qwen-noted-branch.js';
const PATH = NOTED_PATH;

/** The `<path>` lines of HEAD's note, above its `---`. */
function attested(dir: string): string {
  const note = tryGit(dir, ['notes', '--ref=ai', 'show', 'HEAD']);
  return note.code === 0 ? note.stdout.split(/^---$/m)[0]!.trim() : '';
}

describe("the agents' own note of a commit taken for a cherry-pick -n -x's", () => {
  it("a cherry-pick -n -x left behind (given up with git restore): Claude Code's next commit keeps its lines' note", () => {
    const { repo, env } = hookedNotedBranch();
    expect(tryGit(repo.dir, ['cherry-pick', '-n', '-x', 'feature'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['restore', '--staged', '--worktree', '.'], { env }).code).toBe(0);
    agentEdit(repo, PATH, 'h\n', 'h\nc1\nc2\n');
    repo.git(['add', PATH]);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: claude'], { env: { ...env, CLAUDECODE: '1' } });
    expect(made.code, made.stderr).toBe(0);
    // Before: the note named Qwen's session and no line at all: blame gave Claude's two lines to the person.
    expect(attested(repo.dir)).toMatch(/^src\/parse\.ts\n {2}s_[0-9a-f]+::t_[0-9a-f]+ 3-4$/);
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    expect(JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === PATH)).toMatchObject({ lines: 4, ai: 2 });
  });

  it("a cherry-pick -n -x that Claude Code adds to before committing: the note holds Qwen's picked lines and Claude's own", () => {
    const { repo, env } = hookedNotedBranch();
    expect(tryGit(repo.dir, ['cherry-pick', '-n', '-x', 'feature'], { env }).code).toBe(0);
    agentEdit(repo, PATH, 'e\n', 'e\nc1\nc2\n');
    repo.git(['add', PATH]);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: port the parser'], { env: { ...env, CLAUDECODE: '1' } });
    expect(made.code, made.stderr).toBe(0);
    const blame = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
    // Before: Qwen's 4 lines only; Claude's 2 read as the person's.
    expect(JSON.parse(blame.stdout).files.find((each: { path: string }) => each.path === PATH)).toMatchObject({ lines: 9, ai: 6, byModel: { 'qwen/qwen3-coder': 4 } });
  });

  it("the person's own next commit of other lines after one left behind passes check", () => {
    const { repo, env } = hookedNotedBranch();
    expect(tryGit(repo.dir, ['cherry-pick', '-n', '-x', 'feature'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['restore', '--staged', '--worktree', '.'], { env }).code).toBe(0);
    repo.write(PATH, 'top\nh\nmine1\nmine2\n');
    repo.git(['add', PATH]);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'feat: my own'], { env }).code).toBe(0);
    expect(attested(repo.dir)).toBe('');
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});
