// Row 823: a pushed tag of a tree or of a blob (`git tag -a snapshot <tree>`) names no commit, so
// pre-receive skipped the ref (resolveCommits maps it to null): a tag whose message declares Qwen put
// Qwen's src/crypto file on a server ref (what `git archive <tag>` ships) past `deny: ["qwen/*"]`
// and a path rule. Replayed on a real bare server with aitrail's pre-receive, pushed with --no-verify.
import { describe, expect, it } from 'vitest';
import { policyServer, project, tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { treeWith } from '../helpers/tagged-tree.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n';
const QWEN_TAG = 'snapshot: key schedule\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

/** An annotated tag `name` of `object` with `message`, pushed (hooks skipped): the push, and whether the server holds the tag after. */
function pushTag(server: { work: TestRepo; remote: TestRepo }, name: string, object: string, message: string, verify = false): { code: number; stderr: string; held: boolean } {
  server.work.git(['-c', 'advice.nestedTag=false', 'tag', '-a', name, object, '-F', '-'], { input: message });
  const push = tryGit(server.work.dir, ['push', ...(verify ? [] : ['--no-verify']), 'origin', `refs/tags/${name}`]);
  const held = tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', `refs/tags/${name}`]).code === 0;
  return { code: push.code, stderr: push.stderr, held };
}

describe('tags of trees and blobs on a server with the pre-receive hook (row 823)', () => {
  it("refuses a tag of a tree, of a blob, and a tag of such a tag whose message names a denied model; the tree's files meet the path rules", () => {
    const server = policyServer(POLICY);
    const tree = pushTag(server, 'snapshot', treeWith(server.work, 'q'), QWEN_TAG);
    expect(tree.code, tree.stderr).not.toBe(0);
    expect(tree.stderr).toMatch(/model qwen\/qwen3-coder \(via qwen-code\) is denied/);
    expect(tree.stderr).toContain('src/crypto/q.ts');
    expect(tree.held).toBe(false);
    const blob = pushTag(server, 'blob', server.work.git(['hash-object', '-w', '--stdin'], { input: 'export const b = 1;\n' }), QWEN_TAG);
    expect(blob.code, blob.stderr).not.toBe(0);
    expect(blob.held).toBe(false);
    // The declaration on the inner tag of a tag of a tree; the outer one says nothing.
    server.work.git(['-c', 'advice.nestedTag=false', 'tag', '-a', 'inner', treeWith(server.work, 'n'), '-F', '-'], { input: QWEN_TAG });
    const nested = pushTag(server, 'outer', 'inner', 'release\n');
    expect(nested.code, nested.stderr).not.toBe(0);
    expect(nested.held).toBe(false);
    // An allowed model outside the protected path's allow-list is refused by the path rule, on the tree's files.
    const gemini = pushTag(server, 'gemini', treeWith(server.work, 'g'), 'snapshot\n\nAssisted-by: gemini-cli:google/gemini-2.5-pro\n');
    expect(gemini.code, gemini.stderr).not.toBe(0);
    expect(gemini.stderr).toContain('src/crypto/g.ts');
    expect(gemini.held).toBe(false);
    // A chain no reader can end: refused in one line (exit 3), not followed forever.
    let object = server.work.git(['rev-parse', 'main^{tree}']);
    for (let at = 0; at <= 64; at += 1) {
      const type = at === 0 ? 'tree' : 'tag';
      object = server.work.git(['hash-object', '-t', 'tag', '-w', '--stdin'], { input: `object ${object}\ntype ${type}\ntag c${at}\ntagger Test Human <human@example.com> 1700000000 +0000\n\nchain\n` });
    }
    server.work.git(['update-ref', 'refs/tags/chain', object]);
    const chain = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'refs/tags/chain']);
    expect(chain.code).not.toBe(0);
    expect(chain.stderr).toContain('is a tag of a tag more than 64 times over');
    expect(chain.stderr).not.toMatch(/\n\s+at /);
  });

  it("passes a person's tag of a tree or blob (the kernel's v2.6.11-tree, git's junio-gpg-pub) and an allowed model's", () => {
    const server = policyServer(POLICY);
    const person = pushTag(server, 'v2.6.11-tree', treeWith(server.work, 'p'), 'This is the 2.6.11 tree object.\n');
    expect(person.code, person.stderr).toBe(0);
    expect(person.held).toBe(true);
    const key = pushTag(server, 'junio-gpg-pub', server.work.git(['hash-object', '-w', '--stdin'], { input: 'a key\n' }), 'GPG key to sign git.git archive.\n');
    expect(key.code, key.stderr).toBe(0);
    const claude = pushTag(server, 'claude', treeWith(server.work, 'c'), 'snapshot\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
    expect(claude.code, claude.stderr).toBe(0);
    expect(claude.held).toBe(true);
  });

  it("pre-push (a server without the hook) refuses the denied tag of a tree and pushes a person's", () => {
    const work = project(POLICY);
    const refused = pushTag(work, 'snapshot', treeWith(work.work, 'q'), QWEN_TAG, true);
    expect(refused.code, refused.stderr).not.toBe(0);
    expect(refused.stderr).toMatch(/model qwen\/qwen3-coder \(via qwen-code\) is denied/);
    expect(refused.held).toBe(false);
    const person = pushTag(work, 'v2.6.11-tree', treeWith(work.work, 'p'), 'This is the 2.6.11 tree object.\n', true);
    expect(person.code, person.stderr).toBe(0);
    expect(person.held).toBe(true);
  });
});
