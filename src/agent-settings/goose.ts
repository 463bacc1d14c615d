import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseYaml, yamlStringAt } from './parse-settings.js';
import { readOwnFile, shownPath, type SettingsPlace } from './settings-place.js';

/**
 * goose's model (block.github.io/goose/docs/guides/config-files): `GOOSE_MODEL` at the root of
 * `~/.config/goose/config.yaml` (`XDG_CONFIG_HOME`), what `goose configure` writes; the `GOOSE_MODEL`
 * variable comes before it (goose's config reads a variable of a key's exact name first). The person's
 * own file only: goose has no project config. `--model` of a recipe or a session is invisible to a hook.
 */
export async function gooseModel(place: SettingsPlace): Promise<SettingsModel | null> {
  const xdg = place.env.XDG_CONFIG_HOME?.trim();
  const file = join(xdg && isAbsolute(xdg) ? xdg : join(place.home, '.config'), 'goose', 'config.yaml');
  const text = readOwnFile(file);
  const model = text === null ? undefined : yamlStringAt(await parseYaml(text), 'GOOSE_MODEL');
  return model ? { model, evidence: `settings ${shownPath(place, file)} GOOSE_MODEL=${quote(model)}`, overriddenBy: ['GOOSE_MODEL'] } : null;
}
