import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseToml, stringAt, valueAt } from './parse-settings.js';
import { readOwnFile, shownPath, type SettingsPlace } from './settings-place.js';

/** At most this many `[[models]]` entries are looked at. */
const MAX_MODELS = 1024;

/**
 * Mistral Vibe's model (mistralai/mistral-vibe `vibe/core/config/_settings.py`): `active_model` names
 * the alias of one of its `[[models]]` (an entry's alias is its `name` when it has none), whose `name`
 * is the model sent to its `provider`; `VIBE_ACTIVE_MODEL` comes before the file (pydantic settings,
 * prefix `VIBE_`). The person's `config.toml` in `VIBE_HOME`, else `~/.vibe` (a project's
 * `.vibe/config.toml` counts only in a folder Vibe was told to trust, which a hook cannot know). A
 * model of the `mistral` provider is Mistral's: written `mistral/<name>` when it names no vendor; an
 * alias no entry of the file defines (one of Vibe's built-in models) is read as written. Vibe sets no
 * variable of its own for the commands it runs: this is read when something else names it
 * (`AI_AGENT=mistral-vibe`, its author identity).
 */
export async function mistralVibeModel(place: SettingsPlace): Promise<SettingsModel | null> {
  const custom = place.env.VIBE_HOME?.trim();
  const file = join(custom && isAbsolute(custom) ? custom : join(place.home, '.vibe'), 'config.toml');
  const text = readOwnFile(file);
  const data = text === null ? undefined : await parseToml(text);
  const variable = place.env.VIBE_ACTIVE_MODEL?.trim();
  const active = variable || stringAt(data, 'active_model');
  if (!active) return null;
  const from = variable ? `env VIBE_ACTIVE_MODEL=${quote(variable)}` : `settings ${shownPath(place, file)} active_model=${quote(active)}`;
  const models = valueAt(data, 'models');
  const entry = (Array.isArray(models) ? models.slice(0, MAX_MODELS) : []).find((model) => (stringAt(model, 'alias') ?? stringAt(model, 'name')) === active);
  const name = entry === undefined ? undefined : stringAt(entry, 'name');
  if (!name) return { model: active, evidence: from };
  const mistral = stringAt(entry, 'provider') === 'mistral' && !name.includes('/');
  return { model: mistral ? `mistral/${name}` : name, evidence: `${from} name=${quote(name)}` };
}
