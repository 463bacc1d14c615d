import type { Attribution } from '../types.js';

function key(attribution: Attribution): string {
  return `${attribution.agent}\u0000${attribution.model}`;
}

function absorb(into: Attribution, from: Attribution, keepDeclared: boolean): void {
  for (const item of from.evidence) if (!into.evidence.includes(item)) into.evidence.push(item);
  if (keepDeclared && from.declared) into.declared = true;
}

/**
 * Fold the attributions found by different signals into one per (agent, model):
 * - identical pairs merge their evidence;
 * - when exactly one known agent is present, attributions that named only a model get it
 *   (`Co-authored-by: Copilot` + `AI-Model: gpt-4.1` → copilot:openai/gpt-4.1);
 * - an `agent:unknown` is folded into the same agent's known models, and `unknown:model`
 *   into the same model's known agents;
 * - a vendor named without a model (`qwen-code:qwen/unknown`, from `Qwen-Coder`) is folded into
 *   the same agent's models of that vendor (`qwen-code:qwen/qwen3-coder`).
 * Order of first appearance is kept.
 */
export function mergeAttributions(found: Attribution[]): Attribution[] {
  const agents = new Set(found.map((a) => a.agent).filter((agent) => agent !== 'unknown'));
  const onlyAgent = agents.size === 1 ? [...agents][0] : undefined;
  const byKey = new Map<string, Attribution>();
  for (const item of found) {
    const attribution = { ...item, evidence: [...item.evidence], agent: item.agent === 'unknown' && onlyAgent ? onlyAgent : item.agent };
    const existing = byKey.get(key(attribution));
    if (existing) absorb(existing, attribution, true);
    else byKey.set(key(attribution), attribution);
  }
  const merged = [...byKey.values()];
  const result: Attribution[] = [];
  for (const attribution of merged) {
    const vendor = attribution.model.endsWith('/unknown') ? attribution.model.slice(0, -'unknown'.length) : null;
    const targets =
      attribution.model === 'unknown'
        ? merged.filter((other) => other !== attribution && other.agent === attribution.agent && other.model !== 'unknown')
        : vendor
          ? merged.filter((other) => other !== attribution && other.agent === attribution.agent && other.model.startsWith(vendor) && !other.model.endsWith('/unknown'))
          : attribution.agent === 'unknown'
            ? merged.filter((other) => other !== attribution && other.model === attribution.model && other.agent !== 'unknown')
            : [];
    if (targets.length === 0) {
      result.push(attribution);
      continue;
    }
    // A declaration of `agent:unknown` does not declare the model found elsewhere.
    for (const target of targets) absorb(target, attribution, attribution.model !== 'unknown');
  }
  return result;
}
