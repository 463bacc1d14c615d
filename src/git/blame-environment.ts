import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { openRegularFile, readBytes } from '../io/read-regular-file.js';
import { configValue } from './config-value.js';
import { runGit } from './exec.js';
import { listReplaceRefs } from './notes.js';

/**
 * A file that git reads whole for blame (an ignore-revs file, `mailmap.file`) but that is no regular
 * file: a FIFO, a device, a directory, or a committed symlink to one (`.git-blame-ignore-revs ->
 * /dev/zero` with `blame.ignoreRevsFile` set, as teams set it). git would wait on it, or read it
 * until memory runs out; the report refuses instead, naming it.
 */
export class NotAFileError extends Error {
  constructor(
    readonly role: string,
    readonly path: string,
  ) {
    super(`${role} '${path}' cannot be read as a regular file (a FIFO, a device, a directory, a symbolic link to one, or unreadable)`);
    this.name = 'NotAFileError';
  }
}

/**
 * The digest of a file git reads for blame, read without ever blocking: 'missing' when there is
 * none (git skips it or says so itself). `workTree`: the work tree's `.mailmap`, which git opens
 * without following a symbolic link (since 2.32) and a repository can make a directory: anything
 * but a regular file there is as if missing, as git reads it.
 */
function contentHash(role: string, path: string, workTree = false): string {
  const opened = openRegularFile(path, workTree ? constants.O_NOFOLLOW : 0);
  if (!opened) {
    if (!workTree && existsSync(path)) throw new NotAFileError(role, path);
    return 'missing';
  }
  try {
    return createHash('sha256').update(readBytes(opened.fd, opened.size)).digest('hex');
  } finally {
    closeSync(opened.fd);
  }
}

/** A config path as git expands it for a command run at `root` (`~/`, `:(optional)`, relative). */
function expandPath(value: string, root: string): string {
  // git >= 2.52 reads `:(optional)<path>` as a path that may be missing.
  if (value.startsWith(':(optional)')) value = value.slice(':(optional)'.length);
  if (value === '~' || value.startsWith('~/')) return join(homedir(), value.slice(1));
  return isAbsolute(value) ? value : resolve(root, value);
}

/**
 * A digest of everything outside the commit graph that can change what `git blame` (or the
 * binary check) answers for a fixed revision: `blame.*` and `diff.*` config, the contents of
 * every `blame.ignoreRevsFile` and of `--ignore-revs-file` files, replace refs, grafts, the
 * shallow boundary (`GIT_SHALLOW_FILE`'s when set) and `info/attributes`; and whether git reads replace refs and grafts, and
 * where (`core.useReplaceRefs`, `GIT_NO_REPLACE_OBJECTS`, `GIT_REPLACE_REF_BASE`, `GIT_GRAFT_FILE`):
 * a run that reads the history as stored must never adopt one that read it rewired, or the other
 * way. Also the `blame.ignoreRevsFile` paths it read (expanded, in config order), for ignoredCommits.
 */
export async function blameEnvironment(
  root: string,
  commonDir: string,
  ignoreRevsFiles: readonly string[],
  /** The replace refs when the caller lists them with other refs (notesTipsAndReplaceRefs); else listed here. */
  listedReplaceRefs?: Promise<string>,
): Promise<{ digest: string; configuredIgnoreRevsFiles: string[]; rewired: Rewired }> {
  const replaceBase = process.env.GIT_REPLACE_REF_BASE;
  const graftFile = process.env.GIT_GRAFT_FILE;
  const shallowFile = process.env.GIT_SHALLOW_FILE;
  const [config, replaceRefs, basedRefs] = await Promise.all([
    runGit(['config', '-z', '--get-regexp', '^(blame|diff)\\.|^core\\.usereplacerefs$'], { cwd: root, okCodes: [1] }),
    listedReplaceRefs ?? listReplaceRefs(root),
    // git reads its replace refs from another namespace (a variable only; no git process otherwise).
    replaceBase === undefined ? Promise.resolve('') : listBasedReplaceRefs(root, replaceBase),
  ]);
  const configured = config
    .split('\0')
    .filter((entry) => entry.toLowerCase().startsWith('blame.ignorerevsfile\n'))
    .map((entry) => entry.slice(entry.indexOf('\n') + 1))
    // An empty value names no file: git's "clear the list" (its config list is sorted, so it clears none); the value stays in `config`.
    .filter((value) => value !== '')
    .map((value) => expandPath(value, root));
  // Each file by its role, never by its absolute path: the digest is the same in every clone.
  const files: [string, string][] = [
    ...configured.map((file, index): [string, string] => [`blame.ignoreRevsFile#${index}`, file]),
    ...ignoreRevsFiles.filter((file) => file !== '').map((file, index): [string, string] => [`--ignore-revs-file#${index}`, file]),
    // The cut git reads: GIT_SHALLOW_FILE's when set (as shallowBoundary reads it), else the repository's own.
    // Set but empty, git reads no file at all (fopen of ''): no cut, as a missing file (below).
    ['shallow', shallowFile === undefined ? join(commonDir, 'shallow') : shallowFile === '' ? '' : resolve(root, shallowFile)],
    ['info/grafts', join(commonDir, 'info', 'grafts')],
    ...(graftFile ? [['GIT_GRAFT_FILE', resolve(root, graftFile)] as [string, string]] : []),
    ['info/attributes', join(commonDir, 'info', 'attributes')],
  ];
  const hashes = files.map(([role, file]) => `${role}\0${file === '' ? 'missing' : contentHash(role.replace(/#\d+$/, ''), file)}`);
  const digest = createHash('sha256').update([config, replaceRefs, process.env.GIT_NO_REPLACE_OBJECTS ?? '', replaceBase === undefined ? 'unset' : `set\0${replaceBase}\0${basedRefs}`, `${graftFile === undefined ? '' : 'GIT_GRAFT_FILE'}`, ...hashes].join('\0\0')).digest('hex');
  const graftsRead = graftFile ? resolve(root, graftFile) : join(commonDir, 'info', 'grafts');
  return { digest, configuredIgnoreRevsFiles: configured, rewired: rewiredBy(config, replaceBase === undefined ? replaceRefs : basedRefs, replaceBase ?? 'refs/replace/', graftsRead) };
}

/**
 * What git reads in place of the history as stored, in every `git blame` and `git log` of a report
 * (rows 1 and 584: reports keep git's defaults): `replaced`, the objects its replace refs stand
 * another object in for (none when `GIT_NO_REPLACE_OBJECTS` is set, any value, or
 * `core.useReplaceRefs` is false), read from `GIT_REPLACE_REF_BASE` when set; `grafts`, the grafts
 * file git reads when it holds anything (`GIT_GRAFT_FILE`, else `info/grafts`; git 2.39 reads it
 * whatever `GIT_NO_REPLACE_OBJECTS` says).
 */
export interface Rewired {
  replaced: string[];
  grafts: string | null;
}

/**
 * Rewired for a run that does not hash the blame environment (`log`): from the replace refs it
 * listed (listReplaceRefs' form), asking git's config (core.useReplaceRefs) only when some are
 * listed, and the refs under `GIT_REPLACE_REF_BASE` only when it is set: no git process otherwise.
 */
export async function rewiredHistory(root: string, commonDir: string, listedReplaceRefs: string): Promise<Rewired> {
  const replaceBase = process.env.GIT_REPLACE_REF_BASE;
  const graftFile = process.env.GIT_GRAFT_FILE;
  const refs = replaceBase === undefined ? listedReplaceRefs : await listBasedReplaceRefs(root, replaceBase);
  const config = refs.trim() === '' ? '' : await runGit(['config', '-z', '--get-regexp', '^core\\.usereplacerefs$'], { cwd: root, okCodes: [1] });
  return rewiredBy(config, refs, replaceBase ?? 'refs/replace/', graftFile ? resolve(root, graftFile) : join(commonDir, 'info', 'grafts'));
}

/**
 * The refs git reads as replace refs under `GIT_REPLACE_REF_BASE` (listReplaceRefs' form): git takes
 * every ref whose name begins with the variable's text, a prefix of characters, not of path
 * components (`refs/heads/x` takes the branch `x<id>`; set but empty, every ref: a branch or tag
 * named with an object id replaces that object). Listed under the directory the text names (all
 * refs when it names none), then cut to those it begins.
 */
async function listBasedReplaceRefs(root: string, base: string): Promise<string> {
  const slash = base.lastIndexOf('/');
  const listed = await runGit(['for-each-ref', '--format=%(objectname) %(refname)', ...(slash === -1 ? [] : ['--end-of-options', base.slice(0, slash + 1)])], { cwd: root });
  return listed
    .split('\n')
    .filter((line) => line !== '' && line.slice(line.indexOf(' ') + 1).startsWith(base))
    .map((line) => `${line}\n`)
    .join('');
}

/**
 * The object a replace ref stands in for, as git reads its name (replace-object.c): the last
 * `/`-component of the name past the base, read as an object id (its first 40 or 64 hex digits);
 * null for a name git skips ("bad replace ref name").
 */
function replacedObject(name: string): string | null {
  const last = name.slice(name.lastIndexOf('/') + 1);
  return /^[0-9a-f]{40}/i.test(last) ? last : null;
}

/** git's false for a boolean config value (`[core] useReplaceRefs` with no value is true). */
const FALSE_WORDS = new Set(['false', 'no', 'off', '0', '']);

function rewiredBy(config: string, refs: string, base: string, graftsFile: string): Rewired {
  // The last value wins, as git reads it; an entry with no `\n` has no value (true).
  let useReplaceRefs = true;
  for (const entry of config.split('\0')) {
    const at = entry.indexOf('\n');
    if ((at === -1 ? entry : entry.slice(0, at)).toLowerCase() !== 'core.usereplacerefs') continue;
    useReplaceRefs = at === -1 || !FALSE_WORDS.has(entry.slice(at + 1).trim().toLowerCase());
  }
  // The base is a prefix of characters (listBasedReplaceRefs); the object is the name's last component.
  const replaced =
    process.env.GIT_NO_REPLACE_OBJECTS !== undefined || !useReplaceRefs
      ? []
      : refs
          .split('\n')
          .map((line) => line.slice(line.indexOf(' ') + 1))
          .filter((name) => name !== '' && name.startsWith(base))
          .map((name) => replacedObject(name.slice(base.length)))
          .filter((object): object is string => object !== null);
  let grafts: string | null = null;
  try {
    if (statSync(graftsFile).size > 0) grafts = graftsFile;
  } catch {
    // No grafts file: none read.
  }
  return { replaced, grafts };
}

/**
 * A digest of the mailmap git applies to author names (`--by author`): the work tree's `.mailmap`
 * (by content), `mailmap.file` (its content) and `mailmap.blob` (the blob it names; a bare
 * repository's default is `HEAD:.mailmap`), as git's read_mailmap reads them.
 */
export async function mailmapDigest(root: string, bare: boolean): Promise<string> {
  const [file, blob] = await Promise.all([configValue(root, 'mailmap.file'), configValue(root, 'mailmap.blob')]);
  const blobName = blob ?? (bare ? 'HEAD:.mailmap' : undefined);
  const parts = await Promise.all([
    bare ? '' : contentHash('.mailmap', join(root, '.mailmap'), true),
    file === undefined ? '' : contentHash('mailmap.file', expandPath(file, root)),
    blobName === undefined ? '' : runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', blobName], { cwd: root, okCodes: [1] }),
  ]);
  return createHash('sha256').update([file ?? '', blobName ?? '', ...parts].join('\0')).digest('hex');
}
