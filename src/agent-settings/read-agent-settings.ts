import type { SettingsModel } from '../core/types.js';
import { aiderModel } from './aider.js';
import { claudeCodeModel } from './claude-code.js';
import { codexModel } from './codex.js';
import { cursorCliModel } from './cursor-cli.js';
import { geminiCliModel } from './gemini-cli.js';
import { gooseModel } from './goose.js';
import { opencodeModel } from './opencode.js';
import { qwenCodeModel } from './qwen-code.js';
import type { SettingsPlace } from './settings-place.js';

/** Agent slug → the reader of the model its settings files name. */
const READERS: Readonly<Record<string, (place: SettingsPlace) => SettingsModel | null | Promise<SettingsModel | null>>> = {
  'claude-code': claudeCodeModel,
  codex: codexModel,
  aider: aiderModel,
  opencode: opencodeModel,
  'gemini-cli': geminiCliModel,
  'qwen-code': qwenCodeModel,
  goose: gooseModel,
  cursor: cursorCliModel,
};

/**
 * The settings model of each of `agents` that has a reader (a few small files each). Never throws:
 * a settings file that cannot be read or parsed names no model, and the commit is recorded as before.
 */
export async function readAgentSettings(agents: Iterable<string>, place: SettingsPlace): Promise<Record<string, SettingsModel>> {
  const result: Record<string, SettingsModel> = {};
  for (const agent of agents) {
    if (!Object.hasOwn(READERS, agent)) continue;
    try {
      const model = await READERS[agent]!(place);
      if (model) result[agent] = model;
    } catch {
      // Unreadable settings name no model.
    }
  }
  return result;
}
