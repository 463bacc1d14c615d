import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RAM = '/dev/shm';
/** Below this much free space the disk is used: containers often give /dev/shm 64 MiB only. */
const MIN_FREE = 2 * 1024 ** 3;

/**
 * A folder on a RAM filesystem for this test run's temporary repositories, removed when vitest
 * exits; undefined where there is none (not Linux) or it cannot run a script (mounted noexec: the
 * tests run hooks from their repositories). Thousands of repositories are made, committed to and
 * deleted per run: on a disk (ext4 mounted with discard here) that costs a file twice its CPU in
 * wall time; in RAM the same git runs the same commands, only the disk waits go. Undefined too
 * when it has less than 2 GiB free (a container's 64 MiB /dev/shm would fill up mid-run).
 */
export function ramTmpdir(): string | undefined {
  let dir: string | undefined;
  try {
    const { bavail, bsize } = statfsSync(RAM);
    if (bavail * bsize < MIN_FREE) return undefined;
    dir = mkdtempSync(join(RAM, 'aitrail-tests-'));
    const probe = join(dir, 'probe.sh');
    writeFileSync(probe, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    if (spawnSync(probe).status !== 0) throw new Error(`${RAM} cannot run scripts`);
    rmSync(probe);
  } catch {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const made = dir;
  process.on('exit', () => rmSync(made, { recursive: true, force: true }));
  return made;
}
