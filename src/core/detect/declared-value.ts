import { canonicalModel } from '../catalog.js';
import { agentSlug, slugify } from './agent-name.js';
import { matchIdentity, parseIdentity } from './identity.js';

export interface DeclaredValue {
  agent: string;
  model: string;
}

const MAX_VALUE = 500;

function modelOf(raw: string, aliases: Record<string, string>, agent: string | null): string | null {
  if (raw.trim().toLowerCase() === 'unknown') return 'unknown';
  return canonicalModel(raw, aliases, { ...(agent ? { agent } : {}), isModel: true });
}

/**
 * Read a declaration such as `claude-code:anthropic/claude-opus-4.6`, the kernel's
 * `Claude:claude-3-opus coccinelle`, `Claude Code (claude-opus-4)`, `GitHub Copilot`,
 * `aider (openrouter/qwen/qwen3-coder)` or `Claude Opus 4.6`. Returns `null` when the value
 * names neither a known agent nor a model — `Jane Doe <jane@example.com>` is a human helper.
 */
export function parseDeclaredValue(value: string, aliases: Record<string, string> = {}): DeclaredValue | null {
  const text = value.trim().slice(0, MAX_VALUE);
  if (text.length === 0) return null;
  const identity = parseIdentity(text);
  if (identity.email) {
    const byIdentity = matchIdentity(identity, aliases);
    if (byIdentity) return byIdentity;
    // A person with an email: AI only if the name itself is a model name.
    const model = canonicalModel(identity.name, aliases);
    return model ? { agent: 'unknown', model } : null;
  }
  // `<agent>:<model>` with optional tool names after whitespace (kernel convention).
  const pair = /^([^\s:]+):(\S+)(?:\s|$)/.exec(text);
  if (pair) {
    const agentName = pair[1] ?? '';
    // `unknown:unknown` is what aitrail writes for an agent and a model it could not read: AI.
    const agent = agentSlug(agentName) ?? (agentName.toLowerCase() === 'unknown' ? 'unknown' : null);
    const model = modelOf(pair[2] ?? '', aliases, agent);
    if (agent && model) return { agent, model };
    if (agent) return { agent, model: 'unknown' };
    if (model && model !== 'unknown') return { agent: /^[a-z0-9][a-z0-9-]*$/i.test(agentName) ? slugify(agentName) : 'unknown', model };
  }
  const paren = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(text);
  const main = (paren ? paren[1] : text) ?? '';
  const note = paren ? (paren[2] ?? '') : '';
  const wholeAgent = agentSlug(main);
  if (wholeAgent) {
    return { agent: wholeAgent, model: (note && canonicalModel(note, aliases)) || 'unknown' };
  }
  const wholeModel = canonicalModel(text, aliases) ?? canonicalModel(main, aliases);
  if (wholeModel) return { agent: (note && agentSlug(note)) || 'unknown', model: wholeModel };
  // Leading words naming an agent, the rest a model: `Claude Code claude-opus-4`, `Cursor with GPT-5`.
  const words = main.split(/\s+/);
  for (let count = Math.min(words.length - 1, 4); count >= 1; count -= 1) {
    const agent = agentSlug(words.slice(0, count).join(' '));
    if (!agent) continue;
    const rest = words.slice(count).join(' ').replace(/^(with|using|via|on|and|\+|-|\/)\s+/i, '');
    const model = canonicalModel(rest, aliases) ?? (note ? canonicalModel(note, aliases) : null);
    return { agent, model: model ?? 'unknown' };
  }
  // Last resort for a declaration in free form (`x: qwen/qwen3-coder`, `GPT-4.1 helped`): any
  // word that is a model name (the catalog wants a version for names it does not know).
  for (const word of text.split(/[\s,;]+|:\s+/)) {
    const model = word.length > 1 ? canonicalModel(word, aliases) : null;
    if (model) return { agent: 'unknown', model };
  }
  return null;
}
