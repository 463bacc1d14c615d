import { baseBelongs, firstParentOf, mayNameParent } from '../core/notes/note-base.js';
import type { NoteToWrite } from '../core/notes/serialize-authorship-log.js';
import { readRevisionObjects } from '../git/revision-blobs.js';
import { composeFiles, type NoteSource } from './compose-files.js';

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
 * The files of a note composed commit-wide (wideBase) from `sources`, `foreign` among them: the
 * foreign sources' files and entries as written (their line numbers name no line of any commit, so
 * none is carried through a diff: every session and prompt they attest stays attested, the note is
 * never empty, nothing is dropped for lines the commit no longer adds), then the other sources'
 * carried to `commit` as any composition carries them (composeFiles), so a reader that takes the
 * note line by line anyway (git-ai's, which reads `base_commit_sha` as the commit the note is on)
 * finds their lines where they are, a later entry winning a line.
 */
export async function wideFiles(top: string, commit: string, sources: readonly NoteSource[], foreign: readonly NoteSource[]): Promise<NoteToWrite['files']> {
  const byPath = new Map<string, Array<{ key: string; ranges: number[] }>>();
  const add = (path: string, entries: ReadonlyArray<{ key: string; ranges: readonly number[] }>) => {
    let kept = byPath.get(path);
    if (!kept) byPath.set(path, (kept = []));
    for (const entry of entries) {
      const same = kept.find((held) => held.key === entry.key);
      if (same) same.ranges.push(...entry.ranges);
      else kept.push({ key: entry.key, ranges: [...entry.ranges] });
    }
  };
  for (const source of foreign) for (const [path, entries] of source.note.files) add(path, entries);
  const others = sources.filter((source) => !foreign.includes(source));
  if (others.length > 0) for (const file of await composeFiles(top, commit, others)) add(file.path, file.entries);
  return [...byPath].map(([path, entries]) => ({ path, entries }));
}
