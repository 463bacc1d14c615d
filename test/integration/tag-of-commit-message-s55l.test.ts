// Session 55 helper l (row 1178): rows 823 and 920 said a tag carrying a Qwen declaration in its message, pushed as a
// tag, is refused; row 823 refuses only tags of trees and blobs (a ref naming no commit). Found by session 55 helper c
// re-reading the rows; replayed here on a real bare server with aitrail's pre-receive, pushed with --no-verify. What is
// true, and kept: a tag of a commit is judged by its commits (a commit Qwen declared is refused, tag or not), its own
// message unread (release notes quote the trailers of the work they ship: judging them would refuse honest releases); a
// tag of a tree with the same message is refused (row 823).
import { describe, expect, it } from 'vitest';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { treeWith } from '../helpers/tagged-tree.js';

const QWEN_TAG = 'v1.1: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

describe("a tag's message carrying a denied model's declaration, pushed as a tag (row 1178)", () => {
  it("passes on a person's commit (the tag's message unread), is refused on a tree, and the commit Qwen declared is refused tagged", () => {
    const server = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const { work, remote } = server;
    expect(commitWith(work, 'feat: parser\n', { 'src/parse.ts': 'export const parse = 1;\n' }, { noVerify: true }).code).toBe(0);
    const main = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(main.code, main.stderr).toBe(0);
    const push = (name: string, object: string): number => {
      work.git(['tag', '-a', name, object, '-F', '-'], { input: QWEN_TAG });
      return tryGit(work.dir, ['push', '--no-verify', 'origin', `refs/tags/${name}`]).code;
    };
    expect(push('v1.1', 'HEAD')).toBe(0);
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '-q', 'refs/tags/v1.1']).code).toBe(0);
    expect(push('snapshot', treeWith(work, 'q'))).not.toBe(0);
    expect(commitWith(work, 'feat: words\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/words.ts': 'export const words = 1;\n' }, { noVerify: true }).code).toBe(0);
    expect(push('v1.2', 'HEAD')).not.toBe(0);
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '-q', 'refs/tags/v1.2']).code).not.toBe(0);
  });
});
