import { dirname, join, relative } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import type { CommandLineModel } from './command-line.js';
import { resolvedReferences } from './env-reference.js';
import { parseJsonc, stringAt, valueAt } from './parse-settings.js';
import { agentFolderModels, linkedAgentFile, unreadFolder } from './agent-files.js';
import { OVERSIZED, OversizedSettingsError, readOwnFile, readOwnSettings, shownPath, startFile, systemPath, within, type SettingsPlace, type SettingsText } from './settings-place.js';
import { gatewayModel, localEndpoint } from './claude-code-router.js';

/** A settings file's model: `model.name` (settings v2), or the v1 string `model` Gemini CLI migrates to it. */
function modelOf(data: unknown): { model: string; key: string } | undefined {
  const named = stringAt(data, 'model', 'name');
  if (named) return { model: named, key: 'model.name' };
  const legacy = stringAt(data, 'model');
  return legacy ? { model: legacy, key: 'model' } : undefined;
}

/**
 * Whether the agent reads the settings file of its workspace `root` (resolved): always, unless folder trust is on
 * (`security.folderTrust.enabled` of the system or user settings) and `trustedFolders.json` marks the
 * folder `DO_NOT_TRUST` with no `TRUST_FOLDER`/`TRUST_PARENT` rule covering it (gemini-cli
 * `trustedFolders.ts`, Qwen Code's the same: a folder no rule names is trusted when settings load).
 */
function workspaceTrusted(root: string, system: unknown, user: unknown, trustFile: string): boolean {
  const enabled = (data: unknown): unknown => valueAt(data, 'security', 'folderTrust', 'enabled');
  if ((enabled(system) ?? enabled(user)) !== true) return true;
  const text = readOwnFile(trustFile);
  const rules = text === null ? undefined : parseJsonc(text);
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return true;
  const entries = Object.entries(rules as Record<string, unknown>);
  for (const [folder, level] of entries) {
    if (level === 'TRUST_FOLDER' && within(root, folder)) return true;
    if (level === 'TRUST_PARENT' && within(root, dirname(folder))) return true;
  }
  return !entries.some(([folder, level]) => level === 'DO_NOT_TRUST' && relative(folder, root) === '');
}

/** Where a Gemini CLI-style agent (Gemini CLI, its fork Qwen Code) keeps its settings, and what its model gives way to. */
export interface SettingsLayout {
  /** The agent's slug: the context a variable's model name is read in. */
  agent: string;
  /** The user's and the project's directory: `.gemini`. */
  dir: string;
  /** The machine's directory under the system root, Linux and macOS: `etc/gemini-cli`. */
  system: { linux: string; darwin: string };
  /** The prefix of the variables that move the system and trust files: `GEMINI_CLI` (`GEMINI_CLI_SYSTEM_SETTINGS_PATH`…). */
  variables: string;
  /** What the settings model has beside it: `overriddenBy` (variables read before it) or `replaces` (variables it comes before). */
  order: Pick<SettingsModel, 'overriddenBy' | 'replaces'>;
}

/**
 * A Gemini CLI-style agent's settings files, highest first, each `[shown, data]`: the system settings
 * (`/etc/<agent>/settings.json`, `<PREFIX>_SYSTEM_SETTINGS_PATH`), which override every other file,
 * then the workspace's `<dir>/settings.json` (when the folder is trusted, and not the home directory
 * itself: the workspace is the directory the agent was started in, `cwd`, its process's: below the work
 * tree's top, that directory's file as a work-tree file; outside the work tree (started above it, a
 * folder of repositories), that directory's own file, the work tree's not read; unknown, the top's; a
 * parent's file is never read), then `~/<dir>/settings.json`, then the system defaults
 * (`system-defaults.json`, `<PREFIX>_SYSTEM_DEFAULTS_PATH`). JSON with comments. Its merged settings
 * hold, for each key, the first of these naming it.
 */
export function settingsLayers(place: SettingsPlace, layout: SettingsLayout, cwd?: string): [shown: string, data: () => unknown][] {
  return layersAndTrust(place, layout, cwd).layers;
}

/** {@link settingsLayers}, and whether the workspace (the directory the agent was started in) is trusted, so its project files are read. */
export function layersAndTrust(place: SettingsPlace, layout: SettingsLayout, cwd?: string): LayersAndTrust {
  // Built once a hook run (row 1072): a Qwen Code commit asked for its layers six times (its model, the model's
  // provider entry, its gateway, its subagents, its runtime directory), each time reading and parsing every file again.
  let byLayout = builtLayers.get(place);
  if (byLayout === undefined) builtLayers.set(place, (byLayout = new Map()));
  let byCwd = byLayout.get(layout);
  if (byCwd === undefined) byLayout.set(layout, (byCwd = new Map()));
  let built = byCwd.get(cwd);
  if (built === undefined) byCwd.set(cwd, (built = buildLayersAndTrust(place, layout, cwd)));
  return built;
}

type LayersAndTrust = { layers: [shown: string, data: () => unknown][]; trusted: () => boolean };

/**
 * Each place's layers, by layout and starting directory: a place is made once a hook run (settingsPlace), so what
 * one run read is never another's; a build that threw (a file past the bound) is not kept, and throws again when asked.
 */
const builtLayers = new WeakMap<SettingsPlace, Map<SettingsLayout, Map<string | undefined, LayersAndTrust>>>();

/** `read` run once: its value, or what it threw, every time after (a file past the bound throws each time it is asked). */
function once<T>(read: () => T): () => T {
  let done: { value: T } | { error: unknown } | undefined;
  return () => {
    if (done === undefined) {
      try {
        done = { value: read() };
      } catch (error) {
        done = { error };
      }
    }
    if ('error' in done) throw done.error;
    return done.value;
  };
}

function buildLayersAndTrust(place: SettingsPlace, layout: SettingsLayout, cwd?: string): LayersAndTrust {
  const { env } = place;
  const userDir = join(place.home, layout.dir);
  const systemDir = process.platform === 'darwin' ? layout.system.darwin : layout.system.linux;
  const systemFile = env[`${layout.variables}_SYSTEM_SETTINGS_PATH`]?.trim() || systemPath(place, join(systemDir, 'settings.json'));
  const defaultsFile = env[`${layout.variables}_SYSTEM_DEFAULTS_PATH`]?.trim() || systemPath(place, join(systemDir, 'system-defaults.json'));
  const trustFile = env[`${layout.variables}_TRUSTED_FOLDERS_PATH`]?.trim() || join(userDir, 'trustedFolders.json');
  const userFile = join(userDir, 'settings.json');
  // The workspace is the directory the agent was started in (`loadSettings(process.cwd())`: no walk up to the work tree's top).
  const project = startFile(place, cwd, `${layout.dir}/settings.json`);
  // A file past the settings files' bound (the agent reads it whole): what it sets is not known (rows 942, 969).
  const parsed = (shown: string, text: SettingsText): unknown => {
    if (text === OVERSIZED) throw new OversizedSettingsError(shown);
    return text === null ? undefined : parseJsonc(text);
  };
  const system = parsed(shownPath(place, systemFile), readOwnSettings(systemFile));
  const user = parsed(shownPath(place, userFile), readOwnSettings(userFile));
  const atHome = within(place.home, project.dir) && within(project.dir, place.home);
  const trusted = once(() => !atHome && workspaceTrusted(project.dir, system, user, trustFile));
  const layers: [shown: string, data: () => unknown][] = [
    [shownPath(place, systemFile), () => system],
    [project.shown, once(() => (trusted() ? parsed(project.shown, project.settings()) : undefined))],
    [shownPath(place, userFile), () => user],
    [shownPath(place, defaultsFile), once(() => parsed(shownPath(place, defaultsFile), readOwnSettings(defaultsFile)))],
  ];
  return { layers, trusted };
}

/**
 * The model of a Gemini CLI-style agent's merged settings ({@link settingsLayers}): the first file's
 * `model.name` (or v1 `model`). `$NAME` and `${NAME}` in the model are resolved
 * from the hook's environment as the agent resolves them (`resolvedReferences`: a value naming no
 * model, a secret, is never written). `/model` is invisible to a hook; `--model` is read from the command line (`command-line.ts`).
 */
export function layeredSettingsModel(place: SettingsPlace, layout: SettingsLayout, cwd?: string): SettingsModel | null {
  for (const [shown, data] of settingsLayers(place, layout, cwd)) {
    const found = modelOf(data());
    if (!found) continue;
    // The agent resolves `$NAME` and `${NAME}` in each file it loads; the reference stays in the evidence.
    const model = resolvedReferences(found.model, place.env, layout.agent);
    const resolved = model === found.model ? '' : ` resolved=${quote(model)}`;
    return { model, evidence: `settings ${shown} ${found.key}=${quote(found.model)}${resolved}`, ...layout.order };
  }
  return null;
}

/**
 * Gemini CLI's model (gemini-cli `packages/cli/src/config/config.ts`: `--model`, then `GEMINI_MODEL`,
 * then the merged settings' `model.name`; geminicli.com/docs/reference/configuration for the files).
 */
export function geminiCliModel(place: SettingsPlace, cli?: CommandLineModel | null): SettingsModel | null {
  const settings = layeredSettingsModel(place, GEMINI_LAYOUT, cli?.cwd);
  // The name asked for, as Gemini CLI picks it, may be a custom alias or override's that sends another model (row 982).
  // Nothing named: Gemini CLI's default, `auto` (row 1012).
  const asked = cli?.models[0] ?? (place.env.GEMINI_MODEL?.trim() || settings?.model || 'auto');
  const aliased = aliasedModel(place, asked, cli?.cwd);
  const found = aliased.chat || settings;
  // A gateway on this machine (LiteLLM, a proxy of one's own) answers a Gemini name with whatever it sends the request
  // to, and no Gemini model runs on this machine (Google's open weights are Gemma): the model is not known (row 848).
  // Names that are no Gemini name (`GEMINI_MODEL=qwen3-coder` at Ollama) are read as before, as what the gateway serves.
  const named = [cli?.models ?? [], place.env.GEMINI_MODEL ?? '', found?.model ?? ''].flat();
  const model = gatewayModel(localEndpoint(place.env, GEMINI_ENDPOINTS), named, GEMINI_NAME, true, ['GEMINI_MODEL']) ?? found;
  // A retry sent elsewhere by an `isRetry` override while the first attempt is not (row 1024): that model beside.
  if (aliased.retries.length === 0) return model;
  // Nothing names the model (Gemini CLI's default, `auto`, whose model is not known): the first attempts still go there, so
  // it stays `unknown` with the retry's model beside, never the retry's alone (row 1052).
  const unnamed = !cli?.models.length && !place.env.GEMINI_MODEL?.trim() && asked === 'auto';
  const first = model ?? (unnamed ? { model: 'unknown', evidence: "Gemini CLI's default model (auto: nothing names one)", overriddenBy: [] } : { model: '', evidence: '' });
  return { ...first, also: [...(first.also ?? []), ...aliased.retries] };
}

/** Links of an alias's `extends` chain followed at most (Gemini CLI's own bound: past it, it throws and nothing runs). */
const MAX_ALIAS_DEPTH = 100;

/**
 * Gemini CLI's built-in aliases (gemini-cli `packages/core/src/config/defaultModelConfigs.ts`): each one's parent and
 * model. The chat's models extend `chat-base-2.5`/`chat-base-3`, which extend `chat-base`, which extends `base`: an
 * override matching any of these applies to the main chat (row 994). A custom alias of the same name replaces one.
 * The snapshot of gemini-cli's main read in December 2026: a model a later version adds reads as a name of no alias.
 */
const BUILT_IN_ALIASES: Readonly<Record<string, readonly [parent?: string, model?: string]>> = {
  base: [],
  'chat-base': ['base'],
  'chat-base-2.5': ['chat-base'],
  'chat-base-3': ['chat-base'],
  'gemini-3-pro-preview': ['chat-base-3', 'gemini-3-pro-preview'],
  'gemini-3-flash-preview': ['chat-base-3', 'gemini-3-flash-preview'],
  'gemini-2.5-pro': ['chat-base-2.5', 'gemini-2.5-pro'],
  'gemini-2.5-flash': ['chat-base-2.5', 'gemini-2.5-flash'],
  'gemini-2.5-flash-lite': ['chat-base-2.5', 'gemini-2.5-flash-lite'],
  'gemini-2.5-flash-base': ['base', 'gemini-2.5-flash'],
  'gemini-3-flash-base': ['base', 'gemini-3-flash-preview'],
  classifier: ['base', 'gemini-2.5-flash-lite'],
  'prompt-completion': ['base', 'gemini-2.5-flash-lite'],
  'fast-ack-helper': ['base', 'gemini-2.5-flash-lite'],
  'edit-corrector': ['base', 'gemini-2.5-flash-lite'],
  'summarizer-default': ['base', 'gemini-2.5-flash-lite'],
  'summarizer-shell': ['base', 'gemini-2.5-flash-lite'],
  'web-search': ['gemini-3-flash-base'],
  'web-fetch': ['gemini-3-flash-base'],
  'web-fetch-fallback': ['gemini-3-flash-base'],
  'loop-detection': ['gemini-3-flash-base'],
  'loop-detection-double-check': ['base', 'gemini-3-pro-preview'],
  'llm-edit-fixer': ['gemini-3-flash-base'],
  'next-speaker-checker': ['gemini-3-flash-base'],
  'chat-compression-3-pro': [undefined, 'gemini-3-pro-preview'],
  'chat-compression-3-flash': [undefined, 'gemini-3-flash-preview'],
  'chat-compression-2.5-pro': [undefined, 'gemini-2.5-pro'],
  'chat-compression-2.5-flash': [undefined, 'gemini-2.5-flash'],
  'chat-compression-2.5-flash-lite': [undefined, 'gemini-2.5-flash-lite'],
  'chat-compression-default': [undefined, 'gemini-3-pro-preview'],
};

/** An alias as read: its parent (a non-string one breaks the chain), its model, and a custom one's setting as evidence. */
interface Alias {
  parent: unknown;
  model?: string;
  evidence?: string;
}

/** A model set, with the setting naming it (none: the name asked for or a built-in alias's). */
type Resolved = { model: string; evidence?: string } | undefined;

/**
 * The chain of aliases `name` extends, root first, and the model it resolves to (the leaf-most one naming one), as
 * gemini-cli's `ModelConfigService.resolveAliasChain` builds it; null where Gemini CLI throws (a cycle, a missing
 * parent, a chain past {@link MAX_ALIAS_DEPTH}): then no chat runs.
 */
function aliasChain(name: string, lookup: (name: string) => Alias | undefined): { chain: string[]; model: Resolved } | null {
  const chain: string[] = [];
  let model: Resolved;
  let via: string | undefined; // The leaf-most custom alias's setting: a built-in parent's model is reached through it.
  for (let current: unknown = name; current !== undefined && current !== null && current !== ''; ) {
    const alias = typeof current === 'string' ? lookup(current) : undefined;
    if (alias === undefined || chain.length >= MAX_ALIAS_DEPTH || chain.includes(current as string)) return null;
    chain.push(current as string);
    via ??= alias.evidence;
    const evidence = alias.evidence ?? via;
    if (alias.model && !model) model = { model: alias.model, ...(evidence ? { evidence } : {}) };
    current = alias.parent;
  }
  return { chain: chain.reverse(), model };
}

/**
 * Whether an override's `match` applies to the main chat (`{ model, isChatModel: true }`, and `isRetry: true` when
 * `retry`: gemini-cli `geminiChat.ts` asks again with `{ ...key, isRetry: true }` for each retry of a stream that broke
 * or came back invalid), and at which level (gemini-cli `findMatchingOverrides`: a key the request does not carry,
 * `isRetry: false` too, never matches).
 */
function overrideLevel(match: unknown, levels: ReadonlyMap<string, number>, retry: boolean): { level: number; specificity: number } | null {
  if (match === null || typeof match !== 'object' || Array.isArray(match)) return null;
  const entries = Object.entries(match);
  if (entries.length === 0) return null;
  let level = 0;
  for (const [key, value] of entries) {
    if (key === 'model') {
      const at = typeof value === 'string' ? levels.get(value) : undefined;
      if (at === undefined) return null;
      level = at;
    } else if (key === 'isRetry' ? value !== true || !retry : key === 'overrideScope' ? value !== 'core' : key !== 'isChatModel' || value !== true) {
      return null; // Another subagent's scope, retries only (`isRetry`) on a first attempt, or a key the main chat's request does not carry.
    }
  }
  return { level, specificity: entries.length };
}

/**
 * The model Gemini CLI really sends for the name `asked`, when its settings' `modelConfigs` redirect it (rows 982,
 * 994), as gemini-cli `packages/core/src/services/modelConfigService.ts` resolves the main chat's request
 * (`{ model, isChatModel: true }`): the built-in aliases (`defaultModelConfigs.ts`) with `customAliases` over them
 * (each settings layer's, the first naming an alias wins), the name's `extends` chain (a child's model over its
 * parents'; a name of no alias is a child of `chat-base`), then every override (the built-in ones, then each layer's
 * `customOverrides`) whose `match` the main chat meets (`model` the resolved model or an alias of the chain,
 * `overrideScope: "core"`, `isChatModel: true`; another scope or `isRetry` never), applied by level (the model, then
 * the chain root to leaf), then specificity, then order. Null when nothing there sets another model, or when Gemini
 * CLI would throw (then no chat runs). The redirected model is what runs: the name asked for, its variable and the
 * command line no longer stand for it (`routed`, `replaces`); the models beside are kept (`resolved`, row 995).
 * The models a retry's request resolves to (`isRetry: true` overrides besides) and the first attempt's does not are
 * `retries`: beside the chat's model, or beside the name asked for when nothing redirects the first attempt.
 */
function aliasedModel(place: SettingsPlace, asked: string, cwd?: string): { chat: SettingsModel | null; retries: NonNullable<SettingsModel['also']> } {
  const custom: { shown: string; aliases: Record<string, unknown> }[] = [];
  const overrides: { shown: string; index: number; value: unknown }[] = [];
  for (const [shown, data] of settingsLayers(place, GEMINI_LAYOUT, cwd)) {
    const configs = valueAt(data(), 'modelConfigs');
    const aliases = valueAt(configs, 'customAliases');
    if (aliases !== null && typeof aliases === 'object' && !Array.isArray(aliases)) custom.push({ shown, aliases: aliases as Record<string, unknown> });
    const list = valueAt(configs, 'customOverrides');
    if (Array.isArray(list)) list.forEach((value, index) => overrides.push({ shown, index, value }));
  }
  if (custom.length === 0 && overrides.length === 0) return { chat: null, retries: [] };
  const lookup = (name: string): Alias | undefined => {
    const layer = custom.find((entry) => Object.hasOwn(entry.aliases, name));
    if (layer) {
      const value = layer.aliases[name];
      const model = stringAt(value, 'modelConfig', 'model');
      const parent = valueAt(value, 'extends');
      const key = `settings ${layer.shown} modelConfigs.customAliases.${name}`;
      const evidence = model ? `${key}.modelConfig.model=${quote(model)}` : `${key}.extends=${quote(String(parent))}`;
      return value !== null && typeof value === 'object' ? { parent, evidence, ...(model ? { model } : {}) } : undefined;
    }
    if (!Object.hasOwn(BUILT_IN_ALIASES, name)) return undefined;
    const [parent, model] = BUILT_IN_ALIASES[name]!;
    return { parent, ...(model ? { model } : {}) };
  };
  const resolve = (name: string, retry: boolean): { model: string; evidence: string } | null => {
    // A name of no alias is a child of `chat-base`; an alias Gemini CLI cannot resolve (aliasChain's null) runs nothing.
    const fallback = lookup(name) === undefined ? aliasChain('chat-base', lookup) : undefined;
    const resolved = fallback === undefined ? aliasChain(name, lookup) : fallback && { chain: [...fallback.chain, name], model: { model: name } };
    if (resolved === null) return null;
    const levels = new Map<string, number>();
    if (resolved.model) levels.set(resolved.model.model, 0);
    resolved.chain.forEach((alias, index) => levels.set(alias, index + 1));
    const matched = overrides.flatMap((override, order) => {
      const at = overrideLevel(valueAt(override.value, 'match'), levels, retry);
      return at ? [{ ...at, order, override }] : [];
    });
    matched.sort((a, b) => a.level - b.level || a.specificity - b.specificity || a.order - b.order);
    let model = resolved.model;
    for (const { override } of matched) {
      const target = stringAt(override.value, 'modelConfig', 'model');
      if (target) model = { model: target, evidence: `settings ${override.shown} modelConfigs.customOverrides[${override.index}].modelConfig.model=${quote(target)}` };
    }
    // A retry sent back to the name asked for is another model than the first attempt's redirected one: kept.
    return model?.evidence && (retry || model.model !== name) ? { model: model.model, evidence: model.evidence } : null;
  };
  // A name Gemini CLI routes or resolves before the chat asks (row 1012): each model it may send is resolved.
  const names = lookup(asked) === undefined && Object.hasOwn(ROUTED_NAMES, asked) ? ROUTED_NAMES[asked]! : [asked];
  const distinct = <T extends { model: string }>(one: T, at: number, all: readonly T[]) => all.findIndex((other) => other.model === one.model) === at;
  const found = names.flatMap((name) => resolve(name, false) ?? []).filter(distinct);
  // A retry's request may go elsewhere (an `isRetry: true` override, row 1024): each such model may write part of the work, kept beside.
  const first = found.length > 0 ? found.map((one) => one.model) : [asked];
  const retried = names.flatMap((name) => resolve(name, true) ?? []).filter((one) => !first.includes(one.model)).filter(distinct);
  const retries = retried.map((one) => ({ ...one, evidence: `${one.evidence} (on a retry)`, overriddenBy: [] }));
  if (found.length === 0) return { chat: null, retries };
  const also = [...found.slice(1).map((one) => ({ ...one, overriddenBy: [] })), ...retries];
  const chat: SettingsModel = { model: found[0]!.model, evidence: found[0]!.evidence, overriddenBy: [], replaces: ['GEMINI_MODEL'], routed: true, resolved: true, ...(also.length > 0 ? { also } : {}) };
  return { chat, retries: [] };
}

/** Models of Gemini CLI 3's and 2.5's pro tier, and of their flash tier (`defaultModelConfigs.ts` `modelIdResolutions`). */
const PRO_MODELS = ['gemini-3-pro-preview', 'gemini-3.1-pro-preview', 'gemini-3.1-pro-preview-customtools', 'gemini-2.5-pro'];
const FLASH_MODELS = ['gemini-3-flash-preview', 'gemini-2.5-flash'];

/**
 * Names Gemini CLI's main chat never asks its model configs for: it routes each request of `auto` to a pro or a flash
 * model (its classifier, `classifierIdResolutions`) and resolves `pro`, `flash`, `flash-lite` to one
 * (`modelIdResolutions`, by preview access), then asks for that model: an override of `chat-base-3` or of
 * `gemini-3-pro-preview` applies to `auto`'s requests (row 1012). Each name, the models it may send.
 */
const ROUTED_NAMES: Readonly<Record<string, readonly string[]>> = {
  auto: [...PRO_MODELS, ...FLASH_MODELS],
  'auto-gemini-3': [...PRO_MODELS, ...FLASH_MODELS],
  'auto-gemini-2.5': ['gemini-2.5-pro', 'gemini-2.5-flash'],
  pro: PRO_MODELS,
  flash: FLASH_MODELS,
  'flash-lite': ['gemini-2.5-flash-lite', 'gemini-3.1-flash-lite-preview'],
};

/** Gemini CLI's endpoint variables (its `@google/genai` client's): the Gemini API's and Vertex AI's (gemini-cli's sandbox passes both through). */
const GEMINI_ENDPOINTS = ['GOOGLE_GEMINI_BASE_URL', 'GOOGLE_VERTEX_BASE_URL'] as const;

/** A Gemini model's name or one of Gemini CLI's aliases for them (`auto`, `pro`, `flash`, `flash-lite`). */
export const GEMINI_NAME = /gemini|^\s*(?:auto|pro|flash|flash-lite)\s*$/i;

const GEMINI_LAYOUT: SettingsLayout = {
  agent: 'gemini-cli',
  dir: '.gemini',
  system: { linux: 'etc/gemini-cli', darwin: 'Library/Application Support/GeminiCli' },
  variables: 'GEMINI_CLI',
  order: { overriddenBy: ['GEMINI_MODEL'] },
};

/**
 * Subagents' names looked at in one settings file's `agents.overrides` (Gemini CLI honours only its
 * agents' names: past this, a hostile file's junk names first hide the real one). Every model found
 * is recorded, with no cap of its own: bounded by these names and the agent files read (a cap of 16
 * distinct models let 16 made-up ones sorting first hide a denied 17th).
 */
const MAX_SUBAGENTS = 256;

/**
 * The models Gemini CLI's subagents run on, beside the session's (a subagent runs on its own model:
 * geminicli.com/docs/core/subagents): a custom agent's `model:` frontmatter in the workspace's
 * `.gemini/agents/*.md` (when the folder is trusted) and the user's `~/.gemini/agents/*.md` (or the
 * user config directory's, `~/.config/gemini-cli/agents/*.md`), and `agents.overrides.<name>.modelConfig.model`
 * of each settings file (a built-in subagent's, `codebase_investigator`'s). `inherit` (the session's
 * model) adds none. Every agent, not only one that ran: the main agent calls them unseen by a hook.
 */
export async function geminiSubagentModels(place: SettingsPlace, cli?: CommandLineModel | null): Promise<{ model: string; evidence: string; overriddenBy: string[] }[]> {
  const models = new Map<string, string>();
  const add = (raw: string | undefined, evidence: (model: string) => string) => {
    const model = raw?.trim();
    if (model && model !== 'inherit' && !models.has(model)) models.set(model, evidence(model));
  };
  const unread: string[] = [];
  const { layers, trusted } = layersAndTrust(place, GEMINI_LAYOUT, cli?.cwd);
  for (const [shown, data] of layers) {
    const overrides = valueAt(data(), 'agents', 'overrides');
    if (overrides === null || typeof overrides !== 'object' || Array.isArray(overrides)) continue;
    for (const name of Object.keys(overrides).slice(0, MAX_SUBAGENTS)) {
      add(stringAt((overrides as Record<string, unknown>)[name], 'modelConfig', 'model'), (model) => `settings ${shown} agents.overrides.${name}.modelConfig.model=${quote(model)}`);
    }
  }
  if (trusted()) {
    const project = startFile(place, cli?.cwd, '.gemini/agents');
    const dir = join(project.dir, '.gemini', 'agents');
    const folder = await agentFolderModels(dir, (name, head) => startFile(place, cli?.cwd, `.gemini/agents/${name}`).read(head) ?? linkedAgentFile(join(dir, name), head));
    for (const { name, models: found } of folder.files) for (const model of found) add(model, (seen) => `settings ${startFile(place, cli?.cwd, `.gemini/agents/${name}`).shown} model=${quote(seen)}`);
    if (folder.unread) unread.push(project.shown);
  }
  for (const dir of [join(place.home, '.gemini', 'agents'), join(place.home, '.config', 'gemini-cli', 'agents')]) {
    const folder = await agentFolderModels(dir, (name, head) => readOwnFile(join(dir, name), head));
    for (const { name, models: found } of folder.files) for (const model of found) add(model, (seen) => `settings ${shownPath(place, join(dir, name))} model=${quote(seen)}`);
    if (folder.unread) unread.push(shownPath(place, dir));
  }
  return [...[...models].map(([model, evidence]) => ({ model, evidence, overriddenBy: [] })), ...unread.map((shown) => unreadFolder(shown))];
}
