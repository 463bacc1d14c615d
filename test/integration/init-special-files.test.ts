import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

describe('init reads no special file a repository links to', () => {
  it.each([
    ['/dev/zero', () => '/dev/zero'],
    ['a FIFO', () => {
      const fifo = join(tempDir('aitrail-fifo-'), 'fifo');
      execFileSync('mkfifo', [fifo]);
      return fifo;
    }],
  ])('a committed package.json -> %s: init answers (git mode), no hang, no heap exhausted', (_name, target) => {
    const repo = makeRepo();
    symlinkSync(target(), join(repo.dir, 'package.json'));
    repo.git(['add', '-A']);
    repo.git(['commit', '-q', '--no-verify', '-m', 'hostile']);
    const init = aitrail(repo.dir, ['init'], { timeout: 30_000 });
    expect(init.stderr).not.toContain('bad_alloc');
    expect(init.code).toBe(0);
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'commit-msg'))).toBe(true);
  }, 60_000);
});
