import { blobIdsAt, chunks } from './read-blob.js';
import { readRevisionBlobs } from './revision-blobs.js';

/** Why a file's lines, as a compiler or a checkout reads them, are not git's (hiddenLineBreaks). */
export type HiddenLines = 'lfs' | 'utf16' | 'cr' | 'ls';

/** How much of a blob Git LFS reads to tell a pointer (git-lfs' `blobSizeCutoff`): what follows is never looked at. */
const LFS_HEAD = 1024;

/**
 * Whether a work tree with Git LFS shows another file's bytes in place of `bytes`: git-lfs' smudge
 * reads a pointer from a blob's first 1,024 bytes alone, each line trimmed, blank lines skipped,
 * `\r\n` line ends and a missing last newline taken, `version` naming `git-lfs`, `hawser` or the
 * alpha's `git-media` (so a pointer followed by blank lines and then code is still smudged).
 * Read more widely than that (any `version` line naming one of them and any `oid` line): it
 * only has to fail closed.
 */
export function lfsPointerHead(bytes: Buffer): boolean {
  const lines = bytes.subarray(0, LFS_HEAD).toString('latin1').split('\n').map((line) => line.trim());
  return lines.some((line) => /^version\s.*(?:git-lfs|hawser|git-media)/.test(line)) && lines.some((line) => /^oid\s/.test(line));
}

/**
 * Why a compiler reads lines in `bytes` that git does not, or null:
 * - `lfs`: a Git LFS pointer (lfsPointerHead): a work tree with Git LFS holds the object it names,
 *   lines git never reads (Qwen's lib/key.ts uploaded as that object shows at src/crypto/key.ts);
 * - `utf16`: text in UTF-16 or UTF-32 (a byte order mark: FF FE, FE FF, 00 00 FE FF), which
 *   TypeScript, C# and PowerShell compile as they do UTF-8, while git reads it as binary (its NUL
 *   bytes) and splits its lines where no line of the same text in UTF-8 is split alike;
 * - `cr`: a carriage return with more of the line after it (old Mac line breaks, `\r` alone):
 *   a line break to JavaScript, TypeScript and Python, none to git;
 * - `ls`: U+2028 or U+2029 with more of the line after it, a line break to JavaScript and TypeScript.
 * A `\r\n` or `\r\r\n` line end, and a U+2028 at a line's end, hide nothing; nor does a file git
 * reads as binary (past a byte order mark).
 */
export function hiddenLineBreaks(bytes: Buffer): HiddenLines | null {
  if (lfsPointerHead(bytes)) return 'lfs';
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
export async function firstHiddenLinesFile(cwd: string, files: ReadonlyArray<{ rev: string; path: string }>): Promise<{ rev: string; path: string; why: HiddenLines } | null> {
  // In the order of the commits first named, then of their paths; every blob id at once, each blob read once (a few processes, not two per commit).
  const byRev = new Map<string, string[]>();
  for (const { rev, path } of files) byRev.set(rev, [...(byRev.get(rev) ?? []), path]);
  const ordered = [...byRev].flatMap(([rev, paths]) => paths.map((path) => ({ rev, path })));
  const ids = await blobIdsAt(cwd, ordered, { asStored: true });
  const verdicts = new Map<string, HiddenLines | null>();
  for (const part of chunks([...new Set(ids.filter((id): id is string => id !== null))], 2000)) {
    const blobs = await readRevisionBlobs(cwd, part, { asStored: true });
    part.forEach((id, at) => {
      const blob = blobs[at];
      verdicts.set(id, blob ? hiddenLineBreaks(blob.content) : null);
    });
  }
  for (const [at, file] of ordered.entries()) {
    const why = verdicts.get(ids[at] ?? '') ?? null;
    if (why !== null) return { ...file, why };
  }
  return null;
}
