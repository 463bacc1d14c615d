import { splitJoinedNotes } from './joined-notes.js';
import { carryOwners, entriesFromOwners, keepAdded, ownersFromEntries, overlayOwners, type LineOwners } from '../lines/line-owners.js';
import { classifyKey, recordSection } from './classify-key.js';
import { HUMAN_KEY, parseAuthorshipLog } from './parse-authorship-log.js';
import { writablePath, type NoteToWrite } from './serialize-authorship-log.js';

/** One file's attestations in some note, and the text their line numbers count. */
export interface NotedFile {
  entries: ReadonlyArray<{ key: string; ranges: readonly number[] }>;
  lines: readonly string[];
  /** Whether the note holds the record a key names (absent: every key); see `heldKeys`. */
  held?: (key: string) => boolean;
  /** The same token for the notes one joined note holds (NoteForRewrite.joined). */
  joined?: object;
}

/** Whether `key` names an agent's record (a session or prompt), not a person's. */
const aiKey = (key: string): boolean => {
  const kind = classifyKey(key);
  return kind !== null && kind.kind !== 'human';
};

const hasKey = (map: unknown, key: string): boolean => typeof map === 'object' && map !== null && !Array.isArray(map) && Object.prototype.hasOwnProperty.call(map, key);

/**
 * Whether a note's metadata holds the record a key names: an `h_` key in `humans`, a session key
 * (`s_…::t_…`) in `sessions` by its part before `::`, any other in `prompts` (recordSection); the
 * legacy `human` sentinel has no record. git-ai's blame skips an entry whose record is missing (a person's key a
 * cherry-pick left without its record), so an earlier entry that has one keeps the line.
 */
export function heldKeys(metadata: Record<string, unknown>): (key: string) => boolean {
  return (key) => {
    // The legacy `human` key names the prompt record of that name where the note holds one (readHumanKeyAsPrompt).
    if (key === HUMAN_KEY && hasKey(metadata.prompts, HUMAN_KEY)) return true;
    const kind = classifyKey(key);
    return kind !== null && hasKey(metadata[recordSection(kind.kind)], kind.record);
  };
}

/**
 * The attestations of one file of a new commit, composed from notes written against other
 * versions of it (oldest first): each carried to `target` through a line diff (a line keeps its
 * key only where it is unchanged: a line a person edited since is theirs), later notes winning a
 * line (but a person's key of a joined note's later part takes no line an earlier part gives an
 * agent: `joined`), then only the lines the commit adds to its parent's version (`parent` null: all).
 */
export function composeFile(noted: readonly NotedFile[], target: readonly string[], parent: readonly string[] | null): Array<{ key: string; ranges: number[] }> {
  let owners: LineOwners = { keys: [], owner: new Int32Array(target.length).fill(-1) };
  // The lines an earlier note of the same joined note gave an agent: a later one's person's key takes none of them (row s52w-1).
  let group: object | undefined;
  let agents: Uint8Array | null = null;
  for (const file of noted) {
    const own = ownersFromEntries(file.entries, file.lines.length, file.held);
    const carried = file.lines === target ? own : carryOwners(own, file.lines, target);
    if (file.joined !== group || file.joined === undefined) agents = file.joined === undefined ? null : new Uint8Array(target.length);
    group = file.joined;
    const kept = agents === null ? carried : { keys: carried.keys, owner: carried.owner.map((index, line) => (index !== -1 && agents![line] === 1 && !aiKey(carried.keys[index]!) ? -1 : index)) };
    owners = overlayOwners(owners, kept);
    if (agents) kept.owner.forEach((index, line) => {
      if (index !== -1 && aiKey(kept.keys[index]!)) agents![line] = 1;
    });
  }
  return entriesFromOwners(keepAdded(owners, parent, target));
}

/** A note read to be carried: its attestations and its metadata object exactly as stored (records kept whole). */
export interface NoteForRewrite {
  files: Map<string, Array<{ key: string; ranges: number[] }>>;
  metadata: Record<string, unknown>;
  /**
   * One token shared by the notes of one joined note (readNotesForRewrite): each adds, as enforcement reads them apart
   * (row s52m-1), so a later one's person's key takes no line an earlier one gives an agent (composeFile; row s52w-1).
   */
  joined?: object;
}

/**
 * `text` read with the notes parser, plus the raw metadata; null when it is not a note aitrail can
 * carry. A file whose path no note line can hold (a control character: git allows it, a note read
 * it) is left out: it cannot be written again, nor asked of git's line-based batch reader.
 */
export function readNoteForRewrite(text: string): NoteForRewrite | null {
  const parsed = parseAuthorshipLog(text);
  if (!parsed.ok) return null;
  const divider = /^---[ \t\r]*$/m.exec(text);
  let metadata: unknown;
  try {
    metadata = JSON.parse(text.slice((divider?.index ?? 0) + (divider?.[0].length ?? 0)));
  } catch {
    return null;
  }
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return null;
  const files = new Map([...parsed.log.files].filter(([path]) => writablePath(path)).map(([path, entries]) => [path, entries.map((entry) => ({ key: entry.key, ranges: entry.ranges }))]));
  return { files, metadata: metadata as Record<string, unknown> };
}

/**
 * `text` read as readNoteForRewrite reads it, or, when notes `git notes merge -s union` (or
 * `git notes append`) joined are what it holds, each of them (row s52m-1), in the order joined: a
 * later one wins a line both give, as a later note of a squash does, but for a person's key over a line an earlier one gives an
 * agent (each adds: `joined`, row s52w-1). Empty when it is no note.
 */
export function readNotesForRewrite(text: string): NoteForRewrite[] {
  const note = readNoteForRewrite(text);
  if (note) return [note];
  const parts = splitJoinedNotes(text)?.map(readNoteForRewrite) ?? [];
  const joined = {};
  return parts.length > 0 && parts.every((part) => part !== null) ? (parts as NoteForRewrite[]).map((part) => ({ ...part, joined })) : [];
}

/** Copy the records of a JSON map into `target` (a `__proto__` key is data, never a prototype). */
function assignRecords(target: Record<string, unknown>, value: unknown): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [key, record] of Object.entries(value)) Object.defineProperty(target, key, { value: record, enumerable: true, writable: true, configurable: true });
}

/**
 * The metadata of a note composed from `sources` (oldest first): every session, prompt and human
 * record they hold (a later source wins a key; spec §2.1: records are preserved), the last
 * `git_ai_version` seen, and `base_commit_sha` the new commit.
 */
export function composeMetadata(sources: ReadonlyArray<Record<string, unknown>>, baseCommitSha: string): Omit<NoteToWrite, 'files'> {
  const merged: Omit<NoteToWrite, 'files'> = { baseCommitSha, sessions: {}, prompts: {}, humans: {} };
  for (const source of sources) {
    assignRecords(merged.sessions, source.sessions);
    assignRecords(merged.prompts!, source.prompts);
    assignRecords(merged.humans!, source.humans);
    if (typeof source.git_ai_version === 'string') merged.gitAiVersion = source.git_ai_version;
  }
  return merged;
}
