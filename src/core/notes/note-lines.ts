import { buildLineIndex, eachOwner, type LineIndex } from './line-index.js';
import { recordSection } from './classify-key.js';
import { noteAttribution, type NoteAttribution } from './note-attribution.js';
import type { AgentRecord, AttestationEntry, AuthorshipLog } from './types.js';

/** An AI author a note names, with where its lines are (for the policy). */
export interface NoteAuthor extends NoteAttribution {
  /** `agent_id` as git-ai recorded it (the first record, when several map to this agent and model). */
  recorded: AgentRecord;
  /** Files where it owns lines, in note order (none: a record whose lines are gone, or all taken by later entries). */
  paths: string[];
  /**
   * Lines it owns, each line once: where entries overlap, the later one owns the line (as
   * `judge` and git-ai's blame read it), so an entry a later one covers, or a key written twice
   * over the same lines (git-ai's squash-transplanted notes), adds nothing.
   */
  lines: number;
}

/** A parsed note, ready to judge the lines of its commit. */
export interface NoteLines {
  /**
   * Judge lines `[start, start + count)` of `path` as the noted commit had them: `onAi` gets each
   * AI author and its number of lines; the rest (`h_` keys, untracked lines) are human.
   */
  judge(path: string, start: number, count: number, onAi: (author: NoteAttribution, lines: number) => void): void;
  /**
   * Every AI author the note names (its records and the keys its lines use), one per agent and model.
   * `within`: their lines and paths counted only where the commit adds lines (the note's other claims,
   * on files it never touched, lines past a file's end, are no one's: row 964); every author still named.
   */
  authors(within?: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>): NoteAuthor[];
  /** Paths holding at least one AI line, in note order. */
  aiPaths(): string[];
  /** The note attests no line at all (git-ai's note of a commit it saw no AI line in): it says nothing line by line. */
  readonly empty: boolean;
  /** Its `base_commit_sha` as written (null: none): the commit its line numbers were written for. */
  readonly baseCommitSha: string | null;
  /**
   * Set on a note written for another commit than the one it is attached to (notesReader: its
   * `base_commit_sha` is neither that commit nor, as old git-ai wrote, its first parent): git copied
   * it word for word at an amend or rebase no hook remapped, so its line numbers may name other lines.
   * It says nothing line by line: every line of the commit is each of its authors' (commitWide).
   */
  readonly stale?: true;
  /**
   * Set (with `stale`) on a note whose attestation lines its parser refuses, read for the agents and
   * models its metadata names (salvagedLog, enforcement and `log` only: row 1158): every line of
   * the commit is each of theirs.
   */
  readonly malformed?: true;
  /** The notes of a note `git notes merge -s union` joined (joinedNoteLines), each read apart. */
  readonly halves?: readonly NoteLines[];
}

/**
 * `note` read for a commit it was not written for (see NoteLines.stale): no line is its authors' by
 * number any more, and none is a person's either. `judge` names every AI author for the lines asked
 * for, their number counted once (given with the first named, the others with 0, so no line is
 * counted twice: a sum of AI lines, not whose); `authors(within)` gives every author all the lines of
 * `within`, each of the note's models read for every line the commit adds (row 1009: the first
 * session in the note's metadata had them all, the others `no line left`, now `no line in this commit`); `authors()` and
 * `aiPaths()` as the note says (the callers widen them to the whole commit).
 */
export function commitWide(note: NoteLines, malformed = false): NoteLines {
  let authors: NoteAuthor[] | null = null;
  const all = () => (authors ??= note.authors());
  return {
    empty: note.empty,
    baseCommitSha: note.baseCommitSha,
    stale: true,
    ...(malformed ? { malformed: true as const } : {}),
    judge(_path, _start, count, onAi) {
      const [first, ...rest] = all();
      if (!first) return;
      onAi({ agent: first.agent, model: first.model }, count);
      for (const author of rest) onAi({ agent: author.agent, model: author.model }, 0);
    },
    // `within`: every line the commit adds is each author's, none chosen by the note's order (row 1009).
    authors: (within) => (within ? all().map((author) => widened(author, within)) : all()),
    aiPaths: () => note.aiPaths(),
  };
}

/** `author` with the lines and paths of `within` (a stale note's author: every line the commit adds). */
function widened(author: NoteAuthor, within: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>): NoteAuthor {
  const paths = [...within].filter(([, runs]) => runs.some(([, count]) => count > 0)).map(([path]) => path);
  let lines = 0;
  for (const runs of within.values()) for (const [, count] of runs) lines += count;
  return { ...author, paths, lines };
}

/** `log` with its per-file indexes built on first use and one attribution object per record. */
export function noteLines(log: AuthorshipLog, aliases?: Record<string, string>): NoteLines {
  const indexes = new Map<string, LineIndex>();
  const byRecord = new Map<string, NoteAttribution>();
  const authorOf = (entry: AttestationEntry): NoteAttribution | null => {
    if (entry.kind === 'human') return null;
    const id = `${entry.kind}\0${entry.record}`;
    let author = byRecord.get(id);
    if (!author) {
      author = noteAttribution((entry.kind === 'session' ? log.sessions : log.prompts).get(entry.record), aliases);
      byRecord.set(id, author);
    }
    return author;
  };
  // An entry whose record the note lacks (an `h_` key without its `humans` record, the legacy
  // `human` sentinel, a session or prompt no note describes) gives way to an earlier entry that has
  // one. A session record found only in another note names the agent but holds nothing here: git-ai's
  // blame (`get_line_attribution`) skips a session its note lacks and searches other notes for a
  // legacy prompt only.
  const held = (entry: AttestationEntry): boolean =>
    log[recordSection(entry.kind)].has(entry.record) && !(entry.kind === 'session' && log.foreignSessions?.has(entry.record) === true);
  const indexOf = (path: string, entries: readonly AttestationEntry[]): LineIndex => {
    let index = indexes.get(path);
    if (!index) indexes.set(path, (index = buildLineIndex(entries, held)));
    return index;
  };
  return {
    empty: log.files.size === 0,
    baseCommitSha: log.baseCommitSha ?? null,
    judge(path, start, count, onAi) {
      const entries = log.files.get(path);
      if (!entries) return;
      eachOwner(indexOf(path, entries), start, count, (entry, lines) => {
        const author = authorOf(entry);
        if (author) onAi(author, lines);
      });
    },
    authors(within) {
      const found = new Map<string, NoteAuthor>();
      const author = (record: AgentRecord | undefined, model?: string) => {
        const { also: _also, ...attribution } = noteAttribution(record, aliases);
        if (model !== undefined) attribution.model = model;
        const key = `${attribution.agent}\0${attribution.model}`;
        let entry = found.get(key);
        if (!entry) found.set(key, (entry = { ...attribution, recorded: record ?? { tool: null, model: null }, paths: [], lines: 0 }));
        return entry;
      };
      // A model value whose words name more models (`gpt-5 qwen3-coder`): an author for each, with the record's lines.
      const withAlso = (record: AgentRecord | undefined): NoteAuthor[] => [author(record), ...(noteAttribution(record, aliases).also ?? []).map((model) => author(record, model))];
      // A record with other agents a duplicated key gave (AgentRecord.others) names each of them, with its lines.
      const expanded = new Map<AgentRecord, NoteAuthor[]>();
      const each = (record: AgentRecord | undefined): NoteAuthor[] => {
        if (!record?.others && noteAttribution(record, aliases).also === undefined) return [author(record)];
        if (!record) return [author(record)];
        let authors = expanded.get(record);
        if (!authors) expanded.set(record, (authors = [...new Set([...withAlso(record), ...(record.others ?? []).flatMap(withAlso)])]));
        return authors;
      };
      const owns = (path: string, entry: AttestationEntry, lines: number) => {
        if (entry.kind === 'human') return;
        for (const owner of each((entry.kind === 'session' ? log.sessions : log.prompts).get(entry.record))) {
          if (owner.paths[owner.paths.length - 1] !== path) owner.paths.push(path);
          owner.lines += lines;
        }
      };
      for (const record of log.sessions.values()) each(record);
      for (const record of log.prompts.values()) each(record);
      for (const [path, entries] of log.files) {
        // Every AI key is named, even one whose lines later entries all took.
        for (const entry of entries) if (entry.kind !== 'human') each((entry.kind === 'session' ? log.sessions : log.prompts).get(entry.record));
        if (within) continue;
        const index = indexOf(path, entries);
        for (let at = 0; at < index.owners.length; at += 1) owns(path, index.owners[at]!, index.ends[at]! - index.starts[at]! + 1);
      }
      // Only the lines the commit adds: one binary search and its owners per run (eachOwner), the paths the commit changed.
      if (within) {
        for (const [path, runs] of within) {
          const entries = log.files.get(path);
          if (!entries) continue;
          const index = indexOf(path, entries);
          for (const [start, count] of runs) eachOwner(index, start, count, (entry, lines) => owns(path, entry, lines));
        }
      }
      return [...found.values()];
    },
    aiPaths() {
      return [...log.files].filter(([, entries]) => entries.some((entry) => entry.kind !== 'human')).map(([path]) => path);
    },
  };
}

/**
 * The notes `halves` of one commit (a note joined by `git notes merge -s union`: parseJoinedNotes)
 * read as one, each for its own lines (notes only add: no half takes another's). `authors` names
 * every author of every half, one per agent and model: its paths those of all halves, its lines the
 * most one half gives it (a line two halves give it counted once; lines two halves give it apart are
 * undercounted, never claimed twice). `judge` names every half's authors of the lines asked, their
 * lines counted at most `count` in all (a line two halves call AI is one AI line). A half written for
 * another commit makes the whole note stale (its authors read for every line: read-notes).
 */
export function joinedNoteLines(halves: readonly NoteLines[]): NoteLines {
  const stale = halves.some((half) => half.stale === true);
  return {
    empty: halves.every((half) => half.empty),
    baseCommitSha: halves.find((half) => half.stale === true)?.baseCommitSha ?? halves[0]?.baseCommitSha ?? null,
    ...(stale ? { stale: true as const } : {}),
    halves,
    judge(path, start, count, onAi) {
      let left = count;
      for (const half of halves) {
        half.judge(path, start, count, (author, lines) => {
          const counted = Math.min(lines, left);
          left -= counted;
          onAi(author, counted);
        });
      }
    },
    authors(within) {
      const found = new Map<string, NoteAuthor>();
      for (const half of halves) {
        for (const author of half.authors(within)) {
          const key = `${author.agent}\0${author.model}`;
          const seen = found.get(key);
          if (!seen) found.set(key, { ...author, paths: [...author.paths] });
          else {
            for (const path of author.paths) if (!seen.paths.includes(path)) seen.paths.push(path);
            seen.lines = Math.max(seen.lines, author.lines);
          }
        }
      }
      return [...found.values()];
    },
    aiPaths: () => [...new Set(halves.flatMap((half) => half.aiPaths()))],
  };
}
