import { existsSync, opendirSync, realpathSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { SqliteError } from '../io/sqlite-pages.js';
import { SqliteTables, type SqliteReadLimits, type SqliteValue } from '../io/sqlite-table.js';
import { parseYaml, yamlStringAt } from './parse-settings.js';
import { OVERSIZED, OversizedSettingsError, readOwnFile, readOwnSettings, shownPath, type SettingsPlace } from './settings-place.js';
import type { CommandLineModel } from './command-line.js';
import { askedName, gatewayModel, HOSTED_NAME, localEndpoint } from './claude-code-router.js';

/**
 * goose's config or data folder (block/goose `config/paths.rs` `Paths::get_dir`): `GOOSE_PATH_ROOT`'s `config` or `data` when
 * that variable is an absolute path (a relative one is ignored), else XDG's (`XDG_CONFIG_HOME`/`XDG_DATA_HOME`, else
 * `~/.config`/`~/.local/share`) `goose` (row 1087: the hooks read `~/.config/goose` while goose ran the root's config).
 */
export function gooseDir(place: SettingsPlace, kind: 'config' | 'data'): string {
  const root = place.env.GOOSE_PATH_ROOT;
  if (root && isAbsolute(root) && !root.includes('\0')) return join(root, kind);
  const xdg = place.env[kind === 'config' ? 'XDG_CONFIG_HOME' : 'XDG_DATA_HOME']?.trim();
  return join(xdg && isAbsolute(xdg) ? xdg : join(place.home, kind === 'config' ? '.config' : '.local/share'), 'goose');
}

/** goose's other models (block/goose providers/factory.rs, planner): lead/worker mode's lead model, `/plan`'s planner. */
const ALSO_KEYS = ['GOOSE_LEAD_MODEL', 'GOOSE_PLANNER_MODEL'] as const;

/**
 * goose's model (block.github.io/goose/docs/guides/config-files): `GOOSE_MODEL` at the root of
 * `~/.config/goose/config.yaml` (`XDG_CONFIG_HOME`), what `goose configure` writes; the `GOOSE_MODEL`
 * variable comes before it (goose's config reads a variable of a key's exact name first). Beside it,
 * as `also`, the lead model of lead/worker mode (`GOOSE_LEAD_MODEL`: the first turns and after
 * failures) and the planner's (`GOOSE_PLANNER_MODEL`), read the same way (their variable first).
 * The person's own file only: goose has no project config. `goose run --model` is read from the
 * command line (`command-line.ts`), and a `--recipe` file's `settings` after it (row 1059).
 */
export async function gooseModel(place: SettingsPlace, cli?: CommandLineModel | null): Promise<SettingsModel | null> {
  const fromFile = cli?.recipe ? await recipeSettings(place, cli.recipe, cli.cwd) : null;
  const model = await runModel(place, cli, fromFile);
  // The recipe's sub-recipes run with their own settings' models (row 1089): beside the run's, never in its place.
  const subs = [...(fromFile?.subs ?? []), ...(cli?.recipe ? await givenSubRecipes(place, cli.subRecipes ?? [], cli.cwd) : [])];
  if (subs.length === 0) return model;
  return { ...(model ?? { model: '', evidence: '', overriddenBy: [] }), also: [...(model?.also ?? []), ...subs] };
}

/** The run's own model (see {@link gooseModel}), given what its recipe's settings say. */
async function runModel(place: SettingsPlace, cli: CommandLineModel | null | undefined, fromFile: Recipe | null): Promise<SettingsModel | null> {
  const file = join(gooseDir(place, 'config'), 'config.yaml');
  const read = readOwnSettings(file);
  const shown = shownPath(place, file);
  // goose reads config.yaml whole: past the bound its GOOSE_PROVIDER/host are not known, so neither is the model (row 942).
  if (read === OVERSIZED) throw new OversizedSettingsError(file); // unknown: readAgentSettings (row 968's one rule)
  const text = read;
  const yaml = text === null ? undefined : await parseYaml(text);
  const found = text === null ? null : configModel(yaml, shown);
  // A provider on this machine (Ollama, LiteLLM's proxy) answers a hosted model's name with any model it runs (row 868).
  const setting = (key: string): string | undefined => place.env[key]?.trim() || yamlStringAt(yaml, key);
  // `goose run --provider <name>` comes before `GOOSE_PROVIDER` and config.yaml (row 1025): with none of them goose does not start.
  const flagged = cli?.provider?.name;
  // A recipe's settings come after the command line's, before the variables and config.yaml (block/goose `build_session`; row 1059).
  if (fromFile?.unknown) return { model: 'unknown', evidence: fromFile.unknown, overriddenBy: [], replaces: ['GOOSE_MODEL'] };
  // A resumed session's saved provider and model come before the recipe's, the variables and config.yaml (row 1088).
  const resumed = cli?.resume ? resumedSession(place, cli.resume) : null;
  if (resumed?.unknown) return { model: 'unknown', evidence: resumed.unknown, overriddenBy: [], replaces: ['GOOSE_MODEL'] };
  const recipe = resumed ? { ...fromFile, ...resumed } : fromFile;
  const fromRecipe = !flagged && recipe?.provider !== undefined;
  const provider = flagged ?? recipe?.provider ?? setting('GOOSE_PROVIDER');
  const customDir = join(dirname(file), 'custom_providers');
  const custom = customProviders(customDir, shownPath(place, customDir));
  // goose reads a custom provider's file whole too: past the bound its name and base_url are not known, nor the model (rows 953, 980).
  const named = [provider, flagged, ...ALSO_KEYS.map((key) => setting(key.replace('_MODEL', '_PROVIDER')))].some((name) => name !== undefined);
  if (named && custom.padded !== undefined) throw new OversizedSettingsError(custom.padded, custom.evidence);
  const gateway = provider ? gooseGateway(provider, setting, custom, flagged ? cli!.provider!.evidence : fromRecipe ? recipe!.providerEvidence : undefined) : null;
  const mainSetting = recipe?.model ?? setting('GOOSE_MODEL');
  const asked = [cli?.models ?? [], mainSetting ?? ''].flat();
  const unknown = gatewayModel(gateway, asked, HOSTED_NAME, false, ['GOOSE_MODEL']);
  const evidenceOf = (key: string, model: string) => (place.env[key]?.trim() ? `${key}=${quote(model)}` : `settings ${shown} ${key}=${quote(model)}`);
  if (unknown === null) {
    // A remote main model with a lead or planner model asking a hosted name of its own provider on this machine (row 894):
    // that model is `unknown` beside the main one, never folded into it.
    const local = ALSO_KEYS.flatMap((key) => {
      const model = setting(key);
      const own = setting(key.replace('_MODEL', '_PROVIDER'));
      const at = model && own ? gatewayModel(gooseGateway(own, setting, custom), [model], HOSTED_NAME, false, []) : null;
      return at ? [{ key, evidence: `${evidenceOf(key, model!)}: ${at.evidence}` }] : [];
    });
    const main = cli?.models[0] ?? mainSetting;
    const recipeModel: SettingsModel | null = recipe?.model
      ? { model: recipe.model, evidence: recipe.modelEvidence!, overriddenBy: [], replaces: ['GOOSE_MODEL'], ...(found?.also ? { also: found.also } : {}) }
      : null;
    if (local.length === 0 || !main) return recipeModel ?? found;
    const also = ALSO_KEYS.flatMap((key) => {
      const at = local.find((entry) => entry.key === key);
      const model = setting(key);
      if (at) return [{ model: 'unknown', evidence: at.evidence, overriddenBy: [] }];
      return model ? [{ model, evidence: evidenceOf(key, model), overriddenBy: [] }] : [];
    });
    const mainEvidence = cli?.models[0] ? cli.evidence[0]! : recipe?.model ? recipe.modelEvidence! : evidenceOf('GOOSE_MODEL', main);
    return { model: main, evidence: mainEvidence, overriddenBy: [], replaces: ['GOOSE_MODEL'], routed: true, also };
  }
  // The lead and planner models stay beside, unless they too send a hosted name to a provider on this machine.
  const also = ALSO_KEYS.flatMap((key) => {
    const model = setting(key);
    const own = setting(key.replace('_MODEL', '_PROVIDER'));
    if (!model || (askedName(HOSTED_NAME, model) && (own ? gooseGateway(own, setting, custom) : gateway) !== null)) return [];
    return [{ model, evidence: evidenceOf(key, model), overriddenBy: [] }];
  });
  return { ...unknown, ...(also.length > 0 ? { also } : {}) };
}

/** goose's providers of a server that may be on this machine, each with the key naming its host and the host goose calls when none is set (block/goose `providers/ollama.rs`, `litellm.rs`, `openai.rs`, `anthropic.rs`). */
const PROVIDER_HOSTS: Readonly<Record<string, [key: string, host: string]>> = {
  ollama: ['OLLAMA_HOST', 'localhost'],
  litellm: ['LITELLM_HOST', 'http://localhost:4000'],
  openai: ['OPENAI_HOST', 'https://api.openai.com'],
  // `providers/anthropic.rs`: `ANTHROPIC_HOST`, else Anthropic's API (row 880).
  anthropic: ['ANTHROPIC_HOST', 'https://api.anthropic.com'],
  // Row 895: `openrouter.rs` (`OPENROUTER_HOST`), `google.rs` (`GOOGLE_HOST`), the declarative `lmstudio.json` (`LMSTUDIO_HOST`, default LM Studio's port here).
  openrouter: ['OPENROUTER_HOST', 'https://openrouter.ai'],
  google: ['GOOGLE_HOST', 'https://generativelanguage.googleapis.com'],
  lmstudio: ['LMSTUDIO_HOST', 'http://localhost:1234/v1'],
};

/** A host as goose's providers take it: one without a scheme (`localhost`, Ollama's default) is `http://`. */
function withScheme(host: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(host) ? host : `http://${host}`;
}

/** Files of goose's `custom_providers` folder read at most: an honest one holds a few; past it, the folder is not read (row 996). */
const MAX_CUSTOM_FILES = 256;

/** Entries of that folder listed at most (any name): past it, the folder is not read either. */
const MAX_CUSTOM_ENTRIES = 4096;

/** goose's custom providers: each file's `name` and `base_url` (as written), and the first file past the bound the hooks read (or the folder, with its evidence). */
interface CustomProviders {
  entries: { file: string; name: string; url?: string }[];
  padded?: string;
  evidence?: string;
}

/** The `*.json` names of `dir`, or null when it holds more than {@link MAX_CUSTOM_FILES} of them or {@link MAX_CUSTOM_ENTRIES} entries; [] without it. */
function customFiles(dir: string): string[] | null {
  let folder;
  try {
    folder = opendirSync(dir);
  } catch {
    return []; // No folder: no custom provider.
  }
  const names: string[] = [];
  try {
    for (let seen = 0, entry = folder.readSync(); entry !== null; entry = folder.readSync()) {
      if (++seen > MAX_CUSTOM_ENTRIES) return null;
      if (entry.name.endsWith('.json') && names.push(entry.name) > MAX_CUSTOM_FILES) return null;
    }
  } catch {
    return names; // A folder that cannot be read on: goose stops there too (`read_dir` fails), the names seen so far.
  } finally {
    folder.closeSync();
  }
  return names.sort();
}

/**
 * goose's custom providers (block/goose `config/declarative_providers.rs`, `register_declarative_providers`): every
 * `*.json` of `custom_providers` beside config.yaml, read whole, registered under the `name` it declares (not its
 * file's name) after the built-in providers, into one map by name: a custom provider named `anthropic` or `ollama`
 * replaces goose's own (row 980). Read once goose is detected (what it holds is used only when a provider is named).
 */
function customProviders(dir: string, shown: string): CustomProviders {
  const found: CustomProviders = { entries: [] };
  const names = customFiles(dir);
  // goose reads every file: one past the bound could declare the provider named, so what runs is not known (row 996).
  if (names === null) return { entries: [], padded: dir, evidence: `settings ${shown} (over ${MAX_CUSTOM_FILES} *.json files, not read: goose reads them all, so the model it runs is not known)` };
  for (const name of names) {
    const file = join(dir, name);
    const text = readOwnSettings(file);
    if (text === OVERSIZED) {
      found.padded ??= file;
      continue;
    }
    if (text === null) continue;
    let data: { name?: unknown; base_url?: unknown } | null;
    try {
      data = JSON.parse(text) as { name?: unknown; base_url?: unknown } | null;
    } catch {
      continue; // goose skips a file it cannot parse.
    }
    if (typeof data?.name !== 'string' || data.name === '') continue;
    found.entries.push({ file: name, name: data.name, ...(typeof data.base_url === 'string' ? { url: data.base_url } : {}) });
  }
  return found;
}

/**
 * The host of this machine goose's `provider` calls, as evidence, or null: a custom provider declaring that name
 * (any of them on this machine: which of two goose keeps is its folder's order), else the built-in provider's host
 * (its key, variable first, else its default; a host without a scheme read as `http://`).
 */
function gooseGateway(provider: string, setting: (key: string) => string | undefined, custom: CustomProviders, flagged?: string): string | null {
  const own = custom.entries.filter((entry) => entry.name === provider);
  if (own.length > 0) {
    for (const entry of own) {
      const found = entry.url === undefined ? null : customGateway(entry.file, entry.url, setting, flagged);
      if (found) return found;
    }
    return null;
  }
  const known = Object.hasOwn(PROVIDER_HOSTS, provider.toLowerCase()) ? PROVIDER_HOSTS[provider.toLowerCase()]! : undefined;
  if (!known) return null;
  const [key, fallback] = known;
  const host = setting(key) ?? fallback;
  const name = `${flagged ?? `GOOSE_PROVIDER=${quote(provider)}`} ${key}`;
  return localEndpoint({ [name]: withScheme(host) }, [name]);
}

/** A custom provider's `base_url` (with `${NAME}` read from goose's settings, variable first) when it names this machine (row 895), as evidence; else null. */
function customGateway(file: string, url: string, setting: (key: string) => string | undefined, flagged?: string): string | null {
  const name = `${flagged ? `${flagged} ` : ''}custom_providers/${file} base_url`;
  const given = url.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, key: string) => setting(key) ?? '');
  return localEndpoint({ [name]: withScheme(given) }, [name]);
}

/** The models goose's `config.yaml` names (see {@link gooseModel}), or null. */
function configModel(yaml: unknown, shown: string): SettingsModel | null {
  const evidence = (key: string, model: string) => `settings ${shown} ${key}=${quote(model)}`;
  const model = yamlStringAt(yaml, 'GOOSE_MODEL');
  const also = ALSO_KEYS.flatMap((key) => {
    const named = yamlStringAt(yaml, key);
    return named ? [{ model: named, evidence: evidence(key, named), overriddenBy: [key] }] : [];
  });
  if (!model && also.length === 0) return null;
  return {
    model: model ?? '',
    evidence: model ? evidence('GOOSE_MODEL', model) : '',
    overriddenBy: ['GOOSE_MODEL'],
    ...(also.length > 0 ? { also } : {}),
  };
}

type Also = NonNullable<SettingsModel['also']>;

/** What a recipe's settings say: its provider and model with their evidence, `unknown` (why), and its sub-recipes' models (row 1089). */
interface Recipe {
  provider?: string;
  providerEvidence?: string;
  model?: string;
  modelEvidence?: string;
  unknown?: string;
  subs?: Also;
}

/** A recipe's text read at most this far (a recipe is a prompt and a few settings). */
const MAX_RECIPE_BYTES = 1024 * 1024;

/**
 * A goose recipe's `settings.goose_provider` and `settings.goose_model` (block/goose `recipe/mod.rs` `Settings`), YAML or
 * JSON, its path as `goose run --recipe` was given it (from the goose process's working directory). goose renders a recipe
 * as a template (`{{ param }}`, `--params`) before reading it: a setting written as a template, or a recipe naming them that
 * cannot be parsed, is `unknown`. A recipe not found at that path (a name goose looks up in its recipe folders) names nothing.
 */
async function recipeSettings(place: SettingsPlace, given: string, cwd: string | undefined, withSubs = true): Promise<Recipe | null> {
  if (!cwd && !isAbsolute(given)) return null;
  let path: string | undefined;
  let text: string | null = null;
  if (/\.(?:yaml|json)$/.test(given)) {
    path = isAbsolute(given) ? given : join(cwd!, given);
    text = read(path);
  } else if (!/[/\\]/.test(given) && !given.startsWith('~') && !given.startsWith('.') && extname(given) === '') {
    // A name: `<name>.yaml` or `.json` in goose's recipe folders, the first found in their sorted order (`local_recipes.rs`).
    for (const dir of recipeDirs(place, cwd!)) {
      for (const ext of ['yaml', 'json']) {
        text = read(join(dir, `${given}.${ext}`));
        if (text !== null) {
          path = join(dir, `${given}.${ext}`);
          break;
        }
      }
      if (text !== null) break;
    }
  }
  if (text === null || path === undefined) return null;
  return recipeText(place, path, text, withSubs);
}

/**
 * The models of `goose run --recipe R --sub-recipe S` (row 1111): each S, a file or a recipe's name found as `--recipe`'s is
 * (goose-cli `extract_recipe_info_from_cli`, `retrieve_recipe_file`), joins R's sub-recipes and runs with its own settings' model.
 */
async function givenSubRecipes(place: SettingsPlace, given: readonly string[], cwd: string | undefined): Promise<Also> {
  const found: Also = [];
  for (const [index, sub] of given.entries()) {
    if (index >= MAX_SUB_RECIPES) {
      found.push({ model: 'unknown', evidence: `--sub-recipe (over ${MAX_SUB_RECIPES}: the models the rest run are not known)`, overriddenBy: [] });
      break;
    }
    const recipe = await recipeSettings(place, sub, cwd, false);
    if (recipe?.unknown) found.push({ model: 'unknown', evidence: recipe.unknown, overriddenBy: [] });
    else if (recipe?.model) found.push({ model: recipe.model, evidence: `--sub-recipe ${recipe.modelEvidence!}`, overriddenBy: [] });
  }
  return found;
}

/** A recipe's text read at most {@link MAX_RECIPE_BYTES}; null when it cannot be read. */
function read(path: string): string | null {
  try {
    return readOwnFile(path, MAX_RECIPE_BYTES);
  } catch {
    return null;
  }
}

/** Sub-recipes of a recipe read at most (an honest one lists a few); past it, the rest is `unknown`. */
const MAX_SUB_RECIPES = 32;

/** What a recipe's settings say (see {@link recipeSettings}), and with `withSubs` its sub-recipes' models (row 1089). */
async function recipeText(place: SettingsPlace, path: string, text: string, withSubs: boolean): Promise<Recipe> {
  const shown = `recipe ${shownPath(place, path)}`;
  // Past the bound before anything is looked for: its settings may lie past the cut. In bytes, not UTF-16 units: a recipe padded
  // with CJK text read fewer characters than the bytes read, and a model past the cut went unread (row 1071).
  if (Buffer.byteLength(text) >= MAX_RECIPE_BYTES) return { unknown: `${shown} (past ${MAX_RECIPE_BYTES} bytes: its settings are not known)` };
  // goose gives every recipe `recipe_dir`, its own folder (what a sub-recipe's path is written with): rendered here as goose renders it.
  text = text.replace(/\{\{-?\s*recipe_dir\s*-?\}\}/g, () => dirname(path));
  const templated = /\{[{%#]/.test(text);
  if (!templated && !/\bgoose_(?:provider|model)\b/.test(text) && !(withSubs && /\bsub_recipes\b/.test(text))) return {};
  const template = `${shown} settings (a template goose renders with the run's --params: not known)`;
  // goose renders the recipe (minijinja) before parsing it: each expression, statement or comment stands as a mark here, and a
  // key or setting holding one (`{{ "goose_model" }}: …`, `goose_model: "{{ model }}"`, `settings: {{ s }}`) is not known.
  const MARK = 'aitrail-template-mark';
  const data = await parseYaml(templated ? text.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g, MARK).replace(/\{[{%#]/g, MARK) : text);
  if (data === undefined) return { unknown: templated ? template : `${shown} (not read as YAML: its settings are not known)` };
  const object = (value: unknown): Record<string, unknown> | undefined =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const settings = object(data)?.settings;
  const marked = (value: unknown) => typeof value === 'string' && value.includes(MARK);
  if (Object.keys(object(data) ?? {}).some(marked) || marked(settings) || Object.keys(object(settings) ?? {}).some(marked)) return { unknown: template };
  const value = (key: string): string | undefined | null => {
    const raw = object(settings)?.[key];
    if (raw === undefined || raw === null) return undefined;
    const written = String(raw).trim();
    return written.includes(MARK) ? null : written || undefined;
  };
  const provider = value('goose_provider');
  const model = value('goose_model');
  if (provider === null || model === null) return { unknown: template };
  const subs = withSubs ? await subRecipes(place, path, shown, object(data)?.sub_recipes, marked) : [];
  return {
    ...(provider ? { provider, providerEvidence: `${shown} settings.goose_provider=${quote(provider)}` } : {}),
    ...(model ? { model, modelEvidence: `${shown} settings.goose_model=${quote(model)}` } : {}),
    ...(subs.length > 0 ? { subs } : {}),
  };
}

/**
 * The models a recipe's `sub_recipes` run with (block/goose `recipe/mod.rs` `SubRecipe`: `name`, `path`; each runs as a subagent
 * with its own recipe's `settings.goose_provider`/`goose_model`, goose docs "Subrecipes" and its blog's "specialized models"
 * example): each `path`, absolute or from the recipe's folder (`resolve_sub_recipe_path`), read as a recipe; a file goose
 * cannot find names nothing (goose refuses the recipe). A path written as a template of the run's `--params`, a sub-recipe
 * whose settings are not known (past its bound, a template, not YAML), or past {@link MAX_SUB_RECIPES}: `unknown`.
 */
async function subRecipes(place: SettingsPlace, parent: string, shown: string, list: unknown, marked: (value: unknown) => boolean): Promise<Also> {
  if (!Array.isArray(list)) return [];
  const found: Also = [];
  const unknown = (why: string) => found.push({ model: 'unknown', evidence: `${shown} sub_recipes ${why}`, overriddenBy: [] });
  for (const [index, entry] of list.entries()) {
    if (index >= MAX_SUB_RECIPES) {
      unknown(`(over ${MAX_SUB_RECIPES}: the models the rest run are not known)`);
      break;
    }
    const given = entry !== null && typeof entry === 'object' ? (entry as { path?: unknown }).path : undefined;
    if (typeof given !== 'string' || given === '' || given.includes('\0')) continue;
    if (marked(given)) {
      unknown(`${index} path (a template goose renders with the run's --params: the model it runs is not known)`);
      continue;
    }
    const path = isAbsolute(given) ? given : join(dirname(parent), given);
    const text = read(path);
    if (text === null) continue;
    const sub = await recipeText(place, path, text, false);
    if (sub.unknown) found.push({ model: 'unknown', evidence: sub.unknown, overriddenBy: [] });
    else if (sub.model) found.push({ model: sub.model, evidence: sub.modelEvidence!, overriddenBy: [] });
  }
  return found;
}

/**
 * The folders goose looks a recipe's name up in (block/goose `recipe/local_recipes.rs` `local_recipe_dirs`): its working
 * directory, `GOOSE_RECIPE_PATH`'s, its config folder's `recipes`, `.goose/recipes` and `.agents/recipes` of the working
 * directory, `~/.agents/recipes`; each with its links followed, sorted by path component as Rust sorts `PathBuf`s, once.
 */
function recipeDirs(place: SettingsPlace, cwd: string): string[] {
  const config = gooseDir(place, 'config');
  const listed = (place.env.GOOSE_RECIPE_PATH ?? '').split(':').filter((dir) => dir !== '' && !dir.includes('\0')).slice(0, 16);
  const dirs = [cwd, ...listed.map((dir) => resolve(cwd, dir)), join(config, 'recipes'), join(cwd, '.goose/recipes'), join(cwd, '.agents/recipes'), join(place.home, '.agents/recipes')].map((dir) => {
    try {
      return realpathSync.native(dir);
    } catch {
      return dir;
    }
  });
  const parts = (dir: string) => dir.split('/').filter((part) => part !== '');
  const byComponent = (a: string, b: string) => {
    const [left, right] = [parts(a), parts(b)];
    for (let at = 0; at < Math.min(left.length, right.length); at += 1) if (left[at] !== right[at]) return left[at]! < right[at]! ? -1 : 1;
    return left.length - right.length;
  };
  return [...new Set(dirs)].sort(byComponent);
}

/** What one commit reads of goose's sessions database: the `sessions` table only (a row a session; its messages are another table's). */
const SESSION_LIMITS: SqliteReadLimits = { maxFileBytes: 64 * 1024 ** 3, maxWalBytes: 64 * 1024 ** 2, maxPages: 8192, maxPayload: 1024 * 1024 };
/**
 * Session rows looked at at most: past them, what goose resumes is not known (row 1096: the newest by updated_at may be any
 * row, an old session resumed since keeps its low rowid; the first 4096 rows read, newest rowids first, missed it).
 */
const MAX_SESSION_ROWS = 65536;
/** A saved provider or model name past this is no name. */
const MAX_SAVED_CHARS = 256;

type Saved = { provider?: string; providerEvidence?: string; model?: string; modelEvidence?: string; unknown?: string };

/**
 * The provider and model saved with the session `goose session|run -r` resumes (block/goose `session/builder.rs` `build_session`: a
 * resumed session's `provider_name` and `model_config.model_name` come after `--provider`/`--model`, before a recipe's settings,
 * `GOOSE_PROVIDER`/`GOOSE_MODEL` and config.yaml), from goose's `sessions/sessions.db` in its data folder (`session_manager.rs`;
 * read with aitrail's bounded SQLite reader). The session: `--session-id`'s, else the newest whose name or id is `--name`'s, else
 * the newest user session (`cli.rs` `get_or_create_session_id`; newest by `updated_at`). Null when there is no such database or
 * session (goose then stops: "No session found to resume") or it saved no model; `unknown` when the database cannot be read
 * (what goose resumes is not known).
 */
function resumedSession(place: SettingsPlace, resume: { id?: string; name?: string }): Saved | null {
  const path = join(gooseDir(place, 'data'), 'sessions', 'sessions.db');
  const shown = shownPath(place, path);
  const text = (value: SqliteValue | undefined): string | undefined => (typeof value === 'string' && value.length <= MAX_SAVED_CHARS && value.trim() !== '' ? value.trim() : undefined);
  let db: SqliteTables | null = null;
  let best: { id: string; updated: string; provider?: string; config: SqliteValue } | null = null;
  // No database: goose resumes nothing (it stops), nothing to read.
  if (!existsSync(path)) return null;
  try {
    db = SqliteTables.open(path, SESSION_LIMITS);
    let seen = 0;
    for (const row of db.rows('sessions')) {
      if (++seen > MAX_SESSION_ROWS) return { unknown: `session ${shown} (more than ${MAX_SESSION_ROWS} sessions, not all read: the model goose resumes is not known)` };
      const columns = row.columns;
      if (!columns) return { unknown: `session ${shown} (a session's row past ${SESSION_LIMITS.maxPayload} bytes, not read: the model goose resumes is not known)` };
      const id = typeof columns.id === 'string' ? columns.id : undefined;
      if (id === undefined) continue;
      const name = typeof columns.name === 'string' && columns.name !== '' ? columns.name : typeof columns.description === 'string' ? columns.description : '';
      const kind = typeof columns.session_type === 'string' ? columns.session_type : 'user';
      const matches = resume.id !== undefined ? id === resume.id : resume.name !== undefined ? name === resume.name || id === resume.name : kind === 'user';
      if (!matches) continue;
      const updated = typeof columns.updated_at === 'string' ? columns.updated_at : typeof columns.updated_at === 'number' ? String(columns.updated_at).padStart(20, '0') : '';
      if (best && best.updated >= updated) continue;
      best = { id, updated, ...(text(columns.provider_name) ? { provider: text(columns.provider_name)! } : {}), config: columns.model_config_json ?? null };
      // `--session-id` names one row (the table's primary key): no other to look for.
      if (resume.id !== undefined) break;
    }
  } catch (error) {
    if (error instanceof SqliteError) return { unknown: `session ${shown} (not read: ${error.message}; the model goose resumes is not known)` };
    return null;
  } finally {
    db?.close();
  }
  if (!best) return null;
  let model: string | undefined;
  if (typeof best.config === 'string') {
    try {
      const parsed = JSON.parse(best.config) as { model_name?: unknown } | null;
      model = typeof parsed?.model_name === 'string' ? text(parsed.model_name) : undefined;
    } catch {
      return { unknown: `session ${shown} ${quote(best.id)} model_config_json (not JSON: the model goose resumes is not known)` };
    }
  }
  const where = `session ${shown} ${quote(best.id)}`;
  return {
    ...(best.provider ? { provider: best.provider, providerEvidence: `${where} provider_name=${quote(best.provider)}` } : {}),
    ...(model ? { model, modelEvidence: `${where} model_config.model_name=${quote(model)}` } : {}),
  };
}
