import { readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import type { CommandLineModel } from './command-line.js';
import { parseToml, stringAt } from './parse-settings.js';
import { readOwnFile, readRepoFile, shownPath, systemPath, type SettingsPlace } from './settings-place.js';

/** A Codex profile's name (developers.openai.com/codex/config-advanced): letters, digits, hyphens and underscores. */
const PROFILE_NAME = /^[A-Za-z0-9_-]{1,128}$/;

interface Layer {
  shown: string;
  data: unknown;
}

/** The paths a project may be trusted under in Codex's `[projects."<path>"]`: the work tree's top and, for a linked worktree, the main one's. */
function projectKeys(place: SettingsPlace): string[] {
  const keys = new Set([place.root]);
  try {
    keys.add(realpathSync.native(place.root));
    const common = resolve(place.gitDir, readFileSync(join(place.gitDir, 'commondir'), 'utf8').trim());
    if (basename(common) === '.git') keys.add(dirname(common));
  } catch {
    // Not a linked worktree (no commondir), or the root is gone: the keys so far.
  }
  return [...keys];
}

/** A table's entry for an exact key (a path), or undefined. */
function entry(data: unknown, table: string, key: string): unknown {
  if (data === null || typeof data !== 'object' || !Object.hasOwn(data, table)) return undefined;
  const inner = (data as Record<string, unknown>)[table];
  return inner !== null && typeof inner === 'object' && Object.hasOwn(inner, key) ? (inner as Record<string, unknown>)[key] : undefined;
}

/**
 * Codex's model (developers.openai.com/codex/config-basic): the run's `-m/--model` (or `--oss`'s
 * default) when its command line is seen (`cli`: codex-rs's `ConfigOverrides.model` comes before
 * everything), then the `[profiles.<name>]` that `-p/--profile` or config.toml's `profile` selects
 * (before Codex 0.134), then a `-c model=…` of the run, then the project's `.codex/config.toml` when
 * the user's config trusts the project (Codex reads it only then), then the profile file that
 * `--profile <name>` layers since 0.134 (`$CODEX_HOME/<name>.config.toml`), then
 * `$CODEX_HOME/config.toml` (`~/.codex`), then `/etc/codex/config.toml`. The
 * provider (`model_provider`, never from a project file) gives the API its `base_url` names.
 * Codex reads no model variable (not `OPENAI_MODEL`, not `CODEX_MODEL`: codex-cli's `--model` then
 * config, codex-rs's `--model`, profile, `model`, then its default); early codex-rs took that
 * default from `OPENAI_DEFAULT_MODEL` (its env_flags), so the settings model replaces it.
 */
export async function codexModel(place: SettingsPlace, cli?: CommandLineModel | null): Promise<SettingsModel | null> {
  const home = place.env.CODEX_HOME?.trim() || join(place.home, '.codex');
  const read = async (shown: string, text: string | null): Promise<Layer | null> => (text === null ? null : { shown, data: await parseToml(text) });
  const user = await read(shownPath(place, join(home, 'config.toml')), readOwnFile(join(home, 'config.toml')));
  const systemFile = systemPath(place, 'etc/codex/config.toml');
  const system = await read(systemFile, readOwnFile(systemFile));
  const trusted = user !== null && projectKeys(place).some((key) => stringAt(entry(user.data, 'projects', key), 'trust_level') === 'trusted');
  const project = trusted ? await read('.codex/config.toml', readRepoFile(place, '.codex/config.toml')) : null;
  const profile = cli?.profile?.name ?? (user ? stringAt(user.data, 'profile') : undefined);
  // Codex 0.134+: `--profile <name>` layers `$CODEX_HOME/<name>.config.toml` (a name of letters, digits, `-`, `_`: never a path).
  const profileFile = cli?.profile && PROFILE_NAME.test(cli.profile.name) ? join(home, `${cli.profile.name}.config.toml`) : undefined;
  const profileLayer = profileFile ? await read(shownPath(place, profileFile), readOwnFile(profileFile)) : null;
  const served = cli?.oss ? {} : endpoint([profileLayer, user, system], profile);
  if (cli && cli.models.length > 0) {
    const also = cli.models.slice(1).map((model, index) => ({ model, evidence: cli.evidence[index + 1]!, overriddenBy: [] }));
    return { model: cli.models[0]!, evidence: cli.evidence[0]!, replaces: ['OPENAI_DEFAULT_MODEL'], ...served, ...(also.length > 0 ? { also } : {}) };
  }
  const fromProfile = cli?.profile ? `${cli.profile.evidence} ` : '';
  const flagged: Layer | null = cli?.configModel ? { shown: '', data: { model: cli.configModel.model } } : null;
  // Before 0.134 a profile is config.toml's `[profiles.<name>]`, before every file and `-c model=`;
  // since, a profile file ranks below `-c` and the project's file, above the user's config.
  const candidates: [Layer | null, string[], string][] = [
    [user, profile ? ['profiles', profile, 'model'] : [], fromProfile],
    [flagged, ['model'], ''],
    [project, ['model'], ''],
    [profileLayer, ['model'], fromProfile],
    [user, ['model'], ''],
    [system, ['model'], ''],
  ];
  for (const [layer, keys, prefix] of candidates) {
    const model = layer && keys.length > 0 ? stringAt(layer.data, ...keys) : undefined;
    if (!layer || !model) continue;
    const evidence = layer === flagged ? cli!.configModel!.evidence : `${prefix}settings ${layer.shown} ${keys.join('.')}=${quote(model)}`;
    return { model, evidence, replaces: ['OPENAI_DEFAULT_MODEL'], ...served };
  }
  return null;
}

/** The base_url of the provider in force (a profile's, the user's, the system's), if it names one. */
function endpoint(layers: (Layer | null)[], profile: string | undefined): Pick<SettingsModel, 'endpoint'> {
  const provider =
    (profile ? layers.map((layer) => stringAt(layer?.data, 'profiles', profile, 'model_provider')).find(Boolean) : undefined) ??
    layers.map((layer) => stringAt(layer?.data, 'model_provider')).find(Boolean);
  if (!provider) return {};
  for (const layer of layers) {
    const url = layer ? stringAt(layer.data, 'model_providers', provider, 'base_url') : undefined;
    if (url) return { endpoint: { url, evidence: `settings ${layer!.shown} model_providers.${provider}.base_url=` } };
  }
  return {};
}
