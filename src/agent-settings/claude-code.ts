import { join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseJson, stringAt } from './parse-settings.js';
import type { CommandLineModel } from './command-line.js';
import { readOwnFile, shownPath, startFile, systemPath, type SettingsPlace } from './settings-place.js';

/** Managed settings, deployed by an organisation (code.claude.com/docs/en/settings). */
const MANAGED = process.platform === 'darwin' ? 'Library/Application Support/ClaudeCode/managed-settings.json' : 'etc/claude-code/managed-settings.json';

/**
 * Claude Code's `model` setting, in its precedence (code.claude.com/docs/en/settings): managed
 * settings, then the project's `.claude/settings.local.json`, `.claude/settings.json` (committed:
 * what Claude Code itself runs there), then the user's `~/.claude/settings.json` (`CLAUDE_CONFIG_DIR`
 * moves it). The project's files are those of the directory Claude Code was started in, and of no
 * other (its settings' root for `projectSettings` and `localSettings` is its original working
 * directory: no walk up to the work tree's top): `cli.cwd`, its process's ({@link startFile}: below
 * the work tree's top, that directory's; above it or elsewhere, that directory's own), else the top's. `--settings` and `/model` are invisible to a hook; `--model` is read from the command
 * line where it is still there (`command-line.ts`). `ANTHROPIC_MODEL` comes
 * before every settings file (code.claude.com/docs/en/model-config). Strict JSON: Claude Code skips a
 * file with a comment or a trailing comma entirely.
 */
export function claudeCodeModel(place: SettingsPlace, cli?: CommandLineModel | null): SettingsModel | null {
  const userDir = place.env.CLAUDE_CONFIG_DIR?.trim() || join(place.home, '.claude');
  const managed = systemPath(place, MANAGED);
  const repo = (path: string): [string, () => string | null] => {
    const file = startFile(place, cli?.cwd, path);
    return [file.shown, file.read];
  };
  const layers: [string, () => string | null][] = [
    [managed, () => readOwnFile(managed)],
    repo('.claude/settings.local.json'),
    repo('.claude/settings.json'),
    [shownPath(place, join(userDir, 'settings.json')), () => readOwnFile(join(userDir, 'settings.json'))],
  ];
  for (const [shown, read] of layers) {
    const text = read();
    const model = text === null ? undefined : stringAt(parseJson(text), 'model');
    if (model) return { model, evidence: `settings ${shown} model=${quote(model)}`, overriddenBy: ['ANTHROPIC_MODEL'] };
  }
  return null;
}
