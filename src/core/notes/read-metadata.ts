import { jsonValueAfter, repeatsAKey, walkJsonKeys } from '../duplicate-json-key.js';
import { SCHEMA_VERSION } from './serialize-authorship-log.js';
import type { AgentRecord, AuthorshipLog, NoteError, SchemaRule } from './types.js';

/** Schema versions `v3` reads: 3.x (sessions, humans and the `s_`/`h_` keys are 3.0.0 extensions). */
const SCHEMA = /^authorship\/3\.\d{1,4}\.\d{1,4}$/;

/** Whether `value` is a `schema_version` that `rule` reads (SchemaRule). */
function schemaRead(value: unknown, rule: SchemaRule): boolean {
  if (rule === 'any') return true;
  if (typeof value !== 'string') return false;
  return rule === 'blame' ? value === SCHEMA_VERSION : SCHEMA.test(value);
}
const NO_AGENT: AgentRecord = Object.freeze({ tool: null, model: null });

type Metadata = Pick<AuthorshipLog, 'schemaVersion' | 'sessions' | 'prompts' | 'humans' | 'baseCommitSha'>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** `agent_id {tool, id, model}` of a record; a record without a readable one is an unknown agent. */
function agentOf(record: unknown): AgentRecord {
  if (!isObject(record) || !isObject(record.agent_id)) return NO_AGENT;
  return { tool: text(record.agent_id.tool), model: text(record.agent_id.model) };
}

/** A map field: absent = empty (older notes have no `sessions`/`humans`); any non-object is an error. */
function records(metadata: Record<string, unknown>, field: string): Map<string, AgentRecord> | null {
  const value = metadata[field];
  if (value === undefined || value === null) return new Map();
  if (!isObject(value)) return null;
  return new Map(Object.entries(value).map(([key, record]) => [key, agentOf(record)]));
}

/**
 * Why git-ai refuses this metadata whole (`serde_json::from_str::<AuthorshipMetadata>`, so its
 * blame reads no line of the note), or null: `base_commit_sha` and `prompts` are required, a
 * present `sessions`/`humans` must be a map (null is not one), `git_ai_version` and a record's
 * `human_author` a string or null, every prompt and session record's `agent_id` must hold `tool`,
 * `id` and `model` strings, and a `humans` record an `author` string; the other typed fields of a
 * record (typedFieldGap, nonU32Count: `custom_attributes`, a prompt's `messages_url` and counts)
 * must be of their type, and so must a `contributors` map's entries (contributorGap). Other fields
 * are not checked (unknown fields are ignored by git-ai too).
 */
function gitAiRefusal(metadata: Record<string, unknown>, json: string): string | null {
  if (typeof metadata.base_commit_sha !== 'string') return 'no base_commit_sha string';
  if (!optionalText(metadata.git_ai_version)) return 'git_ai_version is not a string';
  if (!isObject(metadata.prompts)) return 'no prompts object';
  for (const field of ['sessions', 'humans']) if (metadata[field] !== undefined && !isObject(metadata[field])) return `${field} is not an object`;
  if (lone(metadata.base_commit_sha) || lone(metadata.git_ai_version)) return 'a lone UTF-16 surrogate in base_commit_sha or git_ai_version';
  for (const field of RECORD_SECTIONS) {
    for (const [key, record] of Object.entries((metadata[field] as Record<string, unknown> | undefined) ?? {})) {
      const gap = recordGap(field, key, record);
      if (gap) return gap;
    }
  }
  const contributors = metadata.contributors;
  if (contributors !== undefined && contributors !== null) {
    if (!isObject(contributors)) return 'contributors is not an object';
    for (const [key, stats] of Object.entries(contributors)) {
      const gap = contributorGap(key, stats);
      if (gap) return gap;
    }
  }
  return NON_U32_GATE.test(json) ? nonU32Count(json) : null;
}

/** `ContributorStats`' `u32` fields (git-ai's `contributors` map, keyed by email). */
const CONTRIBUTOR_COUNTS: ReadonlySet<string> = new Set(['human_additions', 'manual_additions', 'ai_additions', 'ai_accepted', 'mixed_additions']);
/** `ToolModelContributorStats`' `u32` fields (a contributor's `tool_model_breakdown`, keyed `tool::model`). */
const BREAKDOWN_COUNTS: ReadonlySet<string> = new Set(['ai_additions', 'ai_accepted', 'mixed_additions']);

const isU32 = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= U32_MAX;
/** serde_json's `f64`: any JSON number it can hold (JSON.parse reads `1e400` as Infinity, serde_json refuses it). */
const isF64 = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

/**
 * Why git-ai refuses one entry of the metadata's `contributors` (`Option<BTreeMap<String,
 * ContributorStats>>`, git-ai's per-developer stats, every field `#[serde(default)]`), or null: the
 * entry an object, `name` a string, its counts `u32`, `ai_acceptance_rate` a number, and
 * `tool_model_breakdown` a map of objects of `u32` counts and a number rate; no lone surrogate in
 * a key or `name`. Other fields are ignored, as serde does. (row 914)
 */
function contributorGap(key: string, stats: unknown): string | null {
  const named = `the contributors entry ${JSON.stringify(key.slice(0, 40))}`;
  if (!isObject(stats)) return `${named} is not an object`;
  if (stats.name !== undefined && typeof stats.name !== 'string') return `${named} has a name that is not a string`;
  const wrong = countGap(stats, CONTRIBUTOR_COUNTS);
  if (wrong) return `${named} has ${wrong}`;
  const breakdown = stats.tool_model_breakdown;
  if (breakdown !== undefined && !isObject(breakdown)) return `${named} has a tool_model_breakdown that is not an object`;
  for (const [toolModel, counts] of Object.entries(breakdown ?? {})) {
    const gap = breakdownGap(key, toolModel, counts);
    if (gap) return gap;
    if (lone(toolModel)) return `a lone UTF-16 surrogate in ${named}`;
  }
  return lone(key) || lone(stats.name) ? `a lone UTF-16 surrogate in ${named}` : null;
}

/** Why git-ai refuses the `tool_model_breakdown` entry `toolModel` of the contributor `key` (an object of `u32` counts and a number rate), or null. */
function breakdownGap(key: string, toolModel: string, counts: unknown): string | null {
  const gap = isObject(counts) ? countGap(counts, BREAKDOWN_COUNTS) : 'an entry that is not an object';
  return gap ? `the contributors entry ${JSON.stringify(key.slice(0, 40))} has, in tool_model_breakdown ${JSON.stringify(toolModel.slice(0, 40))}, ${gap}` : null;
}

/** The first of `counts` in `stats` that is not a `u32`, or `ai_acceptance_rate` when not a number (described), or null. */
function countGap(stats: Record<string, unknown>, counts: ReadonlySet<string>): string | null {
  for (const count of counts) if (stats[count] !== undefined && !isU32(stats[count])) return `a value of ${count} that is not a whole number from 0 to ${U32_MAX}`;
  const rate = stats.ai_acceptance_rate;
  return rate !== undefined && !isF64(rate) ? 'an ai_acceptance_rate that is not a number' : null;
}

const optionalText = (value: unknown) => value === undefined || value === null || typeof value === 'string';
const RECORD_SECTIONS = ['prompts', 'sessions', 'humans'] as const;

/**
 * Why git-ai refuses one record of `field` (and with it the whole note), or null: a prompt or
 * session record's `agent_id` of `tool`, `id` and `model` strings, `human_author` a string or null,
 * its typed fields (typedFieldGap), a human's `author` string, and no lone surrogate in a string
 * git-ai reads (loneSurrogate).
 */
function recordGap(field: (typeof RECORD_SECTIONS)[number], key: string, record: unknown): string | null {
  const named = `the ${field} record ${JSON.stringify(key.slice(0, 40))}`;
  if (field === 'humans') {
    if (!isObject(record) || typeof record.author !== 'string') return `${named} has no author string`;
  } else {
    const agent = isObject(record) ? record.agent_id : undefined;
    const whole = isObject(record) && isObject(agent) && [...AGENT_ID_FIELDS].every((part) => typeof agent[part] === 'string');
    if (!whole || !optionalText(record.human_author)) return `${named} is not one git-ai reads (agent_id of tool, id and model strings, human_author a string)`;
    const typed = typedFieldGap(field, record);
    if (typed) return `${named} has ${typed}`;
  }
  return loneSurrogate(field, key, record) ? `a lone UTF-16 surrogate in ${named}` : null;
}

/**
 * Why git-ai refuses an occurrence of a repeated record id JSON.parse dropped (it keeps the last;
 * serde_json reads every entry of a map into its record type, so one occurrence of the wrong type
 * refuses the whole note): each occurrence of a record id given twice in `prompts`, `sessions` or
 * `humans` is judged as the kept one is, and so is each of a `contributors` entry or `tool::model`
 * of its breakdown given twice. Called only when a key repeats.
 */
function hiddenRecordGap(json: string): string | null {
  let found: string | null = null;
  walkJsonKeys(json, {
    key(path, end) {
      const [field, key] = path;
      if (found || key == null) return;
      // A repeated contributor (or tool::model of its breakdown) is read by serde_json at each occurrence too (row 914).
      if (field === 'contributors' && path.length === 2) found = contributorGap(key, JSON.parse(jsonValueAfter(json, end)));
      else if (field === 'contributors' && path.length === 4 && path[2] === 'tool_model_breakdown' && path[3] != null) found = breakdownGap(key, path[3], JSON.parse(jsonValueAfter(json, end)));
      else if (path.length === 2 && (RECORD_SECTIONS as readonly (string | null)[]).includes(field!)) found = recordGap(field as (typeof RECORD_SECTIONS)[number], key, JSON.parse(jsonValueAfter(json, end)));
    },
  });
  return found;
}

/** The counts of a `prompts` record (`PromptRecord`'s `u32` fields; a session record has none: git-ai ignores them there). */
const PROMPT_COUNTS: ReadonlySet<string> = new Set(['total_additions', 'total_deletions', 'accepted_lines', 'overriden_lines']);
const U32_MAX = 4294967295;

/**
 * What else of a record git-ai reads as a typed field and would refuse (serde_json, the whole note):
 * a prompt record's `messages_url` (`Option<String>`) and counts (`u32`: a whole number 0-4294967295,
 * never `null`), and a prompt or session record's `custom_attributes` (`Option<HashMap<String,
 * String>>`: `null` or an object of strings). Null when none. (row 824)
 */
function typedFieldGap(field: 'prompts' | 'sessions', record: Record<string, unknown>): string | null {
  const attributes = record.custom_attributes;
  if (attributes !== undefined && attributes !== null && !(isObject(attributes) && Object.values(attributes).every((value) => typeof value === 'string'))) return 'custom_attributes that are not an object of strings';
  if (field !== 'prompts') return null;
  if (record.messages_url !== undefined && record.messages_url !== null && typeof record.messages_url !== 'string') return 'a messages_url that is not a string';
  for (const count of PROMPT_COUNTS) {
    const value = record[count];
    if (value !== undefined && !isU32(value)) return `a ${count} that is not a whole number from 0 to ${U32_MAX}`;
  }
  return null;
}

/**
 * Whether the text may hold a number token other than a plain whole number (`-…`, `3.0`, `1e2`):
 * every value follows `:`, `,` or `[`. A quick test before nonU32Count walks the text.
 */
const NON_U32_GATE = /[:,[]\s*(?:-|\d+[.eE])/;
/** A whole number as serde_json reads one into a `u32` (no sign, fraction or exponent: `3.0`, `1e2` and `-0` are floats to it). */
const U32_TOKEN = /^(?:0|[1-9]\d{0,9})$/;

/**
 * A prompt record's count written as a number JSON.parse reads as a whole one but serde_json as a
 * float (`3.0`, `1e2`, `-0`), or out of range; every occurrence (serde reads each record given,
 * a repeated record id's too). Null when none. (row 824)
 */
function nonU32Count(json: string): string | null {
  let found: string | null = null;
  walkJsonKeys(json, {
    number(path, raw) {
      if (found || !u32Path(path)) return;
      if (!U32_TOKEN.test(raw) || Number(raw) > U32_MAX) found = `the ${path[0]} ${path[0] === 'prompts' ? 'record' : 'entry'} ${JSON.stringify(String(path[1]).slice(0, 40))} has ${path[path.length - 1]} ${raw.slice(0, 40)}, which git-ai reads as no whole number`;
    },
  });
  return found;
}

/**
 * Whether `path` leads to a number git-ai reads as a `u32`: a prompt record's count, a contributor's
 * count, or a count of a contributor's `tool_model_breakdown` entry.
 */
function u32Path(path: readonly (string | null)[]): boolean {
  const field = path[path.length - 1]!;
  if (path.length === 3) return (path[0] === 'prompts' && PROMPT_COUNTS.has(field)) || (path[0] === 'contributors' && CONTRIBUTOR_COUNTS.has(field));
  return path.length === 5 && path[0] === 'contributors' && path[2] === 'tool_model_breakdown' && path[3] !== null && BREAKDOWN_COUNTS.has(field);
}

/**
 * A UTF-16 surrogate without its pair (`\ud800` in the JSON: JSON.parse keeps it, a Rust String cannot hold it).
 * Made on first use: a `\p{…}` class is read through ICU when the expression is made, at load for a module-level one (src/core/sanitize.ts unsafeChars).
 */
let loneRegExp: RegExp | undefined;
const loneRegExpOnce = (): RegExp => (loneRegExp ??= /\p{Cs}/u);

/**
 * Whether a record gives a lone surrogate to a field git-ai reads as a Rust `String` (serde_json
 * refuses it, "lone leading surrogate in hex escape", and with it the whole note): the record id,
 * `agent_id` parts, `human_author` and custom attributes, a prompt's `messages_url`, a human's
 * `author` (`base_commit_sha` and `git_ai_version`: gitAiRefusal). Fields git-ai ignores may hold
 * one (serde_json skips them unchecked). Called on a record recordGap already found of the right shape.
 */
function loneSurrogate(field: (typeof RECORD_SECTIONS)[number], key: string, record: Record<string, unknown>): boolean {
  const agent = (record.agent_id ?? {}) as Record<string, unknown>;
  // `messages_url` is a prompt record's field only (serde_json skips a session's unchecked); custom attributes are strings both ways.
  const attributes = isObject(record.custom_attributes) ? Object.entries(record.custom_attributes).flat() : [];
  const strings = field === 'humans' ? [key, record.author] : [key, agent.tool, agent.id, agent.model, record.human_author, ...(field === 'prompts' ? [record.messages_url] : []), ...attributes];
  return strings.some(lone);
}

const lone = (value: unknown) => typeof value === 'string' && loneRegExpOnce().test(value);

/** What a note joined from two says (under notesMessages.malformed's 200 characters). */
const JOINED_NOTES = 'two git-ai notes joined in one, as git notes merge -s union joins them, which git-ai does not read either: merge notes with -s ours, as git-ai does';

/** Metadata that holds a second note's metadata or divider: two notes joined (a bounded look, no parse). */
function joinedNotes(json: string): boolean {
  const first = json.indexOf('"schema_version"');
  return first >= 0 && (json.indexOf('"schema_version"', first + 1) >= 0 || /(?:^|\n)---\r?(?:\n|$)/.test(json));
}

/**
 * The metadata section (the JSON after `---`): schema version and the agent of every record, when
 * `rule` reads its `schema_version` (a version it does not read: 'unsupported-schema'). Under
 * `blame`, metadata git-ai cannot read is refused too ('bad-metadata'), as git-ai's blame reads no
 * line of it; the other rules read what they can (a missing field is an empty map, a record
 * without a readable agent an unknown agent).
 */
export function readMetadata(json: string, rule: SchemaRule = 'v3'): { ok: true; metadata: Metadata } | { ok: false; error: NoteError } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    // Two notes of one commit joined by `git notes merge -s union`: git-ai's own parser refuses it too
    // (serde_json after the first `---`), and git-ai merges with `-s ours` (src/git/refs.rs
    // merge_notes_from_ref). Said, with the way out (row 1008). `cat_sort_uniq` sorts the lines of
    // both: entries before any file, refused by the attestation section, no half left to tell.
    if (joinedNotes(json)) return { ok: false, error: { code: 'bad-json', message: JOINED_NOTES } };
    return { ok: false, error: { code: 'bad-json', message: `metadata is not JSON (${(error as Error).message.slice(0, 80)})` } };
  }
  if (!isObject(parsed)) return { ok: false, error: { code: 'bad-metadata', message: 'metadata is not a JSON object' } };
  const version = parsed.schema_version;
  if (!schemaRead(version, rule)) {
    const shown = typeof version === 'string' ? JSON.stringify(version.slice(0, 40)) : 'none';
    const wanted = rule === 'blame' ? `${SCHEMA_VERSION}, the one version git-ai's blame reads` : 'authorship/3.x';
    return { ok: false, error: { code: 'unsupported-schema', message: `schema_version ${shown} is not ${wanted}`, ...(typeof version === 'string' ? { schemaVersion: version } : {}) } };
  }
  const schemaVersion = typeof version === 'string' ? version : '';
  const repeats = rule !== 'v3' && repeatsAKey(json, parsed);
  const refusal = rule === 'blame' ? (gitAiRefusal(parsed, json) ?? (repeats ? (structDuplicate(json) ?? hiddenRecordGap(json)) : null)) : null;
  if (refusal) return { ok: false, error: { code: 'bad-metadata', message: `${refusal}, so git-ai's blame reads none of it` } };
  const prompts = records(parsed, 'prompts');
  const sessions = records(parsed, 'sessions');
  const humans = records(parsed, 'humans');
  if (!prompts || !sessions || !humans) return { ok: false, error: { code: 'bad-metadata', message: 'prompts, sessions and humans must be JSON objects' } };
  if (rule === 'any' && repeats) everyValue(json, { prompts, sessions });
  return { ok: true, metadata: { schemaVersion, prompts, sessions, humans: new Set(humans.keys()), baseCommitSha: text(parsed.base_commit_sha) } };
}

/** The fields of the structs git-ai reads the metadata into: `AuthorshipMetadata`, a record of each map, `AgentId`. */
const METADATA_FIELDS: ReadonlySet<string> = new Set(['schema_version', 'git_ai_version', 'base_commit_sha', 'prompts', 'sessions', 'humans', 'contributors']);
/** `ContributorStats` and `ToolModelContributorStats` (a `contributors` entry, and one of its `tool_model_breakdown`). */
const CONTRIBUTOR_FIELDS: ReadonlySet<string> = new Set(['name', ...CONTRIBUTOR_COUNTS, 'ai_acceptance_rate', 'tool_model_breakdown']);
const BREAKDOWN_FIELDS: ReadonlySet<string> = new Set([...BREAKDOWN_COUNTS, 'ai_acceptance_rate']);
const AGENT_RECORD_FIELDS: ReadonlySet<string> = new Set(['agent_id', 'human_author', 'messages', 'messages_url', 'custom_attributes', 'total_additions', 'total_deletions', 'accepted_lines', 'overriden_lines']);
const RECORD_FIELDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['prompts', AGENT_RECORD_FIELDS],
  ['sessions', AGENT_RECORD_FIELDS],
  ['humans', new Set(['author'])],
]);
const AGENT_ID_FIELDS: ReadonlySet<string> = new Set(['tool', 'id', 'model']);

/**
 * A field given twice in an object git-ai reads as a struct, which serde refuses (`duplicate
 * field`): the metadata itself (`AuthorshipMetadata`), a record of `prompts`, `sessions` or
 * `humans`, a record's `agent_id` (`AgentId`), a `contributors` entry and one of its
 * `tool_model_breakdown` (`ContributorStats`, `ToolModelContributorStats`). An unknown field given twice is no refusal
 * (serde ignores it), nor is a record id given twice in its map (serde's map, like JSON.parse,
 * keeps the last, though it reads every occurrence: hiddenRecordGap). Deeper objects (`messages`, `custom_attributes`) are not judged.
 */
function structDuplicate(json: string): string | null {
  let found: string | null = null;
  walkJsonKeys(json, {
    duplicate(key, _offset, path) {
      const fields = path.length === 1 ? METADATA_FIELDS : path.length === 3 ? (path[0] === 'contributors' ? CONTRIBUTOR_FIELDS : RECORD_FIELDS.get(path[0]!)) : path.length === 4 && path[0] !== 'humans' && RECORD_FIELDS.has(path[0]!) && path[2] === 'agent_id' ? AGENT_ID_FIELDS : path.length === 5 && path[0] === 'contributors' && path[2] === 'tool_model_breakdown' ? BREAKDOWN_FIELDS : undefined;
      if (!fields?.has(key)) return false;
      found = `the key ${JSON.stringify(path.slice(0, -1).concat(key).join('.').slice(0, 80))} is given twice`;
      return true;
    },
  });
  return found;
}

/**
 * Every agent a duplicated key hides from JSON.parse (which keeps the last value) added to its
 * record (AgentRecord.others): each `tool` and `model` any `agent_id` of the record gives, wherever
 * a key was given twice (the sections, a record id, `agent_id`, `tool`, `model`), so enforcement
 * judges every value a reader keeping the first, or a person reading the note, sees. A record only
 * a hidden occurrence holds is added (a `humans` record only one holds is not: it would only take
 * lines from an AI). Called only when a key repeats (repeatsAKey).
 */
function everyValue(json: string, maps: Record<'prompts' | 'sessions', Map<string, AgentRecord>>): void {
  const seen = new Map<string, { section: 'prompts' | 'sessions'; id: string; tools: Set<string>; models: Set<string> }>();
  walkJsonKeys(json, {
    string(path, value) {
      if (path.length !== 4 || (path[0] !== 'prompts' && path[0] !== 'sessions') || path[1] === null || path[2] !== 'agent_id' || (path[3] !== 'tool' && path[3] !== 'model')) return;
      const id = `${path[0]}\0${path[1]}`;
      let entry = seen.get(id);
      if (!entry) seen.set(id, (entry = { section: path[0], id: path[1]!, tools: new Set(), models: new Set() }));
      (path[3] === 'tool' ? entry.tools : entry.models).add(value());
    },
  });
  for (const { section, id, tools, models } of seen.values()) {
    const record = maps[section].get(id);
    const base = record ?? { tool: [...tools][0] ?? null, model: [...models][0] ?? null };
    const others: AgentRecord[] = [...tools].filter((tool) => tool !== base.tool).map((tool) => ({ tool, model: base.model }));
    others.push(...[...models].filter((model) => model !== base.model).map((model) => ({ tool: base.tool, model })));
    if (!record) maps[section].set(id, others.length > 0 ? { ...base, others } : base);
    else if (others.length > 0) maps[section].set(id, { ...record, others });
  }
}
