import { join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import type { CommandLineModel } from './command-line.js';
import { parseJsonc, stringAt } from './parse-settings.js';
import { readOwnFile, shownPath, startFile, type SettingsPlace } from './settings-place.js';

/**
 * iFlow CLI's model variables, in the order it reads them (platform.iflow.cn/cli/configuration/settings: every key of
 * `settings.json` may be set by a variable, `IFLOW_` and the key, `IFLOW_` and the key in capitals and underscores, then
 * the same with `iflow_`): `modelName`'s, read before every settings file.
 */
export const IFLOW_MODEL_VARS: readonly string[] = ['IFLOW_modelName', 'IFLOW_MODEL_NAME', 'iflow_modelName', 'iflow_MODEL_NAME'];

/**
 * iFlow CLI's model (a Gemini CLI fork by Alibaba's iFlow; its shell marks the commands it runs `IFLOW_CLI=1`, beside the
 * fork's `GEMINI_CLI=1`): the `modelName` of its settings, the work tree's `.iflow/settings.json` (the directory it was
 * started in) before the person's `~/.iflow/settings.json` (its layers: user, then project, then system, each over the
 * one before; the system file is not read here). Its variables ({@link IFLOW_MODEL_VARS}) and `-m/--model` come first
 * (row 1135). Gemini CLI's settings and `GEMINI_MODEL` are never its model.
 */
export function iflowCliModel(place: SettingsPlace, cli?: CommandLineModel | null): SettingsModel | null {
  const project = startFile(place, cli?.cwd, '.iflow/settings.json');
  const user = join(place.home, '.iflow', 'settings.json');
  for (const [shown, read] of [[project.shown, () => project.read()], [shownPath(place, user), () => readOwnFile(user)]] as const) {
    const text = read();
    const model = text === null ? undefined : stringAt(parseJsonc(text), 'modelName')?.trim();
    if (model) return { model, evidence: `settings ${shown} modelName=${quote(model)}`, overriddenBy: [...IFLOW_MODEL_VARS] };
  }
  return null;
}
