import { runGit } from './exec.js';
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

/**
 * Which of `asked` may be copies of lines from another file: the longest word of some line of
 * theirs (one of MIN_ALNUM letters and digits) stands in a file other than `path` in the parent's
 * tree (`git grep -F` there, binary files too: a `.gitattributes` cannot hide one; one process per
 * commit and file). Only these are worth `git blame -C -C -C`, which searches the whole tree: a
 * person's own new lines mostly stand nowhere else.
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
    const patterns = new Set(entries.flatMap(({ start, end }) => text.slice(start - 1, end).map(searched).filter((line): line is string => line !== null)));
    if (patterns.size === 0) continue;
    const out = await runGit(['grep', '--no-color', '-l', '-z', '-F', '-f', '-', parent, '--'], { cwd, input: `${[...patterns].join('\n')}\n`, okCodes: [1], ...STORED });
    const prefix = `${parent}:`;
    const elsewhere = out.split('\0').some((name) => name.startsWith(prefix) && name.slice(prefix.length) !== path);
    if (elsewhere) suspects.push(...entries);
  }
  return suspects;
}
