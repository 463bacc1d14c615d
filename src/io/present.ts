import { lstatSync } from 'node:fs';

/** Anything at `path`, not followed (a file, a directory, a FIFO, a dangling symbolic link). */
export function present(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
