import { runGit, runGitSync } from './exec.js';

/** The value of one git config key as git resolves it for `cwd` (all scopes), or `undefined` when unset. */
export function configValueSync(cwd: string, key: string): string | undefined {
  const out = runGitSync(['config', '-z', '--get', key], { cwd, okCodes: [1] });
  return out === '' ? undefined : out.replace(/\0$/, '');
}

/** Async variant of {@link configValueSync}. */
export async function configValue(cwd: string, key: string): Promise<string | undefined> {
  const out = await runGit(['config', '-z', '--get', key], { cwd, okCodes: [1] });
  return out === '' ? undefined : out.replace(/\0$/, '');
}

/**
 * A path-valued key as git uses it (`--type=path`: a leading `~/`, `~user/` or `%(prefix)/`
 * expanded, so absolute), or `undefined` when unset; the raw value when git cannot expand it.
 */
export async function pathConfigValue(cwd: string, key: string): Promise<string | undefined> {
  try {
    const out = await runGit(['config', '--type=path', '-z', '--get', key], { cwd, okCodes: [1] });
    return out === '' ? undefined : out.replace(/\0$/, '');
  } catch {
    return configValue(cwd, key);
  }
}

/**
 * Where git found the value of `key` it resolves for `cwd`: its scope (`system`, `global`, `local`,
 * `worktree`, `command`) and origin (`file:<path>`…), or `undefined` when unset.
 */
export async function configScope(cwd: string, key: string): Promise<{ scope: string; origin: string } | undefined> {
  const out = await runGit(['config', '-z', '--show-scope', '--show-origin', '--get', key], { cwd, okCodes: [1] });
  if (out === '') return undefined;
  const [scope = '', origin = ''] = out.split('\0');
  return { scope, origin };
}

/** Set a config key in the repository's local config. */
export async function setConfigValue(cwd: string, key: string, value: string): Promise<void> {
  await runGit(['config', '--local', key, value], { cwd });
}

/** Remove a key from the repository's local config (no error when it is not set). */
export async function unsetConfigValue(cwd: string, key: string): Promise<void> {
  await runGit(['config', '--local', '--unset-all', key], { cwd, okCodes: [5] });
}

/** A boolean git config key as git reads booleans (`true`/`yes`/`on`/`1`…), or `undefined` when unset. Throws a GitError on a value git cannot read as a boolean. */
export async function configBool(cwd: string, key: string): Promise<boolean | undefined> {
  const out = await runGit(['config', '--type=bool', '-z', '--get', key], { cwd, okCodes: [1] });
  return out === '' ? undefined : out.replace(/\0$/, '') === 'true';
}

/** A `--get-regexp` pattern matching exactly `keys` (no subsection; lower case, as git names them). */
const keysPattern = (keys: readonly string[]): string => `^(${keys.map((key) => key.replace(/[.\\^$*+?()[\]{}|]/g, '\\$&')).join('|')})$`;

/**
 * Boolean git config keys (no subsection; lower case, as git names them) in ONE `git config
 * --get-regexp`: each as configBool reads it (the last value, `undefined` when unset). Throws a
 * GitError when a value of any of them cannot be read as a boolean (configBool threw only for
 * the key it read; git itself dies on a bad core boolean before a hook runs).
 */
export async function configBools(cwd: string, keys: readonly string[]): Promise<Map<string, boolean | undefined>> {
  const pattern = keysPattern(keys);
  const out = await runGit(['config', '--type=bool', '-z', '--get-regexp', pattern], { cwd, okCodes: [1] });
  const values = new Map<string, boolean | undefined>(keys.map((key) => [key, undefined]));
  for (const record of out.split('\0')) {
    const newline = record.indexOf('\n');
    if (newline === -1) continue;
    const key = record.slice(0, newline);
    if (values.has(key)) values.set(key, record.slice(newline + 1) === 'true');
  }
  return values;
}

/**
 * The keys matching `pattern` in ONE `git config -z --get-regexp`, in git's reading order, as
 * `[key, value]` (the key lower case, as git prints it; `null` for a key written with no `=`, which
 * `--get` prints as '' and git reads as true). The string form of comment-setting.ts configEntries.
 */
export async function configRecords(cwd: string, pattern: string): Promise<[string, string | null][]> {
  return parseConfigRecords(await runGit(['config', '-z', '--get-regexp', pattern], { cwd, okCodes: [1] }));
}

/** `git config -z --get-regexp`'s output as [key, value] records (null: a key with no `=`). */
export function parseConfigRecords(out: string): [string, string | null][] {
  return out
    .split('\0')
    .filter((record) => record !== '')
    .map((record) => {
      const newline = record.indexOf('\n');
      return newline === -1 ? [record, null] : [record.slice(0, newline), record.slice(newline + 1)];
    });
}

/**
 * Keys (no subsection; lower case, as git names them) in ONE `git config --get-regexp`: each as
 * configValue reads it (the last value, '' for a key written with no value, `undefined` when unset).
 */
export async function configStrings(cwd: string, keys: readonly string[]): Promise<Map<string, string | undefined>> {
  const pattern = keysPattern(keys);
  const values = new Map<string, string | undefined>(keys.map((key) => [key, undefined]));
  for (const [key, value] of await configRecords(cwd, pattern)) if (values.has(key)) values.set(key, value ?? '');
  return values;
}

/**
 * Keys (no subsection; lower case) in ONE `git config --get-regexp`: each key's every value, in
 * order, as configValues reads it ('' for a key written with no value; none: unset). The last of
 * a key's values is what configValue reads.
 */
export async function configLists(cwd: string, keys: readonly string[]): Promise<Map<string, string[]>> {
  const values = new Map<string, string[]>(keys.map((key) => [key, []]));
  for (const [key, value] of await configRecords(cwd, keysPattern(keys))) values.get(key)?.push(value ?? '');
  return values;
}

/** Every value of a multi-valued key as git resolves it for `cwd` (all scopes), in order. */
export async function configValues(cwd: string, key: string): Promise<string[]> {
  const out = await runGit(['config', '-z', '--get-all', key], { cwd, okCodes: [1] });
  return out === '' ? [] : out.replace(/\0$/, '').split('\0');
}

/** Add one value to a multi-valued key in the local config. */
export async function addConfigValue(cwd: string, key: string, value: string): Promise<void> {
  await runGit(['config', '--local', '--add', key, value], { cwd });
}

/** Remove the local values of `key` exactly equal to `value` (none there: no error). */
export async function unsetConfigValueExactly(cwd: string, key: string, value: string): Promise<void> {
  await runGit(['config', '--local', '--fixed-value', '--unset-all', key, value], { cwd, okCodes: [5] });
}

/**
 * Every value of `key` in the config git protects from repositories (system, global, `-c` and
 * GIT_CONFIG_COUNT: git's `git_protected_config`), in git's order; a local or worktree value is
 * dropped. Run from `/` so no repository is read; empty when git cannot say.
 */
export function protectedConfigValuesSync(key: string): string[] {
  let out: string;
  try {
    out = runGitSync(['config', '-z', '--show-scope', '--get-all', key], { cwd: '/', okCodes: [1] });
  } catch {
    return [];
  }
  const fields = out.split('\0');
  const values: string[] = [];
  for (let at = 0; at + 1 < fields.length; at += 2) {
    const entry = fields[at + 1]!;
    // -z --show-scope: `scope\0value\0`, the value after the scope; `--get-all` keeps one value per entry.
    if (['system', 'global', 'command'].includes(fields[at]!)) values.push(entry);
  }
  return values;
}
