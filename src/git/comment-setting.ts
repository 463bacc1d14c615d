import { runGitRawSync } from './exec.js';

/** One `git config -z --get-regexp` entry: its key (lower case, as git prints it) and its value's bytes. */
export interface ConfigEntry {
  key: string;
  value: Buffer;
}

/** The entries of `git config -z --get-regexp` output (`key\nvalue\0`; `key\0` for a key with no value). */
export function configEntries(out: Buffer): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  let start = 0;
  while (start < out.length) {
    let end = out.indexOf(0, start);
    if (end < 0) end = out.length;
    const record = out.subarray(start, end);
    const newline = record.indexOf(10);
    entries.push(newline < 0 ? { key: record.toString('latin1'), value: Buffer.alloc(0) } : { key: record.subarray(0, newline).toString('latin1'), value: record.subarray(newline + 1) });
    start = end + 1;
  }
  return entries;
}

/**
 * The comment prefix setting git resolves from `entries` (in git's reading order): the last
 * `core.commentChar`, or `core.commentString` where git reads that key (`readsString`: git >= 2.45,
 * which made it an alias, the later of the two winning; older git ignores it). `undefined` when unset.
 */
export function commentSettingOf(entries: readonly ConfigEntry[], readsString: () => boolean): Buffer | undefined {
  let chosen: Buffer | undefined;
  let strings: boolean | undefined;
  for (const entry of entries) {
    if (entry.key === 'core.commentstring' && !(strings ??= readsString())) continue;
    if (entry.key === 'core.commentchar' || entry.key === 'core.commentstring') chosen = entry.value;
  }
  return chosen;
}

/** True when the git on PATH is 2.45 or later (`git version`; a version it does not print as `x.y` is taken as older). */
function readsCommentString(cwd: string): boolean {
  const match = /(\d+)\.(\d+)/.exec(runGitRawSync(['version'], { cwd }).toString('latin1'));
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 2 || (major === 2 && minor >= 45);
}

/**
 * The bytes of git's comment prefix setting for `cwd` (`core.commentChar`, and `core.commentString`
 * under git >= 2.45), or `undefined` when unset. `git version` is asked only when the second is set.
 */
export function commentSettingSync(cwd: string): Buffer | undefined {
  const out = runGitRawSync(['config', '-z', '--get-regexp', '^core\\.comment(char|string)$'], { cwd, okCodes: [1] });
  return commentSettingOf(configEntries(out), () => readsCommentString(cwd));
}
