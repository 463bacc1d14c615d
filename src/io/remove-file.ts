import { lstatSync, unlinkSync } from 'node:fs';

/**
 * Remove the file at `path` if there is one (rmSync(path, { force: true }) for a file): unlink,
 * ENOENT ignored, any other error thrown. rmSync loads node's rimraf module on its first call
 * (~0.5 ms of a commit hook that removes a marker which is almost never there).
 */
export function removeFileIfThere(path: string): void {
  // Almost never there: asked without an exception first.
  if (lstatSync(path, { throwIfNoEntry: false }) === undefined) return;
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
