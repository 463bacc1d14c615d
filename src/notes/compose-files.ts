import { splitLines } from '../core/lines/line-owners.js';
import { composeFile, heldKeys, type NotedFile, type NoteForRewrite } from '../core/notes/compose-note.js';
import type { NoteToWrite } from '../core/notes/serialize-authorship-log.js';
import { renamedPaths } from '../git/renames.js';
import { readRevisionBlobs, type RevisionBlob } from '../git/revision-blobs.js';

/** A note to carry onto `commit`, and the revision whose files its line numbers count (`commit` itself: a note written for it). */
export interface NoteSource {
  note: NoteForRewrite;
  rev: string;
}

const linesOf = (blob: RevisionBlob) => (blob ? splitLines(blob.content.toString('utf8')) : null);

/**
 * The files of `commit`'s note composed from `sources` (oldest first): each noted file carried to
 * its version in `commit` through a line diff, and only the lines `commit` adds to its parent kept
 * (composeFile). A file `commit` no longer has under the noted path is looked for where git's
 * rename detection (`diff-tree -M` from the source's revision) says it went: a rebase onto a
 * rename, a branch that moved the file after the agent wrote in it.
 */
export async function composeFiles(top: string, commit: string, sources: readonly NoteSource[]): Promise<NoteToWrite['files']> {
  // Where each source's noted file is in `commit`: its own path, or where a rename took it.
  const placed = sources.map((source) => new Map([...source.note.files.keys()].map((path) => [path, path])));
  const paths = [...new Set(sources.flatMap((source) => [...source.note.files.keys()]))];
  const present = await readRevisionBlobs(top, paths.map((path) => `${commit}:${path}`));
  const missing = new Set(paths.filter((_, index) => !present[index]));
  if (missing.size > 0) {
    await Promise.all(
      sources.map(async (source, at) => {
        if (source.rev === commit || ![...source.note.files.keys()].some((path) => missing.has(path))) return;
        // A revision git cannot diff (a shallow or partial clone) leaves the paths as they are.
        const renames = await renamedPaths(top, source.rev, commit).catch(() => new Map<string, string>());
        for (const path of source.note.files.keys()) if (missing.has(path) && renames.has(path)) placed[at]!.set(path, renames.get(path)!);
      }),
    );
  }
  // Target path → the (source, noted path) pairs that land there, in source order.
  const byTarget = new Map<string, Array<[number, string]>>();
  placed.forEach((map, which) => {
    for (const [own, to] of map) {
      const list = byTarget.get(to);
      if (list) list.push([which, own]);
      else byTarget.set(to, [[which, own]]);
    }
  });
  const targets = [...byTarget.keys()];
  const heads = targets.flatMap((path) => [`${commit}:${path}`, `${commit}^1:${path}`]);
  const versions = sources.flatMap((source) => (source.rev === commit ? [] : [...source.note.files.keys()].map((path) => `${source.rev}:${path}`)));
  const blobs = await readRevisionBlobs(top, [...heads, ...versions]);
  let at = heads.length;
  const noted = sources.map((source) => (source.rev === commit ? new Map<string, RevisionBlob>() : new Map([...source.note.files.keys()].map((path) => [path, blobs[at++] ?? null]))));
  const files: NoteToWrite['files'] = [];
  targets.forEach((path, index) => {
    const target = linesOf(blobs[2 * index] ?? null);
    if (!target) return;
    const from: NotedFile[] = byTarget.get(path)!.map(([which, own]) => ({
      entries: sources[which]!.note.files.get(own)!,
      held: heldKeys(sources[which]!.note.metadata),
      lines: sources[which]!.rev === commit ? target : (linesOf(noted[which]!.get(own) ?? null) ?? []),
    }));
    const composed = composeFile(from, target, linesOf(blobs[2 * index + 1] ?? null));
    if (composed.length > 0) files.push({ path, entries: composed });
  });
  return files;
}
