import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './gitdir.js';

/** This machine's bash, or '' (tests of bash as /bin/sh skip then). */
export const BASH = spawnSync('sh', ['-c', 'command -v bash'], { encoding: 'utf8' }).stdout.trim();

/**
 * The repository's hooks run by bash as `sh`, as where /bin/sh is bash (Fedora, Arch, macOS): each aitrail
 * shim's `#!/bin/sh` line rewritten to name a `sh` that is a link to bash (bash enters POSIX mode by that name).
 */
export function bashAsSh(hooksDir: string): void {
  const sh = join(tempDir('aitrail-bash-sh-'), 'sh');
  symlinkSync(BASH, sh);
  shellAsSh(hooksDir, sh);
}

/** Each aitrail shim in `hooksDir` run by `shell` (its `#!/bin/sh` line rewritten to name it); how many. */
export function shellAsSh(hooksDir: string, shell: string): number {
  let n = 0;
  for (const name of readdirSync(hooksDir)) {
    const path = join(hooksDir, name);
    const text = readFileSync(path, 'utf8');
    if (!text.startsWith('#!/bin/sh\n# aitrail-shim:')) continue;
    writeFileSync(path, `#!${shell}\n${text.slice('#!/bin/sh\n'.length)}`);
    chmodSync(path, 0o755);
    n += 1;
  }
  return n;
}
