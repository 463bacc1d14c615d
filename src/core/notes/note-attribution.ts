import { canonicalModel, nameVendor } from '../catalog.js';
import { agentSlug, slugify } from '../detect/agent-name.js';
import data from '../data/git-ai-tools.json' with { type: 'json' };
import type { AgentRecord } from './types.js';

/** An AI author of noted lines, in aitrail's terms: agent slug and canonical model id (or `unknown`). */
export interface NoteAttribution {
  agent: string;
  model: string;
}

const TOOLS: ReadonlyMap<string, string> = new Map(Object.entries(data.tools));
const MAX_FIELD = 200;

/** NFKC, without format characters (zero-width, bidi): what the value says, not how it hides. */
function readable(value: string | null): string | null {
  return value === null || value.length > MAX_FIELD ? null : value.normalize('NFKC').replace(/\p{Cf}/gu, '');
}

/**
 * Agents report reasoning effort, thinking and speed tiers as part of the name (Cursor's
 * `claude-4.5-opus-high-thinking`, `gpt-5-high-fast`): the same model, so they are folded into
 * it before the catalog reads the name. Only for families where these are modes, not models
 * (`kimi-k2-thinking` is a model of its own); `-max` only for Claude (Cursor's MAX mode),
 * since `gpt-5.1-codex-max` is a model.
 */
function foldModes(name: string): string {
  const lower = name.trim().toLowerCase();
  const modes = /claude/.test(lower)
    ? /[-_ ](?:thinking|fast|minimal|low|medium|high|xhigh|max)$/
    : /^(?:[a-z_-]+\/)*(?:gpt|o\d|gemini)/.test(lower)
      ? /[-_ ](?:thinking|fast|minimal|low|medium|high|xhigh)$/
      : null;
  if (!modes) return name;
  let folded = lower;
  for (let round = 0; round < 4 && modes.test(folded); round += 1) folded = folded.replace(modes, '');
  return folded;
}

/** The agent slug of a git-ai tool name (`claude` → `claude-code`, `github-copilot` → `copilot`). */
export function agentOfTool(tool: string | null): string {
  const name = readable(tool)?.trim().toLowerCase();
  if (!name) return 'unknown';
  return TOOLS.get(name) ?? agentSlug(name) ?? slugify(name);
}

// Thousands of notes name the same few models: each name is resolved once per aliases object.
const MAX_REMEMBERED = 4096;
const NO_ALIASES = {};
const remembered = new WeakMap<object, Map<string, string>>();

/**
 * The canonical model of a name an agent reported; one the catalog cannot read whose first word
 * names a vendor (`qwen-flash`, `kimi-for-coding`) is `vendor/unknown`; `default`, `auto`,
 * `unknown` or unreadable → `unknown`.
 */
export function modelOfNote(model: string | null, aliases?: Record<string, string>): string {
  if (model === null) return 'unknown';
  let known = remembered.get(aliases ?? NO_ALIASES);
  if (!known || known.size >= MAX_REMEMBERED) remembered.set(aliases ?? NO_ALIASES, (known = new Map()));
  let id = known.get(model);
  if (id === undefined) {
    const name = readable(model);
    const vendor = name === null ? null : nameVendor(foldModes(name));
    id = name === null ? 'unknown' : (canonicalModel(foldModes(name), aliases) ?? (vendor ? `${vendor}/unknown` : 'unknown'));
    known.set(model, id);
  }
  return id;
}

/** The attribution of a session or prompt record (a missing record: agent and model unknown). */
export function noteAttribution(record: AgentRecord | undefined, aliases?: Record<string, string>): NoteAttribution {
  return { agent: agentOfTool(record?.tool ?? null), model: modelOfNote(record?.model ?? null, aliases) };
}
