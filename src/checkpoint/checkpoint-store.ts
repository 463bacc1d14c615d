import { lstatSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCheckpoint } from '../core/checkpoint/checkpoint-file.js';
import { CHECKPOINT_DIR, CHECKPOINT_SUFFIX } from '../core/checkpoint/store-layout.js';
import { sha256Hex } from '../core/sha256.js';
import type { FileCheckpoint } from '../core/checkpoint/types.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';
import { removeFileIfThere } from '../io/remove-file.js';

/** Most files kept at once per worktree (a runaway agent or payload stops adding, with a warning). */
export const MAX_CHECKPOINTS = 5000;

/** The checkpoints folder of a worktree's git dir. */
export function checkpointDir(gitDir: string): string {
  return join(gitDir, CHECKPOINT_DIR);
}

/** The file holding `path`'s checkpoint: named by a hash of the path, so no path can name another place. */
export function checkpointFile(gitDir: string, path: string): string {
  return join(checkpointDir(gitDir), `${sha256Hex(path).slice(0, 32)}${CHECKPOINT_SUFFIX}`);
}

/** Why the checkpoints folder cannot be written (a symbolic link on the way: never written through), or null. */
export function unsafeStore(gitDir: string): string | null {
  for (const dir of [join(gitDir, 'aitrail'), checkpointDir(gitDir)]) {
    try {
      if (!lstatSync(dir).isDirectory()) return `${dir} is not a directory`;
    } catch {
      return null;
    }
  }
  return null;
}

export function readCheckpoint(gitDir: string, path: string): FileCheckpoint | null {
  let text: string;
  try {
    text = readFileSync(checkpointFile(gitDir, path), 'utf8');
  } catch {
    return null;
  }
  const checkpoint = parseCheckpoint(text);
  return checkpoint && checkpoint.path === path ? checkpoint : null;
}

/** Store `text` (a checkpoint's JSON) as `path`'s checkpoint. */
export function writeCheckpoint(gitDir: string, path: string, text: string): void {
  mkdirSync(checkpointDir(gitDir), { recursive: true });
  writeFileAtomicSync(checkpointFile(gitDir, path), text, { mode: 0o600 });
}

export function removeCheckpoint(gitDir: string, path: string): void {
  removeFileIfThere(checkpointFile(gitDir, path));
}

/** Every checkpoint of the worktree, and the files there that are not one (truncated, foreign: to be removed). */
export function listCheckpoints(gitDir: string): { checkpoints: FileCheckpoint[]; broken: string[] } {
  const found: FileCheckpoint[] = [];
  const broken: string[] = [];
  let names: string[];
  try {
    names = readdirSync(checkpointDir(gitDir));
  } catch {
    return { checkpoints: found, broken };
  }
  for (const name of names) {
    if (!name.endsWith(CHECKPOINT_SUFFIX)) continue;
    const file = join(checkpointDir(gitDir), name);
    let checkpoint: FileCheckpoint | null = null;
    try {
      checkpoint = parseCheckpoint(readFileSync(file, 'utf8'));
    } catch {}
    if (checkpoint && file === checkpointFile(gitDir, checkpoint.path)) found.push(checkpoint);
    else broken.push(file);
  }
  return { checkpoints: found, broken };
}

/** Most bytes kept at once per worktree (every checkpoint file together). */
export const MAX_STORE_BYTES = 256 * 1024 * 1024;

/** How many checkpoint files there are now and their bytes (a few stats: a handful of files wait for a commit). */
export function storeUsage(gitDir: string): { files: number; bytes: number } {
  const usage = { files: 0, bytes: 0 };
  let names: string[];
  try {
    names = readdirSync(checkpointDir(gitDir));
  } catch {
    return usage;
  }
  for (const name of names) {
    if (!name.endsWith(CHECKPOINT_SUFFIX)) continue;
    usage.files += 1;
    usage.bytes += lstatSync(join(checkpointDir(gitDir), name), { throwIfNoEntry: false })?.size ?? 0;
  }
  return usage;
}
