// The copy search as it was before session 39 (src/git/copy-suspects.ts at 9c67706): one `git grep -P`
// of each commit's parents' trees. Kept as the reference the range-wide search is compared with
// (test/unit/copy-suspects-s39g.test.ts): every commit it flags must still be flagged.
import { runGit, splitRecords, streamGit } from '../../src/git/exec.js';
import { GREP_COMMAND } from '../../src/git/grep-command.js';
import { listTreeEntries } from '../../src/git/read-blob.js';
import { readRevisionBlobs } from '../../src/git/revision-blobs.js';

/** Lines `start`..`end` (1-based, inclusive) that commit `rev` wrote in `path`; `parent`: its first parent. */
interface WrittenLines {
  rev: string;
  parent: string;
  /** A merge's other parents: a resolution can copy lines from a file only the merged side has. */
  merged?: readonly string[];
  path: string;
  start: number;
  end: number;
}

const STORED = { asStored: true } as const;

/**
 * A line counts toward a copy when it holds this many letters or digits: git blame scores a copied
 * chunk by its alphanumeric characters (40 at least, `BLAME_DEFAULT_COPY_SCORE`), so a chunk of
 * lines shorter than this is boilerplate (`}`, `return x;`) that stands in every file anyway.
 */
const MIN_ALNUM = 12;
/** git blame's least score for a copied chunk, in letters and digits (`BLAME_DEFAULT_COPY_SCORE`). */
const COPY_SCORE = 40;
/** The shortest word searched for (shorter words stand in nearly every file). */
const MIN_WORD = 6;

/**
 * What a git without -P searches for of `line`: its longest word (letters, digits, `_`, `$`). The blame that
 * follows is `-w`, which sees `f(a, b)`, `f( a,b )` and `f(a,b)` as one line: a copy re-spaced to
 * dodge the search still holds its words (a word cannot be split or joined without rewriting the code).
 */
function searched(line: string): string | null {
  const longest = (line.match(/[\p{L}\p{N}_$]+/gu) ?? []).reduce((best, word) => (word.length > best.length ? word : best), '');
  return longest.length >= MIN_WORD ? longest : null;
}

/** A line long enough to count toward a copy (MIN_ALNUM letters or digits). */
const alnum = (line: string): number => line.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
const countable = (line: string): boolean => alnum(line) >= MIN_ALNUM;

/**
 * Whether lines `start`..`end` of `text` hold a chunk git blame could read as a copy: consecutive
 * lines, each found elsewhere (`found`, spaces aside) or too short to search (a `}`, a blank line:
 * taken as found), holding at least one found line and COPY_SCORE letters or digits in all. A
 * line shared with other files among lines of the person's own (`return result;`) is no chunk.
 */
function holdsChunk(text: readonly string[], start: number, end: number, found: ReadonlySet<string>): boolean {
  let score = 0;
  let seen = false;
  for (const line of text.slice(start - 1, end)) {
    const count = alnum(line);
    if (count >= MIN_ALNUM && !found.has(line.replace(GIT_SPACE, ''))) {
      score = 0;
      seen = false;
      continue;
    }
    score += count;
    seen ||= count >= MIN_ALNUM;
    if (seen && score >= COPY_SCORE) return true;
  }
  return false;
}

/** What `git blame -w` reads past when it compares lines (xdiff's XDL_ISSPACE): a line without them is what a copy must match. */
const GIT_SPACE = /[ \t\n\v\f\r]/g;
/** GIT_SPACE in a Perl-compatible pattern, any number of them. */
const PERL_SPACE = '[\\t-\\r ]*';
/** Source length of one alternation of lines (PCRE2 compiles a pattern into at most 64 KB). */
const PERL_CHUNK = 4000;

/**
 * Perl-compatible patterns (`git grep -P`, one per line of input) matching a whole line that is,
 * spaces aside, one of `squeezed` (lines without GIT_SPACE): spaces allowed before, between and
 * after its characters; letters and digits as they are, other ASCII escaped, the rest literal
 * (raw UTF-8, in git's UTF-8 mode or byte by byte). A line holding NUL is left out (no pattern can).
 */
function perlPatterns(squeezed: Iterable<string>): string[] {
  const alternatives: string[] = [];
  for (const line of squeezed) {
    if (line.includes('\0')) continue;
    alternatives.push([...line].map((char) => (/^[A-Za-z0-9]$/.test(char) || char.charCodeAt(0) >= 0x80 ? char : `\\${char}`)).join(PERL_SPACE));
  }
  const patterns: string[] = [];
  let chunk: string[] = [];
  let size = 0;
  const flush = () => {
    if (chunk.length > 0) patterns.push(`^${PERL_SPACE}(?:${chunk.join('|')})${PERL_SPACE}$`);
    chunk = [];
    size = 0;
  };
  for (const alternative of alternatives) {
    if (size + alternative.length > PERL_CHUNK) flush();
    chunk.push(alternative);
    size += alternative.length + 1;
  }
  flush();
  return patterns;
}

/**
 * The lines of the `parents`' trees (binary files read as text) that may equal a `wanted` line, spaces
 * aside, as `<parent>:<path>\0<line>` records: `git grep -P` for exactly those lines where git has
 * Perl-compatible patterns (Debian's, Homebrew's and Git for Windows' do), else `git grep -F` for
 * each one's longest word, which prints every line holding it (the caller compares them whole).
 */
async function* candidateLines(cwd: string, parents: readonly string[], wanted: ReadonlySet<string>, words: ReadonlySet<string>): AsyncGenerator<string> {
  const perl = perlPatterns(wanted);
  if (perl.length > 0) {
    let out: string | null = null;
    try {
      // The few lines that match, whole: a git without -P fails here, before any line is given.
      out = await runGit([...GREP_COMMAND, '-a', '-z', '-P', '-f', '-', ...parents, '--'], { cwd, input: `${perl.join('\n')}\n`, okCodes: [1], ...STORED });
    } catch {
      // No Perl-compatible patterns in this git (or its PCRE refused one): the fixed-string search below.
    }
    if (out !== null) {
      yield* out.split('\n');
      return;
    }
  }
  if (words.size === 0) return;
  yield* splitRecords(streamGit([...GREP_COMMAND, '-a', '-z', '-F', '-f', '-', ...parents, '--'], { cwd, input: `${[...words].join('\n')}\n`, okCodes: [1], whole: true, ...STORED }), '\n');
}

/**
 * Which of `asked` may be copies of lines from another file: some line of theirs (one of
 * MIN_ALNUM letters and digits) stands, spaces aside (`git blame -w` reads `f(a, b)` and `f(a,b)`
 * as one line), in a file other than `path` in the parent's tree (any parent's, for a merge),
 * binary files included (a `.gitattributes` cannot hide one): candidateLines, one git process
 * per commit. Only
 * these are worth `git blame -C -C -C`, which searches the whole tree: a person's own new lines
 * mostly stand nowhere else, and a word they share with other files (`return result;`) does not
 * make them a copy.
 */
export async function copySuspectsPerCommit(cwd: string, asked: readonly WrittenLines[]): Promise<WrittenLines[]> {
  // One search per commit: every file it wrote into, at once.
  const commits = new Map<string, WrittenLines[]>();
  for (const lines of asked) {
    const key = `${lines.rev}\0${lines.parent}\0${(lines.merged ?? []).join(' ')}`;
    commits.set(key, [...(commits.get(key) ?? []), lines]);
  }
  const suspects: WrittenLines[] = [];
  for (const entries of commits.values()) {
    const { rev, parent, merged = [] } = entries[0] as WrittenLines;
    const parents = [...new Set([parent, ...merged])];
    const paths = [...new Set(entries.map((lines) => lines.path))];
    const texts = new Map<string, string[]>();
    const listed = await listTreeEntries(cwd, rev, paths, STORED);
    const blobs = listed.filter((entry) => entry.type === 'blob');
    const read = await readRevisionBlobs(cwd, blobs.map((entry) => entry.oid), STORED);
    blobs.forEach((entry, at) => {
      const blob = read[at];
      if (blob) texts.set(entry.path, blob.content.toString('utf8').split('\n'));
    });
    // Each asked line worth a search, spaces aside, with the files that wrote it.
    const wanted = new Map<string, Set<string>>();
    const words = new Set<string>();
    for (const lines of entries) {
      for (const line of texts.get(lines.path)?.slice(lines.start - 1, lines.end) ?? []) {
        if (!countable(line)) continue;
        // The fixed-string search (a git without -P) finds only lines with a word long enough to search for.
        const word = searched(line);
        if (word !== null) words.add(word);
        const key = line.replace(GIT_SPACE, '');
        wanted.set(key, (wanted.get(key) ?? new Set()).add(lines.path));
      }
    }
    if (wanted.size === 0) continue;
    // Per file written, its lines that stand in another file.
    const found = new Map<string, Set<string>>();
    for await (const record of candidateLines(cwd, parents, new Set(wanted.keys()), words)) {
      const nul = record.indexOf('\0');
      const prefix = parents.find((tree) => record.startsWith(`${tree}:`));
      if (nul === -1 || prefix === undefined) continue;
      const where = record.slice(prefix.length + 1, nul);
      const key = record.slice(nul + 1).replace(GIT_SPACE, '');
      for (const path of wanted.get(key) ?? []) if (path !== where) found.set(path, (found.get(path) ?? new Set()).add(key));
    }
    for (const lines of entries) {
      const text = texts.get(lines.path);
      const inOthers = found.get(lines.path);
      if (text && inOthers && holdsChunk(text, lines.start, lines.end, inOthers)) suspects.push(lines);
    }
  }
  return suspects;
}
