import type { Attribution } from '../types.js';

/**
 * Evidence kept for one attribution: a message of thousands of declarations of one model is that
 * model once, with its first signals (merging kept every one, and each merge searched them all).
 */
const MAX_EVIDENCE = 32;

function key(attribution: Pick<Attribution, 'agent' | 'model'>): string {
  return `${attribution.agent}\u0000${attribution.model}`;
}

function absorb(into: Attribution, from: Attribution, keepDeclared: boolean): void {
  for (const item of from.evidence) {
    if (into.evidence.length >= MAX_EVIDENCE) break;
    if (!into.evidence.includes(item)) into.evidence.push(item);
  }
  if (keepDeclared && from.declared) into.declared = true;
  if (from.unread) into.unread = true;
  if (from.stated && into.model === 'unknown') into.stated = true;
}

/** Each key's list, made once: the merge stays linear in the attributions found. */
function grouped(list: readonly Attribution[], by: (attribution: Attribution) => string | null): Map<string, Attribution[]> {
  const groups = new Map<string, Attribution[]>();
  for (const attribution of list) {
    const at = by(attribution);
    if (at === null) continue;
    const group = groups.get(at);
    if (group) group.push(attribution);
    else groups.set(at, [attribution]);
  }
  return groups;
}

/** `anthropic/claude-opus-4.6` → `anthropic/claude-opus`: a versioned model's family, its name up to the first `-<digit>`; else null. */
function familyOf(model: string): string | null {
  const slash = model.indexOf('/');
  const at = slash > 0 ? model.slice(slash + 1).search(/-\d/) : -1;
  return at > 0 ? model.slice(0, slash + 1 + at) : null;
}

/** A vendor's model named without a version (`anthropic/claude-opus`, `meta-llama/muse-spark`): no digit in its name. */
function unversioned(model: string): boolean {
  const slash = model.indexOf('/');
  return slash > 0 && !model.endsWith('/unknown') && !/\d/.test(model.slice(slash + 1));
}

/**
 * Fold the attributions found by different signals into one per (agent, model):
 * - identical pairs merge their evidence;
 * - when exactly one known agent is present, attributions that named only a model get it
 *   (`Co-authored-by: Copilot` + `AI-Model: gpt-4.1` → copilot:openai/gpt-4.1);
 * - an `agent:unknown` is folded into the same agent's known models (unless `stated`: a gateway's
 *   unknown, aitrail's own `agent:unknown` trailer, row 894), and `unknown:model`
 *   into the same model's known agents;
 * - a vendor named without a model (`qwen-code:qwen/unknown`, from `Qwen-Coder`) is folded into
 *   the same agent's models of that vendor (`qwen-code:qwen/qwen3-coder`);
 * - a family named without its version (`opencode:meta-llama/muse-spark`, from `Muse Spark`;
 *   `anthropic/claude-opus`, from `Claude Opus`) is folded into the same agent's versioned models of
 *   that family (`Muse Spark (opencode/muse-spark-1.2)` is `meta-llama/muse-spark-1.2` alone).
 * Order of first appearance is kept. Linear in the attributions (each pair's evidence capped).
 */
export function mergeAttributions(found: Attribution[]): Attribution[] {
  const agents = new Set(found.map((a) => a.agent).filter((agent) => agent !== 'unknown'));
  const onlyAgent = agents.size === 1 ? [...agents][0] : undefined;
  const byKey = new Map<string, Attribution>();
  for (const item of found) {
    const attribution = { ...item, evidence: item.evidence.slice(0, MAX_EVIDENCE), agent: item.agent === 'unknown' && onlyAgent ? onlyAgent : item.agent };
    const existing = byKey.get(key(attribution));
    if (existing) absorb(existing, attribution, true);
    else byKey.set(key(attribution), attribution);
  }
  const merged = [...byKey.values()];
  const vendorOf = (model: string) => (model.includes('/') ? model.slice(0, model.indexOf('/') + 1) : null);
  const knownByAgent = grouped(merged, (other) => (other.model !== 'unknown' ? other.agent : null));
  const modelsByAgentVendor = grouped(merged, (other) => (other.model.endsWith('/unknown') || vendorOf(other.model) === null ? null : `${other.agent}\u0000${vendorOf(other.model)}`));
  const agentsByModel = grouped(merged, (other) => (other.agent !== 'unknown' ? other.model : null));
  const membersByAgentFamily = grouped(merged, (other) => {
    const family = familyOf(other.model);
    return family === null ? null : `${other.agent}\u0000${family}`;
  });
  const result: Attribution[] = [];
  for (const attribution of merged) {
    const vendor = attribution.model.endsWith('/unknown') ? attribution.model.slice(0, -'unknown'.length) : null;
    const members = unversioned(attribution.model) ? (membersByAgentFamily.get(`${attribution.agent}\u0000${attribution.model}`) ?? []) : [];
    const targets = (
      members.length > 0
        ? members
        : attribution.model === 'unknown'
          ? (knownByAgent.get(attribution.agent) ?? [])
          : vendor
            ? (modelsByAgentVendor.get(`${attribution.agent}\u0000${vendor}`) ?? [])
            : attribution.agent === 'unknown'
              ? (agentsByModel.get(attribution.model) ?? [])
              : []
    ).filter((other) => other !== attribution);
    // A value read only in part stays a finding of its own: its evidence says which value (rule unread-declarations).
    // An unknown stated as such (a gateway's, aitrail's own `agent:unknown` trailer) stays beside the agent's named models (row 894).
    if (targets.length === 0 || ((attribution.unread || attribution.stated) && attribution.model === 'unknown')) {
      result.push(attribution);
      continue;
    }
    // A declaration of `agent:unknown` does not declare the model found elsewhere.
    for (const target of targets) absorb(target, attribution, attribution.model !== 'unknown');
  }
  return result;
}
