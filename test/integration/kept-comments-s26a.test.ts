import { beforeAll, describe, expect, it } from 'vitest';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { aitrail } from '../helpers/cli.js';
import { messageOf } from '../helpers/hooks.js';
import type { TestRepo } from '../helpers/gitdir.js';

// Row 314: core.commentChar=';' with a cleanup that keeps comment lines. The stored message is judged
// as `git interpret-trailers` reads it with no config (a comment line starts with `#`), so the hooks
// place and read the trailers that way: the trailer they add is a trailer in the commit, and commit-msg
// judges a declaration as check and pre-receive do.
const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const POLICY = JSON.stringify({ policy: { undeclared: 'deny', paths: [{ files: ['src/**'], requireTrailers: ['Reviewed-by'] }] } });

describe('trailers when git keeps the `;` comment lines (row 314)', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    ({ repo, env } = hookedRepo());
    repo.write('.aitrailrc.json', POLICY);
    repo.git(['add', '.aitrailrc.json']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'policy'], { env }).code).toBe(0);
  });

  /** The stored message's trailers as a server with no config reads them. */
  const storedTrailers = () => tryGit(repo.dir, ['interpret-trailers', '--parse', '--no-divider'], { input: messageOf(repo.dir), env }).stdout;

  it('commit.cleanup=whitespace and -v: the trailer goes below the kept comments and above the scissors, and the commit passes check as it passed commit-msg', () => {
    repo.write('src/a.ts', 'export const a = 1;\n');
    repo.git(['add', 'src/a.ts']);
    // The person types the subject on line 1 and a review line above the recorded trailer.
    const editor = "sed -i -e '1s/^$/Fix the parser/' -e '/^Assisted-by:/i Reviewed-by: Alice <alice@example.com>'";
    const made = tryGit(repo.dir, ['-c', 'core.commentChar=;', '-c', 'commit.cleanup=whitespace', 'commit', '-q', '-v'], { env: { ...env, ...OPUS, GIT_EDITOR: editor } });
    expect(made.code, made.stderr).toBe(0);
    const message = messageOf(repo.dir);
    expect(message.startsWith('Fix the parser\n')).toBe(true);
    expect(message).toContain("; with ';' will be kept");
    expect(message).not.toContain('diff --git');
    expect(storedTrailers()).toBe('Reviewed-by: Alice <alice@example.com>\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
    const checked = aitrail(repo.dir, ['check', 'HEAD~1..HEAD'], { env });
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
  });

  it('--cleanup=whitespace on the command line (no config says so): git\'s hint in the template tells the hooks, and the trailer ends up one', () => {
    const editor = "sed -i -e '1s/^$/Fix the lexer/'";
    const made = tryGit(repo.dir, ['-c', 'core.commentChar=;', 'commit', '-q', '--allow-empty', '--cleanup=whitespace'], { env: { ...env, ...OPUS, GIT_EDITOR: editor } });
    expect(made.code, made.stderr).toBe(0);
    expect(messageOf(repo.dir)).toContain("; with ';' will be kept");
    expect(storedTrailers()).toBe('Assisted-by: claude-code:anthropic/claude-opus-4.6\n');
  });

  it('a conflicted merge concluded with `git commit --no-edit`: the trailer goes after the `; Conflicts:` list git keeps, so it is one in the merge commit', () => {
    const base = repo.git(['rev-parse', 'HEAD']);
    repo.git(['checkout', '-q', '-b', 'side']);
    repo.write('c.txt', 'side\n');
    repo.git(['add', 'c.txt']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'side'], { env }).code).toBe(0);
    repo.git(['checkout', '-q', base]);
    repo.write('c.txt', 'main\n');
    repo.git(['add', 'c.txt']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'main'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['-c', 'core.commentChar=;', 'merge', '-q', 'side'], { env }).code).toBe(1);
    repo.write('c.txt', 'both\n');
    repo.git(['add', 'c.txt']);
    const made = tryGit(repo.dir, ['-c', 'core.commentChar=;', 'commit', '-q', '--no-edit'], { env: { ...env, ...OPUS } });
    expect(made.code, made.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe("Merge branch 'side' into HEAD\n\n; Conflicts:\n;\tc.txt\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n");
    expect(storedTrailers()).toBe('Assisted-by: claude-code:anthropic/claude-opus-4.6\n');
  });

  it('-m with a `;` paragraph last: commit-msg refuses the missing review as check does (it passed, and the server refused)', () => {
    repo.write('src/b.ts', 'export const b = 2;\n');
    repo.git(['add', 'src/b.ts']);
    const args = ['-c', 'core.commentChar=;', 'commit', '-q', '-m', 'Add b', '-m', 'Reviewed-by: Alice <alice@example.com>', '-m', '; see the tracker'];
    const refused = tryGit(repo.dir, args, { env: { ...env, ...OPUS } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("lacks the 'Reviewed-by' trailer");
    // The same message past the hook: the recorded trailer is the block git reads, and check refuses what commit-msg refused.
    const forced = tryGit(repo.dir, [...args.slice(0, 3), '--no-verify', ...args.slice(3)], { env: { ...env, ...OPUS } });
    expect(forced.code, forced.stderr).toBe(0);
    expect(storedTrailers()).toBe('Assisted-by: claude-code:anthropic/claude-opus-4.6\n');
    const checked = aitrail(repo.dir, ['check', 'HEAD~1..HEAD'], { env });
    expect(checked.code).toBe(1);
    expect(checked.stdout + checked.stderr).toContain("lacks the 'Reviewed-by' trailer");
  });
});
