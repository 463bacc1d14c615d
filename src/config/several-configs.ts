import type { ConfigProblem } from './config-error.js';

/**
 * The problem when more than one config file is present at the repository root (`names` as shown
 * to the user: `.aitrailrc`, `HEAD:package.json`…), else null. aitrail never picks one: an empty
 * `.aitrailrc` beside a reviewed `.aitrailrc.json` would silently replace it.
 */
export function severalConfigsProblem(names: readonly string[]): ConfigProblem | null {
  if (names.length < 2) return null;
  return {
    file: names.join(', '),
    path: '',
    found: `${names.length} config files at the repository root`,
    expected: 'exactly one (aitrail will not guess which one is meant): merge them into one file and delete the others',
  };
}

/** How a config file is named in that problem: package.json counts only for its `aitrail` key. */
export function configFileLabel(name: string): string {
  return /(^|[\\/:])package\.json$/.test(name) ? `${name} ("aitrail" key)` : name;
}

/**
 * What a folder or submodule at a search place should be: aitrail reads a file there and nothing in a
 * folder, so `git mv .aitrailrc.yml .aitrailrc.yml/policy.yml` (git shows a rename, nothing changed
 * inside, a path that still reads as the config) left no config in force: every model allowed.
 */
export const FOLDER_EXPECTED = 'a regular JSON or YAML file (aitrail reads the config from a file at this name, never from a folder: move the file back to the root)';
