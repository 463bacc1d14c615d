import { describe, expect, it } from 'vitest';
import { commitWith, tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { deniedAfterRevert, expectLaunderRefused, PARSE } from '../helpers/laundered-twins.js';

// row 1079: row 1056's twin search read person-read commits only. Under a global deny, Qwen's reverted
// commit Q picked again with an allowed model's trailer (`Assisted-by: claude-code:anthropic/…`) was
// no person's commit, so its patch id was never compared: check and pre-receive passed Qwen's change.
// row 1080: a merge whose own change (against its first parent) is Q's patch — `git merge --no-commit`
// of an empty side branch, Q's file checked out into the merge — was never compared either.
/** A merge of a branch holding one empty commit, `file` checked out of `qwen` into it: the merge's own change is Qwen's. */
function mergeRestoring(work: TestRepo, qwen: string, file: string): void {
  work.git(['checkout', '-q', '-b', 'side']);
  expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '--allow-empty', '-m', 'chore: nothing']).code).toBe(0);
  work.git(['checkout', '-q', 'main']);
  expect(tryGit(work.dir, ['merge', '--no-ff', '--no-commit', 'side']).code).toBe(0);
  work.git(['checkout', qwen, '--', file]);
  expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', "Merge branch 'side'"]).code).toBe(0);
}

describe("a refused commit's very change under an allowed model's name, or as a merge's own change (rows 1079, 1080)", () => {
  it("row 1079: Qwen's reverted commit picked again under Claude's trailer is refused by check and pre-receive; Claude's own different change passes", () => {
    const server = deniedAfterRevert();
    const { work } = server;
    expect(tryGit(work.dir, ['cherry-pick', '-n', server.qwen]).code).toBe(0);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: parse\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6']).code).toBe(0);
    expectLaunderRefused(server);
    // Claude's own parse (another change to the same file) passes.
    work.git(['reset', '-q', '--hard', 'origin/main']);
    expect(commitWith(work, 'feat: parse\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'src/parse.ts': PARSE.replace('part.length > 0', 'part !== ""') }, { noVerify: true }).code).toBe(0);
    const own = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(own.code, own.stderr).toBe(0);
  });

  it("row 1080: a merge of an empty branch whose own change is Qwen's reverted commit is refused by check and pre-receive; a plain merge passes", () => {
    const server = deniedAfterRevert();
    const { work } = server;
    mergeRestoring(work, server.qwen, 'src/parse.ts');
    expectLaunderRefused(server);
    // The same merge without Qwen's file passes.
    work.git(['reset', '-q', '--hard', 'origin/main']);
    expect(tryGit(work.dir, ['merge', '--no-ff', '--no-verify', '-m', "Merge branch 'side'", 'side']).code).toBe(0);
    const own = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(own.code, own.stderr).toBe(0);
  });

  it("row 1082: under a path rule alone, Qwen's reverted commit in src/crypto picked again by a person, or restored by a merge, is refused by check and pre-receive", () => {
    const policy = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n';
    const server = deniedAfterRevert(policy, 'src/crypto/parse.ts');
    const { work } = server;
    expect(tryGit(work.dir, ['cherry-pick', '-n', server.qwen]).code).toBe(0);
    expect(tryGit(work.dir, ['commit', '-q', '--no-verify', '-m', 'feat: parse']).code).toBe(0);
    expectLaunderRefused(server, 'path-model-not-allowed');
    work.git(['reset', '-q', '--hard', 'origin/main']);
    mergeRestoring(work, server.qwen, 'src/crypto/parse.ts');
    expectLaunderRefused(server, 'path-model-not-allowed');
    // A person's own parse in src/crypto passes.
    work.git(['reset', '-q', '--hard', 'origin/main']);
    expect(commitWith(work, 'feat: parse by hand\n', { 'src/crypto/parse.ts': PARSE.replace('part.length > 0', 'part !== ""') }, { noVerify: true }).code).toBe(0);
    const own = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(own.code, own.stderr).toBe(0);
  });
});
