import type { SettingsModel } from '../core/types.js';
import type { CommandLineModel } from './command-line.js';
import { layeredSettingsModel } from './gemini-cli.js';
import type { SettingsPlace } from './settings-place.js';

/**
 * Qwen Code's model (QwenLM/qwen-code `packages/cli/src/utils/modelConfigUtils.ts`,
 * `resolveCliGenerationConfig`: `--model`, then the merged settings' `model.name`, and only when
 * neither is set `OPENAI_MODEL`, then `QWEN_MODEL`): its settings come before those variables.
 * Files as Gemini CLI's, of which it is a fork (qwenlm.github.io/qwen-code-docs, configuration; its
 * `loadSettings(process.cwd())` reads the workspace file of the directory it was started in only).
 */
export function qwenCodeModel(place: SettingsPlace, cli?: CommandLineModel | null): SettingsModel | null {
  return layeredSettingsModel(place, {
    agent: 'qwen-code',
    dir: '.qwen',
    system: { linux: 'etc/qwen-code', darwin: 'Library/Application Support/QwenCode' },
    variables: 'QWEN_CODE',
    order: { replaces: ['OPENAI_MODEL', 'QWEN_MODEL'] },
  }, cli?.cwd);
}
