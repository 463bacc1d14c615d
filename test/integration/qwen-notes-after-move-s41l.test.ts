import { describe, expect, it } from 'vitest';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { QWEN_CRYPTO_POLICY, QWEN_NOTES, qwenNote } from '../helpers/qwen-code-notes.js';

const AES = 'k1\nk2\nk3\nk4\nk5\nk6\n';

/**
 * Row 560: Qwen Code's note pushed only after its commit's lines were moved into a protected
 * path. The branch went first (a silent Qwen commit in lib/, a person's move into src/crypto: no
 * attribution, nothing to refuse), then the note: pre-receive judged the noted commit on its own
 * paths (lib/: allowed), as git-ai notes were before row 215's walk of where their lines sit now.
 */
describe("a Qwen Code note pushed after its commit's lines moved into a protected path", () => {
  it('is refused at pre-receive, naming the protected path', () => {
    const { work, remote } = policyServer(QWEN_CRYPTO_POLICY);
    const sha = work.commit('feat: aes in lib\n', { 'lib/aes.ts': AES });
    work.write('src/crypto/aes.ts', AES);
    work.git(['rm', '-q', 'lib/aes.ts']);
    work.git(['add', '-A']);
    work.git(['commit', '-q', '-m', 'refactor: move aes']);
    const branch = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(branch.code, branch.stderr).toBe(0);
    qwenNote(work, sha, 'Qwen-Coder', ['lib/aes.ts']);
    const notes = tryGit(work.dir, ['push', '--no-verify', 'origin', QWEN_NOTES]);
    expect(notes.code).not.toBe(0);
    expect(notes.stderr).toContain('src/crypto/aes.ts');
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '--quiet', QWEN_NOTES]).stdout).toBe('');
  });

  it('lands when the lines stayed where the policy allows Qwen', () => {
    const { work } = policyServer(QWEN_CRYPTO_POLICY);
    const sha = work.commit('feat: aes in lib\n', { 'lib/aes.ts': AES });
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']).code).toBe(0);
    qwenNote(work, sha, 'Qwen-Coder', ['lib/aes.ts']);
    const notes = tryGit(work.dir, ['push', '--no-verify', 'origin', QWEN_NOTES]);
    expect(notes.code, notes.stderr).toBe(0);
  });
});
