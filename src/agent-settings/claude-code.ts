import { join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseJson, stringAt } from './parse-settings.js';
import { readOwnFile, readRepoFile, shownPath, systemPath, type SettingsPlace } from './settings-place.js';

/** Managed settings, deployed by an organisation (code.claude.com/docs/en/settings). */
const MANAGED = process.platform === 'darwin' ? 'Library/Application Support/ClaudeCode/managed-settings.json' : 'etc/claude-code/managed-settings.json';

/**
 * Claude Code's `model` setting, in its precedence (code.claude.com/docs/en/settings): managed
 * settings, then the project's `.claude/settings.local.json`, `.claude/settings.json` (committed:
 * what Claude Code itself runs there), then the user's `~/.claude/settings.json` (`CLAUDE_CONFIG_DIR`
 * moves it). `--settings` and `/model` are invisible to a hook; `--model` is read from the command
 * line where it is still there (`command-line.ts`). `ANTHROPIC_MODEL` comes
 * before every settings file (code.claude.com/docs/en/model-config). Strict JSON: Claude Code skips a
 * file with a comment or a trailing comma entirely.
 */
export function claudeCodeModel(place: SettingsPlace): SettingsModel | null {
  const userDir = place.env.CLAUDE_CONFIG_DIR?.trim() || join(place.home, '.claude');
  const managed = systemPath(place, MANAGED);
  const layers: [string, () => string | null][] = [
    [managed, () => readOwnFile(managed)],
    ['.claude/settings.local.json', () => readRepoFile(place, '.claude/settings.local.json')],
    ['.claude/settings.json', () => readRepoFile(place, '.claude/settings.json')],
    [shownPath(place, join(userDir, 'settings.json')), () => readOwnFile(join(userDir, 'settings.json'))],
  ];
  for (const [shown, read] of layers) {
    const text = read();
    const model = text === null ? undefined : stringAt(parseJson(text), 'model');
    if (model) return { model, evidence: `settings ${shown} model=${quote(model)}`, overriddenBy: ['ANTHROPIC_MODEL'] };
  }
  return null;
}
