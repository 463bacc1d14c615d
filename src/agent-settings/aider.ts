import { join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import type { CommandLineModel } from './command-line.js';
import { parseYaml, stringAt, yamlStringAt } from './parse-settings.js';
import { readOwnFile, readRepoFile, shownPath, type SettingsPlace } from './settings-place.js';

/** A key of `.aider.conf.yml` as configargparse reads it: the option's name, bare or with its `--`. */
function confValue(data: unknown, name: string): { key: string; value: string } | undefined {
  for (const key of [name, `--${name}`]) {
    const value = yamlStringAt(data, key);
    if (value) return { key, value };
  }
  return undefined;
}

/**
 * The `editor_model_name` `.aider.model.settings.yml` gives the model `name`d exactly `model` (aider's
 * `register_models`: the home directory's file, then the git root's, a later entry of a name replacing
 * an earlier; `Model.configure_model_settings` matches the name exactly), or undefined.
 */
async function settingsEditor(place: SettingsPlace, model: string): Promise<{ model: string; evidence: string } | undefined> {
  const files: [string, string | null][] = [
    ['.aider.model.settings.yml', readRepoFile(place, '.aider.model.settings.yml')],
    [shownPath(place, join(place.home, '.aider.model.settings.yml')), readOwnFile(join(place.home, '.aider.model.settings.yml'))],
  ];
  for (const [shown, text] of files) {
    const list = text === null ? undefined : await parseYaml(text);
    if (!Array.isArray(list)) continue;
    const entry = list.findLast((item: unknown) => stringAt(item, 'name') === model);
    if (entry === undefined) continue;
    const editor = stringAt(entry, 'editor_model_name');
    // An entry of the name without an editor model hides the earlier files' (aider keeps the last entry whole).
    return editor ? { model: editor, evidence: `settings ${shown} name=${quote(model)} editor_model_name=${quote(editor)}` } : undefined;
  }
  return undefined;
}

/**
 * aider's main model (aider.chat/docs/config/aider_conf.html): `AIDER_MODEL` (also what aider's own
 * `.env` files set: it loads them into its environment, which its `git commit` hands to the hooks)
 * before `model:` of `.aider.conf.yml` in the git root (its working directory is not known to a
 * hook; it is most often the root), then in the home directory. `--config` is invisible to a hook;
 * `--model` and the deprecated `--sonnet`-style flags are read from the command line (`command-line.ts`).
 *
 * Beside it, as `also`, the editor model (Aider-AI/aider: architect mode's editor coder runs with
 * `main_model=editor_model` and makes the commit, so it writes the code): `--editor-model` (`cli`),
 * else `AIDER_EDITOR_MODEL`, else `editor-model:` of the same files, each file read for it on its own
 * (configargparse merges them), else the `editor_model_name` a `.aider.model.settings.yml` gives the
 * main model (aider's own table's defaults, the same vendor's model in practice, are not known here). Recorded whenever given, architect mode or not: `/architect` and
 * `/chat-mode` switch to it during a run, unseen. `--weak-model` (commit messages and chat summaries,
 * no code) is not read.
 */
export async function aiderModel(place: SettingsPlace, cli?: CommandLineModel | null): Promise<SettingsModel | null> {
  const files: [string, string | null][] = [
    ['.aider.conf.yml', readRepoFile(place, '.aider.conf.yml')],
    [shownPath(place, join(place.home, '.aider.conf.yml')), readOwnFile(join(place.home, '.aider.conf.yml'))],
  ];
  const layers: { shown: string; data: unknown }[] = [];
  for (const [shown, text] of files) if (text !== null) layers.push({ shown, data: await parseYaml(text) });
  const fromFiles = (name: string) => {
    for (const { shown, data } of layers) {
      const found = confValue(data, name);
      if (found) return { model: found.value, evidence: `settings ${shown} ${found.key}=${quote(found.value)}` };
    }
    return undefined;
  };
  const fromEnv = (variable: string) => {
    const value = place.env[variable]?.trim();
    return value ? { model: value, evidence: `env ${variable}=${quote(value)}` } : undefined;
  };
  const main = fromEnv('AIDER_MODEL') ?? fromFiles('model');
  const inForce = cli?.models[0] ?? main?.model;
  const editor = cli?.editorModel ?? fromEnv('AIDER_EDITOR_MODEL') ?? fromFiles('editor-model') ?? (inForce ? await settingsEditor(place, inForce) : undefined);
  if (!main && !editor) return null;
  return {
    model: main?.model ?? '',
    evidence: main?.evidence ?? '',
    ...(editor ? { also: [{ ...editor, overriddenBy: [] }] } : {}),
  };
}
