// Row 838: a signed tag (`git tag -s`) of a tree keeps its signature at the end of its message
// (`-----BEGIN SSH SIGNATURE-----` … as `git cat-file tag` shows it), so the tag's declaration
// `Assisted-by: claude-code:anthropic/…` was no longer the message's last paragraph: pre-receive and
// pre-push (row 823) read it as an undeclared message line, and under `undeclared: deny` an honest
// signed snapshot of an allowed model was refused while the same tag unsigned passed. Replayed with
// real SSH signing (ssh-keygen, gpg.format=ssh) on a real bare server with aitrail's pre-receive.
// Row 839: the refusal of such a tag told the pusher to `git commit --amend` / `git rebase -i` the
// "commit" and that `aitrail check` shows the problem: a tag of a tree is no commit, neither reaches it.
// Row 840: a tag of a tree whose few hundred tiny trees name one another a hundred times over had
// every one of millions of paths listed and held at once (30 million: an internal error after
// seconds of a core and gigabytes), a person's tag too: a tag no rule can object to lists nothing,
// an AI tag's tree is refused past 2 million files, in one line.
import { describe, expect, it } from 'vitest';
import { policyServer, project, tryGit, type Project } from '../helpers/enforce-repos.js';
import { sshSigning as signing } from '../helpers/signed-tags.js';
import { treeWith } from '../helpers/tagged-tree.js';

const POLICY = 'policy:\n  undeclared: deny\n  deny: ["qwen/*"]\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n';
const CLAUDE = 'snapshot: key schedule\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';
const QWEN = 'snapshot: key schedule\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

/** `git tag -s name <tree> -F -` (or a tag object written as given), pushed: the push, and whether the server holds the tag. */
function pushTag(server: Project, name: string, message: string, options: { raw?: boolean; verify?: boolean } = {}): { code: number; stderr: string; held: boolean } {
  const tree = treeWith(server.work, name);
  if (options.raw) {
    const tag = server.work.git(['hash-object', '-t', 'tag', '-w', '--stdin'], { input: `object ${tree}\ntype tree\ntag ${name}\ntagger Test Human <human@example.com> 1700000000 +0000\n\n${message}` });
    server.work.git(['update-ref', `refs/tags/${name}`, tag]);
  } else {
    server.work.git(['tag', '-s', name, tree, '-F', '-'], { input: message });
    expect(server.work.git(['cat-file', 'tag', name])).toContain('-----BEGIN SSH SIGNATURE-----');
  }
  const push = tryGit(server.work.dir, ['push', ...(options.verify ? [] : ['--no-verify']), 'origin', `refs/tags/${name}`]);
  const held = tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', `refs/tags/${name}`]).code === 0;
  return { code: push.code, stderr: push.stderr, held };
}

describe('signed tags of trees (row 838)', () => {
  it("pre-receive reads a signed tag's trailers as trailers: an allowed model passes undeclared: deny, a denied one is refused as declared", () => {
    const server = policyServer(POLICY);
    signing(server.work);
    const claude = pushTag(server, 'claude', CLAUDE);
    expect(claude.code, claude.stderr).toBe(0);
    expect(claude.held).toBe(true);
    const qwen = pushTag(server, 'qwen', QWEN);
    expect(qwen.code).not.toBe(0);
    expect(qwen.stderr).toMatch(/model qwen\/qwen3-coder \(via qwen-code\) is denied/);
    expect(qwen.stderr).not.toContain('undeclared');
    expect(qwen.held).toBe(false);
  });

  it('keeps a block that is no signature as message: a claim inside a fake signature, or a line after one, is still read', () => {
    const server = policyServer(POLICY);
    const inside = pushTag(server, 'inside', 'snapshot\n-----BEGIN PGP SIGNATURE-----\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n-----END PGP SIGNATURE-----\n', { raw: true });
    expect(inside.code).not.toBe(0);
    expect(inside.stderr).toMatch(/qwen\/qwen3-coder/);
    expect(inside.held).toBe(false);
    const after = pushTag(server, 'after', 'snapshot\n-----BEGIN PGP SIGNATURE-----\n\niQEzBAABCAAd\n=abcd\n-----END PGP SIGNATURE-----\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { raw: true });
    expect(after.code).not.toBe(0);
    expect(after.held).toBe(false);
  });

  it('tells the pusher of a refused tag of a tree the way out: a new tag, not an amend or rebase (row 839)', () => {
    const server = policyServer(POLICY);
    const qwen = pushTag(server, 'snapshot', QWEN, { raw: true });
    expect(qwen.code).not.toBe(0);
    expect(qwen.held).toBe(false);
    expect(qwen.stderr).toContain('fix:   The tag snapshot names a tree, no commit');
    expect(qwen.stderr).toContain('git tag -d snapshot');
    expect(qwen.stderr).not.toContain('git rebase -i (older ones)');
  });

  it("lists no tree for a person's tag, and refuses in one line an AI tag of a tree of more than 2 million files made of a few hundred objects (row 840)", () => {
    const server = policyServer(POLICY);
    const work = server.work;
    const mktree = (lines: string[]): string => work.git(['mktree'], { input: `${lines.join('\n')}\n` });
    const names = (count: number): string[] => Array.from({ length: count }, (_, at) => `e${at}`);
    let tree = mktree(names(100).map((name) => `100644 blob ${work.git(['hash-object', '-w', '--stdin'], { input: 'x\n' })}\t${name}`));
    for (const count of [100, 100, 30]) tree = mktree(names(count).map((name) => `040000 tree ${tree}\t${name}`));
    const held = (name: string): boolean => tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', `refs/tags/${name}`]).code === 0;
    // 30 million paths under a person's message: nothing to judge them by, nothing listed.
    work.git(['tag', '-a', 'wide', tree, '-m', 'a snapshot']);
    const person = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/tags/wide']);
    expect(person.code, person.stderr).toBe(0);
    expect(held('wide')).toBe(true);
    work.git(['tag', '-a', 'wide-ai', tree, '-F', '-'], { input: CLAUDE });
    const ai = tryGit(work.dir, ['push', '--no-verify', 'origin', 'refs/tags/wide-ai']);
    expect(ai.code).not.toBe(0);
    expect(ai.stderr).toMatch(/cannot judge the pushed tag [0-9a-f]{40} \(pushed as refs\/[^)]+\): the tree it names holds more than 2000000 files/);
    expect(ai.stderr).not.toMatch(/internal error|\n\s+at /);
    // The way out is true: a commit of that tree is refused alike (row 857), so no "tag a commit of it".
    expect(ai.stderr).toContain('(a commit of that tree would be refused the same way); tag a tree of fewer files.');
    expect(held('wide-ai')).toBe(false);
  });

  it("pre-push (a server without the hook) pushes the signed tag of an allowed model", () => {
    const work = project(POLICY);
    signing(work.work);
    const claude = pushTag(work, 'claude', CLAUDE, { verify: true });
    expect(claude.code, claude.stderr).toBe(0);
    expect(claude.held).toBe(true);
  });
});
