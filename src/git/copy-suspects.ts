import { NO_FSMONITOR, runGit, splitRecords, streamGit } from './exec.js';
import { GREP_COMMAND } from './grep-command.js';
import { objectInfoLines } from './object-batch.js';
import { blobIdsAt, chunks } from './read-blob.js';
import { readRevisionBlobs } from './revision-blobs.js';

/** Lines `start`..`end` (1-based, inclusive) that commit `rev` wrote in `path`; `parent`: its first parent. */
export interface WrittenLines {
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
/** What one U+FFFD of a blob read as UTF-8 stands for: a maximal run of 1 to 3 bytes that are no UTF-8 (the WHATWG decoder's). */
const PERL_NOT_UTF8 = '[\\x80-\\xff]{1,3}';
/** One character of a line as perlPatterns says it. */
function perlChar(char: string): string {
  const code = char.charCodeAt(0);
  if (/^[A-Za-z0-9]$/.test(char)) return char;
  if (char === '\uFFFD') return PERL_NOT_UTF8;
  if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code >= 0x80 ? char : `\\${char}`;
}
/** Source length of one alternation of lines (PCRE2 compiles a pattern into at most 64 KB). */
const PERL_CHUNK = 4000;

/**
 * Perl-compatible patterns (`git grep -P`, one per line of input) matching a whole line that is,
 * spaces aside, one of `squeezed` (lines without GIT_SPACE): spaces allowed before, between and
 * after its characters; letters and digits as they are, control characters (NUL too) by their
 * code, other ASCII escaped, the rest literal (raw UTF-8: git runs in the C locale, byte by byte).
 * U+FFFD is what reading the file as UTF-8 made of bytes that are not (a Latin-1 `é`, `\xE9`): any
 * such bytes (PERL_NOT_UTF8); its own bytes alone would never match the file's, and the copy was missed.
 */
function perlPatterns(squeezed: Iterable<string>): string[] {
  const alternatives: string[] = [];
  for (const line of squeezed) alternatives.push([...line].map(perlChar).join(PERL_SPACE));
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

/** The records `git grep -P` gives for `patterns` (perlPatterns) in `trees`; null when this git cannot (no PCRE, or a pattern refused). */
async function perlLines(cwd: string, trees: readonly string[], patterns: readonly string[]): Promise<string[] | null> {
  try {
    return (await runGit([...GREP_COMMAND, '-a', '-z', '-P', '-f', '-', ...trees, '--'], { cwd, input: `${patterns.join('\n')}\n`, okCodes: [1], ...STORED })).split('\n');
  } catch {
    return null;
  }
}

/**
 * The parents' first-parent history the search reads: every commit of the judged range, with its
 * first parent (if any). A parent outside it is searched whole (by default every parent is).
 */
export interface CopyHistory {
  range: ReadonlyMap<string, { firstParent: string | undefined }>;
}

/**
 * Where a line may stand, looked up at a parent (`<parent>:<path>`) past which a range is refused
 * rather than read for minutes: reached only when lines stood in many files that the range then
 * changed, for many commits (an honest line standing in other files is found at the first paths asked).
 */
export const COPY_LOOKUPS_CAP = 2_000_000;

/**
 * Tries of a line at a path (asked of git or already known) past which a range is refused (row
 * 1036): a line in hundreds of files the range adds, absent from most commits' parents, was tried
 * at each of them for each commit and each of its lines (36 million tries for 300 copies of one file,
 * minutes of CPU in node). An honest line is found at the first paths tried (seconds at this cap).
 */
export const COPY_TRIES_CAP = 20_000_000;

/** Thrown past COPY_LOOKUPS_CAP: the caller fails closed. */
export class CopyLookupsCapError extends Error {
  constructor(
    readonly rev: string,
    readonly cap = COPY_LOOKUPS_CAP,
  ) {
    super(`copy search past its cap of lookups at ${rev}`);
  }
}

/** Object names per `git cat-file` / `git grep` process (argument lists and outputs stay small). */
const PER_PROCESS = 2000;

/** Bytes of blobs read into node per `git cat-file --batch`; a blob past BLOB_READ_LIMIT is searched by git grep instead (it streams). */
const BYTES_PER_READ = 32 * 1024 * 1024;
const BLOB_READ_LIMIT = 256 * 1024 * 1024;
/** Perl-compatible patterns (of PERL_CHUNK) past which a tree is read line by line in node rather than by git grep (each line tried against every pattern). */
const GREP_PATTERNS = 4;

/**
 * Each `(oid, key)` where blob `oid` holds a line that is `key` (one of `wanted`) spaces aside: the
 * blobs read a few thousand at a time and every line compared whole, as candidateLines' records
 * are (linear in their bytes, however many lines are wanted); a blob past BLOB_READ_LIMIT through
 * candidateLines.
 */
async function* linesInBlobs(cwd: string, oids: readonly string[], wanted: ReadonlySet<string>, words: ReadonlySet<string>): AsyncGenerator<[string, string]> {
  const sizes = new Map<string, number>();
  for (const part of chunks(oids, 100_000)) {
    const answers = await objectInfoLines(cwd, part, STORED);
    for (const answer of answers) {
      const match = /^([0-9a-f]{40,64}) blob (\d+)$/.exec(answer);
      if (match) sizes.set(match[1]!, Number(match[2]));
    }
  }
  const big = [...sizes].filter(([, size]) => size > BLOB_READ_LIMIT).map(([oid]) => oid);
  for (const oid of big) {
    for await (const record of candidateLines(cwd, [oid], wanted, words)) {
      const nul = record.indexOf('\0');
      const key = record.slice(nul + 1).replace(GIT_SPACE, '');
      if (nul !== -1 && wanted.has(key)) yield [oid, key];
    }
  }
  let batch: string[] = [];
  let bytes = 0;
  const flush = async function* (): AsyncGenerator<[string, string]> {
    const read = await readRevisionBlobs(cwd, batch, STORED);
    for (const [at, blob] of read.entries()) {
      if (!blob) continue;
      for (const line of blob.content.toString('utf8').split('\n')) {
        const key = line.replace(GIT_SPACE, '');
        if (wanted.has(key)) yield [batch[at]!, key];
      }
    }
    batch = [];
    bytes = 0;
  };
  for (const [oid, size] of sizes) {
    if (size > BLOB_READ_LIMIT) continue;
    if (batch.length > 0 && (bytes + size > BYTES_PER_READ || batch.length >= PER_PROCESS)) yield* flush();
    batch.push(oid);
    bytes += size;
  }
  if (batch.length > 0) yield* flush();
}

/** The files (regular, as git grep reads a tree) of `rev`'s tree: `(path, blob)`. */
async function treeFiles(cwd: string, rev: string): Promise<Array<{ path: string; oid: string }>> {
  const out = await runGit(['ls-tree', '-r', '-z', '--full-tree', rev], { cwd, ...STORED });
  return out.split('\0').flatMap((record) => {
    const match = /^(100\d{3}) blob ([0-9a-f]{40,64})\t([\s\S]*)$/.exec(record);
    return match ? [{ path: match[3]!, oid: match[2]! }] : [];
  });
}

/** The `(path, blob)` pairs of files the first-parent diffs of `commits` bring (a root commit: all of its tree). */
async function introduced(cwd: string, commits: ReadonlyArray<{ sha: string; firstParent: string | undefined }>): Promise<Array<{ path: string; oid: string }>> {
  if (commits.length === 0) return [];
  const input = commits.map(({ sha, firstParent }) => (firstParent === undefined ? `${sha}\n` : `${sha} ${firstParent}\n`)).join('');
  // diff-tree reads the index (and would run a core.fsmonitor hook): none of that here.
  const out = await runGit([...NO_FSMONITOR, 'diff-tree', '--stdin', '-r', '-z', '--no-renames', '--raw', '--no-abbrev', '--root', '--no-commit-id', '--no-relative', '--no-ext-diff', '--ignore-submodules=none'], { cwd, input, ...STORED });
  const fields = out.split('\0');
  const pairs: Array<{ path: string; oid: string }> = [];
  for (let at = 0; at + 1 < fields.length; at += 2) {
    const match = /^:\d+ (\d+) [0-9a-f]+ ([0-9a-f]+) /.exec(fields[at]!);
    // Files only, as git grep reads a tree (it passes over links and submodules); a deletion brings nothing.
    if (!match || !/^100\d{3}$/.test(match[1]!) || /^0+$/.test(match[2]!)) continue;
    pairs.push({ path: fields[at + 1]!, oid: match[2]! });
  }
  return pairs;
}

/**
 * Which of `asked` may be copies of lines from another file: some line of theirs (one of
 * MIN_ALNUM letters and digits) stands, spaces aside (`git blame -w` reads `f(a, b)` and `f(a,b)`
 * as one line), in a file other than `path` in the parent's tree (any parent's, for a merge),
 * binary files included (a `.gitattributes` cannot hide one). Only
 * these are worth `git blame -C -C -C`, which searches the whole tree: a person's own new lines
 * mostly stand nowhere else, and a word they share with other files (`return result;`) does not
 * make them a copy.
 *
 * Searched once for the whole range, not tree by tree (a `git grep` of each commit's parent tree
 * read every file of it again: minutes over thousands of commits): every file of a parent's tree
 * is either a file of a boundary commit it descends from by first parents, or a `(path, blob)` a
 * first-parent diff of the range brings. So the boundary trees are searched once, the blobs those
 * diffs bring once each (candidateLines, a few processes), and only then is each parent asked
 * which blob it holds at the few paths where a line was found (`git cat-file --batch-check`).
 * Past COPY_LOOKUPS_CAP such lookups, or COPY_TRIES_CAP tries of a line at a path: CopyLookupsCapError (fail closed).
 */
export async function copySuspects(cwd: string, asked: readonly WrittenLines[], history: CopyHistory = { range: new Map() }, cap = COPY_LOOKUPS_CAP, triesCap = COPY_TRIES_CAP): Promise<WrittenLines[]> {
  // One judgement per commit: every file it wrote into, at once.
  const commits = new Map<string, WrittenLines[]>();
  for (const lines of asked) {
    const key = `${lines.rev}\0${lines.parent}\0${(lines.merged ?? []).join(' ')}`;
    const group = commits.get(key);
    if (group) group.push(lines);
    else commits.set(key, [lines]);
  }
  // The files written, read a few thousand at a time; of each, only the lines asked are kept.
  const byFile = new Map<string, WrittenLines[]>();
  for (const lines of asked) {
    const key = `${lines.rev}\0${lines.path}`;
    const group = byFile.get(key);
    if (group) group.push(lines);
    else byFile.set(key, [lines]);
  }
  const files = [...byFile.values()].map((group) => ({ rev: group[0]!.rev, path: group[0]!.path, group }));
  const fileIds = await blobIdsAt(cwd, files, STORED);
  const texts = new Map<WrittenLines, string[]>();
  const wantedIds = [...new Set(fileIds.filter((id): id is string => id !== null))];
  for (const part of chunks(wantedIds, PER_PROCESS)) {
    const read = new Map<string, string[]>();
    for (const [at, blob] of (await readRevisionBlobs(cwd, part, STORED)).entries()) if (blob) read.set(part[at]!, blob.content.toString('utf8').split('\n'));
    files.forEach((file, at) => {
      const text = read.get(fileIds[at] ?? '');
      if (text) for (const lines of file.group) texts.set(lines, text.slice(lines.start - 1, lines.end));
    });
  }
  // Each commit's lines worth a search, spaces aside, with the files that wrote them; all of them, and their words.
  const judged: Array<{ entries: WrittenLines[]; parents: string[]; wanted: Map<string, Set<string>> }> = [];
  const allWanted = new Set<string>();
  const words = new Set<string>();
  for (const entries of commits.values()) {
    const { parent, merged = [] } = entries[0] as WrittenLines;
    const wanted = new Map<string, Set<string>>();
    for (const lines of entries) {
      for (const line of texts.get(lines) ?? []) {
        if (!countable(line)) continue;
        // The fixed-string search (a git without -P) finds only lines with a word long enough to search for.
        const word = searched(line);
        if (word !== null) words.add(word);
        const key = line.replace(GIT_SPACE, '');
        wanted.set(key, (wanted.get(key) ?? new Set()).add(lines.path));
        allWanted.add(key);
      }
    }
    if (wanted.size > 0) judged.push({ entries, parents: [...new Set([parent, ...merged])], wanted });
  }
  if (judged.length === 0) return [];
  // The commits whose first-parent diffs make the parents' trees, and the boundary commits those start from.
  const chain: Array<{ sha: string; firstParent: string | undefined }> = [];
  const bases = new Set<string>();
  const walked = new Set<string>();
  for (const { parents } of judged) {
    for (const start of parents) {
      let at: string | undefined = start;
      while (at !== undefined && !walked.has(at)) {
        walked.add(at);
        const commit = history.range.get(at);
        if (commit === undefined) {
          bases.add(at);
          break;
        }
        chain.push({ sha: at, firstParent: commit.firstParent });
        at = commit.firstParent;
      }
    }
  }
  // Where each wanted line stands: blobs holding it, and the paths they were seen at.
  const holding = new Map<string, Set<string>>();
  const pathsOf = new Map<string, Set<string>>();
  const seen = (oid: string, path: string, key: string) => {
    holding.set(oid, (holding.get(oid) ?? new Set()).add(key));
    pathsOf.set(key, (pathsOf.get(key) ?? new Set()).add(path));
  };
  // Files to read line by line: those the range's first-parent diffs bring, and the boundary trees' when
  // the lines wanted are too many for git grep's patterns (every line of a tree tried against each).
  const byBlob = new Map<string, Set<string>>();
  const add = ({ path, oid }: { path: string; oid: string }) => byBlob.set(oid, (byBlob.get(oid) ?? new Set()).add(path));
  // git grep -P for the lines where its patterns can say them; where they cannot (a git without
  // Perl-compatible patterns, or PCRE refusing a pattern: a line of a few thousand characters is past
  // its 64 KB), every file of the boundary trees is read in node, never the fixed-string search by
  // word, which cannot find a line without a word of MIN_WORD characters (`let abc = def + ghi;`):
  // one long line anywhere in the range left every other commit's copy of such lines unfound.
  const perl = perlPatterns(allWanted);
  let grepped = perl.length > 0 && perl.length <= GREP_PATTERNS;
  if (grepped) {
    const baseHits: Array<{ rev: string; path: string; key: string }> = [];
    for (const part of chunks([...bases], 64)) {
      const out = await perlLines(cwd, part, perl);
      if (out === null) {
        grepped = false;
        break;
      }
      for (const record of out) {
        const nul = record.indexOf('\0');
        const prefix = part.find((tree) => record.startsWith(`${tree}:`));
        if (nul === -1 || prefix === undefined) continue;
        const key = record.slice(nul + 1).replace(GIT_SPACE, '');
        if (allWanted.has(key)) baseHits.push({ rev: prefix, path: record.slice(prefix.length + 1, nul), key });
      }
    }
    if (grepped) {
      const baseIds = await blobIdsAt(cwd, baseHits, STORED);
      baseHits.forEach((hit, at) => {
        const id = baseIds[at];
        if (id !== null && id !== undefined) seen(id, hit.path, hit.key);
      });
    }
  }
  if (!grepped) {
    for (const base of bases) for (const file of await treeFiles(cwd, base)) add(file);
  }
  for (const file of await introduced(cwd, chain)) add(file);
  for await (const [oid, key] of linesInBlobs(cwd, [...byBlob.keys()], allWanted, words)) {
    for (const path of byBlob.get(oid) ?? []) seen(oid, path, key);
  }
  // Each commit's lines, asked at its parents at the paths they were seen at, a few paths per line a round (most are found at the first).
  const known = new Map<string, string | null>();
  let lookups = 0;
  let tries = 0;
  const suspects: WrittenLines[] = [];
  // One list of paths per line, shared by every commit that wrote it (row 1036: a list made for each
  // commit's each line was the same line's hundreds of paths copied for hundreds of commits, minutes in node).
  const pathLists = new Map<string, string[]>();
  const pathsOfKey = (key: string): string[] => {
    let paths = pathLists.get(key);
    if (paths === undefined) pathLists.set(key, (paths = [...(pathsOf.get(key) ?? [])]));
    return paths;
  };
  const pending = judged.flatMap((commit, index) =>
    [...commit.wanted].flatMap(([key, written]) => {
      // Seen at one path only, a file the commit wrote it into: asked there it counts for no file written alone; written
      // into others too, their copy from that file (changed by this commit) is the plain blame's `-C` to find, not this search.
      const paths = pathsOfKey(key);
      return paths.length === 0 || (paths.length === 1 && written.has(paths[0]!)) ? [] : [{ index, key, written, paths, next: 0, at: new Set<string>() }];
    }),
  );
  const found = judged.map(() => new Map<string, Set<string>>());
  let open = pending;
  for (let round = 0; open.length > 0; round += 1) {
    const take = 4 << Math.min(round, 20);
    const asks: Array<{ rev: string; path: string }> = [];
    const askedNow = new Set<string>();
    for (const item of open) {
      tries += Math.min(take, item.paths.length - item.next);
      if (tries > triesCap) throw new CopyLookupsCapError(judged[item.index]!.entries[0]!.rev, triesCap);
      for (const path of item.paths.slice(item.next, item.next + take)) {
        for (const rev of judged[item.index]!.parents) {
          const name = `${rev}\0${path}`;
          if (known.has(name) || askedNow.has(name)) continue;
          askedNow.add(name);
          asks.push({ rev, path });
        }
      }
    }
    lookups += asks.length;
    if (lookups > cap) throw new CopyLookupsCapError(judged[open[0]!.index]!.entries[0]!.rev);
    const ids = await blobIdsAt(cwd, asks, STORED);
    asks.forEach((ask, at) => known.set(`${ask.rev}\0${ask.path}`, ids[at] ?? null));
    const still: typeof open = [];
    for (const item of open) {
      for (const path of item.paths.slice(item.next, item.next + take)) {
        if (judged[item.index]!.parents.some((rev) => holding.get(known.get(`${rev}\0${path}`) ?? '')?.has(item.key) === true)) item.at.add(path);
      }
      item.next += take;
      const done = [...item.written].every((path) => [...item.at].some((where) => where !== path));
      if (!done && item.next < item.paths.length) still.push(item);
    }
    open = still;
  }
  for (const item of pending) {
    for (const path of item.written) {
      if ([...item.at].some((where) => where !== path)) found[item.index]!.set(path, (found[item.index]!.get(path) ?? new Set()).add(item.key));
    }
  }
  judged.forEach(({ entries }, index) => {
    for (const lines of entries) {
      const text = texts.get(lines);
      const inOthers = found[index]!.get(lines.path);
      if (text && inOthers && holdsChunk(text, 1, text.length, inOthers)) suspects.push(lines);
    }
  });
  return suspects;
}
