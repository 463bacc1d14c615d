import { JOINED_NOTES_LIMIT, splitJoinedNotes } from './joined-notes.js';
import { carryOwners, entriesFromOwners, keepAdded, ownersFromEntries, overlayOwners, type LineOwners } from '../lines/line-owners.js';
import { classifyKey, recordSection } from './classify-key.js';
import { HUMAN_KEY, parseAuthorshipLog } from './parse-authorship-log.js';
import { salvagedLog } from './salvaged-log.js';
import { writablePath, type NoteToWrite } from './serialize-authorship-log.js';
import type { AuthorshipLog, NoteError } from './types.js';

/** One file's attestations in some note, and the text their line numbers count. */
export interface NotedFile {
  entries: ReadonlyArray<{ key: string; ranges: readonly number[] }>;
  lines: readonly string[];
  /** Whether the note holds the record a key names (absent: every key); see `heldKeys`. */
  held?: (key: string) => boolean;
}

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
 * line (a joined note's parts come ordered so that none takes an AI line from another: jointSources,
 * row 1064), then only the lines the commit adds to its parent's version (`parent` null: all).
 */
export function composeFile(noted: readonly NotedFile[], target: readonly string[], parent: readonly string[] | null): Array<{ key: string; ranges: number[] }> {
  let owners: LineOwners = { keys: [], owner: new Int32Array(target.length).fill(-1) };
  for (const file of noted) {
    const own = ownersFromEntries(file.entries, file.lines.length, file.held);
    owners = overlayOwners(owners, file.lines === target ? own : carryOwners(own, file.lines, target));
  }
  return entriesFromOwners(keepAdded(owners, parent, target));
}

/** A note read to be carried: its attestations and its metadata object exactly as stored (records kept whole). */
export interface NoteForRewrite {
  files: Map<string, Array<{ key: string; ranges: number[] }>>;
  metadata: Record<string, unknown>;
}

/**
 * `text` read with the notes parser, plus the raw metadata; null when it is not a note aitrail can
 * carry. A file whose path no note line can hold (a control character: git allows it, a note read
 * it) is left out: it cannot be written again, nor asked of git's line-based batch reader.
 */
export function readNoteForRewrite(text: string): NoteForRewrite | null {
  const read = noteOrError(text);
  return 'files' in read ? read : null;
}

/** readNoteForRewrite's note, or the parser's error (metadata that is no JSON object: `bad-metadata`). */
function noteOrError(text: string): NoteForRewrite | NoteError {
  const parsed = parseAuthorshipLog(text);
  if (!parsed.ok) return parsed.error;
  const divider = /^---[ \t\r]*$/m.exec(text);
  let metadata: unknown;
  try {
    metadata = JSON.parse(text.slice((divider?.index ?? 0) + (divider?.[0].length ?? 0)));
  } catch {
    return { code: 'bad-json', message: 'metadata is not JSON' };
  }
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return { code: 'bad-metadata', message: 'metadata is not a JSON object' };
  const files = new Map([...parsed.log.files].filter(([path]) => writablePath(path)).map(([path, entries]) => [path, entries.map((entry) => ({ key: entry.key, ranges: entry.ranges }))]));
  return { files, metadata: metadata as Record<string, unknown> };
}

/** Why notesForRewrite read no note of a text (row 1075, for the carry's warning): see notesForRewrite. */
export type UnreadWhy = 'many' | 'disagree' | 'mixed' | 'foreign' | 'malformed' | 'version';

/** What notesForRewrite read of a text. */
export interface NotesForRewrite {
  /** The note, or when `git notes merge -s union` (or `git notes append`) joined notes, each of them as jointSources gives them. */
  notes: NoteForRewrite[];
  /** When `notes` is empty: why. */
  why?: UnreadWhy;
  /**
   * When `notes` is empty: the agents and models the text still names (salvagedLog, rows 1158, 1185),
   * read once here for every writer (`notes squash` and post-commit refuse to compose without them,
   * row 1186; the carry says so); absent when it names none.
   */
  salvaged?: AuthorshipLog;
}

/**
 * `text` read as readNoteForRewrite reads it, or, when notes `git notes merge -s union` (or
 * `git notes append`) joined are what it holds, each of them (row 1047) as jointSources gives them:
 * no part's AI line given to a person by another (row 1064); when there are none, why, of the same
 * one pass (each part parsed once): `many`, more joined notes than are read apart (row 1065);
 * `disagree`, joined notes each read, whose parts disagree about an AI line (row 1064: two agents for
 * one line, one record named as two agents); `mixed`, joined parts of which some are git-ai notes and
 * some are not (a line of text `git notes append`ed by hand: row 1126); `version`, one note of a
 * `schema_version` this reader does not write (a newer git-ai's) naming agents or models; `malformed`,
 * one note its parser refuses that still names agents or models (row 1158); `foreign`, no git-ai note
 * at all (a note someone wrote by hand in refs/notes/ai).
 */
export function notesForRewrite(text: string): NotesForRewrite {
  const note = noteOrError(text);
  if ('files' in note) return { notes: [note] };
  const unread = (why: UnreadWhy): NotesForRewrite => {
    const salvaged = salvagedLog(text);
    if (why === 'foreign' && salvaged) why = note.code === 'unsupported-schema' && note.schemaVersion !== undefined ? 'version' : 'malformed';
    return salvaged ? { notes: [], why, salvaged } : { notes: [], why };
  };
  const split = splitJoinedNotes(text) ?? [];
  // Past the parts read apart (row 1065): not composed (the carry keeps git's copy).
  if (split.length > JOINED_NOTES_LIMIT) return unread('many');
  const parts = split.map(readNoteForRewrite);
  const read = parts.filter((part): part is NoteForRewrite => part !== null);
  if (read.length === 0) return unread('foreign');
  if (read.length < parts.length) return unread('mixed');
  const notes = jointSources(read);
  return notes.length > 0 ? { notes } : unread('disagree');
}

/** Whether `key` gives its lines to a person in a note of `metadata` (an `h_` key; the legacy `human` key without a prompt of that name). */
const personsKey = (key: string, metadata: Record<string, unknown>): boolean => (key === HUMAN_KEY ? !hasKey(metadata.prompts, HUMAN_KEY) : classifyKey(key)?.kind === 'human');

/** A note's records (sessions, prompts) by section and id: the agent each names, as JSON. */
function agentsOf(metadata: Record<string, unknown>): Map<string, string> {
  const found = new Map<string, string>();
  for (const section of ['sessions', 'prompts'] as const) {
    const records = metadata[section];
    if (typeof records !== 'object' || records === null || Array.isArray(records)) continue;
    for (const [id, record] of Object.entries(records)) found.set(`${section}\0${id}`, JSON.stringify((record as { agent_id?: unknown } | null)?.agent_id ?? null));
  }
  return found;
}

/**
 * Whether two of `runs` ([start, end, part, key], inclusive) overlap with other parts and other keys.
 * One sweep over the runs sorted by start and by end, counting the runs open: all of them, by part,
 * by key, by both; those of another part and another key are all less those of the part or the key.
 */
function disagree(runs: Array<[number, number, number, string]>): boolean {
  const starts = [...runs].sort((a, b) => a[0] - b[0]);
  const ends = [...runs].sort((a, b) => a[1] - b[1]);
  const byPart = new Map<number, number>();
  const byKey = new Map<string, number>();
  const byBoth = new Map<string, number>();
  const bump = <K>(map: Map<K, number>, key: K, by: number) => map.set(key, (map.get(key) ?? 0) + by);
  let open = 0;
  let closed = 0;
  for (const [start, , part, key] of starts) {
    for (; closed < ends.length && ends[closed]![1] < start; closed += 1) {
      const [, , gone, goneKey] = ends[closed]!;
      open -= 1;
      bump(byPart, gone, -1);
      bump(byKey, goneKey, -1);
      bump(byBoth, `${gone}\0${goneKey}`, -1);
    }
    if (open - (byPart.get(part) ?? 0) - (byKey.get(key) ?? 0) + (byBoth.get(`${part}\0${key}`) ?? 0) > 0) return true;
    open += 1;
    bump(byPart, part, 1);
    bump(byKey, key, 1);
    bump(byBoth, `${part}\0${key}`, 1);
  }
  return false;
}

/**
 * The parts of one joined note as sources to compose (row 1064): the readers read them apart, no part
 * taking another's lines (row 1047), so a writer may not let a later part's word win a line an
 * earlier one gives an AI. Every part's person's entries first, then every part's AI entries (each with
 * its part's metadata): an AI line stays AI whichever part said so. Empty (the note is not composed:
 * the carry keeps git's joined copy, which every reader reads apart) when two parts give one line to
 * two AI keys, or name one record with two agents: one owner per line, one agent per record is all a
 * written note can say, and either choice would drop a model the readers name.
 */
function jointSources(parts: readonly NoteForRewrite[]): NoteForRewrite[] {
  const agents = new Map<string, string>();
  for (const part of parts) {
    for (const [id, agent] of agentsOf(part.metadata)) {
      if ((agents.get(id) ?? agent) !== agent) return [];
      agents.set(id, agent);
    }
  }
  // AI runs per path, [start, end, part, record]: two parts' runs of other records that overlap disagree.
  const runs = new Map<string, Array<[number, number, number, string]>>();
  parts.forEach((part, at) => {
    for (const [path, entries] of part.files) {
      for (const entry of entries) {
        if (personsKey(entry.key, part.metadata)) continue;
        const list = runs.get(path) ?? runs.set(path, []).get(path)!;
        // A session's key by its record (`s_…` before `::`): one session's turns agree.
        const kind = classifyKey(entry.key);
        const owner = kind ? `${kind.kind}\0${kind.record}` : entry.key;
        for (let index = 0; index + 1 < entry.ranges.length; index += 2) list.push([entry.ranges[index]!, entry.ranges[index + 1]!, at, owner]);
      }
    }
  });
  for (const list of runs.values()) if (disagree(list)) return [];
  const only = (part: NoteForRewrite, persons: boolean): NoteForRewrite => ({
    metadata: part.metadata,
    files: new Map([...part.files].map(([path, entries]) => [path, entries.filter((entry) => personsKey(entry.key, part.metadata) === persons)] as const).filter(([, entries]) => entries.length > 0)),
  });
  return [...parts.map((part) => only(part, true)), ...parts.map((part) => only(part, false))];
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
