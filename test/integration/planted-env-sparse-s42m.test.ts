// Row 597 reads a failing `git grep` of the committed `.env` files as every variable set. A partial clone
// made sparse (`git clone --filter=blob:none --sparse`, as large repositories are cloned) never fetched the
// blob of a `.env` outside its cone: the shims saw it gone from the work tree and read the index with `git
// grep --cached`, which fetched that blob from the remote and, offline, died: a person's own AITRAIL=0 was
// ignored and their own AITRAIL_MODEL dropped without a word (the commit recorded no model). Real clones, the real `aitrail init`.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { countingBin } from '../helpers/hooked-repo.js';

/** A sparse partial clone (cone `app`) of a repository committing `lib/.env`, aitrail's hooks in it, its remote gone (offline). */
function offlineSparseClone(): { dir: string; env: NodeJS.ProcessEnv; started: string; remote: string } {
  const origin = makeRepo();
  origin.commit('start\n', { 'app/a.txt': 'a\n', 'lib/.env': 'AITRAIL_QUIET=1\n', 'lib/l.txt': 'l\n' });
  const server = makeRepo({ bare: true });
  server.git(['config', 'uploadpack.allowFilter', 'true']);
  server.git(['config', 'uploadpack.allowAnySHA1InWant', 'true']);
  origin.git(['push', '-q', server.dir, 'main']);
  const dir = join(tempDir(), 'clone');
  expect(tryGit(tempDir(), ['clone', '-q', '--filter=blob:none', '--sparse', `file://${server.dir}`, dir]).code).toBe(0);
  expect(tryGit(dir, ['sparse-checkout', 'set', 'app']).code).toBe(0);
  expect(existsSync(join(dir, 'lib', '.env'))).toBe(false);
  const { bin, started } = countingBin();
  const env = { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}` };
  expect(aitrail(dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
  writeFileSync(started, '');
  const remote = `${server.dir}.away`;
  renameSync(server.dir, remote);
  return { dir, env, started, remote };
}

describe("a .env a sparse partial clone keeps out of the work tree, offline", () => {
  it("a person's AITRAIL=0 is honoured: not named as ignored, no node", () => {
    const { dir, env, started } = offlineSparseClone();
    writeFileSync(join(dir, 'app', 'b.txt'), 'b\n');
    expect(tryGit(dir, ['add', 'app/b.txt']).code).toBe(0);
    // A message that names an agent: the shims' fast path for a person's plain commit does not end it before the .env is read.
    const made = tryGit(dir, ['commit', '-q', '-m', 'feat: b\n\nCo-authored-by: Claude <noreply@anthropic.com>'], { env: { ...env, AITRAIL: '0' } });
    // Before: "AITRAIL=0 ignored: a .env file this repository commits sets AITRAIL", and the hooks ran node.
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).not.toContain('ignored');
    expect(readFileSync(started, 'utf8')).toBe('');
  });

  it("a person's AITRAIL_MODEL is recorded", () => {
    const { dir, env } = offlineSparseClone();
    writeFileSync(join(dir, 'app', 'c.txt'), 'c\n');
    expect(tryGit(dir, ['add', 'app/c.txt']).code).toBe(0);
    const made = tryGit(dir, ['commit', '-q', '-m', 'feat: c'], { env: { ...env, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' } });
    expect(made.code, made.stderr).toBe(0);
    // Before: no trailer (the model dropped as if the committed .env had set it).
    expect(tryGit(dir, ['log', '-1', '--format=%B']).stdout).toContain('Assisted-by: unknown:anthropic/claude-opus-4.6');
  });

  it('a committed .env deleted from the work tree (no sparse checkout) is still read from the index', () => {
    const { dir, env, remote } = offlineSparseClone();
    renameSync(remote, remote.replace(/\.away$/, ''));
    expect(tryGit(dir, ['sparse-checkout', 'disable']).code).toBe(0);
    writeFileSync(join(dir, 'lib', '.env'), 'AITRAIL_MODEL=anthropic/claude-opus-4.6\n');
    expect(tryGit(dir, ['commit', '-q', '-m', 'chore: env', 'lib/.env'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    rmSync(join(dir, 'lib', '.env'));
    writeFileSync(join(dir, 'app', 'd.txt'), 'd\n');
    expect(tryGit(dir, ['add', 'app/d.txt']).code).toBe(0);
    const made = tryGit(dir, ['commit', '-q', '-m', 'feat: d'], { env: { ...env, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' } });
    expect(made.code, made.stderr).toBe(0);
    expect(tryGit(dir, ['log', '-1', '--format=%B']).stdout).not.toContain('Assisted-by');
  });
});
