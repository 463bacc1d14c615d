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
