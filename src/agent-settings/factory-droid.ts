import { join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { readUnlinkedJson } from '../io/read-regular-file.js';
import { filesByWritten } from './files-by-written.js';
import { parseJson, stringAt } from './parse-settings.js';
import { printableModel, RECENT_MS } from './session-window.js';
import { projectPaths, readOwnFile, readRepoFile, shownPath, systemPath, type SettingsPlace } from './settings-place.js';

/** A session's own settings file as Droid names it: `<session uuid>.settings.json`. */
const SESSION_SETTINGS = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.settings\.json$/i;
/** A session's settings file holds a few keys (model, reasoning effort, autonomy, token counts): past this it is not one. */
const MAX_SESSION_SETTINGS = 64 * 1024;
/** The newest session files weighed (each one small read). */
const MAX_SESSIONS = 4;

/** Droid's folder for the sessions started in `path`: its every `/` (or `\`) a `-` (`/home/me/app` → `-home-me-app`). */
export function droidProjectDir(path: string): string {
  return path.replace(/[\\/]/g, '-');
}

/**
 * Factory Droid's default model (docs.factory.ai/cli/configuration/settings): `model` of its
 * `settings.json` (`opus`, `sonnet`, `gpt-5.4`, `custom-model`…), where `/settings` saves it; newer files
 * keep session defaults under `sessionDefaultSettings`. Its levels (docs.factory.ai enterprise
 * hierarchical-settings: "simple values: first wins", a higher level never overridden by a lower) are read
 * highest first: the machine's managed `/etc/factory/settings.json`, the work tree's `.factory/`, then
 * `~/.factory/`, a level's `settings.local.json` over its `settings.json`; a model of the work tree's has `~/.factory`'s
 * beside it (row 1210). The model a session runs is its own (see
 * {@link factoryDroidSessionModels}): `/model` changes it there, not here. Droid sets no variable in
 * the commands it runs: this is read when something else names it (its co-author line, row 1196).
 */
export function factoryDroidModel(place: SettingsPlace): SettingsModel | null {
  const user = join(place.home, '.factory');
  const managed: Level[] = [[systemPath(place, 'etc/factory/settings.json'), () => readOwnFile(systemPath(place, 'etc/factory/settings.json'))]];
  const tree: Level[] = [
    ['.factory/settings.local.json', () => readRepoFile(place, '.factory/settings.local.json')],
    ['.factory/settings.json', () => readRepoFile(place, '.factory/settings.json')],
  ];
  const own: Level[] = [
    [shownPath(place, join(user, 'settings.local.json')), () => readOwnFile(join(user, 'settings.local.json'))],
    [shownPath(place, join(user, 'settings.json')), () => readOwnFile(join(user, 'settings.json'))],
  ];
  const first = firstModel(managed) ?? firstModel(tree);
  if (first === null) return firstModel(own)?.found ?? null;
  if (!first.fromTree) return first.found;
  // The work tree's model (repository content) never hides the person's own: a name Droid does not run (not one of its
  // models, not the org's) leaves it on the model `/settings` saved in ~/.factory, so that one is read beside (row 1210).
  const person = firstModel(own);
  return person === null || person.found.model === first.found.model ? first.found : { ...first.found, also: [{ ...person.found, overriddenBy: [] }] };

  /** The first of `levels` naming a model, with whether it is the work tree's. */
  function firstModel(levels: readonly Level[]): { found: SettingsModel; fromTree: boolean } | null {
    for (const [shown, read] of levels) {
      const text = read();
      if (text === null) continue;
      const data = parseJson(text); // A file that does not parse names nothing (undefined).
      const key = stringAt(data, 'model') !== undefined ? 'model' : 'sessionDefaultSettings.model';
      const model = printableModel(stringAt(data, 'model') ?? stringAt(data, 'sessionDefaultSettings', 'model'));
      if (model) return { found: { model, evidence: `settings ${shown} ${key}=${quote(model)}` }, fromTree: levels === tree };
    }
    return null;
  }
}

/** A settings level: its path as shown, and its read (null: no file). */
type Level = readonly [shown: string, read: () => string | null];

/**
 * The models of Droid's recent sessions of this work tree, beside its default model: Droid keeps each
 * session as `~/.factory/sessions/<project dir>/<uuid>.jsonl` with `<uuid>.settings.json` beside it,
 * whose `model` is the session's model (a `/model` switch writes it there; the messages name none).
 * The newest {@link MAX_SESSIONS} such files written in the last hour, never through a link, each at
 * most {@link MAX_SESSION_SETTINGS}: a guess (no variable names the session), as Claude Code's
 * recent transcript is (row 377).
 */
export function factoryDroidSessionModels(place: SettingsPlace): { model: string; evidence: string; overriddenBy: string[] }[] {
  const sessions = join(place.home, '.factory', 'sessions');
  const dirs = [...new Set(projectPaths(place).map((path) => join(sessions, droidProjectDir(path))))];
  const since = Date.now() - RECENT_MS;
  const found: { model: string; evidence: string; overriddenBy: string[] }[] = [];
  for (const file of filesByWritten(dirs, (name) => SESSION_SETTINGS.test(name)).slice(0, MAX_SESSIONS)) {
    if (file.written < since) break;
    const model = printableModel(stringAt(readUnlinkedJson(file.path, MAX_SESSION_SETTINGS), 'model'));
    if (model && !found.some((known) => known.model === model)) found.push({ model, evidence: `droid session ${shownPath(place, file.path)} model=${quote(model)}`, overriddenBy: [] });
  }
  return found;
}
