import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { qwenNote } from '../helpers/qwen-code-notes.js';

/** Qwen allowed, except in src/crypto (a path rule: only lines moved there later can break it). */
const CRYPTO_POLICY = 'policy: {allow: ["*"], undeclared: allow, unknownModel: allow, paths: [{files: ["src/crypto/**"], deny: ["qwen/*"]}]}\n';
const AES = 'k1\nk2\nk3\nk4\nk5\nk6\n';
const NOTES = 'refs/notes/ai-attribution';

/** A silent commit of `lib/aes.ts` (Qwen Code through a heredoc message: no Qwen line), named Qwen's by its note alone. */
function qwenNotedAes(repo: TestRepo): string {
  const sha = repo.commit('feat: aes in lib\n', { 'lib/aes.ts': AES });
  qwenNote(repo, sha, 'Qwen-Coder', ['lib/aes.ts']);
  return sha;
}

describe("Qwen Code's note read for the lines its commit wrote that later moved into a protected path", () => {
  it('check: a person moving a note-only Qwen commit\'s lines into src/crypto is refused, naming the Qwen commit', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': CRYPTO_POLICY, 'app.ts': 'app\n' });
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

/** A server under CRYPTO_POLICY whose main holds the note-only Qwen commit, its note pushed too. */
function serverWithQwenNote() {
  const project = policyServer(CRYPTO_POLICY);
  const sha = qwenNotedAes(project.work);
  const push = tryGit(project.work.dir, ['push', '--no-verify', 'origin', 'main', NOTES]);
  expect(push.code, push.stderr).toBe(0);
  return { ...project, sha };
}

describe("pre-receive reads Qwen Code's note for the lines the move brings", () => {
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
});
