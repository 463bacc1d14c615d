import { GENERATOR_HEAD_BYTES, GENERATOR_SEARCHES, generatedByName, generatorMarked } from '../core/blame/generator-marks.js';
import { isLockfile } from '../core/blame/lockfiles.js';
import { namesFile } from '../core/blame/names-file.js';
import { isSourceName } from '../core/blame/source-names.js';
import type { Excluded } from '../core/blame/types.js';
import { pathMatcher } from '../core/policy/glob-matcher.js';
import { filesHolding, generatedPaths } from '../git/blame-generated.js';
import type { TreeFile } from '../git/blame-files.js';
import { readRevisionObjects } from '../git/revision-blobs.js';

export interface SelectionInput {
  root: string;
  commonDir: string;
  /** The blamed commit: `.gitattributes` are read there, never in the work tree. */
  rev: string;
  /** Text files of the revision under the named paths. */
  listed: readonly TreeFile[];
  /** Non-empty files of the revision under the named paths that git reads as binary (never blamed). */
  binaries: readonly TreeFile[];
  /** `blame.include` (config; default everything), `--include`, `blame.exclude` + `--exclude`. */
  include: readonly string[];
  cliInclude: readonly string[];
  exclude: readonly string[];
  /** Submodules (gitlinks) of the revision under the named paths: never blamed, counted when the globs select them. */
  submodules: readonly string[];
  /** Files named exactly on the command line: never left out by default. */
  named: ReadonlySet<string>;
  /** `.gitattributes` files in the tree of `rev` (counted from its trees), when counted: too many and they are not read (row 900). */
  attributeFiles?: number;
}

export interface Selection {
  files: TreeFile[];
  excluded: Required<Omit<Excluded, 'generatedLines' | 'vendoredLines' | 'leftOutUnblamed' | 'leftOutLimit'>>;
  /** A submodule the globs select, when there is one (for the warning). */
  submoduleExample?: string;
  /** The files left out as generated and as vendored: blamed apart, for `excluded.generatedLines` and `excluded.vendoredLines`. */
  leftOut: { generated: TreeFile[]; vendored: TreeFile[] };
  /** A binary file the globs select that is named like source code, when there is one (for the warning). */
  binarySourceExample?: string;
  /** Why `linguist-generated`/`linguist-vendored` were not read, when they were not. */
  attributesUnread?: string;
}

/**
 * A Git LFS pointer, whole (spec v1, and the pre-release `hawser` URL): `version`, any `ext-N-…`
 * lines, `oid sha256:<64 hex>`, `size <n>`, each ended by a newline; under 1,024 bytes.
 */
const LFS_POINTER = /^version https:\/\/(?:git-lfs\.github\.com|hawser\.github\.com)\/spec\/v1\n(?:ext-\d-\w+ sha256:[0-9a-f]{64}\n)*oid sha256:[0-9a-f]{64}\nsize \d+\n$/;
/** Smallest and largest pointer sizes: only blobs in between are read. */
const LFS_MIN = 126;
const LFS_MAX = 1023;

/** The files among `files` that are Git LFS pointers (their blobs read with one `git cat-file --batch`, only those of a pointer's size). */
async function lfsPointers(root: string, files: readonly TreeFile[]): Promise<Set<TreeFile>> {
  const sized = files.filter((file) => file.size >= LFS_MIN && file.size <= LFS_MAX);
  const objects = await readRevisionObjects(root, sized.map((file) => file.blob));
  return new Set(sized.filter((_, index) => objects[index]?.type === 'blob' && LFS_POINTER.test(objects[index].content.toString('latin1'))));
}

/**
 * Whether `path` may match `glob`: a `**\/*<suffix>` glob (no glob character in its suffix) by the
 * suffix in any case (a pathspec under core.ignorecase matches so), any other glob always.
 */
function mayMatch(glob: string, path: string): boolean {
  const suffix = glob.startsWith('**/*') ? glob.slice(4) : null;
  return suffix === null || /[*?[\]{}()!+@\\]/.test(suffix) || path.toLowerCase().endsWith(suffix.toLowerCase());
}

/**
 * The files among `files` (of revision `rev`) whose header says a code generator wrote them
 * (`generator-marks.ts`): those `git grep` finds the header's words in, read with one `git cat-file --batch`.
 */
async function generatorWritten(root: string, rev: string, files: readonly TreeFile[]): Promise<Set<string>> {
  if (files.length === 0) return new Set();
  const byName = files.filter((file) => generatedByName(file.path)).map((file) => file.path);
  // A search whose globs no candidate can match (no .go file: no grep for Go's header) costs no git process.
  const holding = await filesHolding(root, rev, GENERATOR_SEARCHES.filter((search) => search.globs.some((glob) => files.some((file) => mayMatch(glob, file.path)))));
  const named = files.filter((file) => holding.has(file.path));
  const objects = await readRevisionObjects(root, named.map((file) => file.blob));
  return new Set([...byName, ...named.filter((file, index) => objects[index]?.type === 'blob' && generatorMarked(file.path, objects[index].content.subarray(0, GENERATOR_HEAD_BYTES).toString('utf8'))).map((file) => file.path)]);
}

/**
 * Files a package manager put in the tree, as GitHub Linguist reads them without any attribute:
 * anything under a `node_modules/` (npm, yarn, pnpm) or `bower_components/` directory, under
 * Yarn's own `.yarn/releases/`, `.yarn/plugins/`, `.yarn/sdks/`, `.yarn/versions/` or
 * `.yarn/unplugged/` (the Yarn release and plugins `yarn set version` commits), under
 * `Godeps/_workspace/`, and under a `vendor/` directory that holds `modules.txt` (what `go mod
 * vendor` writes beside the copies). A directory merely named `vendor` is the project's own.
 */
const PACKAGE_MANAGER_DIRS = /(?:^|\/)(?:node_modules|bower_components|\.yarn\/(?:releases|plugins|sdks|versions|unplugged)|Godeps\/_workspace)\//;

async function packageManagerCopies(root: string, rev: string, files: readonly TreeFile[]): Promise<Set<string>> {
  const found = new Set(files.filter((file) => PACKAGE_MANAGER_DIRS.test(file.path)).map((file) => file.path));
  // The outermost `vendor/` directory of a path (`go mod vendor` writes one, at the module's root).
  const vendorDir = (path: string): string | null => {
    const match = /(?:^|\/)vendor\//.exec(path);
    return match ? path.slice(0, match.index + match[0].length) : null;
  };
  // A name holding a line break cannot be asked of `git cat-file --batch`: such a directory is not taken for go's.
  const dirs = [...new Set(files.map((file) => vendorDir(file.path)).filter((dir): dir is string => dir !== null && !/[\n\r]/.test(dir)))];
  if (dirs.length === 0) return found;
  const manifests = await readRevisionObjects(root, dirs.map((dir) => `${rev}:${dir}modules.txt`));
  const goVendor = new Set(dirs.filter((_, index) => manifests[index]?.type === 'blob'));
  for (const file of files) {
    const dir = vendorDir(file.path);
    if (dir !== null && goVendor.has(dir)) found.add(file.path);
  }
  return found;
}

/** Same glob semantics as the policy's path rules: directories cover what is under them, a glob without a slash matches at any depth. */
function matches(globs: readonly string[]): (path: string) => boolean {
  const matcher = pathMatcher(globs);
  return (path) => matcher(path) !== undefined;
}

/**
 * The files `blame` counts: those the include/exclude globs select, less what is not authorship
 * by default — lockfiles and files marked `linguist-generated` or `linguist-vendored` at the blamed revision — unless an
 * include glob names the file itself (see `namesFile`) or the command line names it exactly.
 * Binary files the globs select are never counted and never brought back; `excluded` says how many.
 */
export async function selectBlameFiles(input: SelectionInput): Promise<Selection> {
  const picked = matches(input.include);
  const pickedByFlag = input.cliInclude.length > 0 ? matches(input.cliInclude) : () => true;
  const dropped = input.exclude.length > 0 ? matches(input.exclude) : () => false;
  const selected = (file: TreeFile) => picked(file.path) && pickedByFlag(file.path) && !dropped(file.path);
  // A file kept in Git LFS is a pointer in git: three lines nobody wrote, never counted.
  const listed = input.listed.filter(selected);
  const pointers = await lfsPointers(input.root, listed);
  const chosen = listed.filter((file) => !pointers.has(file));
  const binaries = input.binaries.filter(selected);
  const binarySource = binaries.filter((file) => isSourceName(file.path));
  // A submodule's files are another repository's: git blame never reads them.
  const submodules = input.submodules.filter((path) => selected({ path, blob: '', size: 0 }));

  const namers = [...input.include, ...input.cliInclude].map((glob) => matches([glob]));
  const explicit = (path: string) => input.named.has(path) || namers.some((test) => namesFile(test, path));
  const lockfiles = new Set(chosen.filter((file) => isLockfile(file.path) && !explicit(file.path)));
  const rest = chosen.filter((file) => !lockfiles.has(file));
  const { generated, vendored, notGenerated, notVendored, unread } = await generatedPaths(input.root, input.commonDir, input.rev, rest.map((file) => file.path), input.attributeFiles);
  // A generator's header marks a file generated when no attribute says otherwise (GitHub Linguist's reading).
  for (const path of await generatorWritten(input.root, input.rev, rest.filter((file) => !generated.has(file.path) && !notGenerated.has(file.path) && !vendored.has(file.path)))) generated.add(path);
  // A package manager's copies are third-party code when no attribute says otherwise.
  for (const path of await packageManagerCopies(input.root, input.rev, rest)) if (!notVendored.has(path) && !generated.has(path)) vendored.add(path);
  const leftOut = new Set(rest.filter((file) => generated.has(file.path) && !explicit(file.path)));
  const thirdParty = new Set(rest.filter((file) => vendored.has(file.path) && !explicit(file.path)));
  return {
    files: rest.filter((file) => !leftOut.has(file) && !thirdParty.has(file)),
    excluded: { lockfiles: lockfiles.size, generated: leftOut.size, vendored: thirdParty.size, binary: binaries.length, binarySource: binarySource.length, lfs: pointers.size, submodules: submodules.length },
    ...(submodules[0] !== undefined ? { submoduleExample: submodules[0] } : {}),
    leftOut: { generated: [...leftOut], vendored: [...thirdParty] },
    ...(binarySource[0] ? { binarySourceExample: binarySource[0].path } : {}),
    ...(unread ? { attributesUnread: unread } : {}),
  };
}
