import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseJson, stringAt } from './parse-settings.js';
import { readOwnFile, shownPath, type SettingsPlace } from './settings-place.js';

/**
 * What the Cursor CLI's launcher (`cursor-agent`, renamed `agent`) exports to its node runtime, and so
 * to every command the agent runs: the name it was invoked by. The Cursor editor's agent terminals do
 * not run that launcher (theirs is `CURSOR_EXTENSION_HOST_ROLE=agent-exec`), and `CURSOR_AGENT=1` is
 * shared by the CLI, the editor and the cloud agents, so only this says a commit is the CLI's.
 */
const CLI_INVOKED_AS = /^(?:cursor-)?agent(?:\.(?:exe|cmd|bat|ps1))?$/i;

/** The `model` object's id: `modelId`, except the routing sentinel `default` (Auto), named by `displayModelId` (`auto`). */
function idOf(data: unknown, key: string): { model: string; key: string } | undefined {
  const plain = stringAt(data, key);
  if (plain) return { model: plain, key };
  const id = stringAt(data, key, 'modelId');
  if (id && id.toLowerCase() !== 'default') return { model: id, key: `${key}.modelId` };
  const shown = stringAt(data, key, 'displayModelId');
  return shown ? { model: shown, key: `${key}.displayModelId` } : undefined;
}

/**
 * The Cursor CLI's model (cursor.com/docs/cli/reference/configuration): the `model` object its `/model`
 * picker writes to the global `cli-config.json` (`{"modelId": …, "displayModelId": …, "displayName": …}`;
 * a project's `.cursor/cli.json` holds permissions only), in `CURSOR_CONFIG_DIR`, else
 * `$XDG_CONFIG_HOME/cursor` on Linux and BSD, else `~/.cursor`. Newer CLIs also write
 * `selectedModel.modelId` (with its effort and context parameters): a different one is kept as `also`,
 * since which of the two a version runs is not documented (one more model only makes a deny stricter).
 * Read only for a commit of the CLI ({@link CLI_INVOKED_AS}): the editor's agent keeps its model
 * elsewhere. A run's `--model`/`-m` is read from its command line (`command-line.ts`). No variable is read before the file.
 */
export function cursorCliModel(place: SettingsPlace): SettingsModel | null {
  if (!CLI_INVOKED_AS.test(place.env.CURSOR_INVOKED_AS?.trim() ?? '')) return null;
  const custom = place.env.CURSOR_CONFIG_DIR?.trim();
  const xdg = place.env.XDG_CONFIG_HOME?.trim();
  const unixLike = process.platform !== 'darwin' && process.platform !== 'win32';
  const dir = custom && isAbsolute(custom) ? custom : unixLike && xdg && isAbsolute(xdg) ? join(xdg, 'cursor') : join(place.home, '.cursor');
  const file = join(dir, 'cli-config.json');
  const text = readOwnFile(file);
  if (text === null) return null;
  const data = parseJson(text);
  const shown = shownPath(place, file);
  const evidence = (found: { model: string; key: string }) => `settings ${shown} ${found.key}=${quote(found.model)}`;
  const model = idOf(data, 'model');
  const selected = idOf(data, 'selectedModel');
  const also = selected && selected.model !== model?.model ? [{ model: selected.model, evidence: evidence(selected), overriddenBy: [] }] : [];
  if (!model && also.length === 0) return null;
  return { model: model?.model ?? '', evidence: model ? evidence(model) : '', ...(also.length > 0 ? { also } : {}) };
}
