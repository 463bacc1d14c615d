import { splitRecords, streamGit } from './exec.js';
import { listTreeEntries } from './read-blob.js';
import { readRevisionBlobs } from './revision-blobs.js';

/** Lines `start`..`end` (1-based, inclusive) that commit `rev` wrote in `path`; `parent`: its first parent. */
export interface WrittenLines {
  rev: string;
  parent: string;
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
/** The shortest word searched for (shorter words stand in nearly every file). */
const MIN_WORD = 6;

/**
 * What to search for of `line`: its longest word (letters, digits, `_`, `$`). The blame that
 * follows is `-w`, which sees `f(a, b)`, `f( a,b )` and `f(a,b)` as one line: a copy re-spaced to
 * dodge the search still holds its words (a word cannot be split or joined without rewriting the code).
 */
function searched(line: string): string | null {
  if ((line.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < MIN_ALNUM) return null;
  const longest = (line.match(/[\p{L}\p{N}_$]+/gu) ?? []).reduce((best, word) => (word.length > best.length ? word : best), '');
  return longest.length >= MIN_WORD ? longest : null;
}

/** What `git blame -w` reads past when it compares lines (xdiff's XDL_ISSPACE): a line without them is what a copy must match. */
const GIT_SPACE = /[ \t\n\v\f\r]/g;

/**
 * Which of `asked` may be copies of lines from another file: some line of theirs (one of
 * MIN_ALNUM letters and digits) stands, spaces aside (`git blame -w` reads `f(a, b)` and `f(a,b)`
 * as one line), in a file other than `path` in the parent's tree. git greps the parent's tree for
 * each line's longest word (`-F`, binary files read as text: a `.gitattributes` cannot hide one;
 * one process per commit and file), and only the lines it prints that equal an asked line,
 * spaces aside, count. Only these are worth `git blame -C -C -C`, which searches the whole tree: a
 * person's own new lines mostly stand nowhere else, and a word they share with other files
 * (`return result;`) does not make them a copy.
 */
export async function copySuspects(cwd: string, asked: readonly WrittenLines[]): Promise<WrittenLines[]> {
  const files = new Map<string, WrittenLines[]>();
  for (const lines of asked) {
    const key = `${lines.rev}\0${lines.parent}\0${lines.path}`;
    files.set(key, [...(files.get(key) ?? []), lines]);
  }
  const suspects: WrittenLines[] = [];
  for (const entries of files.values()) {
    const { rev, parent, path } = entries[0] as WrittenLines;
    const [entry] = await listTreeEntries(cwd, rev, [path], STORED);
    if (entry?.type !== 'blob') continue;
    const [blob] = await readRevisionBlobs(cwd, [entry.oid], STORED);
    if (!blob) continue;
    const text = blob.content.toString('utf8').split('\n');
    // Each asked line worth a search, spaces aside, with the entries that wrote it.
    const wanted = new Map<string, Set<WrittenLines>>();
    const patterns = new Set<string>();
    for (const lines of entries) {
      for (const line of text.slice(lines.start - 1, lines.end)) {
        const word = searched(line);
        if (word === null) continue;
        patterns.add(word);
        const key = line.replace(GIT_SPACE, '');
        wanted.set(key, (wanted.get(key) ?? new Set()).add(lines));
      }
    }
    if (patterns.size === 0) continue;
    const found = new Set<WrittenLines>();
    const prefix = `${parent}:`;
    const args = ['grep', '--no-color', '-a', '-z', '-F', '-f', '-', parent, '--'];
    for await (const record of splitRecords(streamGit(args, { cwd, input: `${[...patterns].join('\n')}\n`, okCodes: [1], whole: true, ...STORED }), '\n')) {
      const nul = record.indexOf('\0');
      if (nul === -1 || !record.startsWith(prefix) || record.slice(prefix.length, nul) === path) continue;
      for (const lines of wanted.get(record.slice(nul + 1).replace(GIT_SPACE, '')) ?? []) found.add(lines);
      if (found.size === entries.length) break;
    }
    suspects.push(...found);
  }
  return suspects;
}
