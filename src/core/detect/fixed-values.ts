import CO_AUTHOR_LINES from '../data/co-author-lines.generated.json' with { type: 'json' };
import { aliasFree, knownModels, knownVendors } from '../catalog.js';
import { signatures } from './signatures.js';
import type { Mention } from './mentions.js';

/**
 * Values agents and aitrail write on every commit, read without the general reading: its first use
 * in a process builds the catalog's and the signatures' tables and compiles dozens of patterns, ~3 ms
 * of each hook that reads an agent's commit. Each fast reading gives exactly what the general one
 * gives (tests hold them equal), and none is used where a configured alias could read the value
 * otherwise.
 */

/**
 * aitrail's own trailer value, `<agent>:<model id>` (`claude-code:anthropic/claude-opus-4.6`,
 * `claude-code:unknown`, `aider:qwen/unknown`), as the hooks write it on every AI commit. Only for a known agent's own slug with a model of the built-in table, a known vendor's
 * `<vendor>/unknown` or `unknown`, nothing else in the value, and no configured alias that could
 * read any of it otherwise. test/unit/own-trailer.test.ts reads every such pair both ways: the
 * general reading gives the same pair, and nothing more.
 */
const OWN_FORM = /^([a-z0-9][a-z0-9-]*):([a-z0-9][a-z0-9._-]*(?:\/[a-z0-9][a-z0-9._-]*)?)$/;

let MODELS: ReadonlySet<string> | undefined;
/** Every model a pair may name: the table's ids, `<vendor>/unknown` of each known vendor, and `unknown`. */
function pairModels(): ReadonlySet<string> {
  return (MODELS ??= new Set([...knownModels(), ...knownVendors().map((vendor) => `${vendor}/unknown`), 'unknown']));
}

/** The agent and model of a value in aitrail's own form, or null when the general reading must read it. */
export function ownTrailerPair(value: string, aliases: Record<string, string> = {}): Mention | null {
  if (value.length > 200) return null;
  const form = OWN_FORM.exec(value);
  if (!form) return null;
  const agent = form[1] ?? '';
  const model = form[2] ?? '';
  if (signatures().agentNames.get(agent) !== agent || !pairModels().has(model) || !aliasFree(value, aliases)) return null;
  return { agent, model };
}

let LINES: ReadonlyMap<string, readonly Mention[]> | undefined;

/**
 * What an agent's own co-author line names (signatures.json `coAuthorLines`, read in full at build
 * time into co-author-lines.generated.json; test/unit/shims-generated.test.ts holds it current), or
 * null for any other line, or where a configured alias could read it otherwise.
 */
export function knownCoAuthorLine(value: string, aliases: Record<string, string> = {}): Mention[] | null {
  if (value.length > 200) return null;
  LINES ??= new Map(CO_AUTHOR_LINES as [string, Mention[]][]);
  const read = LINES.get(value);
  return read && aliasFree(value, aliases) ? read.map((mention) => ({ ...mention })) : null;
}
