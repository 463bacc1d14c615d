import { canonicalModel, nameVendor, otherNameVendors } from '../catalog.js';
import type { Attribution, SettingsModel } from '../types.js';
import { agentSlug } from './agent-name.js';
import { found, quote } from './found.js';
import { readable } from './readable.js';
import { signatures, type EnvModels, type EnvSignature, type SignaturePattern } from './signatures.js';

type Env = Record<string, string | undefined>;

/**
 * A model named in a variable or a session: short names read with the agent as context; a name
 * the catalog cannot read whose first word names a vendor (`qwen-flash`, `kimi-for-coding`) is
 * `vendor/unknown`; otherwise unreadable = `unknown` (still AI). A value the catalog refuses as it
 * is (it takes printable ASCII only) is read again as detection reads a trailer (readable():
 * NFKC, invisible and format characters dropped, a carriage return or other control a space), so
 * `qwen3-coder-plus\r` (a CRLF `.env` exported by a shell), `qwen\u200b3-coder` or a fullwidth
 * `ｑwen3-coder` names Qwen, not `unknown`, as the same text in a trailer does. A value still
 * unread that is one word, a colon and a model (the trailer's own `qwen-code:qwen3-coder-plus`
 * pasted as the model, a `provider:model` id as Pydantic AI and the AI SDK's registry write them,
 * `groq:qwen-qwq-32b`) is that model, read with the word as its agent when it names one; one word, a comma and a
 * model (claude-code-router's `provider,model`) is that model.
 */
export function modelOrUnknown(raw: string, aliases: Record<string, string>, agent?: string): string {
  const context = { ...(agent && agent !== 'unknown' ? { agent } : {}), isModel: true };
  const model = canonicalModel(raw, aliases, context);
  if (model) return model;
  // Plain printable ASCII reads the same either way: readable() is only run (and its patterns built) for other text.
  const read = /[^\x20-\x7e]/.test(raw) ? readable(raw).trim() : raw;
  const readModel = read !== raw ? canonicalModel(read, aliases, context) : null;
  if (readModel) return readModel;
  const labelled = afterLabel(read);
  const named = labelled ? canonicalModel(labelled.model, aliases, labelled.agent ? { agent: labelled.agent, isModel: true } : context) : null;
  if (named) return named;
  const routed = labelled ? null : afterProvider(read, aliases, context);
  if (routed) return routed;
  const vendor = nameVendor(raw) ?? (read !== raw ? nameVendor(read) : null) ?? (labelled ? nameVendor(labelled.model) : null);
  return vendor ? `${vendor}/unknown` : 'unknown';
}

/**
 * modelOrUnknown's model, and beside a vendor's unknown model read from one joined name of two vendors' words the table
 * cannot read (`ANTHROPIC_MODEL=gpt-kimi`, `AITRAIL_MODEL=qwen-claude`, `opencode:gpt-kimi`) the other vendor's unknown model,
 * as `Assisted-by: gpt-kimi`, a co-author's note and a git-ai note read it (catalog.ts nameVendors, row 1201): one model per
 * variable passed a deny of the second vendor (row 1209). Only asked when the first reading is a vendor's unknown model.
 */
export function modelsOrUnknown(raw: string, aliases: Record<string, string>, agent?: string): string[] {
  const model = modelOrUnknown(raw, aliases, agent);
  return [model, ...otherVendorsOf(raw, model).map((vendor) => `${vendor}/unknown`)];
}

/** The vendors other than `model`'s that the text of `raw` (as modelOrUnknown read it: whole, readable, after a label) names with it; [] unless `model` is a vendor's unknown model. */
export function otherVendorsOf(raw: string, model: string): string[] {
  if (!model.endsWith('/unknown')) return [];
  const vendor = model.slice(0, -'/unknown'.length);
  const read = /[^\x20-\x7e]/.test(raw) ? readable(raw).trim() : raw;
  const labelled = afterLabel(read);
  const others: string[] = [];
  for (const text of new Set([raw, read, ...(labelled ? [labelled.model] : [])])) {
    for (const other of otherNameVendors(text, vendor)) if (!others.includes(other)) others.push(other);
  }
  return others;
}

/** `qwen-code:qwen3-coder-plus`, `groq:qwen-qwq-32b`: the text after one word and a colon (not `://`), with the word as agent when it names one; null otherwise. */
function afterLabel(text: string): { model: string; agent?: string } | null {
  const labelled = /^([A-Za-z0-9._@-]{1,40}):(?!\/\/)(.+)$/.exec(text);
  if (!labelled) return null;
  const agent = agentSlug(labelled[1]!);
  return { model: labelled[2]!.trim(), ...(agent && agent !== 'unknown' ? { agent } : {}) };
}

/**
 * `dashscope,qwen3-coder-plus`: claude-code-router's `provider,model`, which ccr sends as it is when Claude Code names it
 * (`ANTHROPIC_MODEL`, a settings `model`, `/model`), read as that model; the provider is ccr's own name for an endpoint, never an
 * agent. A provider word that names a vendor or a model reads on only to a model of that vendor (`deepseek,deepseek-chat`);
 * `anthropic,qwen3-coder` and `qwen3-coder,claude-sonnet-4-5` are read as before (the first word's vendor). Null otherwise.
 */
function afterProvider(text: string, aliases: Record<string, string>, context: Parameters<typeof canonicalModel>[2]): string | null {
  const given = /^([A-Za-z0-9._@-]{1,40}),(.+)$/.exec(text);
  const model = given && given[2]!.trim() ? canonicalModel(given[2]!.trim(), aliases, context) : null;
  if (!model) return null;
  // A word that is itself a vendor or a model (`anthropic,…`, `qwen3-coder,claude-sonnet-4-5`: a list?) reads on only for that vendor's model.
  const vendor = nameVendor(given![1]!) ?? canonicalModel(given![1]!, aliases, context)?.split('/')[0] ?? null;
  return vendor === null || model.startsWith(`${vendor}/`) ? model : null;
}

/** An agent the environment names, with the model its own variable gives. */
export interface EnvFinding {
  attribution: Attribution;
  /** The marker's evidence without the model variable: what stays when an explicit or session model replaces it. */
  markerEvidence: string;
}

/** A model named in the environment or the agent's settings: its text, the variables that said so, and the settings evidence. */
interface NamedModel {
  raw: string;
  vars: string[];
  from?: string;
  /** A folder of agent files read in part: refused whatever the policy (rule `unread-declarations`). */
  unread?: true;
}

type Settings = Readonly<Record<string, SettingsModel>>;

/** The settings model of `agent`, unless a variable the agent reads before its settings is set. */
export function settingsInForce(agent: string, settings: Settings | undefined, env: Env): SettingsModel | undefined {
  const setting = settings && Object.hasOwn(settings, agent) ? settings[agent] : undefined;
  if (!setting?.model || setting.overriddenBy?.some((name) => env[name]?.trim())) return undefined;
  return setting;
}

/** The settings' `also` models of `agent` (goose's lead and planner models) whose own variables are unset, each with its evidence. */
export function settingsAlsoInForce(agent: string, settings: Settings | undefined, env: Env): { model: string; evidence: string; unread?: true }[] {
  const setting = settings && Object.hasOwn(settings, agent) ? settings[agent] : undefined;
  return (setting?.also ?? []).filter((also) => !also.overriddenBy.some((name) => env[name]?.trim()));
}

/**
 * The variables an alias stands for (`sonnet` → ANTHROPIC_DEFAULT_SONNET_MODEL, `opusplan` → the opus and sonnet ones), set ones only; null when the name is no alias.
 * `named`: the alias was named (a model variable, a settings file), not the agent's default: a group's member no variable maps is
 * that member's own alias (`opusplan` with none set is `opus` and `sonnet`, the families it edits with), not left out.
 */
function aliasModels(name: string, models: EnvModels, env: Env, via: string[], named = false): NamedModel[] | null {
  // `[^[\]]`, not `[^\]]`: a name of many `[` (a repository's settings file) would cost quadratic time.
  const alias = name.trim().toLowerCase().replace(/\[[^[\]]*\]$/, '');
  const group = Object.hasOwn(models.groups, alias) ? models.groups[alias]! : Object.hasOwn(models.aliases, alias) ? [alias] : null;
  if (!group) return null;
  const found: NamedModel[] = [];
  for (const member of group) {
    const variable = (Object.hasOwn(models.aliases, member) ? models.aliases[member]! : []).find((candidate) => env[candidate]?.trim());
    if (variable) found.push({ raw: env[variable]!, vars: [...via, variable] });
    else if (named && group.length > 1) found.push({ raw: member, vars: via });
  }
  return found;
}

/**
 * Every model a marker's variables name: its model variable, or (none set) the agent's `unset`
 * alias; an alias read through the variables that map it (Claude Code's `sonnet` is whatever
 * ANTHROPIC_DEFAULT_SONNET_MODEL names); the model of the agent's settings files, read the same
 * way, beside them (it never hides a model a variable names: `/model` may switch to a mapped alias
 * unseen); plus the `also` variables (subagents, goose's lead and planner models), the `wire`
 * model (the name an agent sends its own provider in place of its model variable's: Copilot CLI's
 * COPILOT_PROVIDER_WIRE_MODEL, else COPILOT_PROVIDER_MODEL_ID, with COPILOT_PROVIDER_BASE_URL) and
 * the settings' `also` models whose variables are unset. Empty: none.
 */
function namedModels(marker: { agent: string; modelVars: string[] }, env: Env, setting: SettingsModel | undefined, settings: Settings | undefined): NamedModel[] {
  // A router picks the model whatever the agent asks for (claude-code-router): only the models its reader found run.
  if (setting?.routed) return [{ raw: setting.model, vars: [], from: setting.evidence }, ...settingsAlsoInForce(marker.agent, settings, env).map((also) => ({ raw: also.model, vars: [], from: also.evidence, ...(also.unread ? { unread: true as const } : {}) }))];
  const models = signatures().envModels.get(marker.agent);
  const modelVar = marker.modelVars.find((name) => env[name]?.trim() && !setting?.replaces?.includes(name));
  const named: NamedModel[] = [];
  if (modelVar) {
    const mapped = models ? aliasModels(env[modelVar]!, models, env, [modelVar], true) : null;
    named.push(...(mapped && mapped.length > 0 ? mapped : [{ raw: env[modelVar]!, vars: [modelVar] }]));
  }
  if (setting) {
    const mapped = models ? aliasModels(setting.model, models, env, [], true) : null;
    named.push(...(mapped && mapped.length > 0 ? mapped : [{ raw: setting.model, vars: [] }]).map((model) => ({ ...model, from: setting.evidence })));
  }
  if (!modelVar && models?.unset) named.push(...(aliasModels(models.unset, models, env, []) ?? []));
  // An `also` model is an alias read through its variables as the main one is (`CLAUDE_CODE_SUBAGENT_MODEL=opus`,
  // `ANTHROPIC_CUSTOM_MODEL_OPTION=fable`, a `fallbackModel` of `best`: whatever ANTHROPIC_DEFAULT_*_MODEL maps it to).
  const throughAlias = (raw: string, vars: string[]): NamedModel[] => {
    const mapped = models ? aliasModels(raw, models, env, vars, true) : null;
    return mapped && mapped.length > 0 ? mapped : [{ raw, vars }];
  };
  for (const variable of models?.also ?? []) if (env[variable]?.trim()) named.push(...throughAlias(env[variable]!, [variable]));
  // The name really sent to the agent's own provider (Copilot CLI's COPILOT_PROVIDER_WIRE_MODEL), only while it has one.
  const wire = models?.wire?.with.some((name) => env[name]?.trim()) ? models.wire.vars.find((name) => env[name]?.trim()) : undefined;
  if (wire) named.push({ raw: env[wire]!, vars: [wire] });
  for (const also of settingsAlsoInForce(marker.agent, settings, env)) {
    // A folder of agent files read in part (agent-files.ts): no model to read, refused whatever the policy.
    if (also.unread) named.push({ raw: also.model, vars: [], from: also.evidence, unread: true });
    else named.push(...throughAlias(also.model, []).map((model) => ({ ...model, from: also.evidence })));
  }
  return named;
}

/** The host of a URL, lower case, or null. */
function hostOf(url: string): string | null {
  try {
    return new URL(url.trim()).hostname.toLowerCase().replace(/\.$/, '') || null;
  } catch {
    return null;
  }
}

/**
 * The vendor whose own API the agent's endpoint variable names (`ANTHROPIC_BASE_URL` at
 * open.bigmodel.cn → z-ai), or else its settings (Codex's provider `base_url`), with its evidence.
 */
function endpointVendor(agent: string, env: Env, setting: SettingsModel | undefined): { vendor: string; sends: string; evidence: string } | null {
  const endpoint = signatures().envModels.get(agent)?.endpoint;
  if (!endpoint) return null;
  const variable = endpoint.vars.find((name) => env[name]?.trim());
  const [url, label] = variable ? [env[variable]!, `${variable}=`] : setting?.endpoint ? [setting.endpoint.url, setting.endpoint.evidence] : [undefined, ''];
  const host = url === undefined ? null : hostOf(url);
  if (!host) return null;
  for (const [known, vendor] of signatures().endpoints) {
    // The host only (a URL may carry credentials): evidence stays short and secret-free.
    if (host === known || host.endsWith(`.${known}`)) return { vendor, sends: endpoint.vendor, evidence: `${label}${quote(`https://${host}/`)}` };
  }
  return null;
}

/**
 * Agent environment markers (`CLAUDECODE=1` + `ANTHROPIC_MODEL`) and generic variables naming a
 * known agent (`AGENT=amp`), with the model of that agent's settings files when `settings` has one.
 */
export function envFindings(env: Env, aliases: Record<string, string>, settings?: Settings): EnvFinding[] {
  const sig = signatures();
  const result: EnvFinding[] = [];
  for (const marker of markersOn(env)) {
    const markerEvidence = `env ${marker.when.map(([name]) => `${name}=${quote(env[name] ?? '')}`).join(' ')}`;
    const setting = settingsInForce(marker.agent, settings, env);
    const named = namedModels(marker, env, setting, settings);
    const endpoint = endpointVendor(marker.agent, env, setting);
    // At a vendor's own API, a model of the vendor the agent names (any vendor's: `*`), or none, is served by that vendor's model.
    const foreign = (model: string, sends: string, vendor: string): boolean =>
      model === 'unknown' || (!model.startsWith(`${vendor}/`) && (sends === '*' || model.startsWith(`${sends}/`)));
    const served = (model: string, evidence: string): [string, string] =>
      endpoint && foreign(model, endpoint.sends, endpoint.vendor) ? [`${endpoint.vendor}/unknown`, `${evidence} ${endpoint.evidence}`] : [model, evidence];
    // Each named model's readings (a joined name of two vendors' words is both vendors': row 1209), with whether it is the settings' own `unknown`.
    type Reading = readonly [model: string, evidence: string, unread: boolean, stated: boolean];
    const models: Reading[] = named.flatMap(({ raw, vars, from, unread }): Reading[] => {
      const evidence = [markerEvidence, ...(from ? [from] : []), ...vars.map((name) => `${name}=${quote(env[name] ?? '')}`)].join(' ');
      if (unread) return [['unknown', evidence, true, false] as const];
      const stated = from !== undefined && raw.trim() === 'unknown';
      return modelsOrUnknown(raw, aliases, marker.agent).map((model) => [...served(model, evidence), false, stated] as const);
    });
    if (named.length === 0) models.push([...served(marker.defaultModel ?? 'unknown', markerEvidence), false, false]);
    for (const [model, evidence, unread, stated] of models) {
      const attribution = unread ? { ...found(marker.agent, model, evidence), unread: true as const } : found(marker.agent, model, evidence);
      // The settings' own `unknown` (a gateway or router on this machine choosing the model): never folded into a named model beside (row 894).
      if (model === 'unknown' && stated) attribution.stated = true;
      result.push({ attribution, markerEvidence });
    }
  }
  for (const name of sig.genericAgentVars) {
    const agent = genericAgent(env[name] ?? '', name);
    const evidence = `env ${name}=${quote(env[name] ?? '')}`;
    if (!agent) continue;
    const setting = settingsInForce(agent, settings, env);
    for (const model of setting ? modelsOrUnknown(setting.model, aliases, agent) : ['unknown']) {
      result.push({ attribution: found(agent, model, setting ? `${evidence} ${setting.evidence}` : evidence), markerEvidence: evidence });
    }
  }
  return result;
}

/**
 * The agent a generic agent variable (`AI_AGENT`, `AGENT`) names: an agent name, with a version after
 * `@` dropped (`cursor-cli@1.2`, `devin@v2`: the AI_AGENT convention's form; `amp@example.com` is no version), or a slug an agent chose that is
 * another's word (`AI_AGENT=kimi`: Kimi CLI's own, `genericAgentValues`); null when it names none.
 * The slugs are read in {@link SLUG_VARIABLE} only, the variable each of their agents sets (Kimi CLI, VS Code, Pulumi
 * Neo): `AGENT=neo` or `AGENT=kimi` is a person's, a host's or a CI's word (row 939).
 */
export function genericAgent(value: string, variable: string): string | null {
  const name = genericAgentValue(value);
  return agentSlug(name) ?? (variable === SLUG_VARIABLE ? signatures().genericAgentValues.get(name.toLowerCase()) : undefined) ?? null;
}

/** The generic agent variable `genericAgentValues`' slugs are read in: the one their agents set. */
const SLUG_VARIABLE = 'AI_AGENT';

/** A generic agent variable's value as {@link genericAgent} reads it: trimmed, a version after `@` dropped (`github_copilot_vscode_agent@1.2`: row 903). */
export function genericAgentValue(value: string): string {
  const trimmed = value.trim();
  // A value without `@` has no version to drop: the expression (compiled on its first run, with ICU's
  // case tables under `i`: ~0.15 ms of every AI commit's hook, which reads each generic variable, set or not) is not run.
  return trimmed.includes('@') ? trimmed.replace(GENERIC_VERSION, '') : trimmed;
}

/** A version after `@` at a generic agent variable's end (genericAgentValue). */
export const GENERIC_VERSION = /(?<=[^@\s])@v?\d[\w.+-]{0,39}$/i;

/** The agent markers the environment matches. */
function markersOn(env: Env): EnvSignature[] {
  // An unset or empty variable matches no marker (test/unit/signature-prefilter.test.ts): its pattern is not even compiled.
  const set = ([name, pattern]: [string, SignaturePattern]) => (env[name] ?? '') !== '' && pattern.test(env[name] ?? '');
  return signatures().env.filter((marker) => marker.when.every(set) && !marker.unless?.some(set));
}

/** The agents the environment names (its markers, generic agent variables), without reading any model: what envFindings' agents are. */
export function envAgents(env: Env): Set<string> {
  const agents = new Set(markersOn(env).map((marker) => marker.agent));
  for (const name of signatures().genericAgentVars) {
    const agent = genericAgent(env[name] ?? '', name);
    if (agent) agents.add(agent);
  }
  return agents;
}

/** The variables by which the environment names `agent` (its markers' and the generic agent variables), each with its value: what the agent set for its children. */
export function agentMarkers(env: Env, agent: string): [name: string, value: string][] {
  const names = new Set(markersOn(env).flatMap((marker) => (marker.agent === agent ? marker.when.map(([name]) => name) : [])));
  for (const name of signatures().genericAgentVars) if (genericAgent(env[name] ?? '', name) === agent) names.add(name);
  return [...names].map((name) => [name, env[name]!]);
}

/** The agent the environment names, when it names exactly one (the context of a short model name). */
export function soleEnvAgent(findings: readonly EnvFinding[]): string | undefined {
  const agents = new Set(findings.map((finding) => finding.attribution.agent));
  return agents.size === 1 ? [...agents][0] : undefined;
}
