import { join, resolve } from 'node:path';
import type { SettingsModel } from '../core/types.js';
import type { CommandLineModel } from './command-line.js';
import { quote } from '../core/detect/found.js';
import { agentFolderModels, linkedAgentFile, unreadFolder } from './agent-files.js';
import { layeredSettingsModel, layersAndTrust, settingsLayers, type SettingsLayout } from './gemini-cli.js';
import { stringAt, valueAt } from './parse-settings.js';
import { gatewayModel, HOSTED_NAME, localEndpoint } from './claude-code-router.js';
import { absolute, readOwnFile, realRoot, shownPath, startFile, type SettingsPlace } from './settings-place.js';

/** Qwen Code's settings files: Gemini CLI's, of which it is a fork, under its own names. */
const QWEN: SettingsLayout = {
  agent: 'qwen-code',
  dir: '.qwen',
  system: { linux: 'etc/qwen-code', darwin: 'Library/Application Support/QwenCode' },
  variables: 'QWEN_CODE',
  order: { replaces: ['OPENAI_MODEL', 'QWEN_MODEL'] },
};

/**
 * Qwen Code's model (QwenLM/qwen-code `packages/cli/src/utils/modelConfigUtils.ts`,
 * `resolveCliGenerationConfig`: `--model`, then the merged settings' `model.name`, and only when
 * neither is set `OPENAI_MODEL`, then `QWEN_MODEL`): its settings come before those variables.
 * Files as Gemini CLI's, of which it is a fork (qwenlm.github.io/qwen-code-docs, configuration; its
 * `loadSettings(process.cwd())` reads the workspace file of the directory it was started in only).
 */
export function qwenCodeModel(place: SettingsPlace, cli?: CommandLineModel | null): SettingsModel | null {
  // A settings file past the bound (Qwen Code reads it whole) may set `security.auth.baseUrl` at a gateway on this machine
  // or its `model.name`: every layer is read, whatever names the model, and one past the bound throws (row 942;
  // readAgentSettings makes the model unknown, row 969).
  for (const [, data] of settingsLayers(place, QWEN, cli?.cwd)) data();
  const found = layeredSettingsModel(place, QWEN, cli?.cwd);
  const type = selectedAuthType(place, cli);
  // Qwen OAuth runs its own model whatever is asked (row 1134).
  if (type === 'qwen-oauth') return qwenOAuthModel(cli?.models[0] ?? found?.model);
  // No `--model` and no settings model: the run's auth type's own model variable (row 1091), never OPENAI_MODEL's (row 1134).
  if (!found && !cli?.models.length) {
    const byAuth = authTypeModel(place, type);
    // Its auth type's gateway on this machine answers that variable's hosted name with any model it runs, as below (row 1160:
    // `ANTHROPIC_MODEL=claude-sonnet-4-5` at a loopback `ANTHROPIC_BASE_URL` was recorded as Anthropic's model).
    const variable = type === null || type === undefined ? undefined : AUTH_MODEL_VARS[type];
    if (byAuth) return (variable === undefined ? null : gatewayModel(qwenGateway(place, cli?.cwd, type), [place.env[variable] ?? ''], HOSTED_NAME, false, [variable])) ?? byAuth;
  }
  // A gateway on this machine answers a hosted model's name (`gpt-4o`) with any model it runs (row 866); Qwen's own
  // names, open weights at Ollama, are read as before. With no name its default is Qwen's (the marker's `qwen/unknown`).
  const named = [cli?.models ?? [], found?.model ?? '', place.env.OPENAI_MODEL ?? '', place.env.QWEN_MODEL ?? ''].flat();
  const flag = cli?.baseUrl;
  // The model's `modelProviders` entry's `baseUrl` comes before `--openai-base-url`, the variables and the settings (row 1028).
  const entry = providerEntryUrl(place, cli?.cwd, cli?.models[0] ?? found?.model, cli?.authType);
  const gateway = entry ? localEndpoint({ [entry.name]: entry.url }, [entry.name]) : flag ? localEndpoint({ [flag.evidence]: flag.url }, [flag.evidence]) : qwenGateway(place, cli?.cwd, type);
  return gatewayModel(gateway, named, HOSTED_NAME, false, ['OPENAI_MODEL', 'QWEN_MODEL']) ?? found;
}

/** Entries of one `modelProviders` list looked at (an honest list holds a few). */
const MAX_PROVIDER_ENTRIES = 256;

/** The model variable Qwen Code reads for an auth type other than `openai` (its `OPENAI_MODEL`/`QWEN_MODEL` are the marker's `modelVars`). */
const AUTH_MODEL_VARS: Readonly<Record<string, string>> = { anthropic: 'ANTHROPIC_MODEL', gemini: 'GEMINI_MODEL', 'vertex-ai': 'GOOGLE_MODEL' };

/**
 * The run's auth type as Qwen Code takes it (`packages/cli/src/config/auth.ts`, `modelConfigUtils.ts` `getAuthTypeFromEnv`):
 * `--auth-type`, else the settings' `security.auth.selectedType` (the first layer naming one), else the variables' (`QWEN_OAUTH`;
 * `OPENAI_API_KEY` with `OPENAI_MODEL` or `QWEN_MODEL` and `OPENAI_BASE_URL`; `GEMINI_API_KEY` with `GEMINI_MODEL`; `GOOGLE_API_KEY`
 * with `GOOGLE_MODEL`; `ANTHROPIC_API_KEY` with `ANTHROPIC_MODEL` and `ANTHROPIC_BASE_URL`).
 */
function selectedAuthType(place: SettingsPlace, cli: CommandLineModel | null | undefined): string | undefined {
  const selected = cli?.authType || settingsAuthType(place, cli?.cwd);
  if (selected) return selected;
  const set = (name: string) => Boolean(place.env[name]);
  if (set('QWEN_OAUTH')) return 'qwen-oauth';
  if (set('OPENAI_API_KEY') && (set('OPENAI_MODEL') || set('QWEN_MODEL')) && set('OPENAI_BASE_URL')) return 'openai';
  if (set('GEMINI_API_KEY') && set('GEMINI_MODEL')) return 'gemini';
  if (set('GOOGLE_API_KEY') && set('GOOGLE_MODEL')) return 'vertex-ai';
  if (set('ANTHROPIC_API_KEY') && set('ANTHROPIC_MODEL') && set('ANTHROPIC_BASE_URL')) return 'anthropic';
  return undefined;
}

/** The settings' `security.auth.selectedType`, the first layer naming one. */
function settingsAuthType(place: SettingsPlace, cwd: string | undefined): string | undefined {
  for (const [, data] of settingsLayers(place, QWEN, cwd)) {
    const selected = stringAt(data(), 'security', 'auth', 'selectedType');
    if (selected) return selected;
  }
  return undefined;
}

/**
 * Qwen Code's model with no `--model` and no settings model under an auth type other than `openai` (row 1091; QwenLM/qwen-code
 * `modelConfigUtils.ts` `resolveCliGenerationConfig`: `argv.model > settings.model.name > the auth type's model variables`, every
 * other model variable stripped): `anthropic`'s `ANTHROPIC_MODEL`, `gemini`'s `GEMINI_MODEL`, `vertex-ai`'s `GOOGLE_MODEL`, in
 * place of `OPENAI_MODEL`/`QWEN_MODEL`, which that run does not read. Its variable unset: `unknown` (row 1134). Null for another auth type (read as before).
 */
function authTypeModel(place: SettingsPlace, type: string | undefined): SettingsModel | null {
  const variable = type !== undefined && Object.hasOwn(AUTH_MODEL_VARS, type) ? AUTH_MODEL_VARS[type]! : undefined;
  if (!variable) return null;
  const model = place.env[variable]?.trim();
  if (model) return { model, evidence: `${variable}=${quote(model)} (Qwen Code's auth type ${quote(type!)})`, overriddenBy: [], replaces: ['OPENAI_MODEL', 'QWEN_MODEL'] };
  // Its variable unset: Qwen Code strips every model variable and has no default for that auth type (`DEFAULT_MODELS` names
  // openai's and qwen-oauth's only): OPENAI_MODEL/QWEN_MODEL name nothing it runs, so the model is not known (row 1134).
  return { model: 'unknown', evidence: `Qwen Code's auth type ${quote(type!)} with ${variable} unset (OPENAI_MODEL and QWEN_MODEL not read)`, overriddenBy: [], replaces: ['OPENAI_MODEL', 'QWEN_MODEL'] };
}

/**
 * Qwen Code's model under its `qwen-oauth` auth type (QwenLM/qwen-code `packages/core/src/models/modelConfigResolver.ts`
 * `resolveQwenOAuthConfig`: `--model` or the settings' `model.name` only when one of `QWEN_OAUTH_ALLOWED_MODELS` (`coder-model`),
 * else `coder-model`; no variable, no `modelProviders` entry, no base URL read): Qwen's own model, whatever else is named (row 1134).
 */
function qwenOAuthModel(asked: string | undefined): SettingsModel {
  // An older Qwen Code's second OAuth model (`vision-model`, row 570's) is kept as asked.
  if (asked === 'coder-model' || asked === 'vision-model') return { model: asked, evidence: `Qwen Code's auth type "qwen-oauth" (runs ${quote(asked)})`, overriddenBy: [], replaces: ['OPENAI_MODEL', 'QWEN_MODEL'], routed: true, resolved: true };
  const evidence = `Qwen Code's auth type "qwen-oauth" (runs "coder-model"${asked === undefined ? '' : ` in place of ${quote(asked)}`})`;
  // `routed`: its `--model` does not run; `resolved`: its sessions' models beside are kept (a `/auth` switch may have run them).
  return { model: 'coder-model', evidence, overriddenBy: [], replaces: ['OPENAI_MODEL', 'QWEN_MODEL'], routed: true, resolved: true };
}

/** Qwen Code's auth types (`AuthType`), each a `modelProviders` key routed to itself. */
const AUTH_TYPES: readonly string[] = ['openai', 'anthropic', 'gemini', 'vertex-ai', 'qwen-oauth'];

/**
 * The `baseUrl` of the `modelProviders` entry of `model` (qwenlm `docs/users/configuration/model-providers.md`,
 * "Resolution Layers": a model selected from `modelProviders` takes its `baseUrl` before `--openai-base-url`,
 * `OPENAI_BASE_URL` and `security.auth.baseUrl`): in the first settings file naming `modelProviders` (its merge is
 * REPLACE), the list of the run's `--auth-type`, else of `security.auth.selectedType` (every list when neither is set), an entry whose `id` is the model.
 * Two entries of one id at different URLs: one on this machine is taken (Qwen Code's pick between them is not known).
 * Undefined when no entry of that model names a `baseUrl` (the lower layers then give it).
 */
function providerEntryUrl(place: SettingsPlace, cwd: string | undefined, model: string | undefined, authType: string | undefined): { name: string; url: string } | undefined {
  if (!model) return undefined;
  // Each layer is parsed once a hook run (layersAndTrust keeps them, row 1072).
  const layers = settingsLayers(place, QWEN, cwd);
  // The run's `--auth-type` before the settings' `security.auth.selectedType` (Qwen Code's `argv.authType || selectedType`; row 1051).
  const selected = authType ?? settingsAuthType(place, cwd);
  // A provider id of `modelProviders` that is no built-in auth type is routed by `providerProtocol` (row 1090; QwenLM/qwen-code
  // `modelConfigUtils.ts` `collectProviderModelsForProtocol`, `resolveProviderProtocol`): its entries are that protocol's list.
  const protocols: Record<string, unknown> = {};
  for (const [, data] of layers) {
    const map = valueAt(data(), 'providerProtocol');
    if (map !== null && typeof map === 'object' && !Array.isArray(map)) for (const [id, protocol] of Object.entries(map)) if (!Object.hasOwn(protocols, id)) protocols[id] = protocol;
  }
  const protocolOf = (id: string): unknown => (AUTH_TYPES.includes(id) ? id : Object.hasOwn(protocols, id) ? protocols[id] : undefined);
  for (const [shown, data] of layers) {
    const providers = valueAt(data(), 'modelProviders');
    if (providers === undefined) continue;
    if (providers === null || typeof providers !== 'object' || Array.isArray(providers)) return undefined;
    const lists = Object.entries(providers as Record<string, unknown>).filter(([type, list]) => (selected === undefined || protocolOf(type) === selected) && Array.isArray(list));
    const found = lists.flatMap(([type, list]) =>
      (list as unknown[]).slice(0, MAX_PROVIDER_ENTRIES).flatMap((value, index) => {
        const url = stringAt(value, 'id') === model ? stringAt(value, 'baseUrl') : undefined;
        return url ? [{ name: `settings ${shown} modelProviders.${type}[${index}].baseUrl`, url }] : [];
      }),
    );
    return found.find((one) => localEndpoint({ [one.name]: one.url }, [one.name]) !== null) ?? found[0];
  }
  return undefined;
}

/**
 * The endpoint of this machine Qwen Code's OpenAI-compatible client calls, as evidence, or null (its `--openai-base-url`
 * comes first: row 895): `OPENAI_BASE_URL` (`ANTHROPIC_BASE_URL` on its `anthropic` auth type),
 * else the merged settings' `security.auth.baseUrl` (its first file naming one).
 */
function qwenGateway(place: SettingsPlace, cwd?: string, type?: string): string | null {
  // The run's auth type's variable (QwenLM/qwen-code `AUTH_ENV_MAPPINGS`): `anthropic` reads `ANTHROPIC_BASE_URL`, never
  // `OPENAI_BASE_URL` (row 1160); another keeps `OPENAI_BASE_URL` as before.
  const variable = type === 'anthropic' ? 'ANTHROPIC_BASE_URL' : 'OPENAI_BASE_URL';
  if (place.env[variable]?.trim()) return localEndpoint(place.env, [variable]);
  for (const [shown, data] of settingsLayers(place, QWEN, cwd)) {
    const url = stringAt(data(), 'security', 'auth', 'baseUrl');
    if (!url) continue;
    const name = `settings ${shown} security.auth.baseUrl`;
    return localEndpoint({ [name]: url }, [name]);
  }
  return null;
}

/** Grades looked at in one settings file's `agents.modelGrades`. Every model found is recorded, with no cap of its own (a cap of 16 let 16 made-up models first hide a denied 17th). */
const MAX_GRADES = 256;

/**
 * The models Qwen Code's subagents run on, beside the session's (qwenlm.github.io/qwen-code-docs,
 * sub-agents; QwenLM/qwen-code `docs/users/features/sub-agents.md`): a subagent's `model:` frontmatter
 * in the workspace's `.qwen/agents/*.md` (when the folder is trusted) or the user's `~/.qwen/agents/*.md`
 * (`inherit` adds none; `fast` is the settings' `fastModel`; `authType:modelId` its model id), and the
 * settings' `agents.builtin.exploreModel` (the built-in Explore agent's) and `agents.modelGrades`
 * (models the main agent picks for a subagent by grade). Every agent, not only one that ran.
 */
export async function qwenSubagentModels(place: SettingsPlace, cli?: CommandLineModel | null): Promise<{ model: string; evidence: string; overriddenBy: string[] }[]> {
  const models = new Map<string, string>();
  const unread: string[] = [];
  const { layers, trusted } = layersAndTrust(place, QWEN, cli?.cwd);
  let fast: string | undefined;
  for (const [, data] of layers) fast ??= stringAt(data(), 'fastModel');
  const add = (raw: string | undefined, evidence: string) => {
    let model = raw?.trim();
    if (model === 'fast') model = fast;
    // `openai:gpt-4o`: an auth type, then the model id (a model id with a colon, an ollama tag, has no letters-only head).
    model = model?.replace(/^(?:openai|anthropic|gemini|vertex-ai|qwen-oauth|use-openai|use-anthropic|use-gemini|use-vertex-ai):(?=\S)/, '');
    if (model && model !== 'inherit' && model !== 'fast' && !models.has(model)) models.set(model, `${evidence}=${quote(raw!.trim())}`);
  };
  for (const [shown, data] of layers) {
    const settings = data();
    add(stringAt(settings, 'agents', 'builtin', 'exploreModel'), `settings ${shown} agents.builtin.exploreModel`);
    const grades = valueAt(settings, 'agents', 'modelGrades');
    if (grades !== null && typeof grades === 'object' && !Array.isArray(grades)) {
      for (const grade of Object.keys(grades).slice(0, MAX_GRADES)) add(stringAt(grades, grade), `settings ${shown} agents.modelGrades.${grade}`);
    }
  }
  if (trusted()) {
    const project = startFile(place, cli?.cwd, '.qwen/agents');
    const dir = join(project.dir, '.qwen', 'agents');
    const folder = await agentFolderModels(dir, (name, head) => startFile(place, cli?.cwd, `.qwen/agents/${name}`).read(head) ?? linkedAgentFile(join(dir, name), head));
    for (const { name, models: found } of folder.files) for (const model of found) add(model, `settings ${startFile(place, cli?.cwd, `.qwen/agents/${name}`).shown} model`);
    if (folder.unread) unread.push(project.shown);
  }
  const userDir = join(place.home, '.qwen', 'agents');
  const folder = await agentFolderModels(userDir, (name, head) => readOwnFile(join(userDir, name), head));
  for (const { name, models: found } of folder.files) for (const model of found) add(model, `settings ${shownPath(place, join(userDir, name))} model`);
  if (folder.unread) unread.push(shownPath(place, userDir));
  return [...[...models].map(([model, evidence]) => ({ model, evidence, overriddenBy: [] })), ...unread.map((shown) => unreadFolder(shown))];
}

/**
 * Where Qwen Code keeps its sessions (`projects/<project id>/chats/`), its runtime output directory
 * (qwen-code `packages/core/src/config/storage.ts` `getRuntimeBaseDir`): `QWEN_RUNTIME_DIR`, else the
 * merged settings' `advanced.runtimeOutputDir` (`loadCliConfig`: `Storage.setRuntimeBaseDir(…, cwd)`,
 * `~` its home, a relative path resolved against the directory it was started in, `cwd`, its
 * process's; unknown, the work tree's top), else `~/.qwen`. A relative `QWEN_RUNTIME_DIR` (resolved
 * against a directory the hook does not know) is not used.
 */
export function qwenRuntimeDir(place: SettingsPlace, cwd?: string): string {
  const fromEnv = absolute(place, place.env.QWEN_RUNTIME_DIR);
  if (fromEnv) return fromEnv;
  for (const [, data] of settingsLayers(place, QWEN, cwd)) {
    const set = stringAt(data(), 'advanced', 'runtimeOutputDir')?.trim();
    if (!set || /[\0-\x1f]/.test(set)) continue;
    return absolute(place, set) ?? resolve(cwd ?? realRoot(place), set);
  }
  return join(place.home, '.qwen');
}
