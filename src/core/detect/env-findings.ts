import { canonicalModel } from '../catalog.js';
import type { Attribution } from '../types.js';
import { agentSlug } from './agent-name.js';
import { found, quote } from './found.js';
import { signatures } from './signatures.js';

type Env = Record<string, string | undefined>;

/** A model named in a variable or a session: short names read with the agent as context; unreadable = `unknown` (still AI). */
export function modelOrUnknown(raw: string, aliases: Record<string, string>, agent?: string): string {
  return canonicalModel(raw, aliases, { ...(agent && agent !== 'unknown' ? { agent } : {}), isModel: true }) ?? 'unknown';
}

/** An agent the environment names, with the model its own variable gives. */
export interface EnvFinding {
  attribution: Attribution;
  /** The marker's evidence without the model variable: what stays when an explicit or session model replaces it. */
  markerEvidence: string;
}

/** Agent environment markers (`CLAUDECODE=1` + `ANTHROPIC_MODEL`) and generic variables naming a known agent (`AGENT=amp`). */
export function envFindings(env: Env, aliases: Record<string, string>): EnvFinding[] {
  const sig = signatures();
  const result: EnvFinding[] = [];
  for (const marker of sig.env) {
    // An unset or empty variable matches no marker (test/unit/signature-prefilter.test.ts): its pattern is not even compiled.
    if (!marker.when.every(([name, pattern]) => (env[name] ?? '') !== '' && pattern.test(env[name] ?? ''))) continue;
    const markerEvidence = `env ${marker.when.map(([name]) => `${name}=${quote(env[name] ?? '')}`).join(' ')}`;
    const modelVar = marker.modelVars.find((name) => env[name]?.trim());
    const model = modelVar ? modelOrUnknown(env[modelVar] ?? '', aliases, marker.agent) : (marker.defaultModel ?? 'unknown');
    const evidence = modelVar ? `${markerEvidence} ${modelVar}=${quote(env[modelVar] ?? '')}` : markerEvidence;
    result.push({ attribution: found(marker.agent, model, evidence), markerEvidence });
  }
  for (const name of sig.genericAgentVars) {
    const agent = agentSlug(env[name] ?? '');
    const evidence = `env ${name}=${quote(env[name] ?? '')}`;
    if (agent) result.push({ attribution: found(agent, 'unknown', evidence), markerEvidence: evidence });
  }
  return result;
}

/** The agent the environment names, when it names exactly one (the context of a short model name). */
export function soleEnvAgent(findings: readonly EnvFinding[]): string | undefined {
  const agents = new Set(findings.map((finding) => finding.attribution.agent));
  return agents.size === 1 ? [...agents][0] : undefined;
}
