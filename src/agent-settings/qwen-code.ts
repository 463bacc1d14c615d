import { join, resolve } from 'node:path';
import type { SettingsModel } from '../core/types.js';
import type { CommandLineModel } from './command-line.js';
import { layeredSettingsModel, settingsLayers, type SettingsLayout } from './gemini-cli.js';
import { stringAt } from './parse-settings.js';
import { absolute, realRoot, type SettingsPlace } from './settings-place.js';

/** Qwen Code's settings files: Gemini CLI's, of which it is a fork, under its own names. */
const QWEN: SettingsLayout = {
  agent: 'qwen-code',
  dir: '.qwen',
  system: { linux: 'etc/qwen-code', darwin: 'Library/Application Support/QwenCode' },
  variables: 'QWEN_CODE',
  order: { replaces: ['OPENAI_MODEL', 'QWEN_MODEL'] },
};

/**
 * Qwen Code's model (QwenLM/qwen-code `packages/cli/src/utils/modelConfigUtils.ts`,
 * `resolveCliGenerationConfig`: `--model`, then the merged settings' `model.name`, and only when
 * neither is set `OPENAI_MODEL`, then `QWEN_MODEL`): its settings come before those variables.
 * Files as Gemini CLI's, of which it is a fork (qwenlm.github.io/qwen-code-docs, configuration; its
 * `loadSettings(process.cwd())` reads the workspace file of the directory it was started in only).
 */
export function qwenCodeModel(place: SettingsPlace, cli?: CommandLineModel | null): SettingsModel | null {
  return layeredSettingsModel(place, QWEN, cli?.cwd);
}

/**
 * Where Qwen Code keeps its sessions (`projects/<project id>/chats/`), its runtime output directory
 * (qwen-code `packages/core/src/config/storage.ts` `getRuntimeBaseDir`): `QWEN_RUNTIME_DIR`, else the
 * merged settings' `advanced.runtimeOutputDir` (`loadCliConfig`: `Storage.setRuntimeBaseDir(…, cwd)`,
 * `~` its home, a relative path resolved against the directory it was started in, `cwd`, its
 * process's; unknown, the work tree's top), else `~/.qwen`. A relative `QWEN_RUNTIME_DIR` (resolved
 * against a directory the hook does not know) is not used.
 */
export function qwenRuntimeDir(place: SettingsPlace, cwd?: string): string {
  const fromEnv = absolute(place, place.env.QWEN_RUNTIME_DIR);
  if (fromEnv) return fromEnv;
  for (const [, data] of settingsLayers(place, QWEN, cwd)) {
    const set = stringAt(data(), 'advanced', 'runtimeOutputDir')?.trim();
    if (!set || /[\0-\x1f]/.test(set)) continue;
    return absolute(place, set) ?? resolve(cwd ?? realRoot(place), set);
  }
  return join(place.home, '.qwen');
}
