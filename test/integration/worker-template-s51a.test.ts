import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, removeTempDirs, repoTemplate, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';

/**
 * Session 51 a (suite CPU): the `git init` template and the repositories makeRepo copies (test/helpers/gitdir.ts)
 * are made once per worker, not once per test file: removeTempDirs (test/setup/temp-dirs.ts, after each file)
 * leaves them, and the next file's makeRepo starts no git. (That each copy is what git init makes:
 * repo-copy-s40i.test.ts.)
 */
describe('the template and the initialised repositories outlive a test file (s51a)', () => {
  it('after removeTempDirs, the same template and a makeRepo that starts no git', () => {
    makeRepo();
    makeRepo({ bare: true });
    const template = repoTemplate();
    const scratch = tempDir();
    // What the worker does between two files.
    removeTempDirs();
    expect(existsSync(scratch)).toBe(false);
    expect(repoTemplate()).toBe(template);
    expect(existsSync(join(template, 'config'))).toBe(true);
    // A git that only notes it was started, first on the PATH makeRepo runs git with.
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    const started = join(bin, 'started');
    writeFileSync(started, '');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >>'${started}'\nexit 1\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const path = TEST_GIT_ENV.PATH;
    TEST_GIT_ENV.PATH = `${bin}:${path ?? ''}`;
    try {
      const repo = makeRepo();
      const bare = makeRepo({ bare: true });
      expect(existsSync(join(repo.dir, '.git', 'HEAD'))).toBe(true);
      expect(existsSync(join(bare.dir, 'HEAD'))).toBe(true);
    } finally {
      TEST_GIT_ENV.PATH = path;
    }
    expect(readFileSync(started, 'utf8')).toBe('');
  });
});
