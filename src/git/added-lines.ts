import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unquoteCPath } from '../core/blame/parse-blame.js';
import { emptyTreeOf } from './empty-tree.js';
import { childProcess, GitError, gitEnvironment, NO_FSMONITOR, runGit, splitRecords, streamGit, type ObjectView } from './exec.js';
import { knownGitDirSync } from './git-path.js';
import { loweredCap } from './commit-size.js';
import { BLAME_PLACED, hunkHeader, pathRuns } from './path-patches.js';

/**
 * Bytes of one commit's diff read to count its lines (row 993): a file of hundreds of megabytes packs
 * to a few hundred kilobytes when it repeats itself, and its diff would hold pre-receive for minutes.
 * Past it the count is given up (a GitError: the callers say the note's own count).
 */
export const DIFF_BYTES_CAP = 16 * 1024 * 1024;

// Said inside notesMessages.uncounted (which names the commit, and keeps 200 characters of it): whole there.
const overCap = (cap: number) => new GitError(`the diff of its noted files is more than ${cap.toLocaleString('en-US')} bytes, or git shows one of them as binary`, ['diff-tree'], null, '');
// A file over the cap is diffed as binary, never loaded: git's diff of a 200 MB file of short lines took 4.3 GB (row 993).
const bigAsBinary = (cap: number) => ['-c', `core.bigFileThreshold=${cap}`];

/** Where a commit adds lines: by path, `[start, count]` runs in its version of the file (a run of count 0 adds none). */
export type AddedLines = Map<string, Array<readonly [number, number]>>;

// Paths literal (`*` is that file); no external diff, no textconv, no prefixes a config changes.
const LITERAL = { env: { GIT_LITERAL_PATHSPECS: '1' } } as const;

/** Where a diff that counts runs: from the git dir, no index (attributesFree). */
export interface DiffPlace {
  gitDir: string;
  args: readonly string[];
  env: Record<string, string | undefined>;
}

// An index file that is not there (git reads none: an empty index), named once per process, on first use:
// node:crypto loads node's streams, which a hook or pre-receive that counts no note must not pay (bundle.test.ts).
let noIndex: string | undefined;
const NO_INDEX = () => (noIndex ??= join(tmpdir(), `aitrail-no-index-${process.getBuiltinModule('node:crypto').randomBytes(12).toString('hex')}`));

/**
 * The diff run so that no `.gitattributes` of the repository's content decides what git diffs as text (row 1016):
 * from the git dir as `--git-dir=.`, the work tree the git dir itself (GIT_WORK_TREE: whatever core.worktree says) with an index that is not there (git's
 * attributes fall back to the index's), `attr.tree` the empty tree (git >= 2.43 reads a bare repository's from
 * HEAD), no core.attributesFile, no system file. A checked-out `* diff` (never binary) had git load a file over
 * core.bigFileThreshold whole (40 MB: 0.86 GB), and `-diff` or `binary` on a noted file gave its count up for the
 * note's own. info/attributes (this machine's own) still applies. The git dir asked of git once per directory.
 */
export async function attributesFree(cwd: string, sha: string): Promise<DiffPlace> {
  const gitDir = knownGitDirSync(cwd);
  const empty = await emptyTreeOf(cwd, sha);
  return {
    gitDir,
    args: ['--git-dir=.', '-c', 'core.attributesFile=/dev/null', '-c', `attr.tree=${empty}`],
    env: { ...LITERAL.env, GIT_INDEX_FILE: NO_INDEX(), GIT_ATTR_NOSYSTEM: '1', GIT_ATTR_SOURCE: undefined, GIT_DIR: undefined, GIT_WORK_TREE: gitDir },
  };
}

/**
 * How hunks are placed: `ignoreSpace` as `git blame -w` places them (`-w`: a line changed only in
 * spaces is no added line), with an empty list for each asked path the diff shows adding no line
 * (its `+++` header read, or its `--raw` line: a change of spaces alone, which `-w` shows no patch
 * for, or of its mode alone, no `+++` header; row 1112): a path missing is one whose diff was not read by lines.
 */
export interface HunkPlacing {
  ignoreSpace?: boolean;
  /**
   * Every file diffed as text (`--text`), as `git blame` reads a binary one (row 1113): only for paths
   * whose both sides are known to be within DIFF_BYTES_CAP (lowered: `--text` loads a file past core.bigFileThreshold).
   */
  text?: boolean;
}
const placed = (how: HunkPlacing): readonly string[] => [...BLAME_PLACED, ...(how.ignoreSpace === true ? ['-w', '--raw'] : []), ...(how.text === true ? ['--text'] : [])];
const DIFF = ['diff-tree', '-r', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-relative', '--no-color', '--ignore-submodules=none'];

/**
 * The lines `sha` adds to those of `paths` it changes (against `parent`, its first; null: a root
 * commit, every line added), as `git blame` gives them to it: one `git diff-tree -p -U0` over
 * `paths` (read whole up to WHOLE_OUTPUT_LIMIT, as a stream past it; only hunk headers kept). More
 * paths than one run of PATH_PATCHES_CAP (a hostile note's million): the commit's changed paths
 * first (`--name-only`), those of `paths` among them in as many runs; a Set of `paths`, never a
 * diff of paths the commit did not change.
 * History as git shows it (a report's view, as `log` walks it), or as stored (`view.asStored`: enforcement).
 */
export async function addedLines(cwd: string, sha: string, parent: string | null, paths: readonly string[], view: ObjectView = {}, how: HunkPlacing = {}): Promise<AddedLines> {
  const added: AddedLines = new Map();
  // A note's path holding a NUL byte is in no diff (a tree entry's name ends at one) and no git argument can hold it:
  // it crashed a run past the cap on other files (internal error, exit 3: row 1014).
  paths = paths.filter((path) => !path.includes('\0'));
  if (paths.length === 0) return added;
  const sides = parent === null ? ['--root', sha] : [parent, sha];
  const cap = loweredCap(DIFF_BYTES_CAP);
  const place = await attributesFree(cwd, sha);
  const at = { cwd: place.gitDir, env: place.env, ...view };
  // The note's paths name the diff's (one git process) unless they are more than one run holds (a hostile note's
  // million paths): then only those the commit changes, asked first (`--name-only`), in as many runs.
  let runs = pathRuns(paths);
  if (runs.length > 1) {
    const asked = new Set(paths);
    runs = pathRuns((await runGit([...place.args, ...NO_FSMONITOR, ...DIFF, '-z', '--name-only', '--no-commit-id', ...sides], at)).split('\0').filter((path) => path !== '' && asked.has(path)));
  }
  for (const run of runs) {
    const args = [...place.args, ...NO_FSMONITOR, '-c', 'core.quotePath=true', ...bigAsBinary(cap), ...DIFF, '-p', '-U0', ...placed(how), '--src-prefix=a/', '--dst-prefix=b/', '--no-commit-id', ...sides, '--', ...run];
    const found = await hunksOf(splitRecords(streamGit(args, { ...at, whole: true }), '\n'), null, null, cap, how.ignoreSpace === true);
    if (found === 'over' || found === 'wide') throw overCap(cap);
    for (const [path, hunks] of found!) added.set(path, hunks);
  }
  return added;
}

/**
 * The added runs of a `diff-tree -p -U0` text by path (`asked`: only those paths), up to the line
 * `mark` (null: the end); null when the text ends before the mark (git stopped); 'over' past `cap` (DIFF_BYTES_CAP, lowered)
 * of the asked paths' diff; 'wide' past it of the whole text, the asked paths' under it (a big lockfile beside
 * the noted files: row 1001): the caller asks git again for the asked paths alone.
 */
async function hunksOf(lines: AsyncIterator<string>, asked: ReadonlySet<string> | null, mark: string | null, cap: number, listEmpty = false): Promise<AddedLines | null | 'over' | 'wide'> {
  const added: AddedLines = new Map();
  let left = cap;
  let all = cap;
  // The current file is one of the asked paths (its header unread: not yet).
  let counted = asked === null;
  // The file a `diff --git a/<p> b/<p>` header opens (both sides one name: --no-renames), for a `Binary files` line.
  let opened: string | null = null;
  let path: string | null = null;
  let oldLeft = 0;
  let newLeft = 0;
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = next.value;
    all -= line.length + 1;
    if (counted) left -= line.length + 1;
    if (left < 0) return 'over';
    if (all < 0) return 'wide';
    // A hunk's lines are counted by its header: a line of content reading like a header (or the mark) stays content.
    if (oldLeft > 0 || newLeft > 0) {
      if (line.startsWith('+')) newLeft -= 1;
      else if (line.startsWith('-')) oldLeft -= 1;
      else if (line.startsWith('\\')) continue;
      else {
        oldLeft -= 1;
        newLeft -= 1;
      }
      continue;
    }
    if (line === mark) return added;
    // `--raw` (listEmpty): `:<modes> <ids> <status>\t<path>`, C-quoted as a `+++` header's name, each changed path before its patch (row 1112).
    if (listEmpty && line.startsWith(':') && line.includes('\t')) {
      const name = unquoteCPath(line.slice(line.indexOf('\t') + 1));
      if ((asked === null || asked.has(name)) && !added.has(name)) added.set(name, []);
    } else if (line.startsWith('diff --git ')) {
      path = null;
      const sides = line.slice('diff --git '.length);
      const name = unquoteCPath(sides.slice(Math.floor((sides.length + 1) / 2)));
      opened = name.startsWith('b/') ? name.slice(2) : null;
      counted = asked === null || (opened !== null && asked.has(opened));
    } else if (line.startsWith('Binary files ') && opened !== null && (asked === null || asked.has(opened))) return 'over';
    else if (line.startsWith('+++ ')) {
      // C-quoted when it holds special bytes (`"b/t\tab.ts"`); a name with a space ends with a tab.
      const name = unquoteCPath(line.slice(4).replace(/\t$/, ''));
      path = name.startsWith('b/') && (asked === null || asked.has(name.slice(2))) ? name.slice(2) : null;
      if (listEmpty && path !== null && !added.has(path)) added.set(path, []);
    } else {
      const hunk = hunkHeader(line);
      if (!hunk) continue;
      oldLeft = hunk.oldCount;
      newLeft = hunk.newCount;
      if (path === null || newLeft === 0) continue;
      let runs = added.get(path);
      if (!runs) added.set(path, (runs = []));
      runs.push([hunk.newStart, newLeft]);
    }
  }
  return mark === null ? added : null;
}

/** addedLines for every noted commit of a walk, in one git process (openAddedLines). */
export interface AddedLinesReader {
  of(sha: string, parent: string | null, paths: readonly string[]): Promise<AddedLines>;
  close(): void;
}

/**
 * One `git diff-tree --stdin -p -U0 --root` for a walk (`log`): each commit asked as `<sha> <parent>`
 * (a root alone), then a mark git echoes and flushes (a line that is no object id), so its diff is
 * read up to the mark; only hunk headers of `paths` are kept. No pathspec (one process for every
 * commit): the commit's other files stream past, counted, never held. git failing: addedLines alone.
 */
export function openAddedLines(cwd: string, view: ObjectView = {}, how: HunkPlacing = {}): AddedLinesReader {
  let child: ReturnType<ReturnType<typeof childProcess>['spawn']> | null = null;
  let lines: AsyncGenerator<string> | null = null;
  let broken = false;
  const mark = `aitrail-${process.getBuiltinModule('node:crypto').randomBytes(16).toString('hex')}`;
  const cap = loweredCap(DIFF_BYTES_CAP);
  const start = (place: DiffPlace) => {
    const args = [...place.args, ...NO_FSMONITOR, '-c', 'core.quotePath=true', ...bigAsBinary(cap), ...DIFF, '--stdin', '--root', '-p', '-U0', ...placed(how), '--src-prefix=a/', '--dst-prefix=b/', '--no-commit-id'];
    child = childProcess().spawn('git', args, { cwd: place.gitDir, env: gitEnvironment({ cwd: place.gitDir, env: place.env, ...view }), stdio: ['pipe', 'pipe', 'ignore'] });
    child.stdin!.on('error', () => {});
    child.on('error', () => {});
    lines = splitRecords(child.stdout!, '\n');
    return lines;
  };
  return {
    async of(sha, parent, paths) {
      if (paths.length === 0) return new Map();
      if (broken) return addedLines(cwd, sha, parent, paths, view, how);
      const read = lines ?? start(await attributesFree(cwd, sha));
      child!.stdin!.write(`${parent === null ? sha : `${sha} ${parent}`}\n${mark}\n`);
      const added = await hunksOf(read, new Set(paths), mark, cap, how.ignoreSpace === true);
      if (added === 'over' || added === 'wide') {
        // The rest of this commit's diff is not read: the next commit starts a new git.
        this.close();
        if (added === 'over') throw overCap(cap);
        // Other files of the commit (a lockfile) passed the cap: the note's paths alone, diffed by their pathspec.
        return addedLines(cwd, sha, parent, paths, view, how);
      }
      if (added) return added;
      broken = true;
      this.close();
      return addedLines(cwd, sha, parent, paths, view, how);
    },
    close() {
      child?.stdin?.end();
      // Unread output (a diff left past the cap) would hold the pipe open, and the process, after the command.
      child?.stdout?.destroy();
      if (child && child.exitCode === null) child.kill();
      child = null;
      lines = null;
    },
  };
}
