import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseJsonc, stringAt } from './parse-settings.js';
import { readOwnFile, readRepoFile, shownPath, systemPath, type SettingsPlace } from './settings-place.js';

/** Gemini CLI's machine-wide directory (geminicli.com/docs/reference/configuration). */
const SYSTEM_DIR = process.platform === 'darwin' ? 'Library/Application Support/GeminiCli' : 'etc/gemini-cli';

/** A settings file's model: `model.name` (settings v2), or the v1 string `model` Gemini CLI migrates to it. */
function modelOf(data: unknown): { model: string; key: string } | undefined {
  const named = stringAt(data, 'model', 'name');
  if (named) return { model: named, key: 'model.name' };
  const legacy = stringAt(data, 'model');
  return legacy ? { model: legacy, key: 'model' } : undefined;
}

/** `location` is `folder` or below it. */
function within(location: string, folder: string): boolean {
  const inside = relative(folder, location);
  return inside === '' || (!inside.startsWith('..') && !isAbsolute(inside));
}

/**
 * Whether Gemini CLI reads the work tree's `.gemini/settings.json`: always, unless folder trust is on
 * (`security.folderTrust.enabled` of the system or user settings) and `trustedFolders.json` marks the
 * folder `DO_NOT_TRUST` with no `TRUST_FOLDER`/`TRUST_PARENT` rule covering it (gemini-cli
 * `trustedFolders.ts`: a folder no rule names is trusted when settings load).
 */
function workspaceTrusted(place: SettingsPlace, system: unknown, user: unknown, userDir: string): boolean {
  const enabled = (data: unknown): unknown => {
    const security = data !== null && typeof data === 'object' && Object.hasOwn(data, 'security') ? (data as Record<string, unknown>).security : undefined;
    const trust = security !== null && typeof security === 'object' && Object.hasOwn(security, 'folderTrust') ? (security as Record<string, unknown>).folderTrust : undefined;
    return trust !== null && typeof trust === 'object' && Object.hasOwn(trust, 'enabled') ? (trust as Record<string, unknown>).enabled : undefined;
  };
  if ((enabled(system) ?? enabled(user)) !== true) return true;
  const path = place.env.GEMINI_CLI_TRUSTED_FOLDERS_PATH?.trim() || join(userDir, 'trustedFolders.json');
  const text = readOwnFile(path);
  const rules = text === null ? undefined : parseJsonc(text);
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) return true;
  let root = place.root;
  try {
    root = realpathSync.native(place.root);
  } catch {
    // The path as given.
  }
  const entries = Object.entries(rules as Record<string, unknown>);
  for (const [folder, level] of entries) {
    if (level === 'TRUST_FOLDER' && within(root, folder)) return true;
    if (level === 'TRUST_PARENT' && within(root, dirname(folder))) return true;
  }
  return !entries.some(([folder, level]) => level === 'DO_NOT_TRUST' && relative(folder, root) === '');
}

/**
 * Gemini CLI's model (gemini-cli `packages/cli/src/config/config.ts`: `--model`, then `GEMINI_MODEL`,
 * then the merged settings' `model.name`): the system settings (`/etc/gemini-cli/settings.json`,
 * `GEMINI_CLI_SYSTEM_SETTINGS_PATH`), which override every other file, then the work tree's
 * `.gemini/settings.json` (when the folder is trusted, and not the home directory itself), then
 * `~/.gemini/settings.json`, then the system defaults (`system-defaults.json`,
 * `GEMINI_CLI_SYSTEM_DEFAULTS_PATH`). JSON with comments. `--model` and `/model` are invisible to a hook.
 */
export function geminiCliModel(place: SettingsPlace): SettingsModel | null {
  const { env } = place;
  const userDir = join(place.home, '.gemini');
  const systemFile = env.GEMINI_CLI_SYSTEM_SETTINGS_PATH?.trim() || systemPath(place, join(SYSTEM_DIR, 'settings.json'));
  const defaultsFile = env.GEMINI_CLI_SYSTEM_DEFAULTS_PATH?.trim() || systemPath(place, join(SYSTEM_DIR, 'system-defaults.json'));
  const userFile = join(userDir, 'settings.json');
  const parsed = (text: string | null): unknown => (text === null ? undefined : parseJsonc(text));
  const system = parsed(readOwnFile(systemFile));
  const user = parsed(readOwnFile(userFile));
  const atHome = within(place.home, place.root) && within(place.root, place.home);
  const layers: [string, () => unknown][] = [
    [shownPath(place, systemFile), () => system],
    ['.gemini/settings.json', () => (!atHome && workspaceTrusted(place, system, user, userDir) ? parsed(readRepoFile(place, '.gemini/settings.json')) : undefined)],
    [shownPath(place, userFile), () => user],
    [shownPath(place, defaultsFile), () => parsed(readOwnFile(defaultsFile))],
  ];
  for (const [shown, data] of layers) {
    const found = modelOf(data());
    if (found) return { model: found.model, evidence: `settings ${shown} ${found.key}=${quote(found.model)}`, overriddenBy: ['GEMINI_MODEL'] };
  }
  return null;
}
