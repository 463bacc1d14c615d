import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

const BUNDLE = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));
const NOBODY = 65534;
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

/** Root, setpriv and strace: a package owned by root run by another user, its system calls counted. */
const canReplay =
  process.platform === 'linux' &&
  process.getuid?.() === 0 &&
  spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0 &&
  spawnSync('strace', ['-o', '/dev/null', 'true']).status === 0;

/** A package copy as npm installs it (bin/ beside dist/bundle/, no code cache), owned by root, readable by all. */
function rootPackage(): { root: string; bundles: string } {
  mkdirSync(fileURLToPath(new URL('../../.test-bundles/', import.meta.url)), { recursive: true });
  const root = mkdtempSync(fileURLToPath(new URL('../../.test-bundles/package-', import.meta.url)));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  chmodSync(root, 0o755);
  mkdirSync(join(root, 'bin'));
  for (const name of ['aitrail.js', 'package.json']) copyFileSync(fileURLToPath(new URL(`../../bin/${name}`, import.meta.url)), join(root, 'bin', name));
  copyFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), join(root, 'package.json'));
  const bundles = join(root, 'dist', 'bundle');
  mkdirSync(bundles, { recursive: true });
  for (const name of readdirSync(BUNDLE).filter((file) => !/\.(cache|cache-runs|cache-paths|tmp)$/.test(file))) copyFileSync(`${BUNDLE}${name}`, join(bundles, name));
  return { root, bundles };
}

describe('the code cache of an install this user cannot write (s46z)', () => {
  it.skipIf(!canReplay)('a global install by root run by another user: the hooks run, and neither serialize nor try to write a code cache (before: both on every run)', () => {
    const { root, bundles } = rootPackage();
    // Under /tmp: the tests' own temporary folder (in RAM) may be closed to that user.
    const repoDir = mkdtempSync('/tmp/aitrail-s46z-');
    cleanups.push(() => rmSync(repoDir, { recursive: true, force: true }));
    const repo = makeRepo({ dir: repoDir });
    repo.commit('one', { a: '1' });
    spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, repo.dir]);
    chmodSync(repo.dir, 0o755);
    const trace = join(tempDir(), 'trace');
    // The system's PATH: a folder of this (root's) PATH may be closed to that user.
    const env = { ...TEST_GIT_ENV, AITRAIL_MODEL: 'anthropic/claude-opus-4.6', HOME: repo.dir, PATH: '/usr/local/bin:/usr/bin:/bin' };
    delete env.NODE_OPTIONS;
    const hook = (args: string[]) =>
      spawnSync('strace', ['-f', '-o', trace, '-e', 'trace=openat,rename,renameat2,unlink', 'setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', process.execPath, join(root, 'bin', 'aitrail.js'), 'hook', ...args], {
        cwd: repo.dir,
        env,
        encoding: 'utf8',
      });
    /** The calls of the traced run that made or removed a file in the package's bundle folder. */
    const writes = () => readFileSync(trace, 'utf8').split('\n').filter((line) => line.includes(bundles) && /O_CREAT|rename|unlink/.test(line));
    for (let run = 0; run < 3; run += 1) {
      writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'Add a feature\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
      const commitMsg = hook(['commit-msg', '.git/COMMIT_EDITMSG']);
      expect(commitMsg.status, commitMsg.stderr).toBe(0);
      // Only reads: the bundle and the loader, their caches looked for (none there; a run naming its model looks for its own, row 1208).
      expect(readFileSync(trace, 'utf8')).toContain(`${bundles}/commit-msg.cjs.model-named.cache`);
      expect(writes()).toEqual([]);
      expect(hook(['post-commit']).status).toBe(0);
      expect(writes()).toEqual([]);
    }
    expect(readdirSync(bundles).filter((name) => name.includes('.cache'))).toEqual([]);
  });
});
