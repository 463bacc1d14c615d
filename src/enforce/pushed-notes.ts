import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { parseAuthorshipLog } from '../core/notes/parse-authorship-log.js';
import { salvagedLog } from '../core/notes/salvaged-log.js';
import { parseJoinedNotes } from '../core/notes/joined-notes.js';
import { readRevisionObjects } from '../git/revision-blobs.js';
import type { RefUpdate } from '../core/ref-updates.js';
import { listNotes, type NoteEntry } from '../git/notes.js';
import { resolveCommits } from '../git/resolve-commits.js';
import { QWEN_NOTE_LIMIT, qwenNoteGenerators } from '../core/notes/qwen-attribution.js';

/** What a push does to the git-ai notes enforcement reads (refs/notes/ai). */
export interface PushedNotes {
  /** The notes commit the push gives refs/notes/ai: every judgement of the push reads its notes. */
  tip: string;
  /** Commits of the repository whose note the push adds or changes: each is judged again with it. */
  noted: string[];
  /** The note of each of `noted`, as the push leaves it. */
  entries: ReadonlyMap<string, NoteEntry>;
  /** Commits whose note the push adds or changes that the repository does not hold (their note waits for them: receive-record.ts). */
  absent: string[];
}

/** A note past this size is taken to attest AI lines (it is not read here). */
const READ_LIMIT = 1024 * 1024;

/**
 * A note can name a denied model for lines a commit already on the server holds (`blame` then
 * reports them), or for a commit pushed beside it: pre-receive judges a push by the notes it
 * brings, not by the server's, and judges again every commit whose note it adds or changes
 * (notes of commits the server does not have wait until their commit comes, judged then). Null
 * when the push leaves refs/notes/ai alone or deletes it (notes only add: nothing to judge).
 * Both notes trees are listed whole (`ls-tree -r`): a re-fanned-out tree moves every path.
 * `ref`: another notes ref read the same way (Qwen Code's refs/notes/ai-attribution).
 */
export async function pushedNotes(repoDir: string, updates: readonly RefUpdate[], commits: ReadonlyMap<string, string | null>, ref: string = DEFAULT_NOTES_REF): Promise<PushedNotes | null> {
  const update = updates.find((candidate) => candidate.ref === ref);
  const tip = update?.to ? commits.get(update.to) : null;
  if (!update || !tip) return null;
  const old = update.from ? commits.get(update.from) : null;
  const view = { asStored: true } as const;
  const [after, before] = await Promise.all([listNotes(repoDir, tip, view), old ? listNotes(repoDir, old, view) : new Map()]);
  const changed = [...after].filter(([commit, entry]) => before.get(commit)?.oid !== entry.oid).map(([commit]) => commit);
  const present = await resolveCommits(repoDir, changed, view);
  const noted = changed.filter((commit) => present.get(commit) === commit);
  const absent = changed.filter((commit) => present.get(commit) !== commit);
  return { tip, noted, entries: new Map(noted.map((commit) => [commit, after.get(commit) as NoteEntry])), absent };
}

/**
 * The notes refs enforcement reads (`refs`) that this push moves from a value the server's ref is
 * not at (`listing`: for-each-ref's `<oid> <refname>` lines as pre-receive read them), nor already
 * at the value pushed (a push that is not atomic landed it, judged again by reference-transaction):
 * git refuses such an update when it takes the ref's lock (a hand-made client's create of an
 * existing ref, a stale old value; another push landed notes since this one was advertised), after
 * pre-receive, while the push's other refs land. Every judgement of the push reads the notes it
 * brings instead of the server's, so they would be judged by notes that never land, beside the
 * server's that stay (a Qwen note waiting for its commit, row 17): pre-receive judges the push
 * without such an update, by the server's notes.
 */
export function staleNotesUpdates(updates: readonly RefUpdate[], listing: string, refs: readonly string[]): Array<{ ref: string; expected: string | null; at: string | null }> {
  const at = new Map<string, string>();
  for (const line of listing.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) at.set(line.slice(space + 1), line.slice(0, space));
  }
  return updates
    .filter((update) => refs.includes(update.ref) && update.to !== null && (at.get(update.ref) ?? null) !== update.from && at.get(update.ref) !== update.to)
    .map((update) => ({ ref: update.ref, expected: update.from, at: at.get(update.ref) ?? null }));
}

/** Notes read per `cat-file --batch` (each up to READ_LIMIT). */
const READ_BATCH = 256;

/**
 * Those of the noted commits whose new note gives lines to an AI (not only to people, not empty,
 * not malformed: such a note is read as none); a note past READ_LIMIT is taken to (fail closed).
 */
export async function attestingNotes(repoDir: string, notes: PushedNotes): Promise<string[]> {
  const blobs = notes.noted.filter((commit) => notes.entries.get(commit)?.type === 'blob');
  const read = blobs.filter((commit) => {
    const size = notes.entries.get(commit)?.size ?? -1;
    return size >= 0 && size <= READ_LIMIT;
  });
  const quiet = new Set<string>();
  for (let start = 0; start < read.length; start += READ_BATCH) {
    const batch = read.slice(start, start + READ_BATCH);
    const objects = await readRevisionObjects(repoDir, batch.map((commit) => notes.entries.get(commit)?.oid as string), { asStored: true });
    batch.forEach((commit, index) => {
      const text = objects[index]?.content.toString('utf8') ?? '';
      const parsed = parseAuthorshipLog(text, 'any');
      // Notes joined by `git notes merge -s union` attest when one of them does (row 1047).
      // Past JOINED_NOTES_LIMIT parts, the first ones read (row 1065), as every judge reads it.
      const logs = parsed.ok ? [parsed.log] : (parseJoinedNotes(text)?.logs ?? []);
      // A note its parser refuses whose metadata names a model is read for every line of its commit (row 1158): judged again.
      if (!parsed.ok && logs.length === 0 && salvagedLog(text)) return;
      if (logs.every((log) => [...log.files.values()].every((entries) => entries.every((entry) => entry.kind === 'human')))) quiet.add(commit);
    });
  }
  return blobs.filter((commit) => !quiet.has(commit));
}

/**
 * Those of the noted commits whose new note in refs/notes/ai-attribution is Qwen Code's (a blob
 * within QWEN_NOTE_LIMIT that qwenNoteGenerators reads: what judging adds to the commit). Another
 * tool's note in that ref (kiro-metrics, ai-attr) adds nothing: judging its commit again would only
 * judge the commit by itself under today's policy, refusing the notes of a commit the server
 * accepted before a deny (a push the pusher cannot fix but by deleting another tool's notes).
 */
export async function qwenAttestingNotes(repoDir: string, notes: PushedNotes): Promise<string[]> {
  const read = notes.noted.filter((commit) => {
    const entry = notes.entries.get(commit);
    return entry?.type === 'blob' && entry.size >= 0 && entry.size <= QWEN_NOTE_LIMIT;
  });
  const attesting: string[] = [];
  for (let start = 0; start < read.length; start += READ_BATCH) {
    const batch = read.slice(start, start + READ_BATCH);
    const objects = await readRevisionObjects(repoDir, batch.map((commit) => notes.entries.get(commit)?.oid as string), { asStored: true });
    batch.forEach((commit, index) => {
      const content = objects[index]?.type === 'blob' ? objects[index]?.content : undefined;
      if (content && content.length <= QWEN_NOTE_LIMIT && qwenNoteGenerators(content.toString('utf8')) !== null) attesting.push(commit);
    });
  }
  return attesting;
}
