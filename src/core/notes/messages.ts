// Every user-facing line about git-ai notes, in one place.
import { plural } from '../blame/format.js';
import { sanitize } from '../sanitize.js';
import { fetchNotesCommand } from './notes-ref.js';

const short = (sha: string) => sha.slice(0, 12);
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const notesMessages = {
  malformed: (commit: string, reason: string) =>
    `the git-ai note of commit ${short(commit)} is malformed (${sanitize(reason, { max: 200 })}); that commit keeps its commit-level attribution. See it with: git notes --ref <ref> show ${short(commit)}`,
  /** A note whose schema_version string is one the reader does not read (row 1187): not called malformed. */
  unknownVersion: (commit: string, reason: string) =>
    `the git-ai note of commit ${short(commit)} is of a version this reader does not know (${sanitize(reason, { max: 200 })}); that commit keeps its commit-level attribution. See it with: git notes --ref <ref> show ${short(commit)}`,
  /** A note enforcement reads only for the models its metadata names (row 1158). */
  malformedModelsRead: (commit: string, reason: string) =>
    `the git-ai note of commit ${short(commit)} is malformed (${sanitize(reason, { max: 200 })}), so no line of it is read (git-ai's blame reads none); the agents and models its metadata names are read for every line of ${short(commit)}, beside the commit's own. See it with: git notes --ref <ref> show ${short(commit)}`,
  joinedPartlyRead: (commit: string, limit: number) =>
    `the git-ai note of commit ${short(commit)} is more than ${limit} notes joined in one (git notes merge -s union, or a fixup of many noted commits rebased with hooks skipped); its first ${limit} are read, each model for the lines its own note gives it, the rest is not read.`,
  joinedRead: (commit: string, count: number) =>
    `the git-ai note of commit ${short(commit)} is ${count} notes joined in one (git notes merge -s union); read as ${count} notes, each model for the lines its own note gives it (git-ai's blame reads none of it: merge notes with -s ours, as git-ai does).`,
  tooBig: (commit: string, size: number, limit: number) =>
    `the git-ai note of commit ${short(commit)} is ${megabytes(size)}, over the ${megabytes(limit)} limit; that commit keeps its commit-level attribution.`,
  notABlob: (commit: string, type: string) =>
    type === 'missing'
      ? `the git-ai note of commit ${short(commit)} is missing from the object database (a partial or broken clone?); that commit keeps its commit-level attribution. Fetch the notes again, keeping this clone's own: ${fetchNotesCommand('origin')}`
      : `the notes tree holds a ${sanitize(type, { max: 20 })} instead of a note for commit ${short(commit)}; that commit keeps its commit-level attribution.`,
  unresolvedRecords: (commits: readonly string[], unread: readonly string[]) =>
    `the git-ai ${commits.length === 1 ? 'note' : 'notes'} of ${plural(commits.length, 'commit', 'commits')} (${commits.slice(0, 3).map(short).join(', ')}${commits.length > 3 ? ', …' : ''}) name session or prompt records no readable note holds, while the ${unread.length === 1 ? 'note' : 'notes'} of ${plural(unread.length, 'commit', 'commits')} (${unread.slice(0, 3).map(short).join(', ')}${unread.length > 3 ? ', …' : ''}) could not be read (missing from the object database, or over the size limit) and may hold them; those lines are counted under an unknown agent and model.`,
  caseTwin: (ref: string, commit: string) =>
    `cannot judge ${short(commit)}: ${sanitize(ref, { max: 200 })} holds two notes for it at the same depth (paths that differ only in case, or one path twice: a notes tree written by hand): git and git-ai read the two joined, this reader one, so whose lines they call AI cannot be told. Keep one note: git notes --ref ${sanitize(ref, { max: 200 })} show ${short(commit)}, then git notes --ref ${sanitize(ref, { max: 200 })} add -f with what it should say, and push the notes.`,
  stale: (commit: string, base: string | null) =>
    `the git-ai note of commit ${short(commit)} was written for ${base === null ? 'no named commit (no base_commit_sha)' : `another commit (base_commit_sha ${sanitize(base, { max: 64 })})`}: git copies a note word for word at an amend or rebase no hook remapped, so its line numbers may name other lines; every line of ${short(commit)} is read as its models' (and the commit's own). Write the note again for this commit, or run the rewrite with aitrail's hooks.`,
  moreStale: (count: number) => `${count} more git-ai ${count === 1 ? 'note was' : 'notes were'} written for another commit than the one ${count === 1 ? 'it is' : 'they are'} attached to, and read for every line of it.`,
  more: (count: number) => `${count} more git-ai ${count === 1 ? 'note was' : 'notes were'} left out for the same reasons.`,
  /** git could not diff a noted commit (a partial clone's remote out of reach: row 992; past the 16 MiB cap or a binary file among the note's paths: row 993): the line count shown for it is the note's own claim, unchecked. */
  uncounted: (ref: string, sha: string, reason: string) =>
    `cannot diff commit ${sanitize(sha, { max: 64 })} to count the lines its note in ${sanitize(ref, { max: 200 })} claims (${sanitize(reason, { max: 200 })}); the line count shown for it is the note's own claim, unchecked.`,
  unreadable: (ref: string, reason: string) =>
    `cannot read the notes ref ${sanitize(ref, { max: 200 })} (${sanitize(reason, { max: 200 })}); counting commit by commit. Check it with: git log -1 ${sanitize(ref, { max: 200 })}`,
  status: (ref: string, count: number) =>
    count > 0
      ? `Line-level data: ${plural(count, 'git-ai note', 'git-ai notes')} in ${ref}; blame, log and check read ${count === 1 ? 'it' : 'them'}.`
      : `Line-level data: none (no git-ai notes in ${ref}). Notes are not fetched by default: git fetch origin '+${ref}*:${ref}*'`,
  qwenStatus: (ref: string, count: number) =>
    `Commit-level data: ${plural(count, 'note', 'notes')} in ${ref} (Qwen Code's attribution notes); blame, log and check read those of Qwen Code's shape, each commit's as a whole.`,
  badRef: (ref: string) =>
    `invalid --notes-ref '${sanitize(ref, { max: 200 })}': give a notes ref such as refs/notes/ai (or ai, which means refs/notes/ai).`,
};
