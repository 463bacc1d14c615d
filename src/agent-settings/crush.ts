import { lstatSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { givenPath, type CommandLineModel } from './command-line.js';
import { parseJson, stringAt } from './parse-settings.js';
import { belowTop, inDir, OVERSIZED, OversizedSettingsError, readOwnSettings, readRepoSettings, shownPath, type SettingsPlace, type SettingsText } from './settings-place.js';
import { askedName, gatewayModel, HOSTED_NAME, localEndpoint } from './claude-code-router.js';

/** A model or provider id past this is no id: it is cut, and reads as `unknown`. */
const MAX_ID_CHARS = 256;

/** One of Crush's config files, lowest first, as its loader merges them. */
interface Layer {
  /** How evidence names the file. */
  shown: string;
  read: () => SettingsText;
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
 * and `crush.json` of the work tree's top, then of each directory down to the one Crush runs in
 * (`cwd`, its process's: {@link belowTop}; within a directory `crush.json` is merged last). The workspace file in its data directory comes after them
 * ({@link workspaceLayer}): where that directory is, these files say first.
 */
function layers(place: SettingsPlace, cwd?: string): Layer[] {
  const own = (dir: string | null, picks = false): Layer[] => {
    if (dir === null) return [];
    const path = join(dir, 'crush.json');
    return [{ shown: shownPath(place, path), read: () => readOwnSettings(path), ...(picks ? { picks: true as const } : {}) }];
  };
  const repo = (path: string): Layer => ({ shown: path, read: () => readRepoSettings(place, path) });
  return [
    ...own(crushDir(place, 'CRUSH_GLOBAL_CONFIG', 'XDG_CONFIG_HOME', '.config')),
    // CRUSH_GLOBAL_DATA names the directory itself, as CRUSH_GLOBAL_CONFIG does; XDG_DATA_HOME and the default are `…/crush`.
    ...own(crushDir(place, 'CRUSH_GLOBAL_DATA', 'XDG_DATA_HOME', join('.local', 'share')), true),
    repo('.crush.json'),
    repo('crush.json'),
    ...belowTop(place, cwd).flatMap((dir) => [repo(`${dir}/.crush.json`), repo(`${dir}/crush.json`)]),
  ];
}

/**
 * Crush's data directory (`options.data_directory`), where it keeps `crush.db` and the workspace file
 * `crush.json` (written by ACP clients' model choice, merged over every other file). `path`: where it
 * is; `shown`: how evidence names it; `moved`: what moved it from the default, as evidence.
 */
export interface CrushDataDir {
  path: string;
  /** The default `.crush` nearest Crush's working directory, as a work-tree path (`.crush`, `packages/app/.crush`): read as a work-tree directory (itself no link). */
  inTree?: string;
  moved?: string;
}

/** A data directory's path as given, when it may be one ({@link givenPath}, trimmed, no control character). */
function dirValue(raw: string | undefined): string | undefined {
  const value = givenPath(raw?.trim());
  // eslint-disable-next-line no-control-regex
  return value && !/[\u0000-\u001f\u007f]/.test(value) ? value : undefined;
}

/**
 * Where Crush keeps its data for this commit, as `setDefaults` (`internal/config/load.go`) decides:
 * `crush -D <dir>`/`--data-dir` (its process's command line), else `options.data_directory` of its
 * merged files ({@link layers}, the highest naming it), else the `.crush` nearest its working directory
 * (its process's, read from `/proc`), from there up to the work tree's top (`fsext.LookupClosest`). A
 * relative path is Crush's working directory's (its process's, read from `/proc`; else the work
 * tree's top). Null when the default `.crush` is missing or a link, or a moved
 * one is no directory.
 */
export function crushDataDir(place: SettingsPlace, cli?: CommandLineModel | null, read?: readonly (readonly [Layer, unknown])[]): CrushDataDir | null {
  let given: string | undefined;
  let moved: string | undefined;
  const flag = dirValue(cli?.dataDir);
  if (flag) {
    given = flag;
    moved = `argv crush -D=${quote(flag)}`;
  } else {
    for (const [layer, data] of read ?? readLayers(place, cli?.cwd)) {
      const option = dirValue(stringAt(data, 'options', 'data_directory'));
      if (option) {
        given = option;
        moved = `settings ${layer.shown} options.data_directory=${quote(option)}`;
      }
    }
  }
  if (given === undefined) {
    // The nearest `.crush` from its working directory up (`fsext.LookupClosest`), here to the work tree's top.
    for (const inTree of [...belowTop(place, cli?.cwd).reverse(), ''].map((below) => inDir(below, '.crush'))) {
      const dir = join(place.root, inTree);
      try {
        // A committed link out of the tree is not followed.
        if (lstatSync(dir).isDirectory()) return { path: dir, inTree };
      } catch {
        // None here: the next one up.
      }
    }
    return null;
  }
  const path = isAbsolute(given) ? given : join(cli?.cwd ?? place.root, given);
  try {
    return statSync(path).isDirectory() ? { path, moved: moved! } : null;
  } catch {
    return null;
  }
}

/** Each of {@link layers} read and parsed (strict JSON, as Crush reads it; a file that is not names nothing), lowest first. */
function readLayers(place: SettingsPlace, cwd?: string): [Layer, unknown][] {
  const read: [Layer, unknown][] = [];
  for (const layer of layers(place, cwd)) {
    const text = layer.read();
    // A file past the bound stays as OVERSIZED: Crush reads it whole, what it names is not known (row 942).
    if (text !== null) read.push([layer, text === OVERSIZED ? OVERSIZED : parseJson(text)]);
  }
  return read;
}

/** The workspace file of Crush's data directory (`.crush/crush.json` by default), merged last. */
function workspaceLayer(place: SettingsPlace, dir: CrushDataDir | null): Layer | null {
  if (!dir) return null;
  if (dir.inTree) {
    const file = `${dir.inTree}/crush.json`;
    return { shown: file, read: () => readRepoSettings(place, file) };
  }
  const path = join(dir.path, 'crush.json');
  return { shown: shownPath(place, path), read: () => readOwnSettings(path) };
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
export function crushModel(place: SettingsPlace, cli?: CommandLineModel | null): SettingsModel | null {
  let model: Named | undefined;
  let provider: Named | undefined;
  let picked: { model: string; evidence: string } | undefined;
  const read = readLayers(place, cli?.cwd);
  const workspace = workspaceLayer(place, crushDataDir(place, cli, read));
  const text = workspace?.read() ?? null;
  if (workspace && text !== null) read.push([workspace, text === OVERSIZED ? OVERSIZED : parseJson(text)]);
  // A file Crush merges past the bound the hooks read: its model and provider's base_url are not known (row 942),
  // `unknown` by readAgentSettings (row 968's one rule). The layers keep OVERSIZED until here: the data directory
  // (its session database, read beside) is still found through the other files.
  const oversized = read.find(([, data]) => data === OVERSIZED);
  if (oversized) throw new OversizedSettingsError(oversized[0].shown);
  for (const [layer, data] of read) {
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
  const found = { model: merged, evidence: evidenceOf(model, provider), ...(also.length > 0 ? { also } : {}) };
  // A provider of its own on this machine (LiteLLM, Ollama) answers a hosted model's name with any model it runs (row 869).
  const unknown = gatewayModel(provider?.provider ? crushGateway(read, provider.provider, place.env) : null, [model.model!, ...(cli?.models ?? [])], HOSTED_NAME, false, []);
  if (unknown === null) return found;
  const kept = also.filter((other) => !askedName(HOSTED_NAME, other.model));
  return { ...unknown, ...(kept.length > 0 ? { also: kept } : {}) };
}

/** The `base_url` the merged config gives provider `id` (`providers.<id>.base_url`, the highest file naming one) when it names this machine, as evidence; else null. */
function crushGateway(read: readonly [Layer, unknown][], id: string, env: Record<string, string | undefined>): string | null {
  let found: string | null = null;
  for (const [layer, data] of read) {
    const url = stringAt(data, 'providers', id, 'base_url');
    if (!url) continue;
    const name = `settings ${layer.shown} providers.${id}.base_url`;
    // Crush expands `$NAME` and `${NAME}` in a provider's base_url (row 880): `"$LOCAL_URL"` is that variable's URL.
    const given = url.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_, braced?: string, bare?: string) => env[(braced ?? bare)!] ?? '');
    found = localEndpoint({ [name]: given }, [name]) === null ? null : `${name}=${quote(url)}`;
  }
  return found;
}
