import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { otherNote, QWEN_CRYPTO_POLICY, QWEN_NOTES, qwenNote } from '../helpers/qwen-code-notes.js';

const AES = 'k1\nk2\nk3\nk4\nk5\nk6\n';

/** A silent commit of `lib/aes.ts` (Qwen Code through a heredoc message: no Qwen line), named Qwen's by its note alone. */
function qwenNotedAes(repo: TestRepo): string {
  const sha = repo.commit('feat: aes in lib\n', { 'lib/aes.ts': AES });
  qwenNote(repo, sha, 'Qwen-Coder', ['lib/aes.ts']);
  return sha;
}

describe("Qwen Code's note read for the lines its commit wrote that later moved into a protected path", () => {
  it('check: a person moving a note-only Qwen commit\'s lines into src/crypto is refused, naming the Qwen commit', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': QWEN_CRYPTO_POLICY, 'app.ts': 'app\n' });
    const sha = qwenNotedAes(repo);
    repo.git(['branch', 'base']);
    repo.git(['checkout', '-q', '-b', 'move']);
    repo.write('src/crypto/aes.ts', AES);
    repo.git(['rm', '-q', 'lib/aes.ts']);
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '-m', 'refactor: move aes']);
    const check = aitrail(repo.dir, ['check', 'base..move', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ sha, rule: 'path-model-denied', model: 'qwen/unknown', path: 'src/crypto/aes.ts' })]);
  });
});

/** A server under QWEN_CRYPTO_POLICY whose main holds the note-only Qwen commit, its note pushed too. */
function serverWithQwenNote() {
  const project = policyServer(QWEN_CRYPTO_POLICY);
  const sha = qwenNotedAes(project.work);
  const push = tryGit(project.work.dir, ['push', '--no-verify', 'origin', 'main', QWEN_NOTES]);
  expect(push.code, push.stderr).toBe(0);
  return { ...project, sha };
}

describe("pre-receive keeps Qwen Code's notes, so the move cannot be made to read as a person's lines", () => {
  it('the move is refused while the note is on the server', () => {
    const { work } = serverWithQwenNote();
    work.write('src/crypto/aes.ts', AES);
    work.git(['rm', '-q', 'lib/aes.ts']);
    work.git(['add', '-A']);
    work.git(['commit', '-q', '-m', 'refactor: move aes']);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('src/crypto/aes.ts');
  });

  it('deleting refs/notes/ai-attribution, or force-pushing it without the note, is refused', () => {
    const { work, remote, sha } = serverWithQwenNote();
    const deleted = tryGit(work.dir, ['push', '--no-verify', 'origin', `:${QWEN_NOTES}`]);
    expect(deleted.code).not.toBe(0);
    expect(deleted.stderr).toContain('deletes refs/notes/ai-attribution');
    work.git(['notes', `--ref=${QWEN_NOTES}`, 'remove', sha]);
    const dropped = tryGit(work.dir, ['push', '--no-verify', '--force', 'origin', QWEN_NOTES]);
    expect(dropped.code).not.toBe(0);
    expect(dropped.stderr).toContain(`Qwen Code's note of ${sha.slice(0, 12)}`);
    otherNote(work, sha, '{"attribution_state":"measured"}');
    const rewritten = tryGit(work.dir, ['push', '--no-verify', '--force', 'origin', QWEN_NOTES]);
    expect(rewritten.code).not.toBe(0);
    expect(remote.git(['notes', `--ref=${QWEN_NOTES}`, 'show', sha])).toContain('Qwen-Coder');
    remote.git(['config', 'aitrail.allowNotesRewrite', 'true']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', `:${QWEN_NOTES}`]).code).toBe(0);
  });

  it("another tool's notes in the ref may be rewritten and the ref deleted when it holds no Qwen Code note", () => {
    const project = policyServer(QWEN_CRYPTO_POLICY);
    const sha = project.work.commit('feat: util\n', { 'lib/util.ts': 'u\n' });
    otherNote(project.work, sha, '{"attribution_state":"measured"}');
    expect(tryGit(project.work.dir, ['push', '--no-verify', 'origin', 'main', QWEN_NOTES]).code).toBe(0);
    otherNote(project.work, sha, '{"attribution_state":"measured again"}');
    const rewritten = tryGit(project.work.dir, ['push', '--no-verify', '--force', 'origin', QWEN_NOTES]);
    expect(rewritten.code, rewritten.stderr).toBe(0);
    const deleted = tryGit(project.work.dir, ['push', '--no-verify', 'origin', `:${QWEN_NOTES}`]);
    expect(deleted.code, deleted.stderr).toBe(0);
  });
});
