import { baseBelongs, firstParentOf, mayNameParent } from '../core/notes/note-base.js';
import type { NoteToWrite } from '../core/notes/serialize-authorship-log.js';
import { readRevisionObjects } from '../git/revision-blobs.js';
import type { NoteSource } from './compose-files.js';

const baseOf = (source: NoteSource): string | null => (typeof source.note.metadata.base_commit_sha === 'string' ? source.note.metadata.base_commit_sha : null);

/**
 * The sources whose note was not written for their commit (baseBelongs: copied there word for word
 * by an amend or rebase no hook remapped); their parents read in one batch, only when a base names
 * another commit. A source for `rev` the new commit itself (post-commit's fresh note) belongs.
 */
export async function foreignSources(top: string, sources: readonly NoteSource[]): Promise<NoteSource[]> {
  const unsure = sources.filter((source) => !baseBelongs(baseOf(source), source.rev, source.rev));
  if (unsure.length === 0) return [];
  const asked = unsure.filter((source) => mayNameParent(baseOf(source)));
  const objects = await readRevisionObjects(top, asked.map((source) => source.rev)).catch(() => asked.map(() => null));
  const parents = new Map(asked.map((source, at) => [source.rev, objects[at]?.type === 'commit' ? firstParentOf(objects[at]!.content) : null]));
  return unsure.filter((source) => !parents.has(source.rev) || !baseBelongs(baseOf(source), source.rev, parents.get(source.rev) ?? null));
}

/**
 * The `base_commit_sha` of a note composed from sources one of which was written for another
 * commit: the null object id (as long as `commit`'s), which names no commit, so that no reader
 * takes the composed note's line numbers for `commit`'s (every model it names is the whole commit's).
 */
export const wideBase = (commit: string): string => '0'.repeat(commit.length);

/**
 * The files of a note composed commit-wide (wideBase): every source's files and entries as written,
 * none carried through a diff (the line numbers of a note written for another commit name no line
 * of any), so every session and prompt they attest stays attested, the note is never empty, and
 * nothing is dropped for lines the commit no longer adds.
 */
export function filesAsWritten(sources: readonly NoteSource[]): NoteToWrite['files'] {
  const byPath = new Map<string, Array<{ key: string; ranges: number[] }>>();
  for (const source of sources) {
    for (const [path, entries] of source.note.files) {
      let kept = byPath.get(path);
      if (!kept) byPath.set(path, (kept = []));
      for (const entry of entries) {
        const same = kept.find((held) => held.key === entry.key);
        if (same) same.ranges.push(...entry.ranges);
        else kept.push({ key: entry.key, ranges: [...entry.ranges] });
      }
    }
  }
  return [...byPath].map(([path, entries]) => ({ path, entries }));
}
