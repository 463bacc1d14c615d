import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import type { CommandLineModel } from './command-line.js';
import { parseToml, stringAt, valueAt } from './parse-settings.js';
import { belowTop, inDir, OVERSIZED, OversizedSettingsError, readRepoSettings, readOwnSettings, realRoot, shownPath, type SettingsPlace, type SettingsText } from './settings-place.js';

/** At most this many `[[models]]` entries are looked at. */
const MAX_MODELS = 1024;

/** Paths of `trusted_folders.toml` looked at, each list. */
const MAX_FOLDERS = 4096;

/**
 * Whether Vibe trusts `dir` (resolved): the closest of it and its ancestors that `trusted_folders.toml`
 * in its home lists, or that this run trusts (`session`: `--trust`'s working directory, `--add-dir`'s),
 * decides, `trusted` (or this run's) before `untrusted` (mistralai/mistral-vibe
 * `vibe/core/trusted_folders.py` `_closest_decision`, `trust_for_session`); none listed: not trusted.
 */
async function trusted(home: string, dir: string, session: ReadonlySet<string>): Promise<boolean | typeof OVERSIZED> {
  const text = readOwnSettings(join(home, 'trusted_folders.toml'));
  // Vibe reads it whole (`tomllib.load`): past the bound whether it trusts the project is not known (row 970).
  if (text === OVERSIZED) return OVERSIZED;
  const data = text === null ? undefined : await parseToml(text);
  const list = (key: string) => {
    const value = valueAt(data, key);
    return new Set(Array.isArray(value) ? value.slice(0, MAX_FOLDERS).filter((path): path is string => typeof path === 'string') : []);
  };
  const [yes, no] = [list('trusted'), list('untrusted')];
  for (let at = dir; ; at = dirname(at)) {
    if (yes.has(at) || session.has(at)) return true;
    if (no.has(at)) return false;
    if (dirname(at) === at) return false;
  }
}

/**
 * The directories this Vibe run trusts without writing them down (`vibe/cli/entrypoint.py`: `--trust`
 * its working directory, each `--add-dir` resolved from it, `~` its home, links followed), as
 * `trust_for_session` keeps them; none when its process was not found.
 */
function sessionTrusted(place: SettingsPlace, cli: CommandLineModel | null | undefined): Set<string> {
  const dirs = new Set<string>();
  const cwd = cli?.cwd;
  if (cwd === undefined) return dirs;
  if (cli!.trust) dirs.add(cwd);
  for (const given of cli!.addDirs ?? []) {
    const expanded = given === '~' || given.startsWith('~/') ? join(place.home, given.slice(1)) : given;
    const path = resolve(cwd, expanded);
    try {
      dirs.add(realpathSync.native(path));
    } catch {
      // Vibe refuses to start with an `--add-dir` that is no directory.
    }
  }
  return dirs;
}

/**
 * Mistral Vibe's project config: the nearest `.vibe/config.toml` from its working directory up
 * (`cwd`, its process's; unknown: the work tree's top), read here to the work tree's top, each a
 * work-tree file; Vibe uses it in place of the person's `config.toml`, not merged, when the folder
 * trust of its `.vibe` directory says so ({@link trusted}: `vibe/core/config/layers/project.py` `ProjectConfigLayer`,
 * `default_orchestrator.py`: "the project config when one is discovered and trusted, otherwise the
 * user config"). Null when none is found, or the nearest is not trusted (then the person's is read).
 */
async function trustedProjectConfig(place: SettingsPlace, home: string, cli: CommandLineModel | null | undefined): Promise<{ shown: string; text: SettingsText } | null> {
  const trustFile = join(home, 'trusted_folders.toml');
  const session = sessionTrusted(place, cli);
  for (const dir of [...belowTop(place, cli?.cwd).reverse(), '']) {
    const shown = inDir(dir, '.vibe/config.toml');
    const text = readRepoSettings(place, shown);
    if (text === null) continue;
    const trust = await trusted(home, join(realRoot(place), dir, '.vibe'), session);
    // A project config whose trust is not known: Vibe may use it or the person's, so neither is the model (row 970).
    if (trust === OVERSIZED) return { shown: shownPath(place, trustFile), text: OVERSIZED };
    return trust ? { shown, text } : null;
  }
  return null;
}

/**
 * Mistral Vibe's model (mistralai/mistral-vibe `vibe/core/config/_settings.py`): `active_model` names
 * the alias of one of its `[[models]]` (an entry's alias is its `name` when it has none), whose `name`
 * is the model sent to its `provider`; `VIBE_ACTIVE_MODEL` comes before the file (pydantic settings,
 * prefix `VIBE_`). The person's `config.toml` in `VIBE_HOME`, else `~/.vibe`, or in its place a
 * trusted project's ({@link trustedProjectConfig}). A
 * model of the `mistral` provider is Mistral's: written `mistral/<name>` when it names no vendor; an
 * alias no entry of the file defines (one of Vibe's built-in models) is read as written. Vibe sets no
 * variable of its own for the commands it runs: this is read when something else names it
 * (`AI_AGENT=mistral-vibe`, its author identity).
 */
export async function mistralVibeModel(place: SettingsPlace, cli?: CommandLineModel | null): Promise<SettingsModel | null> {
  const custom = place.env.VIBE_HOME?.trim();
  const home = custom && isAbsolute(custom) ? custom : join(place.home, '.vibe');
  const project = await trustedProjectConfig(place, home, cli);
  const file = project?.shown ?? join(home, 'config.toml');
  const text = project ? project.text : readOwnSettings(file);
  // Vibe reads its config whole: past the bound the alias it defines for the model named is not known, nor the model (row 956).
  if (text === OVERSIZED) throw new OversizedSettingsError(file); // unknown: readAgentSettings (row 968's one rule)
  const data = text === null ? undefined : await parseToml(text);
  const variable = place.env.VIBE_ACTIVE_MODEL?.trim();
  const active = variable || stringAt(data, 'active_model');
  if (!active) return null;
  const from = variable ? `env VIBE_ACTIVE_MODEL=${quote(variable)}` : `settings ${project ? file : shownPath(place, file)} active_model=${quote(active)}`;
  const models = valueAt(data, 'models');
  const entry = (Array.isArray(models) ? models.slice(0, MAX_MODELS) : []).find((model) => (stringAt(model, 'alias') ?? stringAt(model, 'name')) === active);
  const name = entry === undefined ? undefined : stringAt(entry, 'name');
  if (!name) return { model: active, evidence: from };
  const mistral = stringAt(entry, 'provider') === 'mistral' && !name.includes('/');
  return { model: mistral ? `mistral/${name}` : name, evidence: `${from} name=${quote(name)}` };
}
