import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { QWEN_NOTE_LIMIT, QWEN_NOTES_REF, qwenNoteGenerators } from '../core/notes/qwen-attribution.js';
import { isEmptyNote, parseAuthorshipLog } from '../core/notes/parse-authorship-log.js';
import { JOINED_NOTES_LIMIT, splitJoinedNotes } from '../core/notes/joined-notes.js';
import type { RefUpdate } from '../core/ref-updates.js';
import { configBool } from '../git/config-value.js';
import { listNotes, type NoteEntry } from '../git/notes.js';
import { readBlob } from '../git/read-blob.js';
import { resolveCommits } from '../git/resolve-commits.js';

/** A rewritten note past this size is taken to have said something (it is not read). */
const READ_LIMIT = 1024 * 1024;
/** The notes refs whose second notes for one commit pre-receive refuses (shadowedNotes): git-ai's and Qwen Code's. */
export const SHADOW_GUARDED_REFS = [DEFAULT_NOTES_REF, QWEN_NOTES_REF] as const;
/** The commits named in a refusal: enough to find the push out. */
const NAMED = 5;

const STORED = { asStored: true } as const;

/** What a push takes away from refs/notes/ai: the whole ref, or the notes of these commits. */
export type TakenNotes = { deleted: true } | { deleted: false; commits: string[] };

/**
 * git-ai's notes are the line-level record of who wrote what, and notes only ever ADD for
 * enforcement: a commit on the server whose only AI evidence is its note is judged by it when
 * its lines later move into a protected path, and `blame`/`trend` count its lines by it. A push
 * that deletes refs/notes/ai (or points it at no commit), drops the note of a commit the server
 * holds, or rewrites one that attested lines (a note that attests none, git-ai's empty note, may
 * be replaced; a rewrite keeping each note that attests lines whole, joined or alone, takes nothing: row 1076) would erase that record: first the notes, then the move passes as a person's.
 * Returns what the push takes (null: nothing), unless the server allows it
 * (`git config aitrail.allowNotesRewrite true`). Notes of commits the server lacks are free.
 */
export async function takenNotes(repoDir: string, updates: readonly RefUpdate[]): Promise<TakenNotes | null> {
  const update = updates.find((candidate) => candidate.ref === DEFAULT_NOTES_REF);
  if (!update?.from) return null;
  const asked = [update.from, ...(update.to ? [update.to] : [])];
  const commits = await resolveCommits(repoDir, asked, STORED);
  const old = commits.get(update.from);
  if (!old) return null;
  const tip = update.to ? commits.get(update.to) : null;
  let taken: TakenNotes | null = null;
  if (!tip) taken = { deleted: true };
  else {
    const [before, after] = await Promise.all([listNotes(repoDir, old, STORED), listNotes(repoDir, tip, STORED)]);
    const candidates = [...before].filter(([commit, entry]) => after.get(commit)?.oid !== entry.oid);
    const present = await resolveCommits(repoDir, candidates.map(([commit]) => commit), STORED);
    const found: string[] = [];
    for (const [commit, entry] of candidates) {
      if (present.get(commit) !== commit) continue;
      const next = after.get(commit);
      if (next !== undefined && (await keepsRecords(repoDir, entry, next))) continue;
      found.push(commit);
      if (found.length === NAMED) break;
    }
    if (found.length > 0) taken = { deleted: false, commits: found };
  }
  if (taken === null) return null;
  return (await configBool(repoDir, 'aitrail.allowNotesRewrite')) === true ? null : taken;
}

/**
 * takenNotes for Qwen Code's refs/notes/ai-attribution: its note is the only record of a Qwen Code
 * commit made through a heredoc message (row 503), and the judges read it for lines moved later
 * into a protected path as for git-ai's. A push that deletes the ref, drops the note of a commit
 * the server holds, or rewrites it so that it no longer names the generators it named (Qwen Code's
 * shape, qwenNoteGenerators) is refused unless aitrail.allowNotesRewrite is set. Other tools' notes
 * in the ref (kiro-metrics, ai-attr) add nothing to a judgement: free, as is a deletion of a ref
 * that holds only such notes. No git process unless the push moves that ref.
 */
export async function takenQwenNotes(repoDir: string, updates: readonly RefUpdate[]): Promise<TakenNotes | null> {
  const update = updates.find((candidate) => candidate.ref === QWEN_NOTES_REF);
  if (!update?.from) return null;
  const commits = await resolveCommits(repoDir, [update.from, ...(update.to ? [update.to] : [])], STORED);
  const old = commits.get(update.from);
  if (!old) return null;
  const tip = update.to ? commits.get(update.to) : null;
  const [before, after] = await Promise.all([listNotes(repoDir, old, STORED), tip ? listNotes(repoDir, tip, STORED) : new Map<string, NoteEntry>()]);
  const candidates = [...before].filter(([commit, entry]) => after.get(commit)?.oid !== entry.oid);
  const present = await resolveCommits(repoDir, candidates.map(([commit]) => commit), STORED);
  const found: string[] = [];
  for (const [commit, entry] of candidates) {
    if (present.get(commit) !== commit) continue;
    const named = await qwenGenerators(repoDir, entry);
    if (named === null) continue;
    const next = after.get(commit);
    const still = next ? await qwenGenerators(repoDir, next) : null;
    if (still !== null && named.every((generator) => still.includes(generator))) continue;
    found.push(commit);
    if (found.length === NAMED) break;
  }
  if (found.length === 0) return null;
  if ((await configBool(repoDir, 'aitrail.allowNotesRewrite')) === true) return null;
  return tip ? { deleted: false, commits: found } : { deleted: true };
}

/** The generators a note of Qwen Code's shape names (null: not such a note, it adds nothing). */
async function qwenGenerators(repoDir: string, entry: NoteEntry): Promise<string[] | null> {
  if (entry.type !== 'blob' || entry.size < 0 || entry.size > QWEN_NOTE_LIMIT) return null;
  return qwenNoteGenerators(await readBlob(repoDir, entry.oid, STORED));
}

/**
 * Commits the server holds for which the push brings a second note (whatever it says: not read), beside the
 * one aitrail (and git-ai's batch reader) reads: git's notes.c shows the two joined (`git notes
 * show`), and the next `git notes add`, `copy` or `merge` anywhere writes them as one note, which
 * then no longer parses (read as none). A lower-case path with a person's (or an allowed model's)
 * note beside an upper-case path with Qwen's passed every judgement. A second note already on
 * the server (git-ai's batch writer leaves its older one, row 305) is not new. Not switched off
 * by aitrail.allowNotesRewrite: it takes nothing away, it hides.
 * `ref`: refs/notes/ai, or Qwen Code's refs/notes/ai-attribution (QWEN_NOTES_REF), where a second
 * note beside a Qwen Code note the server holds is joined to it by the next `git notes` command of
 * an honest developer (Qwen Code's own next note), which then no longer parses: their push on top
 * of the server's notes was refused as taking Qwen Code's note away.
 */
export async function shadowedNotes(repoDir: string, updates: readonly RefUpdate[], ref: string = DEFAULT_NOTES_REF): Promise<string[]> {
  const update = updates.find((candidate) => candidate.ref === ref);
  if (!update?.to) return [];
  const commits = await resolveCommits(repoDir, [update.to, ...(update.from ? [update.from] : [])], STORED);
  const tip = commits.get(update.to);
  if (!tip) return [];
  const old = update.from ? commits.get(update.from) : null;
  const hidden: Array<{ commit: string } & NoteEntry> = [];
  const beforeHidden: Array<{ commit: string } & NoteEntry> = [];
  const [, before] = await Promise.all([listNotes(repoDir, tip, STORED, hidden), old ? listNotes(repoDir, old, STORED, beforeHidden) : new Map<string, NoteEntry>()]);
  if (hidden.length === 0) return [];
  const known = new Set([...[...before].map(([commit, entry]) => `${commit}\0${entry.oid}`), ...beforeHidden.map((entry) => `${entry.commit}\0${entry.oid}`)]);
  const fresh = hidden.filter((entry) => !known.has(`${entry.commit}\0${entry.oid}`));
  if (fresh.length === 0) return [];
  const present = await resolveCommits(repoDir, fresh.map((entry) => entry.commit), STORED);
  return [...new Set(fresh.map((entry) => entry.commit).filter((commit) => present.get(commit) === commit))].slice(0, NAMED);
}

/**
 * Whether the note `next` keeps every line record of `entry` (row 1076): each note `entry` holds (one, or each of
 * those `git notes merge -s union` or `git notes append` joined) that attests a line is, byte for byte, one of the
 * notes `next` holds, read apart as every reader reads a joined note (no part takes another's lines: row 1047), both
 * within JOINED_NOTES_LIMIT parts (row 1065). git-ai's note of a commit it saw no AI line in attests none (rows 1060,
 * 1064, 1065's readers): an honest union keeping the server's note, and the `-s ours` merge aitrail's own pushFailed
 * warning gives, which drops only such notes, take nothing away. A note read whole that attests a line is kept only as
 * itself, not joined to another (row 1104): `blame` and `trend` read no joined note.
 */
async function keepsRecords(repoDir: string, entry: NoteEntry, next: NoteEntry): Promise<boolean> {
  const [old, now] = await Promise.all([readNote(repoDir, entry), readNote(repoDir, next)]);
  if (old === null) return false;
  const attesting = notesOf(old)?.filter((part) => !isEmptyNote(part));
  if (attesting === undefined) return false;
  if (attesting.length === 0) return true;
  // A note read whole that attests lines stays that note (row 1104): `blame`, `trend` and git-ai read a joined note not at all,
  // so joining anything to it (`git notes append` of an empty note) turned its AI lines into the commit's (a person's) there.
  if (splitJoinedNotes(old) === null) return now !== null && splitJoinedNotes(now) === null && now.trim() === old.trim();
  const kept = now === null ? undefined : notesOf(now);
  // Every note `next` holds must read as one: a joined note with a part that is none is read as none at all.
  return kept !== undefined && kept.every((part) => parseAuthorshipLog(part, 'any').ok) && attesting.every((part) => kept.includes(part));
}

/** The text of a note blob within READ_LIMIT, else null (taken to say something). */
async function readNote(repoDir: string, entry: NoteEntry): Promise<string | null> {
  return entry.type !== 'blob' || entry.size < 0 || entry.size > READ_LIMIT ? null : readBlob(repoDir, entry.oid, STORED);
}

/** The notes `text` holds, trimmed: itself, or those it joins; undefined past JOINED_NOTES_LIMIT. */
function notesOf(text: string): string[] | undefined {
  const parts = splitJoinedNotes(text) ?? [text];
  return parts.length > JOINED_NOTES_LIMIT ? undefined : parts.map((part) => part.trim());
}
