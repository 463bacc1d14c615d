import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import type { CommandLineModel } from './command-line.js';
import { substituted } from './opencode.js';
import { KILO_AGENTS, opencodeAgentModels } from './opencode-agents.js';
import { KILO, opencodeSessionModels } from './opencode-session.js';
import { parseJsonc, stringAt } from './parse-settings.js';
import { belowTop, inDir, OVERSIZED, OversizedSettingsError, readOwnSettings, rethrowOversized, readRepoSettings, shownPath, systemPath, type SettingsPlace, type SettingsText } from './settings-place.js';

/** The files of one Kilo config folder, highest first: Kilo merges `kilo.jsonc`, `kilo.json`, `opencode.jsonc`, `opencode.json` in that order, a later one winning. */
const FOLDER_FILES = ['opencode.json', 'opencode.jsonc', 'kilo.json', 'kilo.jsonc'];

/** Kilo's managed config folder (`config/config.ts` `systemManagedConfigDir`), under the place's system root. */
const MANAGED = process.platform === 'darwin' ? 'Library/Application Support/kilo' : 'etc/kilo';

/** `~/.config/kilo` (`XDG_CONFIG_HOME`): Kilo's global config folder. */
function globalDir(place: SettingsPlace): string {
  const xdg = place.env.XDG_CONFIG_HOME?.trim();
  return join(xdg && isAbsolute(xdg) ? xdg : join(place.home, '.config'), 'kilo');
}

/**
 * Kilo CLI's top-level `model` (Kilo-Org/kilocode, OpenCode's fork: `packages/opencode/src/config/config.ts`,
 * `kilocode/config/config.ts`, `config/paths.ts`), highest first: the managed folder (`/etc/kilo`),
 * `KILO_CONFIG_CONTENT`, the files of `KILO_CONFIG_DIR`, `~/.kilo/` and `~/.kilocode/`, the work tree's `.kilo/` and
 * `.kilocode/` folders, then its config names in each directory from Kilo's working directory (`cwd`,
 * its process's, when found below the work tree's top) up to the top, the nearest first (none under
 * `KILO_DISABLE_PROJECT_CONFIG`), then `KILO_CONFIG`'s file, then the global folder `~/.config/kilo` (`XDG_CONFIG_HOME`), where Kilo loads
 * `config.json` first, then `kilo.json(c)`, then `opencode.json(c)`. JSONC. `{env:NAME}` is read in
 * the person's own files only, as OpenCode's (a repository's file would write the variable into the
 * commit). Kilo reads OpenCode's files under its own folders only: `~/.config/opencode` is not Kilo's.
 * The models no config names (a TUI pick, a `/models` switch and back) are read beside, never in its
 * place, from Kilo's own storage as OpenCode's ({@link kiloCliModels}).
 */
export function kiloCliModel(place: SettingsPlace, cwd?: string): SettingsModel | null {
  const global = globalDir(place);
  type Layer = [shown: string, read: () => SettingsText, own: boolean];
  const repo = (path: string): Layer => [path, () => readRepoSettings(place, path), false];
  const own = (path: string): Layer => [shownPath(place, path), () => readOwnSettings(path), true];
  // The work tree's directories from the top down to Kilo's working directory (`''`: the top); none under `KILO_DISABLE_PROJECT_CONFIG` (`flag/flag.ts`: `true` or `1`).
  const dirs = /^(?:true|1)$/i.test(place.env.KILO_DISABLE_PROJECT_CONFIG ?? '') ? [] : ['', ...belowTop(place, cwd)];
  const inline = place.env.KILO_CONFIG_CONTENT;
  const configDir = place.env.KILO_CONFIG_DIR?.trim();
  const custom = place.env.KILO_CONFIG?.trim();
  const ownFolder = (dir: string): Layer[] => FOLDER_FILES.map((file) => own(join(dir, file)));
  const layers: Layer[] = [
    // `config/config.ts` merges the managed folder last, `KILO_CONFIG_CONTENT` after every config folder, and the home's `.kilo`, `.kilocode` and `KILO_CONFIG_DIR` after the project's (`ConfigPaths.directories`; row 971).
    ...ownFolder(systemPath(place, MANAGED)),
    ...(inline?.trim() ? [['env KILO_CONFIG_CONTENT', () => inline, true] as Layer] : []),
    ...(configDir ? ownFolder(configDir) : []),
    ...ownFolder(join(place.home, '.kilo')),
    ...ownFolder(join(place.home, '.kilocode')),
    // Its config folders (`ConfigPaths.directories`: `.kilocode`, `.kilo` of each directory up from its own, merged in that order, the top's last).
    ...dirs.flatMap((dir) => ['.kilo', '.kilocode'].flatMap((folder) => FOLDER_FILES.map((file) => repo(inDir(dir, join(folder, file)))))),
    // Its project files (`ConfigPaths.projectFiles`: up from its own directory to the work tree's top, the nearest merged last).
    ...dirs.toReversed().flatMap((dir) => FOLDER_FILES.map((file) => repo(inDir(dir, file)))),
    // `KILO_CONFIG`: above the global folder, below the project's files.
    ...(custom ? [own(custom)] : []),
    ...[...FOLDER_FILES.map((file) => join(global, file)), join(global, 'config.json')].map(own),
  ];
  let found: SettingsModel | null = null;
  // Every layer is read: Kilo merges them all and reads each whole, so one past the bound hides what it sets (a model, a provider's host: row 955).
  for (const [shown, read, mine] of layers) {
    const text = read();
    if (text === OVERSIZED) throw new OversizedSettingsError(shown); // unknown: readAgentSettings (row 968's one rule)
    if (found || text === null) continue;
    const written = stringAt(parseJsonc(text), 'model');
    const model = written !== undefined && mine ? substituted(written, place.env) : written;
    if (model) found = { model, evidence: `settings ${shown} model=${quote(model)}` };
  }
  return found;
}

/**
 * {@link kiloCliModel} with, beside it, its agents' models (a message runs on its agent's model before
 * the top-level one: `opencode-agents.ts` with Kilo's folders, the `agent` and `mode` maps of its config
 * files and the `agent(s)/**\/*.md`, `mode(s)/*.md` files of its config folders, `.kilo/agent/code.md`
 * giving its default `code` agent a model; while `-m` names one, its primary agents' none), and the
 * models Kilo's own storage says it ran (`opencode-session.ts` with Kilo's folders: `~/.local/share/kilo/kilo.db`,
 * or `KILO_DB`'s, read by aitrail's own SQLite reader; the older JSON `storage/`; the TUI's last pick
 * in `~/.local/state/kilo/model.json`): the running session's last assistant message and every model
 * its answers ran since the previous commit (the session of its own directory first).
 */
export async function kiloCliModels(place: SettingsPlace, cli?: CommandLineModel | null): Promise<SettingsModel | null> {
  // A config past the bound throws: what runs is not known, so neither the agents' nor the session's models stand for it (row 955, as OpenCode's row 942).
  const found = kiloCliModel(place, cli?.cwd);
  let also: NonNullable<SettingsModel['also']> = [];
  try {
    also = await opencodeAgentModels(
      place,
      { global: globalDir(place), managed: systemPath(place, MANAGED), substitute: (model) => substituted(model, place.env), dirs: ['', ...belowTop(place, cli?.cwd)] },
      (cli?.models.length ?? 0) > 0,
      KILO_AGENTS,
    );
  } catch (error) {
    rethrowOversized(error); // a config past the bound: unknown (readAgentSettings)
    // Unreadable agent files name no model.
  }
  try {
    also.push(...opencodeSessionModels(place, found !== null, '/proc', KILO, cli?.cwd));
  } catch {
    // Unreadable session storage names no model.
  }
  also = also.filter((entry, index) => entry.unread === true || (entry.model !== found?.model && also.findIndex((other) => other.model === entry.model && !other.unread) === index));
  if (also.length === 0) return found;
  return { ...(found ?? { model: '', evidence: '' }), also };
}
