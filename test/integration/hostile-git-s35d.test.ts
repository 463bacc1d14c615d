// A hostile repository against what aitrail reads: what git's own config adds to the output of
// the git commands aitrail runs, and the environment agents load from its files. Every test here
// failed before its fix.
import { chmodSync, existsSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

/** A signature header git hands to gpg.program (any bytes: git checks none before `log.showSignature` runs it). */
const SIGNATURE = 'gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n';

/** HEAD again with a signature header (same tree, parents, author and message), checked out in place of it. */
function signHead(repo: TestRepo): string {
  const raw = repo.git(['cat-file', 'commit', 'HEAD'], { raw: true });
  const end = raw.indexOf('\n\n');
  const signed = repo.git(['hash-object', '-t', 'commit', '-w', '--stdin'], { input: `${raw.slice(0, end + 1)}${SIGNATURE}${raw.slice(end + 1)}` });
  repo.git(['reset', '-q', '--soft', signed]);
  return signed;
}

/**
 * `log.showSignature=true` (a signer's global config) and a `gpg.program` that prints a line as gpg
 * does and leaves a mark: git runs it for every signed commit a `git log` shows.
 */
function showSignatures(repo: TestRepo): string {
  const mark = join(tempDir('aitrail-gpg-'), 'ran');
  const program = join(tempDir('aitrail-gpg-'), 'gpg');
  writeFileSync(program, `#!/bin/sh\necho ran >> '${mark}'\necho 'gpg: Signature made by someone' >&2\nexit 1\n`);
  chmodSync(program, 0o755);
  repo.git(['config', 'log.showSignature', 'true']);
  repo.git(['config', 'gpg.program', program]);
  return mark;
}

describe('log.showSignature and signed commits', () => {
  it('blame --by author names the authors of signed commits, and runs no gpg.program', () => {
    const repo = makeRepo();
    for (const n of [1, 2]) {
      repo.commit(`feat: line ${n}\n`, { 'a.txt': n === 1 ? 'one\n' : 'one\ntwo\n' }, { GIT_AUTHOR_NAME: `Author ${n}`, GIT_AUTHOR_EMAIL: `a${n}@example.com` });
      signHead(repo);
    }
    const mark = showSignatures(repo);
    const result = aitrail(repo.dir, ['blame', '--by', 'author', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const authors = (JSON.parse(result.stdout) as { groups: { key: string }[] }).groups.map((row) => row.key).sort();
    expect(authors).toEqual(['Author 1 <a1@example.com>', 'Author 2 <a2@example.com>']);
    expect(existsSync(mark)).toBe(false);
  });

  it('check --config refuses a policy link the judged commits retarget, when that commit is signed', () => {
    const repo = makeRepo();
    repo.write('conf/policy.yml', 'policy:\n  deny: ["qwen/*"]\n');
    repo.write('fixtures/policy.yml', 'policy: {}\n');
    symlinkSync('conf', join(repo.dir, 'ci'));
    repo.commit('chore: policy\n');
    repo.git(['checkout', '-q', '-b', 'feature']);
    unlinkSync(join(repo.dir, 'ci'));
    symlinkSync('fixtures', join(repo.dir, 'ci'));
    repo.commit('chore: tidy\n');
    signHead(repo);
    repo.commit('feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/parser.ts': 'x\n' });
    const mark = showSignatures(repo);
    const result = aitrail(repo.dir, ['check', 'main..HEAD', '--config', 'ci/policy.yml']);
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stderr).toContain('the commits being judged change');
    expect(existsSync(mark)).toBe(false);
  });
});

describe('AITRAIL=0 and AITRAIL_MODEL from a .env the repository commits', () => {
  it('an agent commit with the .env loaded is still judged (said and ignored); the person\'s own AITRAIL=0 still switches aitrail off', () => {
    const { repo, env } = hookedRepo();
    const setUp = { ...env, AITRAIL: '0' };
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, setUp);
    // Qwen Code (like aider and Gemini CLI) loads the project's .env into the environment its git commit hands to the hooks.
    const qwen = { ...env, HOME: tempDir('aitrail-home-'), QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder', AITRAIL: '0' };
    repo.write('a.txt', 'one\n');
    repo.git(['add', 'a.txt']);
    const untracked = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: one'], { env: qwen });
    expect(untracked.code, untracked.stderr).toBe(0); // a person's own switch (no committed .env says so): off, as before
    expect(untracked.stderr).not.toContain('AITRAIL=0 ignored');

    repo.commit('chore: env\n', { 'tools/.env': 'LOG_LEVEL=info\nexport AITRAIL=0\n' }, setUp);
    repo.write('a.txt', 'two\n');
    repo.git(['add', 'a.txt']);
    const refused = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: two'], { env: qwen });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('AITRAIL=0 ignored: a .env file this repository commits sets AITRAIL');
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via qwen-code\) is denied/);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('chore: env');

    // AITRAIL_MODEL planted the same way named another model for the agent's commit: Claude for Qwen's lines.
    repo.git(['reset', '-q']);
    repo.commit('chore: env\n', { 'tools/.env': 'LOG_LEVEL=info\nAITRAIL_MODEL="anthropic/claude-opus-4.6"\n' }, setUp);
    repo.write('a.txt', 'three\n');
    repo.git(['add', 'a.txt']);
    const renamed = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: three'], { env: { ...qwen, AITRAIL: undefined, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' } });
    expect(renamed.code).not.toBe(0);
    expect(renamed.stderr).toContain('AITRAIL_MODEL ignored: a .env file this repository commits sets AITRAIL_MODEL');
    expect(renamed.stderr).toMatch(/qwen\/qwen3-coder \(via qwen-code\) is denied/);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('chore: env');
  });
});
