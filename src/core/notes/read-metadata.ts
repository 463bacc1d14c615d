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

type Metadata = Pick<AuthorshipLog, 'schemaVersion' | 'sessions' | 'prompts' | 'humans'>;

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
 * The metadata section (the JSON after `---`): schema version and the agent of every record, when
 * `rule` reads its `schema_version` (a version it does not read: 'unsupported-schema').
 */
export function readMetadata(json: string, rule: SchemaRule = 'v3'): { ok: true; metadata: Metadata } | { ok: false; error: NoteError } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: { code: 'bad-json', message: `metadata is not JSON (${(error as Error).message.slice(0, 80)})` } };
  }
  if (!isObject(parsed)) return { ok: false, error: { code: 'bad-metadata', message: 'metadata is not a JSON object' } };
  const version = parsed.schema_version;
  if (!schemaRead(version, rule)) {
    const shown = typeof version === 'string' ? JSON.stringify(version.slice(0, 40)) : 'none';
    const wanted = rule === 'blame' ? `${SCHEMA_VERSION}, the one version git-ai's blame reads` : 'authorship/3.x';
    return { ok: false, error: { code: 'unsupported-schema', message: `schema_version ${shown} is not ${wanted}` } };
  }
  const schemaVersion = typeof version === 'string' ? version : '';
  const prompts = records(parsed, 'prompts');
  const sessions = records(parsed, 'sessions');
  const humans = records(parsed, 'humans');
  if (!prompts || !sessions || !humans) return { ok: false, error: { code: 'bad-metadata', message: 'prompts, sessions and humans must be JSON objects' } };
  return { ok: true, metadata: { schemaVersion, prompts, sessions, humans: new Set(humans.keys()) } };
}
