import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseJson, stringAt } from './parse-settings.js';
import { readOwnFile, readRepoFile, shownPath, type SettingsPlace } from './settings-place.js';

/** A model or provider id past this is no id: it is cut, and reads as `unknown`. */
const MAX_ID_CHARS = 256;

/** One of Crush's config files, lowest first, as its loader merges them. */
interface Layer {
  /** How evidence names the file. */
  shown: string;
  read: () => string | null;
  /** The global data file, where the TUI's model picker writes (`ScopeGlobal`). */
  picks?: true;
}

/** What one file says of `models.large`: its `model` and `provider`, each when a non-empty string. */
interface Named {
  shown: string;
  model?: string;
  provider?: string;
}

/** An id as written, trimmed and cut at {@link MAX_ID_CHARS}. */
function idAt(data: unknown, key: string): string | undefined {
  return stringAt(data, 'models', 'large', key)?.slice(0, MAX_ID_CHARS);
}

/**
 * `$VAR`, else `$XDG_*` joined with `crush`, else `~/<fallback>/crush`; null when `$VAR` is relative
 * (Crush reads it from its own working directory, unknown to a hook: the default is not what it reads).
 */
function crushDir(place: SettingsPlace, own: string, xdg: string, fallback: string): string | null {
  const custom = place.env[own]?.trim();
  if (custom) return isAbsolute(custom) ? custom : null;
  const base = place.env[xdg]?.trim();
  return join(base && isAbsolute(base) ? base : join(place.home, fallback), 'crush');
}

/**
 * Crush's files, lowest first (charmbracelet/crush `internal/config/load.go` `lookupConfigs`, merged
 * with go-jsons, a later file's keys over an earlier's): the global config
 * (`$CRUSH_GLOBAL_CONFIG/crush.json`, else `$XDG_CONFIG_HOME/crush/crush.json`, `~/.config/crush/crush.json`),
 * the global data file its TUI writes the picked model to (`$CRUSH_GLOBAL_DATA/crush.json`, else
 * `$XDG_DATA_HOME/crush/crush.json`, `~/.local/share/crush/crush.json`), the project's `.crush.json`
 * and `crush.json` (its working directory is not known to a hook: the work tree's top; within a
 * directory `crush.json` is merged last), then the workspace file in its data directory
 * (`.crush/crush.json`, written by ACP clients' model choice).
 */
function layers(place: SettingsPlace): Layer[] {
  const own = (dir: string | null, picks = false): Layer[] => {
    if (dir === null) return [];
    const path = join(dir, 'crush.json');
    return [{ shown: shownPath(place, path), read: () => readOwnFile(path), ...(picks ? { picks: true as const } : {}) }];
  };
  const repo = (path: string): Layer => ({ shown: path, read: () => readRepoFile(place, path) });
  return [
    ...own(crushDir(place, 'CRUSH_GLOBAL_CONFIG', 'XDG_CONFIG_HOME', '.config')),
    // CRUSH_GLOBAL_DATA names the directory itself, as CRUSH_GLOBAL_CONFIG does; XDG_DATA_HOME and the default are `…/crush`.
    ...own(crushDir(place, 'CRUSH_GLOBAL_DATA', 'XDG_DATA_HOME', join('.local', 'share')), true),
    repo('.crush.json'),
    repo('crush.json'),
    repo('.crush/crush.json'),
  ];
}

/** The id Crush sends `model` to `provider` as, read as the catalog reads a routed id (`openrouter/qwen/qwen3-coder`). */
export function routed(provider: string | undefined, model: string): string {
  return provider && !model.startsWith(`${provider}/`) ? `${provider}/${model}` : model;
}

/** Evidence of a model merged from `from` (the file naming the model) and `via` (the one naming its provider, when another). */
function evidenceOf(from: Named, via: Named | undefined): string {
  const model = `settings ${from.shown} models.large.model=${quote(from.model!)}`;
  if (!via?.provider) return model;
  const provider = `models.large.provider=${quote(via.provider)}`;
  return via === from ? `${model} ${provider}` : `${model} settings ${via.shown} ${provider}`;
}

/**
 * Crush's coding model (`models.large`: its coder agent and its `agent` tool's task agent both run
 * the large model; the small one writes titles and summaries only, `coordinator.go`
 * `buildAgentModels`), as its merged config names it: `model` and `provider` are merged key by key,
 * each from the highest file naming it, and read as `<provider>/<model>` (`openrouter` +
 * `qwen/qwen3-coder` is `qwen/qwen3-coder`; a custom provider's name stays the vendor of a model the
 * catalog does not know). Strict JSON, as Crush reads it; a file that is not names nothing. Beside it,
 * as `also`, the global data file's own `models.large` when it differs: the TUI's `/models` pick is
 * written there and a running Crush keeps it over a project file that names another. Crush reads no
 * variable for its model; `crush run -m` is read from the command line (`command-line.ts`).
 */
export function crushModel(place: SettingsPlace): SettingsModel | null {
  let model: Named | undefined;
  let provider: Named | undefined;
  let picked: { model: string; evidence: string } | undefined;
  for (const layer of layers(place)) {
    const text = layer.read();
    if (text === null) continue;
    const data = parseJson(text);
    const named: Named = { shown: layer.shown };
    const ownModel = idAt(data, 'model');
    const ownProvider = idAt(data, 'provider');
    if (ownModel) named.model = ownModel;
    if (ownProvider) named.provider = ownProvider;
    if (named.model) model = named;
    if (named.provider) provider = named;
    // The pick as that file and those below it name it (its own provider, else the one merged so far).
    if (layer.picks && named.model) picked = { model: routed(provider?.provider, named.model), evidence: evidenceOf(named, provider) };
  }
  if (!model) return null;
  const merged = routed(provider?.provider, model.model!);
  const also = picked && picked.model !== merged ? [{ ...picked, overriddenBy: [] }] : [];
  return { model: merged, evidence: evidenceOf(model, provider), ...(also.length > 0 ? { also } : {}) };
}
