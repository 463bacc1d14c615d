import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { SqliteTables, type SqliteReadLimits } from '../io/sqlite-table.js';

type Also = NonNullable<SettingsModel['also']>;

/** What one commit reads of ccr 3's database: a few pages (one row of a small table), its JSON up to 1 MiB (as `config.json` is read). */
const LIMITS: SqliteReadLimits = { maxFileBytes: 1024 ** 3, maxWalBytes: 64 * 1024 ** 2, maxPages: 1024, maxPayload: 1024 * 1024 };
/** `app_config` rows looked at for key `default` (ccr 3 keeps a few settings there). */
const MAX_ROWS = 256;
/** Rules, profiles, fallback models looked at: past this the configuration is not read. */
const MAX_ENTRIES = 256;

/** ccr 3's rule kinds whose model is their `target` (or a `request.body.model` rewrite): any other kind (`script`, one of a later ccr) is not understood. */
const RULE_TYPES = new Set(['always', 'image', 'long-context', 'model-prefix', 'subagent', 'thinking', 'web-search']);
/** The rule kinds that route every request they see: one of them active is a route for all of Claude Code's requests. */
const CATCH_ALL = new Set(['always']);
/** The key of a rule's rewrite that sets the model (ccr 3's `routerRuleRewrites`). */
const MODEL_KEY = 'request.body.model';
/** A claude-code profile's model fields: the main, the aliases' (`sonnetModel`…) and, only for Haiku-class requests, the small ones. */
const PROFILE_MODELS = ['model', 'sonnetModel', 'opusModel', 'fableModel'];
const PROFILE_SMALL = ['haikuModel', 'smallFastModel'];
/** A claude-code profile's environment variables naming models (set in Claude Code's environment by ccr 3's launch). */
const PROFILE_ENV = ['ANTHROPIC_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'CLAUDE_CODE_SUBAGENT_MODEL'];
const PROFILE_ENV_SMALL = ['ANTHROPIC_DEFAULT_HAIKU_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL'];

type Json = Record<string, unknown>;

function record(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** ccr 3's selector of a name: `provider,model` normalized to `provider/model` (its `normalizeRouteSelector`). */
function selectorOf(given: string): string {
  const comma = given.indexOf(',');
  return comma > 0 && comma < given.length - 1 ? `${given.slice(0, comma).trim()}/${given.slice(comma + 1).trim()}` : given;
}

/** ccr 3's `Providers` that are not turned off (at most {@link MAX_ENTRIES}). */
function enabledProviders(config: Json): Json[] {
  return list(config.Providers)
    .map(record)
    .filter((provider): provider is Json => provider !== undefined && provider.enabled !== false)
    .slice(0, MAX_ENTRIES);
}

/** The names a selector may give a provider by (its `name`, `id`, `provider`), lower case. */
function providerNames(provider: Json): string[] {
  return [provider.name, provider.id, provider.provider].filter((each): each is string => typeof each === 'string' && each.trim() !== '').map((each) => each.trim().toLowerCase());
}

/**
 * ccr 3's configuration: the JSON in `config.sqlite`'s table `app_config`, column `value_json`, row of key
 * `default` (musistudio/claude-code-router `packages/core/src/config/config-repository.ts`, `readAppConfig`),
 * read with aitrail's own bounded SQLite reader (the `-wal` beside it too); null when it cannot be read (not
 * a regular file, malformed, no such row, not a JSON object).
 */
export function readCcr3Config(path: string): Json | null {
  let db: SqliteTables | undefined;
  try {
    db = SqliteTables.open(path, LIMITS);
    let seen = 0;
    for (const row of db.rows('app_config')) {
      if (++seen > MAX_ROWS) return null;
      if (row.columns?.key !== 'default') continue;
      const text = row.columns.value_json;
      return typeof text === 'string' ? (record(JSON.parse(text)) ?? null) : null;
    }
    return null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** A port written as a number or a string of one (1-65535), else none. */
function validPort(value: unknown): number | undefined {
  const port = typeof value === 'number' || (typeof value === 'string' && value.trim() !== '') ? Number(value) : NaN;
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

/** The port a `routerEndpoint` URL names (ccr 3's `endpointPort`): none when it is not a URL or names no port. */
function endpointPort(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    return validPort(new URL(value.trim()).port);
  } catch {
    return undefined;
  }
}

/**
 * The ports ccr 3 listens on: `gateway.port` and its port, `PORT` or, with no `PORT`, the port of `routerEndpoint`
 * (its `loadAppConfig`: `PORT ?? endpointPort(routerEndpoint) ?? 3456`; all 3456 in its defaults), 3456 when none is set.
 */
export function ccr3Ports(config: Json): number[] {
  const ports = [validPort(record(config.gateway)?.port), validPort(config.PORT) ?? endpointPort(config.routerEndpoint)].filter((port): port is number => port !== undefined);
  return ports.length > 0 ? ports : [3456];
}

/**
 * The models ccr 3 sends Claude Code's requests to, each with `shown` (the database) and where in it as evidence,
 * or the reason it cannot be known (a string: the commit is then `unknown`). ccr 3 picks a request's model
 * (`ClaudeCodeRouterPlugin.routeRequest`): `CUSTOM_ROUTER_PATH`'s script, a subagent's tag, the active rules of
 * `Router.rules` (each of a kind, its `target` or `request.body.model` rewrite), the claude-code profile's
 * models (`profile.profiles[]`, the older `profile.claudeCode`, their `routing.rules` and model variables), then,
 * failing all, the Claude name Claude Code asked for; `Router.fallback.models` (and a rule's) when a model fails.
 * Read: every rule's and profile's model and the fallback chains, `provider/model` (or `provider,model`) read as
 * the model; not understood, so `unknown`: a script (the custom router or a `script` rule), a rule of another
 * kind or with another rewrite, virtual model profiles, and a configuration with no route for every request (no
 * active `always` rule, no profile `model`: some requests go as Claude Code named them).
 */
export function ccr3RouteModels(config: Json, shown: string, haiku: boolean): Also | string {
  const script = typeof config.CUSTOM_ROUTER_PATH === 'string' ? config.CUSTOM_ROUTER_PATH.trim() : '';
  if (script) return `CUSTOM_ROUTER_PATH=${quote(script)} (a script routes, not read)`;
  if (list(config.virtualModelProfiles).some((profile) => record(profile)?.enabled !== false)) return 'virtualModelProfiles (not read)';
  const providers = enabledProviders(config).flatMap(providerNames);
  const models: Also = [];
  let catchAll = false;
  const add = (value: unknown, where: string): void => {
    if (typeof value !== 'string' || !value.trim()) return;
    // ccr 3's selector: `provider/model` (its `provider,model` normalized to it), or a bare model of a provider.
    const given = value.trim();
    const selector = selectorOf(given);
    const slash = selector.indexOf('/');
    const model = slash > 0 && providers.includes(selector.slice(0, slash).trim().toLowerCase()) ? selector.slice(slash + 1).trim() : selector;
    if (model) models.push({ model, evidence: `claude-code-router ${shown} ${where}=${quote(given)}`, overriddenBy: [] });
  };
  const fallback = (value: unknown, where: string): void => {
    const chain = record(value);
    if (chain?.mode !== 'model-chain') return;
    list(chain.models).slice(0, MAX_ENTRIES).forEach((model, index) => add(model, `${where}.fallback.models[${index}]`));
  };
  /** A list of rules: null when one active rule is not understood. */
  const rules = (value: unknown, where: string, scripts: boolean): string | null => {
    const all = list(value);
    if (all.length > MAX_ENTRIES) return `${where} (over ${MAX_ENTRIES} rules, not read)`;
    for (const [index, entry] of all.entries()) {
      const rule = record(entry);
      const at = `${where}[${index}]`;
      // ccr 3 compiles a rule that is not `enabled` as inactive.
      if (!rule?.enabled) continue;
      // A profile's script rule is refused by ccr 3 (inactive); the Router's runs code: not known here.
      if (rule.type === 'script' && !scripts) continue;
      if (typeof rule.type !== 'string' || !RULE_TYPES.has(rule.type)) return `${at}.type=${quote(String(rule.type))} (a rule not read)`;
      const rewrites = list(rule.rewrites).length > 0 ? list(rule.rewrites) : rule.rewrite !== undefined ? [rule.rewrite] : [];
      for (const rewrite of rewrites) {
        const each = record(rewrite);
        if (each?.key !== MODEL_KEY || (each.operation !== undefined && each.operation !== 'set')) return `${at} (a rewrite not read)`;
        add(each.value, `${at}.rewrite`);
      }
      if (rewrites.length === 0) add(rule.target, `${at}.target`);
      if (CATCH_ALL.has(rule.type) && (rewrites.length > 0 || typeof rule.target === 'string')) catchAll = true;
      fallback(rule.fallback, at);
    }
    return null;
  };
  const router = record(config.Router);
  const routed = rules(router?.rules, 'Router.rules', true);
  if (routed) return routed;
  fallback(router?.fallback, 'Router');
  // The Router of ccr 2's shape, if a ccr 3 keeps it (`default`, `think`…): each route's model.
  for (const [route, value] of Object.entries(router ?? {})) {
    if (typeof value !== 'string' || (route === 'background' && !haiku)) continue;
    add(value, `Router.${/^\w{1,40}$/.test(route) ? route : quote(route)}`);
    if (route === 'default') catchAll = true;
  }
  const profile = record(config.profile);
  if (profile?.enabled !== false) {
    const profiles = list(profile?.profiles);
    if (profiles.length > MAX_ENTRIES) return `profile.profiles (over ${MAX_ENTRIES}, not read)`;
    const claude: [Json, string][] = profiles
      .map((entry, index): [Json | undefined, string] => [record(entry), `profile.profiles[${index}]`])
      .filter((entry): entry is [Json, string] => entry[0]?.agent === 'claude-code' && entry[0].enabled !== false);
    const legacy = record(profile?.claudeCode);
    if (legacy && legacy.enabled !== false) claude.push([legacy, 'profile.claudeCode']);
    for (const [each, at] of claude) {
      for (const field of [...PROFILE_MODELS, ...(haiku ? PROFILE_SMALL : [])]) add(each[field], `${at}.${field}`);
      // ccr 3 sends Claude Code's requests to its profile's `model` unless `Router.builtInRules['claude-code']` is off.
      if (typeof each.model === 'string' && each.model.trim() && record(record(router?.builtInRules)?.['claude-code'])?.enabled !== false) catchAll = true;
      const env = record(each.env);
      for (const name of [...PROFILE_ENV, ...(haiku ? PROFILE_ENV_SMALL : [])]) add(env?.[name], `${at}.env.${name}`);
      const routing = record(each.routing);
      if (routing && routing.enabled !== false) {
        const refused = rules(routing.rules, `${at}.routing.rules`, false);
        if (refused) return refused;
      }
    }
  }
  if (!catchAll) return 'no route for every request (some go as Claude Code names them)';
  return models;
}

/** ccr 3's route ids for a target model in the Claude apps' model list (`anthropic/claude-ccr-h<hex of the target>`, `claude-ccr2-h…`): the target decoded. */
const ENCODED_ROUTE = /^(?:anthropic\/)?claude-ccr\d*-h((?:[0-9a-f]{2}){1,200})$/i;

/**
 * The model ccr 3 runs for a name Claude Code asks for, when ccr 3 takes that name as given (its client-model
 * route, ahead of the profile's model: `resolveConfiguredRouteDecision`): a configured provider's model named
 * `provider/model` or `provider,model`, a model some enabled provider lists, ccr 3's encoded route id of one,
 * or `claude-<model>` (its legacy route id); null for any other name (ccr 3's rules and profile pick then).
 */
export function ccr3ClientModel(config: Json, name: string): string | null {
  const providers = enabledProviders(config);
  const listed = (provider: Json, model: string): string | undefined => list(provider.models).slice(0, 4096).find((each): each is string => typeof each === 'string' && each.trim().toLowerCase() === model.toLowerCase())?.trim();
  const resolve = (value: string): string | null => {
    const given = value.trim().replace(/\[1m\]$/i, '').trim();
    if (!given) return null;
    const selector = selectorOf(given);
    const slash = selector.indexOf('/');
    if (slash > 0) {
      const named = selector.slice(0, slash).trim().toLowerCase();
      for (const provider of providers) {
        const model = providerNames(provider).includes(named) ? listed(provider, selector.slice(slash + 1).trim()) : undefined;
        if (model) return model;
      }
    }
    for (const provider of providers) {
      const model = listed(provider, selector);
      if (model) return model;
    }
    return null;
  };
  const encoded = ENCODED_ROUTE.exec(name.trim().replace(/\[1m\]$/i, ''));
  if (encoded) return resolve(Buffer.from(encoded[1]!, 'hex').toString('utf8'));
  const direct = resolve(name);
  if (direct) return direct;
  const legacy = /^claude-(.+)$/i.exec(name.trim());
  return legacy ? resolve(legacy[1]!) : null;
}
