/** Shapes of a git-ai Authorship Log (`refs/notes/ai`, schema `authorship/3.0.0`). Pure data. */

/** Who an attestation key names: an AI session (legacy prompt or `s_` session) or a known human. */
export type KeyKind = 'session' | 'prompt' | 'human';

/** One attestation line: a key and the inclusive line ranges it claims, as flat `[start, end, …]`. */
export interface AttestationEntry {
  key: string;
  kind: KeyKind;
  /** `s_<id>` for a session key (the part before `::`), the key itself otherwise. */
  record: string;
  ranges: number[];
}

/** `agent_id` of a session or prompt record, as the agent reported it (null when absent or not a string). */
export interface AgentRecord {
  tool: string | null;
  model: string | null;
  /**
   * The other agents the record's metadata gives through a duplicated JSON key, which JSON.parse
   * (this record) reads as its last value: each other `tool` and `model` (read under SchemaRule
   * `any` only, so enforcement judges them too).
   */
  others?: readonly AgentRecord[];
}

export interface AuthorshipLog {
  schemaVersion: string;
  /** Path (as written in the note, unquoted) → its entries, in note order (a later entry wins a line). */
  files: Map<string, AttestationEntry[]>;
  /** `s_<id>` → agent. */
  sessions: Map<string, AgentRecord>;
  /** Legacy 16-hex (or 7-hex) prompt key → agent. */
  prompts: Map<string, AgentRecord>;
  /** `h_<id>` keys described in `humans`. */
  humans: Set<string>;
  /**
   * `s_<id>` records found in the other notes (not in this one) and added to `sessions`: they name
   * their session's agent and model, but its entries still give way to an entry whose record this
   * note holds, as in git-ai's blame, which looks only a legacy prompt up in other notes.
   */
  foreignSessions?: Set<string>;
  /**
   * `base_commit_sha` (a string, as written; null: none): the commit the line numbers belong to.
   * git-ai and aitrail write the noted commit's id (git-ai before its rewrite handling: the
   * commit's first parent, or `initial` for a root commit).
   */
  baseCommitSha?: string | null;
}

/**
 * Which `schema_version`s a reading takes. git-ai's blame reads a note only when it says exactly
 * `authorship/3.0.0` (`parse_reference_as_authorship_log_v3`, behind `read_authorship_v3_batch`:
 * any other note is left out); its other readers (`get_authorship`: stats, rewrites, the search for
 * a record in other notes) take any string. `blame`: that one version (aitrail's reports agree with
 * git-ai's blame); `any`: any value, even none (enforcement: a note only adds models, so reading
 * more cannot hide one); `v3`: any `authorship/3.x.y` (note writing: a note carried or composed).
 */
export type SchemaRule = 'blame' | 'any' | 'v3';

/** Why a note was not read. */
export type NoteErrorCode = 'no-divider' | 'bad-entry' | 'bad-range' | 'entry-without-file' | 'bad-json' | 'bad-metadata' | 'unsupported-schema';

export interface NoteError {
  code: NoteErrorCode;
  /** One line for people, naming the 1-based note line when there is one. */
  message: string;
  /**
   * `unsupported-schema` only: the `schema_version` string the rule does not read (a git-ai newer or
   * older than this reader: no malformed note, row 1187); absent when the note has none, or not a string.
   */
  schemaVersion?: string;
}

export type NoteParse = { ok: true; log: AuthorshipLog } | { ok: false; error: NoteError };
