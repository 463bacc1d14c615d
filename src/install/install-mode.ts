import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { MAX_CONFIG_BYTES } from '../config/search-places.js';
import { readRegularFile } from '../io/read-regular-file.js';

export type InstallMode = 'husky' | 'git';

export interface ModeChoice {
  mode: InstallMode;
  /** Why this mode was chosen, for the report. */
  reason: string;
  /** husky mode: the directory holding `.husky/<hook>` files. */
  huskyDir: string;
}

/** The husky directory `core.hooksPath` points into (`<dir>/_` with husky's runtime), if it does. */
export function huskyDirFromHooksPath(root: string, hooksPath: string | undefined): string | undefined {
  if (!hooksPath) return undefined;
  const full = resolve(root, hooksPath);
  return basename(full) === '_' && existsSync(join(full, 'h')) ? dirname(full) : undefined;
}

/** True when the package at `root` uses husky (a dependency, or a `prepare` script running it). */
export function packageWantsHusky(root: string): boolean {
  // package.json is the repository's: a link to /dev/zero or a FIFO must not fill the heap or hang init.
  const text = readRegularFile(join(root, 'package.json'), 16 * MAX_CONFIG_BYTES);
  let pkg: unknown;
  try {
    pkg = text === null ? null : JSON.parse(text);
  } catch {
    return false;
  }
  if (typeof pkg !== 'object' || pkg === null) return false;
  const record = pkg as Record<string, unknown>;
  const has = (field: string) => {
    const deps = record[field];
    return typeof deps === 'object' && deps !== null && Object.prototype.hasOwnProperty.call(deps, 'husky');
  };
  const scripts = record.scripts as Record<string, unknown> | undefined;
  const prepare = typeof scripts === 'object' && scripts !== null ? scripts.prepare : undefined;
  return has('devDependencies') || has('dependencies') || (typeof prepare === 'string' && /\bhusky\b/.test(prepare));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * husky when the repository uses (or asks for) husky v9, plain git hooks otherwise. `packageDir`
 * (absolute): the package that runs init; in a monorepo its own `.husky/` or husky dependency
 * counts too (husky's monorepo set-up: `cd .. && husky web/.husky`).
 */
export function chooseInstallMode(root: string, hooksPath: string | undefined, requested?: InstallMode, packageDir: string = root): ModeChoice {
  const active = huskyDirFromHooksPath(root, hooksPath);
  const packageHusky = join(packageDir, '.husky');
  const huskyDir = active ?? (!isDirectory(join(root, '.husky')) && (isDirectory(packageHusky) || packageWantsHusky(packageDir)) ? packageHusky : join(root, '.husky'));
  if (requested) return { mode: requested, reason: `--mode ${requested}`, huskyDir };
  if (active) return { mode: 'husky', reason: `core.hooksPath points to husky (${hooksPath})`, huskyDir };
  if (isDirectory(huskyDir)) return { mode: 'husky', reason: 'a .husky/ directory exists', huskyDir };
  if (packageWantsHusky(root) || packageWantsHusky(packageDir)) return { mode: 'husky', reason: 'package.json uses husky', huskyDir };
  return { mode: 'git', reason: 'no husky in this repository', huskyDir };
}
