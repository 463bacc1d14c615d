import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { realOrPlanned } from '../io/real-or-planned.js';

/**
 * Where init/uninstall may write, and why not. A hostile repository commits symlinks (`.husky`,
 * `.husky/_`, `.husky/commit-msg -> ../../victim`, a hooks directory): aitrail must never write,
 * chmod, rename or delete through one, nor land outside the repository (or, for `.git/hooks`,
 * outside the git dir). Each check returns a refusal naming the path, or null.
 */
export interface Bounds {
  /** Work tree top. */
  root: string;
  /** Common git dir (hooks live there). */
  commonDir: string;
}

export function inside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}


function linkNote(path: string): string {
  try {
    return ` (-> ${readlinkSync(path)})`;
  } catch {
    return '';
  }
}

/** The first component of `path` below `base` that is a symlink or not a directory; null when all are real directories (or not there yet). */
function badComponentBelow(base: string, path: string): string | null {
  const rel = relative(base, path);
  if (rel === '') return null;
  let current = base;
  for (const part of rel.split(sep)) {
    current = join(current, part);
    const stat = lstatOrNull(current);
    if (!stat) return null;
    if (stat.isSymbolicLink()) return `${current} is a symbolic link${linkNote(current)}`;
    if (!stat.isDirectory()) return `${current} is not a directory`;
  }
  return null;
}

/**
 * A refusal when hooks must not be written in `dir`: a directory inside the work tree reached
 * through a symlink, or whose real place is outside the repository; the git dir's hooks leading
 * out of the git dir; a directory named outside the repository (an absolute core.hooksPath) that
 * leads back into the work tree, where committed files live.
 */
export function unsafeHookDir(dir: string, bounds: Bounds): string | null {
  const { root, commonDir } = bounds;
  const real = realOrPlanned(dir);
  if (inside(commonDir, dir)) {
    const bad = badComponentBelow(commonDir, dir);
    if (bad) return `${bad}; aitrail never writes through a symbolic link`;
    if (!inside(realOrPlanned(commonDir), real)) return `${dir} leads out of the git directory (to ${real})`;
    return null;
  }
  if (inside(root, dir)) {
    const bad = badComponentBelow(root, dir);
    if (bad) return `${bad}; aitrail never writes through a symbolic link a repository can commit`;
    if (!inside(realOrPlanned(root), real)) return `${dir} leads out of the repository (to ${real})`;
    return null;
  }
  const realRoot = realOrPlanned(root);
  if (inside(realRoot, real) && !inside(realOrPlanned(commonDir), real)) return `${dir} leads into the work tree (to ${real}) through a symbolic link`;
  return null;
}

/** A refusal when the file at `path` exists and is not a regular file (a symlink is never written through). */
export function unsafeHookFile(path: string): string | null {
  const stat = lstatOrNull(path);
  if (!stat || stat.isFile()) return null;
  if (stat.isSymbolicLink()) return `${path} is a symbolic link${linkNote(path)}; aitrail never writes through a symbolic link`;
  return `${path} is not a regular file`;
}

/** A refusal when husky's runtime directory `<huskyDir>/_` (which husky rewrites) is or holds a symlink. */
export function unsafeHuskyRuntime(huskyDir: string): string | null {
  const runtime = join(huskyDir, '_');
  const stat = lstatOrNull(runtime);
  if (!stat) return null;
  if (stat.isSymbolicLink()) return `${runtime} is a symbolic link${linkNote(runtime)}; husky would write through it`;
  if (!stat.isDirectory()) return `${runtime} is not a directory`;
  for (const name of readdirSync(runtime)) {
    const entry = join(runtime, name);
    if (lstatOrNull(entry)?.isSymbolicLink()) return `${entry} is a symbolic link${linkNote(entry)}; husky would write through it`;
  }
  return null;
}
