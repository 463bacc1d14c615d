import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { commandLineAlso, type CommandLineModel } from './command-line.js';
import { parseToml, stringAt, valueAt } from './parse-settings.js';
import { rootMarkers, projectDirs, keysOf } from './codex-project.js';
import { gatewayModel, HOSTED_NAME, localEndpoint } from './claude-code-router.js';
import { belowTop, inDir, OVERSIZED, OversizedSettingsError, projectPaths, readOwnSettings, readRepoSettings, realRoot, shownPath, systemPath, within, type SettingsPlace, type SettingsText } from './settings-place.js';

/** A Codex profile's name (developers.openai.com/codex/config-advanced): letters, digits, hyphens and underscores. */
const PROFILE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

interface Layer {
  shown: string;
  data: unknown;
}

/** A table's entry for an exact key (a path), or undefined. */
function entry(data: unknown, table: string, key: string): unknown {
  if (data === null || typeof data !== 'object' || !Object.hasOwn(data, table)) return undefined;
  const inner = (data as Record<string, unknown>)[table];
  return inner !== null && typeof inner === 'object' && Object.hasOwn(inner, key) ? (inner as Record<string, unknown>)[key] : undefined;
}

/** At most this many `-c` that can choose the model are read, the last (later ones override earlier). */
const MAX_OVERRIDES = 1024;

/**
 * The run's `-c key=value` as codex-rs applies them onto its config (codex-rs/common
 * `config_override.rs`): split at the first `=`, key and value trimmed, the value parsed as TOML
 * (`_x_ = <value>`: `"qw\u0065n"`, `'''…'''`, a trailing `# comment`, an inline table) or else taken
 * as the text itself, set at the key's dotted path (its parts as written), each over the ones before.
 */
async function overrideLayer(entries: readonly string[]): Promise<Layer | null> {
  const relevant = entries.slice(-MAX_OVERRIDES);
  if (relevant.length === 0) return null;
  const root: Record<string, unknown> = Object.create(null);
  for (const entry of relevant) {
    const at = entry.indexOf('=');
    if (at < 0) continue;
    const parts = entry.slice(0, at).trim().split('.');
    const raw = entry.slice(at + 1).trim();
    const parsed = valueAt(await parseToml(`_x_ = ${raw}`), '_x_');
    const value = parsed === undefined ? raw : parsed;
    let table = root;
    for (const [index, part] of parts.entries()) {
      if (index === parts.length - 1) {
        Object.defineProperty(table, part, { value, enumerable: true, writable: true, configurable: true });
        break;
      }
      const inner = Object.hasOwn(table, part) ? table[part] : undefined;
      const next: Record<string, unknown> = inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : Object.create(null);
      if (next !== inner) Object.defineProperty(table, part, { value: next, enumerable: true, writable: true, configurable: true });
      table = next;
    }
  }
  return { shown: '', data: root };
}

/**
 * Codex's model (developers.openai.com/codex/config-basic): the run's `-m/--model` (or `--oss`'s
 * default) when its command line is seen (`cli`: codex-rs's `ConfigOverrides.model` comes before
 * everything), then the `[profiles.<name>]` that `-p/--profile`, a `-c profile=…` or config.toml's
 * `profile` selects (a `-c profiles.<name>.model=…` of the run first; before Codex 0.134), then a
 * `-c model=…` of the run (each `-c` read as codex-rs reads it: {@link overrideLayer}), then the project's `.codex/config.toml`
 * files from the directory its session runs in up to the work tree's top, each when the user's config
 * trusts it (Codex reads it only then: {@link projectLayers}; a session outside the work tree reads
 * its own directory's and none of the work tree's: {@link startLayers}), then the profile file that
 * `--profile <name>` layers since 0.134 (`$CODEX_HOME/<name>.config.toml`), then
 * `$CODEX_HOME/config.toml` (`~/.codex`), then `/etc/codex/config.toml`. The
 * provider (`model_provider`, never from a project file) gives the API its `base_url` names.
 * Codex reads no model variable (not `OPENAI_MODEL`, not `CODEX_MODEL`: codex-cli's `--model` then
 * config, codex-rs's `--model`, profile, `model`, then its default); early codex-rs took that
 * default from `OPENAI_DEFAULT_MODEL` (its env_flags), so the settings model replaces it.
 */
export async function codexModel(place: SettingsPlace, cli?: CommandLineModel | null): Promise<SettingsModel | null> {
  const home = place.env.CODEX_HOME?.trim() || join(place.home, '.codex');
  // A file past the settings files' bound (Codex reads it whole): its provider's base_url is not known, so neither is what
  // runs, the command line's name with it (row 942; readAgentSettings records `unknown`, row 968's one rule).
  const read = async (shown: string, text: SettingsText): Promise<Layer | null> => {
    if (text === OVERSIZED) throw new OversizedSettingsError(shown);
    return text === null ? null : { shown, data: await parseToml(text) };
  };
  const user = await read(shownPath(place, join(home, 'config.toml')), readOwnSettings(join(home, 'config.toml')));
  const systemFile = systemPath(place, 'etc/codex/config.toml');
  const system = await read(systemFile, readOwnSettings(systemFile));
  const flagged = cli?.configs ? await overrideLayer(cli.configs) : null;
  const projects = await projectLayers(place, user, cli?.cwd, read, { home, markers: rootMarkers([flagged, user, system]) });
  // `-p` first; a `-c profile=` as codex-rs reads its TOML, over config.toml's `profile`.
  const named = cli?.profile && !cli.profile.fromConfig ? cli.profile : undefined;
  const configProfile = stringAt(flagged?.data, 'profile');
  const profile = named?.name ?? configProfile ?? (user ? stringAt(user.data, 'profile') : undefined);
  // Codex 0.134+: `--profile <name>` layers `$CODEX_HOME/<name>.config.toml` (a name of letters, digits, `-`, `_`: never a path).
  const layered = named?.name ?? configProfile;
  const profileFile = layered && PROFILE_NAME.test(layered) ? join(home, `${layered}.config.toml`) : undefined;
  const profileLayer = profileFile ? await read(shownPath(place, profileFile), readOwnSettings(profileFile)) : null;
  // The run's `-c model_provider=…`/`-c model_providers.<id>.base_url=…` over every file (codex-rs applies `-c` onto the merged config; row 1026).
  const providerLayers = [flagged, profileLayer, user, system];
  const served = cli?.oss ? {} : endpoint(providerLayers, profile);
  // A gateway on this machine answers a hosted model's name (gpt-5-codex) with any model it runs (row 866).
  const gateway = codexGateway(place.env, providerLayers, profile, cli?.oss === true);
  const atGateway = (model: SettingsModel | null): SettingsModel | null => gatewayModel(gateway, [model?.model ?? '', ...(cli?.models ?? [])], HOSTED_NAME, true, ['OPENAI_DEFAULT_MODEL']) ?? model;
  if (cli && cli.models.length > 0) {
    const also = commandLineAlso(cli);
    return atGateway({ model: cli.models[0]!, evidence: cli.evidence[0]!, replaces: ['OPENAI_DEFAULT_MODEL'], ...served, ...(also.length > 0 ? { also } : {}) });
  }
  const fromProfile = named ? `${named.evidence} ` : configProfile ? `argv codex -c profile=${quote(configProfile)} ` : '';
  // Before 0.134 a profile is config.toml's `[profiles.<name>]`, before every file and `-c model=`;
  // since, a profile file ranks below `-c` and the project's file, above the user's config.
  const candidates: [Layer | null, string[], string][] = [
    [flagged, profile ? ['profiles', profile, 'model'] : [], fromProfile],
    [user, profile ? ['profiles', profile, 'model'] : [], fromProfile],
    [flagged, ['model'], ''],
    ...projects.map((project): [Layer | null, string[], string] => [project, ['model'], '']),
    [profileLayer, ['model'], fromProfile],
    [user, ['model'], ''],
    [system, ['model'], ''],
  ];
  for (const [layer, keys, prefix] of candidates) {
    const model = layer && keys.length > 0 ? stringAt(layer.data, ...keys) : undefined;
    if (!layer || !model) continue;
    const evidence = layer === flagged ? `${prefix}argv codex -c ${keys.join('.')}=${quote(model)}` : `${prefix}settings ${layer.shown} ${keys.join('.')}=${quote(model)}`;
    return atGateway({ model, evidence, replaces: ['OPENAI_DEFAULT_MODEL'], ...served });
  }
  return atGateway(null);
}

/** A directory's `trust_level` in the user's config, by any of the paths it is known by. */
function trustOf(user: Layer, keys: readonly string[]): unknown {
  return keys.map((key) => stringAt(entry(user.data, 'projects', key), 'trust_level')).find((level) => level !== undefined);
}

/**
 * The project layers Codex reads, highest first: the `.codex/config.toml` of each directory from the
 * one its session runs in (`cwd`: its process's, or `-C`'s) up to the project's root (codex-rs
 * `config_loader` `load_project_layers`: the nearest ancestor holding `.git`, here the work tree's
 * top), the nearest over the farther. Each counts only when trusted (`decision_for_dir`): the
 * directory's own `trust_level` in the user's `[projects]` when it has one, else the project root's
 * (the top as given and resolved, or a linked worktree's main one: {@link projectPaths}).
 */
async function projectLayers(place: SettingsPlace, user: Layer | null, cwd: string | undefined, read: (shown: string, text: SettingsText) => Promise<Layer | null>, codex: { home: string; markers: string[] }): Promise<Layer[]> {
  if (user === null) return [];
  if (cwd !== undefined && isAbsolute(cwd) && !within(cwd, realRoot(place))) return startLayers(user, cwd, read, codex, place);
  const top = trustOf(user, projectPaths(place)) === 'trusted';
  const layers: Layer[] = [];
  for (const dir of ['', ...belowTop(place, cwd)].reverse()) {
    const own = dir ? trustOf(user, [join(place.root, dir), join(realRoot(place), dir)]) : undefined;
    if (!(own === undefined ? top : own === 'trusted')) continue;
    const path = inDir(dir, '.codex/config.toml');
    const layer = await read(path, readRepoSettings(place, path));
    if (layer) layers.push(layer);
  }
  return layers;
}

/**
 * The project layers of a session Codex runs outside the work tree (`cwd`: started above it, in a
 * folder of repositories, then a `cd` in its shell; or `-C ~/src`): the `.codex/config.toml` of each
 * directory from `cwd` up to its own project root ({@link projectDirs}), the nearest first, each when
 * the user's config trusts it (the directory's own `trust_level`, else its project root's, else its
 * repository's), read as the person's own files; never the work tree's, which Codex does not read.
 * `.codex` that is Codex's home is not a project layer.
 */
async function startLayers(user: Layer, cwd: string, read: (shown: string, text: SettingsText) => Promise<Layer | null>, codex: { home: string; markers: string[] }, place: SettingsPlace): Promise<Layer[]> {
  const { dirs, fallback } = projectDirs(cwd, codex.markers);
  const home = keysOf(codex.home);
  const layers: Layer[] = [];
  for (const dir of dirs) {
    const own = trustOf(user, keysOf(dir));
    if ((own ?? trustOf(user, fallback.flatMap(keysOf))) !== 'trusted') continue;
    if (keysOf(join(dir, '.codex')).some((key) => home.includes(key))) continue;
    const file = join(dir, '.codex', 'config.toml');
    const layer = await read(shownPath(place, file), readOwnSettings(file));
    if (layer) layers.push(layer);
  }
  return layers;
}

/** The provider in force (a profile's `model_provider`, else the files' own), if one is named. */
function providerOf(layers: (Layer | null)[], profile: string | undefined): string | undefined {
  return (
    (profile ? layers.map((layer) => stringAt(layer?.data, 'profiles', profile, 'model_provider')).find(Boolean) : undefined) ??
    layers.map((layer) => stringAt(layer?.data, 'model_provider')).find(Boolean)
  );
}

/** Where a layer's setting is written, for evidence: a file's path, or the run's `-c` ({@link overrideLayer}'s layer). */
function placeOf(layer: Layer): string {
  return layer.shown === '' ? 'argv codex -c' : `settings ${layer.shown}`;
}

/**
 * Codex's built-in providers that a `[model_providers.<id>]` of the same id does not change (codex-rs
 * `merge_configured_model_providers`: `entry(key).or_insert(provider)`, the built-in kept; only
 * `amazon-bedrock`'s `base_url` may be changed): `openai`, its local `ollama` and `lmstudio`, early
 * codex-rs's `oss` (row 1050).
 */
const FIXED_PROVIDERS = new Set(['openai', 'oss', 'ollama', 'lmstudio']);

/** The base_url `provider` is given in the first of `layers` that names one, with the layer; none for a built-in provider Codex keeps as it is. */
function baseUrlOf(layers: (Layer | null)[], provider: string): { url: string; layer: Layer } | undefined {
  if (FIXED_PROVIDERS.has(provider)) return undefined;
  for (const layer of layers) {
    const url = layer ? stringAt(layer.data, 'model_providers', provider, 'base_url') : undefined;
    if (url) return { url, layer: layer! };
  }
  return undefined;
}

/** The base_url of the provider in force (a profile's, the user's, the system's), if it names one. */
function endpoint(layers: (Layer | null)[], profile: string | undefined): Pick<SettingsModel, 'endpoint'> {
  const provider = providerOf(layers, profile);
  const found = provider ? baseUrlOf(layers, provider) : undefined;
  return found ? { endpoint: { url: found.url, evidence: `${placeOf(found.layer)} model_providers.${provider}.base_url=` } } : {};
}

/** Codex's built-in providers of a server on this machine (codex-rs `built_in_model_providers`: `oss`; later `ollama`, `lmstudio`), at `CODEX_OSS_BASE_URL` when set. */
const LOCAL_PROVIDERS = new Set(['oss', 'ollama', 'lmstudio']);

/**
 * The endpoint of this machine Codex sends its requests to, as evidence ({@link localEndpoint}), or null: the
 * provider in force's `base_url` (`[model_providers.<id>]`, never a built-in's: {@link FIXED_PROVIDERS}); without one, the
 * built-in `openai` provider's `openai_base_url` or `OPENAI_BASE_URL` (codex-rs `create_openai_provider`), or a local provider's server (`--oss`, `ollama`,
 * `lmstudio`: this machine's, unless `CODEX_OSS_BASE_URL` names another host).
 */
function codexGateway(env: Record<string, string | undefined>, layers: (Layer | null)[], profile: string | undefined, oss: boolean): string | null {
  const provider = oss ? 'oss' : (providerOf(layers, profile) ?? 'openai');
  const defined = oss ? undefined : baseUrlOf(layers, provider);
  if (defined) {
    const name = `${placeOf(defined.layer)} model_providers.${provider}.base_url`;
    return localEndpoint({ [name]: defined.url }, [name]);
  }
  if (!LOCAL_PROVIDERS.has(provider)) {
    // The built-in `openai` provider's endpoint: the config's `openai_base_url` (Codex 0.115+, `-c openai_base_url=…` too;
    // codex-rs `built_in_model_providers(openai_base_url)`), or the older `OPENAI_BASE_URL` (row 1050).
    const set = layers.find((layer) => stringAt(layer?.data, 'openai_base_url'));
    const name = set ? `${placeOf(set)} openai_base_url` : undefined;
    return localEndpoint({ ...env, ...(name ? { [name]: stringAt(set!.data, 'openai_base_url') } : {}) }, [...(name ? [name] : []), 'OPENAI_BASE_URL']);
  }
  if (env.CODEX_OSS_BASE_URL?.trim()) return localEndpoint(env, ['CODEX_OSS_BASE_URL']);
  return oss ? 'argv codex --oss (Ollama or LM Studio)' : `model_provider=${quote(provider)} (Ollama or LM Studio)`;
}
