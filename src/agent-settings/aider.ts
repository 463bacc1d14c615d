import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { AIDER_SHORTCUTS, type CommandLineModel } from './command-line.js';
import { parseYaml, valueAt, yamlStringAt, yamlValueAt } from './parse-settings.js';
import { OVERSIZED, OversizedSettingsError, readOwnSettings, readRepoSettings, shownPath, type SettingsPlace, type SettingsText } from './settings-place.js';
import { CLAUDE_NAME, gatewayModels, localEndpoint } from './claude-code-router.js';

/** `--alias` definitions looked at, from one place. */
const MAX_ALIASES = 256;

/** A key of `.aider.conf.yml` as configargparse reads it: the option's name, bare or with its `--`. */
function confValue(data: unknown, name: string): { key: string; value: string } | undefined {
  for (const key of [name, `--${name}`]) {
    const value = yamlStringAt(data, key);
    if (value) return { key, value };
  }
  return undefined;
}

/** A switch of `.aider.conf.yml` set on as configargparse reads it (`true`, `yes`, `1`). */
function confOn(data: unknown, name: string): string | undefined {
  for (const key of [name, `--${name}`]) {
    const value = valueAt(data, key);
    if (value === true || (typeof value === 'string' && /^(?:true|yes|1)$/i.test(value.trim())) || value === 1) return key;
  }
  return undefined;
}

/**
 * Where a file aider is told of (`--config`, `--model-settings-file`) is: `~/…` from home (configargparse's
 * `expanduser`), a relative path from aider's working directory (or, not known, the work tree's top), or none.
 */
function givenPath(place: SettingsPlace, cli: CommandLineModel | null | undefined, path: string): string | undefined {
  if (path === '~' || path.startsWith('~/')) return join(place.home, path.slice(1));
  if (path.startsWith('~')) return undefined;
  return isAbsolute(path) ? path : join(cli?.cwd ?? place.root, path);
}

/** The real path of the work tree's top, or none. */
function realTop(place: SettingsPlace): string | undefined {
  try {
    return realpathSync.native(place.root);
  } catch {
    return undefined;
  }
}

/**
 * `name` in aider's working directory when it is not the work tree's top: inside the tree, read as
 * the tree's files are (a committed link out of it is not followed); outside, as the person's own.
 */
function cwdFile(place: SettingsPlace, cwd: string | undefined, name: string): [string, SettingsText] | undefined {
  if (!cwd) return undefined;
  const top = realTop(place);
  if (top === undefined || cwd === top) return undefined;
  const inTree = relative(top, cwd);
  if (inTree && !inTree.startsWith('..') && !isAbsolute(inTree)) {
    const path = join(inTree, name);
    return [quote(path.split(sep).join('/')), readRepoSettings(place, path)];
  }
  return [quote(shownPath(place, join(cwd, name))), readOwnSettings(join(cwd, name))];
}

/** One `.aider.model.settings.yml` as read: where it is shown from, and its list of entries. */
type ModelSettingsFile = { shown: string; list: unknown[] };

/**
 * aider's files (`.aider.conf.yml`s, `.aider.model.settings.yml`s), each as where it is shown from and its text: the
 * ones read. One past the settings files' bound (aider reads them whole: what they set is not known, row 938) throws
 * {@link OversizedSettingsError}: readAgentSettings records `unknown` (row 968's one rule).
 */
function readFiles(files: readonly ([string, SettingsText] | undefined)[]): [string, string][] {
  const read: [string, string][] = [];
  for (const file of files) {
    if (file?.[1] === OVERSIZED) throw new OversizedSettingsError(file[0]);
    if (file && file[1] !== null) read.push([file[0], file[1]]);
  }
  return read;
}

/**
 * aider's `.aider.model.settings.yml` files, the one aider loads last first (aider's `register_models`: the home
 * directory's file, then the git root's, the working directory's, then `--model-settings-file`'s, a later entry of a
 * name replacing an earlier).
 */
async function modelSettingsFiles(place: SettingsPlace, cli: CommandLineModel | null | undefined, given: { path: string; evidence: string } | undefined): Promise<ModelSettingsFile[]> {
  const files: ([string, SettingsText] | undefined)[] = [];
  const named = given ? givenPath(place, cli, given.path) : undefined;
  if (given && named) files.push([given.evidence, readOwnSettings(named)]);
  files.push(cwdFile(place, cli?.cwd, '.aider.model.settings.yml'));
  files.push(['.aider.model.settings.yml', readRepoSettings(place, '.aider.model.settings.yml')]);
  files.push([shownPath(place, join(place.home, '.aider.model.settings.yml')), readOwnSettings(join(place.home, '.aider.model.settings.yml'))]);
  const read: ModelSettingsFile[] = [];
  for (const [shown, text] of readFiles(files)) {
    const list = await parseYaml(text);
    if (Array.isArray(list)) read.push({ shown, list });
  }
  return read;
}

/**
 * aider's built-in model aliases (Aider-AI/aider `models.py` `MODEL_ALIASES`, 0.86): `Model.__init__` maps the name
 * through them before it looks its settings up, so `model: 4o` takes the entry `gpt-4o` (row 924). An `--alias`
 * of the same name replaces one (`aliases` is read first).
 */
const AIDER_MODEL_ALIASES: ReadonlyMap<string, string> = new Map([
  ['sonnet', 'anthropic/claude-sonnet-4-20250514'],
  ['haiku', 'claude-3-5-haiku-20241022'],
  ['opus', 'claude-opus-4-20250514'],
  ['4', 'gpt-4-0613'],
  ['4o', 'gpt-4o'],
  ['4-turbo', 'gpt-4-1106-preview'],
  ['35turbo', 'gpt-3.5-turbo'],
  ['35-turbo', 'gpt-3.5-turbo'],
  ['3', 'gpt-3.5-turbo'],
  ['deepseek', 'deepseek/deepseek-chat'],
  ['flash', 'gemini/gemini-2.5-flash'],
  ['flash-lite', 'gemini/gemini-2.5-flash-lite'],
  ['quasar', 'openrouter/openrouter/quasar-alpha'],
  ['r1', 'deepseek/deepseek-reasoner'],
  ['gemini-2.5-pro', 'gemini/gemini-2.5-pro'],
  ['gemini', 'gemini/gemini-2.5-pro'],
  ['gemini-exp', 'gemini/gemini-2.5-pro-exp-03-25'],
  ['grok3', 'xai/grok-3-beta'],
  ['optimus', 'openrouter/openrouter/optimus-alpha'],
]);

/** The name aider looks `model`'s settings up by: through its built-in aliases (`Model.__init__`). */
function settingsName(model: string): string {
  return AIDER_MODEL_ALIASES.get(model) ?? model;
}

/**
 * The entry aider keeps for the model `name`d exactly `name` (`Model.configure_model_settings`), with its file, or
 * undefined; an entry's keys read as PyYAML's `safe_load` gives them, `<<` merges applied (row 924).
 */
function settingsEntry(files: readonly ModelSettingsFile[], name: string): { shown: string; entry: unknown } | undefined {
  for (const { shown, list } of files) {
    const entry = list.findLast((item: unknown) => yamlStringAt(item, 'name') === name);
    if (entry !== undefined) return { shown, entry };
  }
  return undefined;
}

/**
 * The `editor_model_name` `.aider.model.settings.yml` gives the model `name`d exactly `model`, or undefined. An entry
 * of the name without an editor model hides the earlier files' (aider keeps the last entry whole).
 */
function settingsEditor(files: readonly ModelSettingsFile[], model: string) {
  const found = settingsEntry(files, settingsName(model));
  const editor = found && yamlStringAt(found.entry, 'editor_model_name');
  return found && editor ? { model: editor, evidence: `settings ${found.shown} name=${quote(model)} editor_model_name=${quote(editor)}` } : undefined;
}

/** A string key of the `extra_params` aider hands LiteLLM, where it was set. */
type SentParam = { value: string; evidence: string };

/**
 * What aider hands LiteLLM for `model` from its model settings (rows 911, 924): `extra_params` are passed to
 * `litellm.completion()` whole after `model=` (Aider-AI/aider `models.py` `send_completion`: `kwargs.update`), the
 * special `aider/extra_params` entry's merged over the model's own (`configure_model_settings`: it wins a direct
 * conflict). Read: `model` (the name LiteLLM is asked for instead), `base_url` and `api_base` (LiteLLM's
 * `completion()`: `base_url` over `api_base`, either over the provider's variables) and `custom_llm_provider` (how
 * LiteLLM routes the name: `ollama` sends it to Ollama). Each a string, as PyYAML gives it (merges applied).
 */
function sentParams(files: readonly ModelSettingsFile[], model: string): Partial<Record<'model' | 'base_url' | 'api_base' | 'custom_llm_provider', SentParam>> {
  const own = settingsEntry(files, settingsName(model));
  const global = settingsEntry(files, 'aider/extra_params');
  const sent: Partial<Record<'model' | 'base_url' | 'api_base' | 'custom_llm_provider', SentParam>> = {};
  for (const key of ['model', 'base_url', 'api_base', 'custom_llm_provider'] as const) {
    // aider/extra_params' key, when its extra_params has it (even null), replaces the model's own.
    for (const [name, found] of [['aider/extra_params', global], [settingsName(model), own]] as const) {
      const params = found && yamlValueAt(found.entry, 'extra_params');
      if (params === undefined || params === null || typeof params !== 'object' || yamlValueAt(params, key) === undefined) continue;
      const value = yamlStringAt(params, key);
      if (value) sent[key] = { value, evidence: `settings ${found!.shown} name=${quote(name)} extra_params.${key}` };
      break;
    }
  }
  return sent;
}

/** `name:model` definitions (aider's `--alias`), a later one of a name replacing an earlier: name → model. */
function aliasTable(definitions: readonly unknown[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const definition of definitions.slice(-MAX_ALIASES)) {
    if (typeof definition !== 'string') continue;
    const colon = definition.indexOf(':');
    if (colon < 0) continue;
    const name = definition.slice(0, colon).trim();
    const model = definition.slice(colon + 1).trim().slice(0, 256);
    if (name && model) table.set(name, model);
  }
  return table;
}

/** An `AIDER_ALIAS` value as configargparse reads a list from a variable: `[a:b, c:d]`, else the one value. */
function envList(value: string): string[] {
  const text = value.trim();
  if (!text.startsWith('[') || !text.endsWith(']')) return [text];
  return text
    .slice(1, -1)
    .split(',')
    .map((item) => item.trim().replace(/^(["'])(.*)\1$/s, '$2'))
    .filter((item) => item !== '');
}

/**
 * aider's main model (aider.chat/docs/config/aider_conf.html; Aider-AI/aider `main.py`, configargparse):
 * `--model` and the deprecated `--sonnet`-style flags from the command line (`command-line.ts`), else
 * `AIDER_MODEL` (also what aider's own `.env` files set: it loads them into its environment, which its
 * `git commit` hands to the hooks), else `model:` of the `--config` file (`-c`, from aider's working
 * directory, `/proc/<pid>/cwd`), then `.aider.conf.yml` of aider's working directory, the git root,
 * the home directory (the first that has the key: configargparse reads the defaults reversed, the
 * working directory's last, and the given file after them). A deprecated switch set as a variable
 * (`AIDER_DEEPSEEK=true`) or in those files (`deepseek: true`) sets the model over all of them, as on
 * the command line. An `--alias name:model` (command line, else `AIDER_ALIAS`, else those files'
 * `alias:`) names the model it stands for.
 *
 * Beside it, as `also`, the editor model (Aider-AI/aider: architect mode's editor coder runs with
 * `main_model=editor_model` and makes the commit, so it writes the code): `--editor-model` (`cli`),
 * else `AIDER_EDITOR_MODEL`, else `editor-model:` of the same files, each file read for it on its own
 * (configargparse merges them), else the `editor_model_name` a `.aider.model.settings.yml` (or the
 * `--model-settings-file`) gives the main model (aider's own table's defaults, the same vendor's model
 * in practice, are not known here). Recorded whenever given, architect mode or not: `/architect` and
 * `/chat-mode` switch to it during a run, unseen. `--weak-model` (commit messages and chat summaries,
 * no code) is not read.
 */
export async function aiderModel(place: SettingsPlace, cli?: CommandLineModel | null): Promise<SettingsModel | null> {
  const files: ([string, SettingsText] | undefined)[] = [];
  const configPath = cli?.configFile !== undefined ? givenPath(place, cli, cli.configFile) : undefined;
  if (configPath) files.push([`argv aider --config=${quote(cli!.configFile!)}`, readOwnSettings(configPath)]);
  files.push(cwdFile(place, cli?.cwd, '.aider.conf.yml'));
  files.push(['.aider.conf.yml', readRepoSettings(place, '.aider.conf.yml')]);
  files.push([shownPath(place, join(place.home, '.aider.conf.yml')), readOwnSettings(join(place.home, '.aider.conf.yml'))]);
  // A file past the bound, aider's configuration or its model settings: what it sets (a model, a base) is not known, so
  // neither is what runs, the command line's name with it (readFiles throws; row 938).
  const layers: { shown: string; data: unknown }[] = [];
  for (const [shown, text] of readFiles(files)) layers.push({ shown, data: await parseYaml(text) });
  const fromFiles = (name: string) => {
    for (const { shown, data } of layers) {
      const found = confValue(data, name);
      if (found) return { model: found.value, evidence: `settings ${shown} ${found.key}=${quote(found.value)}` };
    }
    return undefined;
  };
  const fromEnv = (variable: string) => {
    const value = place.env[variable]?.trim();
    return value ? { model: value, evidence: `env ${variable}=${quote(value)}` } : undefined;
  };
  // The deprecated switches, from a variable or a file (the command line's are `cli`'s): the first in aider's order.
  let switched: { model: string; evidence: string } | undefined;
  for (const [flags, model] of AIDER_SHORTCUTS) {
    const names = flags.filter((flag) => flag.startsWith('--')).map((flag) => flag.slice(2));
    const variable = `AIDER_${names[0]!.replace(/-/g, '_').toUpperCase()}`;
    if (/^(?:true|yes|1)$/i.test(place.env[variable]?.trim() ?? '')) switched = { model, evidence: `env ${variable}=${quote(place.env[variable]!.trim())}` };
    for (const { shown, data } of switched ? [] : layers) {
      const key = names.map((name) => confOn(data, name)).find((found) => found !== undefined);
      if (key) switched = { model, evidence: `settings ${shown} ${key}=true` };
      if (switched) break;
    }
    if (switched) break;
  }
  // `--alias`: the command line's, else the variable's, else the first file's `alias:` (configargparse keeps one list).
  const aliasSource = (): { list: unknown[]; evidence: string } | undefined => {
    if (cli?.aliases) return { list: cli.aliases, evidence: 'argv aider --alias' };
    const variable = place.env.AIDER_ALIAS?.trim();
    if (variable) return { list: envList(variable), evidence: 'env AIDER_ALIAS' };
    for (const { shown, data } of layers) {
      for (const key of ['alias', '--alias']) {
        const value = valueAt(data, key);
        if (typeof value === 'string' || Array.isArray(value)) return { list: Array.isArray(value) ? value : [value], evidence: `settings ${shown} ${key}` };
      }
    }
    return undefined;
  };
  const source = aliasSource();
  const aliases = source ? aliasTable(source.list) : new Map<string, string>();
  const unalias = <T extends { model: string; evidence: string }>(found: T | undefined): T | undefined => {
    const target = found && aliases.get(found.model);
    return found && target ? { ...found, model: target, evidence: `${found.evidence} ${source!.evidence} ${quote(found.model)}=${quote(target)}` } : found;
  };
  const read = fromEnv('AIDER_MODEL') ?? fromFiles('model');
  const main = cli?.models.length ? undefined : unalias(switched ?? read);
  // aider looks its settings up by the model an alias stands for (`Model.__init__`).
  const inForce = cli?.models[0] !== undefined ? (aliases.get(cli.models[0]) ?? cli.models[0]) : main?.model;
  const settingsFile = cli?.modelSettingsFile !== undefined ? { path: cli.modelSettingsFile, evidence: `argv aider --model-settings-file=${quote(cli.modelSettingsFile)}` } : undefined;
  const givenSettings = settingsFile ?? (() => {
    const found = fromEnv('AIDER_MODEL_SETTINGS_FILE') ?? fromFiles('model-settings-file');
    return found ? { path: found.model, evidence: found.evidence } : undefined;
  })();
  const modelSettings = await modelSettingsFiles(place, cli, givenSettings);
  const editor = unalias(cli?.editorModel ?? fromEnv('AIDER_EDITOR_MODEL') ?? fromFiles('editor-model') ?? (inForce ? settingsEditor(modelSettings, inForce) : undefined));
  const also: { model: string; evidence: string; overriddenBy: string[] }[] = [];
  // The command line's model is recorded as it is written (`read-agent-settings.ts`): what an alias or a switch set beside it.
  if (cli?.models.length) {
    // A switch from a variable or a file sets the model over `--model` too (aider's `handle_deprecated_model_args`).
    if (switched && !cli.models.includes(switched.model)) also.push({ ...switched, overriddenBy: [] });
    for (const [index, model] of cli.models.entries()) {
      const target = aliases.get(model);
      if (target) also.push({ model: target, evidence: `${cli.evidence[index]} ${source!.evidence} ${quote(model)}=${quote(target)}`, overriddenBy: [] });
    }
  }
  if (editor) also.push({ ...editor, overriddenBy: [] });
  // The names sent, through aider's built-in aliases too (`4o` is `gpt-4o`, a hosted name at a gateway: row 924).
  const inForceNames = (cli?.models.length ? cli.models.map((model) => aliases.get(model) ?? model) : main ? [main.model] : []).map(settingsName);
  // The name an entry's extra_params.model asks LiteLLM for in place of a model in force is recorded beside it (row 924).
  const sentFor = new Map<string, string>();
  for (const model of [...inForceNames, ...also.map((entry) => entry.model)]) {
    const sent = sentParams(modelSettings, model).model;
    const asked = sent?.value.slice(0, 256);
    if (!sent || !asked || asked === model || asked === settingsName(model) || sentFor.has(asked)) continue;
    sentFor.set(asked, model);
    also.push({ model: asked, evidence: `${sent.evidence}=${quote(asked)}`, overriddenBy: [] });
  }
  if (!main && also.length === 0 && !cli?.models.length) return null;
  const found = main || also.length > 0 ? { model: main?.model ?? '', evidence: main?.evidence ?? '', ...(also.length > 0 ? { also } : {}) } : null;
  // A server on this machine (Ollama, LiteLLM's proxy) answers `gpt-4o` with whatever it runs (row 879).
  const conf = fromFiles('openai-api-base');
  const confBase = conf && localEndpoint({ base: conf.model }, ['base']) !== null ? conf.evidence : null;
  return gatewayModels((model) => {
    // The settings' base_url or api_base is where LiteLLM sends the request, over the provider's variables; else the
    // name it is asked for, routed by custom_llm_provider, decides as the provider's variables say.
    const params = sentParams(modelSettings, sentFor.get(model) ?? model);
    const base = params.base_url ?? params.api_base;
    if (base) return localEndpoint({ [base.evidence]: base.value }, [base.evidence]);
    const name = params.model?.value ?? settingsName(model);
    const routed = params.custom_llm_provider ? `${params.custom_llm_provider.value}/${name}` : name;
    const via = params.custom_llm_provider ? ` ${params.custom_llm_provider.evidence}=${quote(params.custom_llm_provider.value)}` : '';
    const at = aiderGateway(place.env, routed, confBase);
    return at === null ? null : `${at}${via}`;
  }, inForceNames, found, also);
}

/**
 * The endpoint of this machine aider's LiteLLM sends `model` to, as evidence, or null: `ollama/` and `ollama_chat/`
 * models to `OLLAMA_API_BASE`, else Ollama's own port here; OpenAI's (`openai/`, or no prefix) to the OpenAI base
 * (`--openai-api-base`, which aider puts in its environment as `OPENAI_API_BASE`, `AIDER_OPENAI_API_BASE`,
 * `.aider.conf.yml` `openai-api-base`: `confBase`, `OPENAI_BASE_URL`); Anthropic's (`anthropic/`, or a Claude name
 * with no prefix) to `ANTHROPIC_API_BASE` or `ANTHROPIC_BASE_URL`. Other providers' prefixes: null.
 */
function aiderGateway(env: Record<string, string | undefined>, model: string, confBase: string | null): string | null {
  const slash = model.indexOf('/');
  const prefix = slash > 0 ? model.slice(0, slash).trim().toLowerCase() : '';
  if (prefix === 'ollama' || prefix === 'ollama_chat') return env.OLLAMA_API_BASE?.trim() ? localEndpoint(env, ['OLLAMA_API_BASE']) : `model ${quote(model)} (Ollama on this machine: no OLLAMA_API_BASE)`;
  const anthropic = prefix === 'anthropic' || (prefix === '' && CLAUDE_NAME.test(model));
  if (anthropic) return localEndpoint(env, ['ANTHROPIC_API_BASE', 'ANTHROPIC_BASE_URL']);
  // LiteLLM's other bases (row 895): LM Studio is a server here unless LM_STUDIO_API_BASE names another host; vLLM's
  // and OpenRouter's only as their base variables name.
  if (prefix === 'lm_studio') return env.LM_STUDIO_API_BASE?.trim() ? localEndpoint(env, ['LM_STUDIO_API_BASE']) : `model ${quote(model)} (LM Studio on this machine: no LM_STUDIO_API_BASE)`;
  if (prefix === 'hosted_vllm') return localEndpoint(env, ['HOSTED_VLLM_API_BASE']);
  if (prefix === 'openrouter') return localEndpoint(env, ['OPENROUTER_API_BASE']);
  if (prefix !== '' && prefix !== 'openai') return null;
  return localEndpoint(env, ['AIDER_OPENAI_API_BASE', 'OPENAI_API_BASE', 'OPENAI_BASE_URL']) ?? confBase;
}
