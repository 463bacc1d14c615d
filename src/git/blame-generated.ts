import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGit } from './exec.js';
import { GREP_COMMAND } from './grep-command.js';

/**
 * Bound on what a repository's `.gitattributes` may ask of `git check-attr` (every attribute line
 * is tried against every path): far above real use (a big monorepo has a few hundred lines), far
 * below a hang. Above it the attribute is not read, and the caller says so.
 */
export const MAX_ATTRIBUTES_LINES = 20_000;

/** GitHub Linguist's marks of code nobody here wrote: generated, and vendored (third-party). */
const ATTRIBUTES = ['linguist-generated', 'linguist-vendored'] as const;
const NO_PATHSPEC_ENV = { GIT_LITERAL_PATHSPECS: undefined, GIT_GLOB_PATHSPECS: undefined, GIT_NOGLOB_PATHSPECS: undefined, GIT_ICASE_PATHSPECS: undefined };

export interface GeneratedPaths {
  generated: Set<string>;
  /** Marked `linguist-vendored` (and not generated). */
  vendored: Set<string>;
  /** Marked `-linguist-generated` or `linguist-generated=false`: never generated, whatever their content says. */
  notGenerated: Set<string>;
  /** Marked `-linguist-vendored` or `linguist-vendored=false`: never vendored, wherever they are. */
  notVendored: Set<string>;
  /** Why the attribute was not read (too many attribute lines), when it was not. */
  unread?: string;
}

/** Per `.gitattributes` file of `rev` (any depth): how many of its lines match `args` (`git grep -c`). */
async function attributeFileCounts(root: string, rev: string, args: readonly string[]): Promise<number[]> {
  const grep = [...GREP_COMMAND, '-z', '-c', ...args, rev, '--', ':(glob)**/.gitattributes'];
  const out = await runGit(grep, { cwd: root, env: NO_PATHSPEC_ENV, okCodes: [1] });
  // `<rev>:<path>\0<count>\n` per file: the count is what follows each NUL, up to the newline.
  return out
    .split('\0')
    .slice(1)
    .map((field) => Number(field.slice(0, field.indexOf('\n'))));
}

/**
 * The files of `rev` holding `text` somewhere among the files `globs` match (`git grep -l -F`,
 * streamed by git, any case of extension as written): the few a generator may have written.
 */
export async function filesHolding(root: string, rev: string, searches: ReadonlyArray<{ text: string; globs: readonly string[] }>): Promise<Set<string>> {
  const found = new Set<string>();
  const prefix = `${rev}:`;
  for (const { text, globs } of searches) {
    const args = [...GREP_COMMAND, '-I', '-l', '-z', '-F', '-e', text, rev, '--', ...globs.map((glob) => `:(glob)${glob}`)];
    for (const record of (await runGit(args, { cwd: root, env: NO_PATHSPEC_ENV, okCodes: [1] })).split('\0')) if (record.startsWith(prefix)) found.add(record.slice(prefix.length));
  }
  return found;
}

/** A temporary index file, in the git dir when it is writable, else in the OS temp dir; removed by `done`. */
async function temporaryIndex(commonDir: string): Promise<{ file: string; done: () => Promise<void> }> {
  let dir: string;
  try {
    await mkdir(join(commonDir, 'aitrail'), { recursive: true });
    dir = await mkdtemp(join(commonDir, 'aitrail', 'attr-'));
  } catch {
    dir = await mkdtemp(join(tmpdir(), 'aitrail-attr-'));
  }
  return { file: join(dir, 'index'), done: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * The `paths` marked `linguist-generated`, and those marked `linguist-vendored` (each set, or any
 * value but `false`, as GitHub Linguist reads it) by the `.gitattributes` of revision `rev` — never the work tree's, whatever `rev` is. git
 * 2.39 has no `check-attr --source`, so the revision's tree is read into a temporary index and
 * `git check-attr --cached` answers from it, with git's own matching rules (and its own limits on
 * attribute files); `info/attributes` applies (it is in the blame cache key), the global and
 * system attribute files do not. Only when an attribute file mentions the attribute, and only
 * within MAX_ATTRIBUTES_LINES (lines, and `attributeFiles`, the `.gitattributes` files counted from the
 * trees, when the caller counted them).
 */
export async function generatedPaths(root: string, commonDir: string, rev: string, paths: readonly string[], attributeFiles = 0): Promise<GeneratedPaths> {
  const generated = new Set<string>();
  const vendored = new Set<string>();
  const notGenerated = new Set<string>();
  const notVendored = new Set<string>();
  if (paths.length === 0) return { generated, vendored, notGenerated, notVendored };
  const info = await readFile(join(commonDir, 'info', 'attributes'), 'utf8').catch(() => '');
  // Each `.gitattributes` file holds a line or more: past the bound in files, `git grep` is never asked to open them all (row 900: millions of them from a few hundred trees).
  if (attributeFiles > MAX_ATTRIBUTES_LINES) return { generated, vendored, notGenerated, notVendored, unread: `its tree holds more than ${MAX_ATTRIBUTES_LINES} .gitattributes files, more than aitrail reads` };
  // One pattern: git 2.39's `grep -c` with two fixed patterns takes time quadratic in a file's matching
  // lines (30,000 lines of `a linguist-generated`: 12 s, before the line cap below is asked); one
  // extended pattern is linear (200,000 lines: 0.3 s).
  const mentions = await attributeFileCounts(root, rev, ['-E', '-e', `(${ATTRIBUTES.join('|')})`]);
  if (!ATTRIBUTES.some((attribute) => info.includes(attribute)) && mentions.every((count) => count === 0)) return { generated, vendored, notGenerated, notVendored };
  const lines = info.split('\n').length + (await attributeFileCounts(root, rev, ['-e', ''])).reduce((sum, count) => sum + count, 0);
  if (!(lines <= MAX_ATTRIBUTES_LINES)) return { generated, vendored, notGenerated, notVendored, unread: `its .gitattributes files hold ${lines} lines, more than the ${MAX_ATTRIBUTES_LINES} aitrail reads` };

  const index = await temporaryIndex(commonDir);
  try {
    const env = { GIT_INDEX_FILE: index.file, GIT_ATTR_NOSYSTEM: '1', GIT_ATTR_SOURCE: undefined };
    // No shared/split index, fsmonitor or sparse index files written for the temporary index.
    const quiet = ['-c', 'core.splitIndex=false', '-c', 'core.fsmonitor=false', '-c', 'index.sparse=false'];
    await runGit([...quiet, 'read-tree', rev], { cwd: root, env });
    // attr.tree (git >= 2.43) names the same tree, so every git version reads the same attributes.
    const args = [...quiet, '-c', 'core.attributesFile=/dev/null', '-c', 'core.ignorecase=false', '-c', `attr.tree=${rev}`, 'check-attr', '--cached', '-z', '--stdin', ...ATTRIBUTES];
    const out = await runGit(args, { cwd: root, env, input: paths.map((path) => `${path}\0`).join('') });
    const fields = out.split('\0');
    for (let at = 0; at + 2 < fields.length; at += 3) {
      const value = fields[at + 2];
      if (value !== 'unspecified' && value !== 'unset' && value !== 'false') (fields[at + 1] === ATTRIBUTES[0] ? generated : vendored).add(fields[at]!);
      else if (value === 'unset' || value === 'false') (fields[at + 1] === ATTRIBUTES[0] ? notGenerated : notVendored).add(fields[at]!);
    }
  } finally {
    await index.done();
  }
  for (const path of generated) vendored.delete(path);
  return { generated, vendored, notGenerated, notVendored };
}
