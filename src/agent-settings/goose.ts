import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseYaml, yamlStringAt } from './parse-settings.js';
import { readOwnFile, shownPath, type SettingsPlace } from './settings-place.js';

/** goose's other models (block/goose providers/factory.rs, planner): lead/worker mode's lead model, `/plan`'s planner. */
const ALSO_KEYS = ['GOOSE_LEAD_MODEL', 'GOOSE_PLANNER_MODEL'] as const;

/**
 * goose's model (block.github.io/goose/docs/guides/config-files): `GOOSE_MODEL` at the root of
 * `~/.config/goose/config.yaml` (`XDG_CONFIG_HOME`), what `goose configure` writes; the `GOOSE_MODEL`
 * variable comes before it (goose's config reads a variable of a key's exact name first). Beside it,
 * as `also`, the lead model of lead/worker mode (`GOOSE_LEAD_MODEL`: the first turns and after
 * failures) and the planner's (`GOOSE_PLANNER_MODEL`), read the same way (their variable first).
 * The person's own file only: goose has no project config. A recipe's model is invisible to a hook;
 * `goose run --model` is read from the command line (`command-line.ts`).
 */
export async function gooseModel(place: SettingsPlace): Promise<SettingsModel | null> {
  const xdg = place.env.XDG_CONFIG_HOME?.trim();
  const file = join(xdg && isAbsolute(xdg) ? xdg : join(place.home, '.config'), 'goose', 'config.yaml');
  const text = readOwnFile(file);
  if (text === null) return null;
  const yaml = await parseYaml(text);
  const shown = shownPath(place, file);
  const evidence = (key: string, model: string) => `settings ${shown} ${key}=${quote(model)}`;
  const model = yamlStringAt(yaml, 'GOOSE_MODEL');
  const also = ALSO_KEYS.flatMap((key) => {
    const named = yamlStringAt(yaml, key);
    return named ? [{ model: named, evidence: evidence(key, named), overriddenBy: [key] }] : [];
  });
  if (!model && also.length === 0) return null;
  return {
    model: model ?? '',
    evidence: model ? evidence('GOOSE_MODEL', model) : '',
    overriddenBy: ['GOOSE_MODEL'],
    ...(also.length > 0 ? { also } : {}),
  };
}
