import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, CRYPTO_PATH_POLICY, policyServer, project, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';

// Session 36 (red team, the insider with a denied model; row 254 through Git LFS): Qwen writes
// lib/key.ts (allowed there), a person commits at src/crypto/key.ts a Git LFS pointer to the same
// bytes (uploaded to the LFS store) with `filter=lfs` in .gitattributes: git blames the pointer's
// three lines to the person, while every checkout with Git LFS shows Qwen's code there.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const OID = createHash('sha256').update(QWEN_KEY).digest('hex');
const POINTER = `version https://git-lfs.github.com/spec/v1\noid sha256:${OID}\nsize ${Buffer.byteLength(QWEN_KEY)}\n`;
const ATTRIBUTES = 'src/crypto/*.ts filter=lfs diff=lfs merge=lfs -text\n';

describe('path rules: a Git LFS pointer at a protected path', () => {
  it.each([
    ['as git-lfs writes it', POINTER],
    ['with CRLF line ends', POINTER.replaceAll('\n', '\r\n')],
    ['followed by blank lines and then lines git-lfs never reads', `${POINTER}${'\n'.repeat(1000)}export const decoy = "a person's line";\n`],
  ])('is refused by check and pre-receive (both passed it as the person’s three lines): %s', (_name, pointer) => {
    const { work, remote } = policyServer(CRYPTO_PATH_POLICY);
    work.git(['checkout', '-q', '-b', 'key', 'main']);
    committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    committed(work, 'chore: keep the key in LFS\n', { '.gitattributes': ATTRIBUTES, 'src/crypto/key.ts': pointer });
    const check = aitrail(work.dir, ['check', 'main..key']);
    expect(check.stdout + check.stderr).not.toContain('no policy violations');
    expect(check.code).toBe(3);
    expect(check.stderr).toContain("'src/crypto/key.ts'");
    expect(check.stderr).toContain('Git LFS pointer');
    const push = tryGit(work.dir, ['push', 'origin', 'key']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('Git LFS pointer');
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain('refs/heads/key');
  });

  it('pre-push refuses it too', () => {
    const { work } = project(CRYPTO_PATH_POLICY, { hooks: ['pre-push'] });
    work.git(['checkout', '-q', '-b', 'key', 'main']);
    committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    committed(work, 'chore: keep the key in LFS\n', { '.gitattributes': ATTRIBUTES, 'src/crypto/key.ts': POINTER });
    const push = tryGit(work.dir, ['push', 'origin', 'key']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('Git LFS pointer');
  });

  it('a pointer outside the protected paths, and a protected file committed as itself, pass', () => {
    const { work } = policyServer(CRYPTO_PATH_POLICY);
    work.git(['checkout', '-q', '-b', 'assets', 'main']);
    committed(work, `feat: logo\n\n${QWEN_DECLARED}\n`, { '.gitattributes': '*.png filter=lfs diff=lfs merge=lfs -text\n', 'assets/logo.png': POINTER });
    committed(work, 'feat: key derivation by hand\n', { 'src/crypto/key.ts': 'export const rounds = 600000;\n' });
    const check = aitrail(work.dir, ['check', 'main..assets']);
    expect(check.code, check.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', 'origin', 'assets']);
    expect(push.code, push.stderr).toBe(0);
  });
});
