import { listTreeEntries } from './read-blob.js';
import { readRevisionBlobs } from './revision-blobs.js';

/**
 * Why a compiler reads lines in `bytes` that git does not, or null:
 * - `utf16`: text in UTF-16 or UTF-32 (a byte order mark: FF FE, FE FF, 00 00 FE FF), which
 *   TypeScript, C# and PowerShell compile as they do UTF-8, while git reads it as binary (its NUL
 *   bytes) and splits its lines where no line of the same text in UTF-8 is split alike;
 * - `cr`: a carriage return with more of the line after it (old Mac line breaks, `\r` alone):
 *   a line break to JavaScript, TypeScript and Python, none to git;
 * - `ls`: U+2028 or U+2029 with more of the line after it, a line break to JavaScript and TypeScript.
 * A `\r\n` or `\r\r\n` line end, and a U+2028 at a line's end, hide nothing; nor does a file git
 * reads as binary (past a byte order mark).
 */
export function hiddenLineBreaks(bytes: Buffer): 'utf16' | 'cr' | 'ls' | null {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return 'utf16';
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return 'utf16';
  // A file git reads as binary (a NUL in its first 8,000 bytes, as git's buffer_is_binary): an
  // image's or an archive's bytes hold carriage returns anywhere, and no compiler reads it as lines.
  if (bytes.subarray(0, 8000).includes(0)) return null;
  const more = (at: number): boolean => at < bytes.length && bytes[at] !== 0x0a && bytes[at] !== 0x0d;
  for (let at = bytes.indexOf(0x0d); at !== -1; at = bytes.indexOf(0x0d, at + 1)) if (more(at + 1)) return 'cr';
  for (let at = bytes.indexOf(0xe2); at !== -1; at = bytes.indexOf(0xe2, at + 1)) {
    if (bytes[at + 1] === 0x80 && (bytes[at + 2] === 0xa8 || bytes[at + 2] === 0xa9) && more(at + 3)) return 'ls';
  }
  return null;
}

/** The first of `files` (`<rev>`, `<path>` of a blob) whose lines a compiler splits otherwise than git (hiddenLineBreaks), or null. Objects as stored. */
export async function firstHiddenLinesFile(cwd: string, files: ReadonlyArray<{ rev: string; path: string }>): Promise<{ rev: string; path: string; why: 'utf16' | 'cr' | 'ls' } | null> {
  const byRev = new Map<string, string[]>();
  for (const { rev, path } of files) byRev.set(rev, [...(byRev.get(rev) ?? []), path]);
  for (const [rev, paths] of byRev) {
    const entries = (await listTreeEntries(cwd, rev, paths, { asStored: true })).filter((entry) => entry.type === 'blob');
    const blobs = await readRevisionBlobs(cwd, entries.map((entry) => entry.oid), { asStored: true });
    for (const [at, blob] of blobs.entries()) {
      const why = blob === null ? null : hiddenLineBreaks(blob.content);
      if (why !== null) return { rev, path: (entries[at] as { path: string }).path, why };
    }
  }
  return null;
}
