import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, type Project, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { deniedAfterRevert, expectLaunderRefused, PARSE } from '../helpers/laundered-twins.js';

// row 1101: a person who typed again, by hand, the very change of Qwen's reverted commit Q (a one-line
// fix, a version bump) is refused as Q's twin (rows 1056, 1079: the same patch id), and was told Q's own
// fix: "Remove this model's work from the commit and redo it by hand": done already, and refused again the
// same way. The twin's fix now says why (Q's patch id, the rule refusing Q) and what helps.
describe("a twin's refusal says why redoing it by hand does not help (row 1101)", () => {
  it("row 1101: a person's re-typed copy of Qwen's reverted change is refused by check and pre-receive with a fix naming Q, not 'redo it by hand'", () => {
    const server = deniedAfterRevert();
    const { work, qwen } = server;
    expect(commitWith(work, 'feat: parse by hand\n', { 'src/parse.ts': PARSE }, { noVerify: true }).code).toBe(0);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const fix = check.stdout.split('\n').find((line) => line.trim().startsWith('fix:')) ?? '';
    expect(fix).toContain(`This commit's whole change is ${qwen.slice(0, 12)}'s (the same git patch-id --stable`);
    expect(fix).toContain('which policy.deny refuses');
    expect(fix).toContain('Redoing it by hand the same way does not help.');
    expect(fix).not.toContain('redo it by hand or with an allowed model');
    const json = aitrail(work.dir, ['check', 'origin/main..HEAD', '--format', 'json'], { timeout: 120_000 });
    expect(json.stdout).toContain('Redoing it by hand the same way does not help.');
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(pushed.code, pushed.stderr).not.toBe(0);
    expect(pushed.stderr).toContain(qwen.slice(0, 12));
    expect(pushed.stderr).not.toContain('redo it by hand or with an allowed model');
  });
});

/** A policy server whose main holds a 20-line `src/lib.ts`, Qwen's one-line change to it (made before the deny), a person's revert, the deny, and `after` (the file's next content, a person's), pushed. */
function qwenLineReverted(after: (lib: string) => string): Project & { qwen: string } {
  const lib = Array.from({ length: 20 }, (_, index) => `const a${index + 1} = 1;\n`).join('');
  const server = policyServer('policy:\n  deny: ["anthropic/*"]\n');
  const { work } = server;
  expect(commitWith(work, 'chore: lib\n', { 'src/lib.ts': lib }, { noVerify: true }).code).toBe(0);
  expect(commitWith(work, 'feat: compute\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/lib.ts': lib.replace('const a10 = 1;', 'const a10 = compute(1);') }, { noVerify: true }).code).toBe(0);
  const qwen = work.git(['rev-parse', 'HEAD']);
  work.git(['revert', '--no-edit', 'HEAD']);
  expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
  expect(commitWith(work, 'fix: next\n', { 'src/lib.ts': after(lib) }, { noVerify: true }).code).toBe(0);
  const before = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
  expect(before.code, before.stderr).toBe(0);
  return { ...server, qwen };
}

// row 1102: the twin search compared patch ids with git's three lines of context: Qwen's one-line change Q,
// reverted, then picked again after a person had edited a line two lines away, had other context lines, so
// another patch id: check and pre-receive passed Q's very change under `deny: ["qwen/*"]`.
// row 1103: git 2.39's patch-id hashes a diff's mode lines: Q picked again with a `chmod +x` of its file passed.
describe("a refused commit picked again onto moved context, or with its file's mode changed (rows 1102, 1103)", () => {
  it("row 1102: Qwen's reverted one-line change picked again after a person's edit two lines away is refused by check and pre-receive", () => {
    const server = qwenLineReverted((lib) => lib.replace('const a8 = 1;', 'const a8 = 2;'));
    const { work } = server;
    expect(tryGit(work.dir, ['cherry-pick', '-n', server.qwen]).code).toBe(0);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: compute again']).code).toBe(0);
    expectLaunderRefused(server);
  });

  it("row 1103: Qwen's reverted change picked again with its file made executable is refused by check and pre-receive", () => {
    const server = qwenLineReverted((lib) => `${lib}const a21 = 1;\n`);
    const { work } = server;
    expect(tryGit(work.dir, ['cherry-pick', '-n', server.qwen]).code).toBe(0);
    chmodSync(join(work.dir, 'src/lib.ts'), 0o755);
    work.git(['add', 'src/lib.ts']);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: compute, executable']).code).toBe(0);
    expect(work.git(['diff-tree', '--no-commit-id', '-r', 'HEAD'])).toContain('100644 100755');
    expectLaunderRefused(server);
  });
});
