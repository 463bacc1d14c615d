import { closeSync, fchmodSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileError } from './file-error.js';
import { removeFileIfThere } from './remove-file.js';

export interface AtomicWriteOptions {
  /** File mode of the new file, exactly (the umask does not apply); default 0o644 less the umask. */
  mode?: number;
  /** Create the parent directory first. */
  mkdir?: boolean;
}

/** The temp file beside `path`: same directory (so the rename is atomic), hidden, per process. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

/** The steps that touch the disk, replaceable in unit tests (a full disk is hard to make on demand). */
export interface SyncSteps {
  write: (fd: number, data: Buffer) => void;
}

const REAL_STEPS: SyncSteps = {
  write: (fd, data) => {
    let done = 0;
    while (done < data.length) done += writeSync(fd, data, done);
  },
};

/**
 * Replace `path` with `data` atomically: a reader sees the old file or the new one, never half of
 * one. Written to a temp file beside it, then renamed over it; on any failure the temp file is
 * removed and a FileError names the file and the cause (`no space left on the device (ENOSPC)`).
 * The temp file is opened exclusively (`wx`): a planted symlink at its name is never followed.
 */
export function writeFileAtomicSync(path: string, data: string | Buffer, options: AtomicWriteOptions = {}, steps: SyncSteps = REAL_STEPS): void {
  const temp = tempPathFor(path);
  let fd: number | undefined;
  try {
    if (options.mkdir) mkdirSync(dirname(path), { recursive: true });
    removeFileIfThere(temp); // a leftover of a crashed run with the same pid (rmSync would load node's rimraf: a hook's write)
    fd = openSync(temp, 'wx', options.mode ?? 0o644);
    if (options.mode !== undefined) fchmodSync(fd, options.mode);
    steps.write(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, path);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {}
    }
    try {
      removeFileIfThere(temp);
    } catch {}
    throw fileError('write', path, error);
  }
}

/** `writeFileAtomicSync`, asynchronously (same temp file, same cleanup, same FileError). */
export async function writeFileAtomic(path: string, data: string | Buffer, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(path);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    if (options.mkdir) await mkdir(dirname(path), { recursive: true });
    await rm(temp, { force: true });
    handle = await open(temp, 'wx', options.mode ?? 0o644);
    if (options.mode !== undefined) await handle.chmod(options.mode);
    await handle.writeFile(data);
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(temp, { force: true }).catch(() => {});
    throw fileError('write', path, error);
  }
}
