import { listTreeEntries } from './read-blob.js';
import { readRevisionBlobs } from './revision-blobs.js';

/**
 * Whether `bytes` start as text in UTF-16 or UTF-32 (a byte order mark: FF FE, FE FF, 00 00 FE FF):
 * text that TypeScript, C# and PowerShell compile as it is, while git reads it as binary (its NUL
 * bytes) and splits its lines where no line of the same text in UTF-8 is split alike.
 */
export function wideText(bytes: Buffer): boolean {
  if (bytes.length < 2) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return bytes.length >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff;
}

/** The first of `files` (`<rev>`, `<path>` of a blob) stored as UTF-16 or UTF-32 text (wideText), or null. Objects as stored. */
export async function firstWideTextFile(cwd: string, files: ReadonlyArray<{ rev: string; path: string }>): Promise<{ rev: string; path: string } | null> {
  const byRev = new Map<string, string[]>();
  for (const { rev, path } of files) byRev.set(rev, [...(byRev.get(rev) ?? []), path]);
  for (const [rev, paths] of byRev) {
    const entries = (await listTreeEntries(cwd, rev, paths, { asStored: true })).filter((entry) => entry.type === 'blob');
    const blobs = await readRevisionBlobs(cwd, entries.map((entry) => entry.oid), { asStored: true });
    const at = blobs.findIndex((blob) => blob !== null && wideText(blob.content));
    if (at >= 0) return { rev, path: (entries[at] as { path: string }).path };
  }
  return null;
}
