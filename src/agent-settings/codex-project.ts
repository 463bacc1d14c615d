import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { valueAt } from './parse-settings.js';

/** At most this many markers, and directories from the session's up to its project root, are looked at. */
const MAX_MARKERS = 64;
const MAX_DEPTH = 64;

/**
 * The project root markers Codex looks for (codex-rs `config_loader` `project_root_markers_from_config`):
 * `project_root_markers` of the first of `layers` (the run's `-c`, the user's config, the system's:
 * each over the ones after) that sets it, its strings; `.git` when none does; `[]` (root detection
 * off) leaves the session's directory its own project root.
 */
export function rootMarkers(layers: readonly ({ data: unknown } | null)[]): string[] {
  for (const layer of layers) {
    const markers = valueAt(layer?.data, 'project_root_markers');
    if (Array.isArray(markers)) return markers.slice(0, MAX_MARKERS).filter((marker): marker is string => typeof marker === 'string' && marker !== '' && !marker.includes('\0'));
  }
  return ['.git'];
}

/** `dir` and its ancestors, nearest first, at most {@link MAX_DEPTH}. */
function ancestors(dir: string): string[] {
  const found = [dir];
  for (let at = dir; found.length < MAX_DEPTH && dirname(at) !== at; at = dirname(at)) found.push(dirname(at));
  return found;
}

/**
 * The directories whose `.codex/config.toml` Codex reads for a session in `cwd` (codex-rs
 * `find_project_root`, `load_project_layers`): `cwd` and its ancestors up to the nearest that holds
 * one of `markers` (as Codex's `metadata`, links followed; none found, or none given: `cwd` alone), nearest (highest) first; and the keys
 * its trust falls back on (`decision_for_dir`: the directory's own, then the project root's, then its
 * git repository's top, here the nearest ancestor holding `.git`).
 */
export function projectDirs(cwd: string, markers: readonly string[]): { dirs: string[]; fallback: string[] } {
  const up = ancestors(cwd);
  const rootAt = markers.length === 0 ? 0 : up.findIndex((dir) => markers.some((marker) => existsSync(join(dir, marker))));
  const dirs = rootAt < 0 ? [cwd] : up.slice(0, rootAt + 1);
  const repo = up.find((dir) => existsSync(join(dir, '.git')));
  return { dirs, fallback: [dirs.at(-1)!, ...(repo ? [repo] : [])] };
}

/** The path a directory is known by: as given, and with its links resolved. */
export function keysOf(dir: string): string[] {
  try {
    return [...new Set([dir, realpathSync.native(dir)])];
  } catch {
    return [dir];
  }
}
