import { canonicalModel, modelVendor } from '../catalog.js';
import { agentSlug, slugify } from './agent-name.js';
import { signatures } from './signatures.js';

/** One agent/model pair named in a value. */
export interface Mention {
  agent: string;
  model: string;
}

/**
 * How much a text is trusted to name AI:
 * - `declared`: the value of a declared key (`Assisted-by`): every agent, model, short model name
 *   and vendor word counts;
 * - `named`: a name that could be a person's but does not come with an address (a co-author line
 *   without an email, a declared value with one): agents and vendors that are not also people's
 *   names count, models only by their full names;
 * - `person`: a person's name with an address (a co-author line): only full model names and vendor
 *   words that are no one's name (`Qwen`, `DeepSeek`) count — never an agent's name.
 */
export type Trust = 'declared' | 'named' | 'person';

interface Item {
  kind: 'agent' | 'model' | 'vendor';
  value: string;
  clause: number;
}

const MAX_WINDOW = 6;
const MAX_AGENT_WORDS = 4;
const MAX_CLAUSES = 32;
/** Lists and conjunctions between the models of one value: `A, B`, `A and B`, `A via Crush`. */
const CLAUSE = /\s*[,;&+|·•]\s*|\s+(?:and|or|with|plus|using|via|by|on)\s+/i;
/** Kernel form `AGENT:MODEL`, no space after the colon (`Codex:gpt-5.5`, `unknown:unknown`). */
const PAIR = /^([^\s:]+):(\S.*)$/;

function words(text: string): string[] {
  return text.replace(/[()[\]{}"'`]/g, ' ').split(/\s+/).filter((word) => word !== '' && word !== '-' && word !== '/');
}

function personLike(name: string): boolean {
  return signatures().personNames.has(name.toLowerCase());
}

function modelAt(window: string, size: number, trust: Trust, agent: string | undefined, aliases: Record<string, string>): string | null {
  if (window.toLowerCase() === 'unknown') return size === 1 && trust === 'declared' ? 'unknown' : null;
  const context = trust === 'declared' ? { ...(agent && agent !== 'unknown' ? { agent } : {}), isModel: true, strict: size > 1 } : {};
  return canonicalModel(window, aliases, context);
}

function agentAt(window: string, size: number, trust: Trust): string | null {
  if (trust === 'person' || (trust === 'named' && size === 1 && personLike(window))) return null;
  return agentSlug(window);
}

function vendorAt(word: string, trust: Trust): string | null {
  const vendor = signatures().vendorWords.get(word.toLowerCase());
  return vendor && (trust === 'declared' || !personLike(word)) ? vendor : null;
}

/** The agents, models and vendors one clause names, left to right, longest names first. */
function scanClause(text: string, clause: number, trust: Trust, aliases: Record<string, string>, items: Item[]): void {
  let agent: string | undefined;
  const pair = trust === 'declared' ? PAIR.exec(text) : null;
  let rest = text;
  if (pair) {
    const name = pair[1] ?? '';
    const known = agentSlug(name) ?? (name.toLowerCase() === 'unknown' ? 'unknown' : null);
    const before = items.length;
    scanWords(words(pair[2] ?? ''), clause, trust, known ?? undefined, aliases, items);
    const named = items.slice(before).some((item) => item.kind !== 'agent');
    agent = known ?? (named && /^[a-z0-9][a-z0-9._-]*$/i.test(name) ? slugify(name) : undefined);
    if (agent) items.splice(before, 0, { kind: 'agent', value: agent, clause });
    return;
  }
  scanWords(words(rest), clause, trust, agent, aliases, items);
}

function scanWords(list: string[], clause: number, trust: Trust, agent: string | undefined, aliases: Record<string, string>, items: Item[]): void {
  let current = agent;
  for (let at = 0; at < list.length; ) {
    let taken = 0;
    for (let size = Math.min(MAX_WINDOW, list.length - at); size >= 1 && taken === 0; size -= 1) {
      const model = modelAt(list.slice(at, at + size).join(' '), size, trust, current, aliases);
      if (model) {
        items.push({ kind: 'model', value: model, clause });
        taken = size;
      }
    }
    for (let size = Math.min(MAX_AGENT_WORDS, list.length - at); size >= 1 && taken === 0; size -= 1) {
      const found = agentAt(list.slice(at, at + size).join(' '), size, trust);
      if (found) {
        items.push({ kind: 'agent', value: found, clause });
        current = found;
        taken = size;
      }
    }
    const vendor = taken === 0 ? vendorAt(list[at] ?? '', trust) : null;
    if (vendor) items.push({ kind: 'vendor', value: `${vendor}/unknown`, clause });
    at += Math.max(taken, 1);
  }
}

/**
 * Every agent and model a value names, paired: a model gets the agent of its own clause
 * (`Codex:GPT-5.6, Magent:deepseek-v4-pro`), else the only agent named (`Claude Sonnet 4.5 via
 * Crush`), else `unknown`. A vendor named without a model is `vendor/unknown` unless one of its
 * models is named too; an agent named without a model is `agent:unknown`.
 */
export function mentions(text: string, trust: Trust, aliases: Record<string, string> = {}): Mention[] {
  const items: Item[] = [];
  text
    .split(CLAUSE)
    .slice(0, MAX_CLAUSES)
    .forEach((clause, index) => scanClause(clause.trim(), index, trust, aliases, items));
  const agents = [...new Set(items.filter((item) => item.kind === 'agent').map((item) => item.value))];
  const vendorsWithModels = new Set(items.filter((item) => item.kind === 'model').map((item) => modelVendor(item.value)));
  const result: Mention[] = [];
  const add = (agent: string, model: string) => {
    if (!result.some((m) => m.agent === agent && m.model === model)) result.push({ agent, model });
  };
  for (const item of items) {
    if (item.kind === 'agent') continue;
    if (item.kind === 'vendor' && vendorsWithModels.has(modelVendor(item.value))) continue;
    const own = items.filter((other) => other.kind === 'agent' && other.clause === item.clause);
    const before = own.filter((other) => items.indexOf(other) < items.indexOf(item)).pop() ?? own[0];
    add(before?.value ?? (agents.length === 1 ? (agents[0] ?? 'unknown') : 'unknown'), item.value);
  }
  for (const agent of agents) if (!result.some((m) => m.agent === agent)) add(agent, 'unknown');
  return result;
}
