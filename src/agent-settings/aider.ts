import { join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseYaml, yamlStringAt } from './parse-settings.js';
import { readOwnFile, readRepoFile, shownPath, type SettingsPlace } from './settings-place.js';

/**
 * aider's main model (aider.chat/docs/config/aider_conf.html): `AIDER_MODEL` (also what aider's own
 * `.env` files set: it loads them into its environment, which its `git commit` hands to the hooks)
 * before `model:` of `.aider.conf.yml` in the git root (its working directory is not known to a
 * hook; it is most often the root), then in the home directory. `--config` is invisible to a hook;
 * `--model` and the deprecated `--sonnet`-style flags are read from the command line (`command-line.ts`).
 */
export async function aiderModel(place: SettingsPlace): Promise<SettingsModel | null> {
  const variable = place.env.AIDER_MODEL?.trim();
  if (variable) return { model: variable, evidence: `env AIDER_MODEL=${quote(variable)}` };
  const layers: [string, () => string | null][] = [
    ['.aider.conf.yml', () => readRepoFile(place, '.aider.conf.yml')],
    [shownPath(place, join(place.home, '.aider.conf.yml')), () => readOwnFile(join(place.home, '.aider.conf.yml'))],
  ];
  for (const [shown, read] of layers) {
    const text = read();
    const model = text === null ? undefined : yamlStringAt(await parseYaml(text), 'model');
    if (model) return { model, evidence: `settings ${shown} model=${quote(model)}` };
  }
  return null;
}
