// Session 55 helper e (row 1169): under a global deny, Qwen's reverted commit Q (two files) picked again as two
// person-read commits pushed one at a time (one file of Q each) passed both pushes: row 1124 matched the parts only
// within one range, and a commit the refs already hold was never compared. Found re-reading row 1124's stated limit,
// replayed with a real bare server's pre-receive. Now when a range's commit holds part of Q and the range does not hold
// the rest, the commits the refs hold made since Q (not its ancestors; at Q's paths, up to 1,000) are compared: the
// second push is refused naming Q. The first part alone still passes (nothing yet completes it).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { PARSE } from '../helpers/laundered-twins.js';

const UTIL = 'export function words(input: string): string[] {\n  return input.split(/\\s+/).filter(Boolean);\n}\n';

describe("a refused commit's files picked again in separate pushes (row 1169)", () => {
  it('the first part passes; the push completing Q is refused by check and pre-receive, naming Q', () => {
    const { work, remote } = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    expect(commitWith(work, 'feat: parse\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/parse.ts': PARSE, 'src/words.ts': UTIL }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    work.git(['revert', '--no-edit', 'HEAD']);
    expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    expect(commitWith(work, 'feat: parse\n', { 'src/parse.ts': PARSE }, { noVerify: true }).code).toBe(0);
    const first = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(first.code, first.stderr).toBe(0);
    expect(commitWith(work, 'feat: words\n', { 'src/words.ts': UTIL }, { noVerify: true }).code).toBe(0);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain(`part of the same change (git patch-id) as ${qwen.slice(0, 12)}`);
    expect(check.stdout).toContain('commits it holds, made after it, hold the rest');
    const second = work.git(['rev-parse', 'HEAD']);
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(pushed.code, pushed.stderr).not.toBe(0);
    expect(pushed.stderr).toContain(qwen.slice(0, 12));
    expect(remote.git(['rev-parse', 'refs/heads/main'])).not.toBe(second);
    // A person's own different words.ts (no file change of Q's) passes.
    work.git(['reset', '-q', '--hard', 'origin/main']);
    expect(commitWith(work, 'feat: words by hand\n', { 'src/words.ts': UTIL.replace('filter(Boolean)', 'filter((word) => word !== "")') }, { noVerify: true }).code).toBe(0);
    const own = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(own.code, own.stderr).toBe(0);
  });

  // Session 55's last re-read: Q's first file's name starting with a line break (`$'\nw.ts'`) was read as `w.ts` (a
  // line break stripped from each name git lists), so the rest pushed before was never found and the push passed.
  it('a file name starting with a line break: the push completing Q is refused by check', () => {
    const odd = '\nwords.ts';
    const { work } = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    expect(commitWith(work, 'feat: parse\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'parse.ts': PARSE, [odd]: UTIL }, { noVerify: true }).code).toBe(0);
    const qwen = work.git(['rev-parse', 'HEAD']);
    work.git(['revert', '--no-edit', 'HEAD']);
    expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    expect(commitWith(work, 'feat: words\n', { [odd]: UTIL }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    expect(commitWith(work, 'feat: parse\n', { 'parse.ts': PARSE }, { noVerify: true }).code).toBe(0);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain(`part of the same change (git patch-id) as ${qwen.slice(0, 12)}`);
  });
});
