import type { SettingsModel } from '../core/types.js';
import type { CommandLineModel } from './command-line.js';
import { layeredSettingsModel, type SettingsLayout } from './gemini-cli.js';
import type { SettingsPlace } from './settings-place.js';

/**
 * BLACKBOX AI's CLI (`@blackbox_ai/blackbox-cli`, the command `blackbox`): a fork of Qwen Code under
 * its own names (its docs, cli/configuration.md and tools/shell.md: `~/.blackboxcli/settings.json`,
 * the project's `.blackboxcli/settings.json`, `/etc/blackbox-cli/settings.json` and
 * `system-defaults.json` moved by `BLACKBOX_CODE_SYSTEM_SETTINGS_PATH` / `..._DEFAULTS_PATH`, the
 * commands it runs marked `BLACKBOX_CODE=1`, `OPENAI_MODEL` read when no setting names a model).
 */
const BLACKBOX: SettingsLayout = {
  agent: 'blackbox',
  dir: '.blackboxcli',
  system: { linux: 'etc/blackbox-cli', darwin: 'Library/Application Support/BlackboxCode' },
  variables: 'BLACKBOX_CODE',
  // Beside its variables, never before them: its source sends OPENAI_MODEL (an OpenAI key),
  // BLACKBOX_API_MODEL (its own API) or BLACKBOX_MODEL (its OAuth) whatever the settings or
  // `--model` say (danielnovais-tech/cli packages/core/src/core/contentGenerator.ts,
  // createContentGeneratorConfig), so a settings file (the work tree's, which the agent may write)
  // hides none of them (signatures.json envModels.blackbox.also).
  order: {},
};

/** BLACKBOX CLI's settings model: `--model`, then the merged settings' `model.name`, recorded beside its model variables (row 607). */
export function blackboxCliModel(place: SettingsPlace, cli?: CommandLineModel | null): SettingsModel | null {
  return layeredSettingsModel(place, BLACKBOX, cli?.cwd);
}
