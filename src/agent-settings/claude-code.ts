import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { parseJson, stringAt, valueAt } from './parse-settings.js';
import { CLAUDE_NAME, claudeCodeRouterModels, haikuMain } from './claude-code-router.js';
import { givenPath, type CommandLineModel } from './command-line.js';
import { readOwnFile, shownPath, startFile, systemPath, type SettingsPlace } from './settings-place.js';

/** Managed settings, deployed by an organisation (code.claude.com/docs/en/settings). */
const MANAGED = process.platform === 'darwin' ? 'Library/Application Support/ClaudeCode/managed-settings.json' : 'etc/claude-code/managed-settings.json';

/**
 * Claude Code's `model` setting, in its precedence (code.claude.com/docs/en/settings): managed
 * settings, then the project's `.claude/settings.local.json`, `.claude/settings.json` (committed:
 * what Claude Code itself runs there), then the user's `~/.claude/settings.json` (`CLAUDE_CONFIG_DIR`
 * moves it). The project's files are those of the directory Claude Code was started in, and of no
 * other (its settings' root for `projectSettings` and `localSettings` is its original working
 * directory: no walk up to the work tree's top): `cli.cwd`, its process's ({@link startFile}: below
 * the work tree's top, that directory's; above it or elsewhere, that directory's own), else the top's. `/model` is invisible to a hook; `--model` is read from the command
 * line where it is still there (`command-line.ts`), and so are `--settings` (a layer after the managed
 * settings) and `--fallback-model` (the chain, over every file's). `ANTHROPIC_MODEL` comes
 * before every settings file (code.claude.com/docs/en/model-config). Strict JSON: Claude Code skips a
 * file with a comment or a trailing comma entirely.
 */
export function claudeCodeModel(place: SettingsPlace, cli?: CommandLineModel | null): SettingsModel | null {
  const userDir = place.env.CLAUDE_CONFIG_DIR?.trim() || join(place.home, '.claude');
  const managed = systemPath(place, MANAGED);
  const repo = (path: string): [string, () => string | null] => {
    const file = startFile(place, cli?.cwd, path);
    return [file.shown, file.read];
  };
  const flag = cli?.settings ? flagSettings(place, cli, cli.settings) : null;
  const layers: [string, () => string | null][] = [
    [managed, () => readOwnFile(managed)],
    ...(flag ? [flag] : []),
    repo('.claude/settings.local.json'),
    repo('.claude/settings.json'),
    [shownPath(place, join(userDir, 'settings.json')), () => readOwnFile(join(userDir, 'settings.json'))],
  ];
  let found: SettingsModel | null = null;
  // `--fallback-model` comes before every settings file's chain (code.claude.com model-config).
  let fallback: NonNullable<SettingsModel['also']> | null = cli?.fallback?.map((entry) => ({ ...entry, overriddenBy: [] })) ?? null;
  for (const [shown, read] of layers) {
    const text = read();
    if (text === null) continue;
    const data = parseJson(text);
    const model = stringAt(data, 'model');
    if (model && !found) found = { model, evidence: `settings ${shown} model=${quote(model)}`, overriddenBy: ['ANTHROPIC_MODEL'] };
    fallback ??= fallbackModels(data, shown);
    if (found && fallback) break;
  }
  // An earlier `--settings` may be the one commander kept (the last one being another option's value
  // and the JSON after it the prompt): its model and fallback chain are recorded beside, stricter.
  const earlier: NonNullable<SettingsModel['also']> = [];
  for (const given of cli?.earlierSettings ?? []) {
    const layer = flagSettings(place, cli!, given);
    const text = layer ? layer[1]() : null;
    if (!layer || text === null) continue;
    const data = parseJson(text);
    const model = stringAt(data, 'model');
    if (model) earlier.push({ model, evidence: `settings ${layer[0]} model=${quote(model)}`, overriddenBy: [] });
    earlier.push(...(fallbackModels(data, layer[0]) ?? []));
  }
  // claude-code-router at its local port sends every request to the model its Router names, whatever Claude Code asks for.
  const router = claudeCodeRouterModels(place, haikuMain(place, found?.model));
  if (router.unread !== undefined || router.also.length > 0) {
    // ccr routes by the request's kind, not by the model Claude Code names (settings, ANTHROPIC_MODEL, `--model`, the
    // aliases' mappings, the subagent's, the fallback chain), unless that name is ccr's own `provider,model`: only those run.
    const named = [
      ...(found ? [found] : []),
      ...(fallback ?? []),
      ...earlier,
      ...ROUTED_VARS.flatMap((name) => (place.env[name]?.trim() ? [{ model: place.env[name]!.trim(), evidence: `env ${name}=${quote(place.env[name]!)}` }] : [])),
      ...(cli?.models ?? []).map((model, index) => ({ model, evidence: cli!.evidence[index]! })),
    ];
    if (router.gateway) {
      // A gateway on this machine other than ccr: a Claude name (or none: Claude Code's default is Claude's) is what it
      // answers under, not what it runs, so the model is unknown (alone: an `unknown` beside a named model folds into it);
      // when every name is another (Ollama's `qwen3-coder`), those are the names the gateway serves.
      const served = named.some(({ model }) => CLAUDE_NAME.test(model)) || named.length === 0 ? [{ model: 'unknown', evidence: router.unread! }] : named;
      const [main, ...rest] = served.map(({ model, evidence }) => ({ model: model.trim(), evidence, overriddenBy: [] }));
      return { model: main!.model, evidence: main!.evidence, overriddenBy: [], replaces: ['ANTHROPIC_MODEL', 'CLAUDE_CODE_MODEL'], routed: true, ...(rest.length > 0 ? { also: rest } : {}) };
    }
    const direct = named.flatMap(({ model, evidence }) => {
      const comma = model.indexOf(',');
      const name = comma < 0 ? '' : model.slice(comma + 1).trim();
      // ccr 3 takes a name it can resolve (a provider's model, its encoded route id) ahead of its profile's model.
      const client = router.client?.(model) ?? null;
      return [
        ...(name ? [{ model: name, evidence: `${evidence} (claude-code-router provider,model)`, overriddenBy: [] }] : []),
        ...(client !== null && client !== name ? [{ model: client, evidence: `${evidence} (claude-code-router 3 runs ${quote(client)})`, overriddenBy: [] }] : []),
      ];
    });
    // ccr is there but its Router cannot be read: no Claude model Claude Code names runs, the model is not known.
    const [main, ...rest] = router.unread !== undefined ? [{ model: 'unknown', evidence: router.unread, overriddenBy: [] }, ...router.also] : router.also;
    const also = [...rest, ...direct];
    return { model: main!.model, evidence: main!.evidence, overriddenBy: [], replaces: ['ANTHROPIC_MODEL', 'CLAUDE_CODE_MODEL'], routed: true, ...(also.length > 0 ? { also } : {}) };
  }
  const also = [...(fallback ?? []), ...earlier, ...router.also];
  if (also.length === 0) return found;
  return { ...(found ?? { model: '', evidence: '', overriddenBy: [] }), also };
}

/**
 * The settings Claude Code's `--settings <file-or-json>` gives (its `flagSettings` layer, after the
 * managed settings and before the local, project and user files: code.claude.com settings): an inline
 * JSON object as given, else a file's path, from the agent's working directory when relative (none
 * when that is unknown), read as the person's own file (never a FIFO or a device, at most 1 MiB).
 */
function flagSettings(place: SettingsPlace, cli: CommandLineModel, given: string): [string, () => string | null] | null {
  if (given.startsWith('{')) return ['(claude --settings JSON)', () => given];
  const path = givenPath(given);
  const file = path === undefined ? null : isAbsolute(path) ? path : cli.cwd ? join(cli.cwd, path) : null;
  return file ? [`${shownPath(place, file)} (claude --settings)`, () => readOwnFile(file)] : null;
}

/** The variables that name a model Claude Code asks for (its model, the aliases' mappings, its subagents' and custom option): at ccr only a `provider,model` one runs. */
const ROUTED_VARS = ['ANTHROPIC_MODEL', 'CLAUDE_CODE_MODEL', 'ANTHROPIC_DEFAULT_SONNET_MODEL', 'ANTHROPIC_DEFAULT_OPUS_MODEL', 'ANTHROPIC_DEFAULT_HAIKU_MODEL', 'ANTHROPIC_DEFAULT_FABLE_MODEL', 'ANTHROPIC_SMALL_FAST_MODEL', 'CLAUDE_CODE_SUBAGENT_MODEL', 'ANTHROPIC_CUSTOM_MODEL_OPTION'];

/** Claude Code's fallback chain holds up to three models; a longer list is read that far and a few more, never all of a hostile one. */
const MAX_FALLBACK = 8;

/**
 * Claude Code's `fallbackModel` (a model or a list, up to three: the turn's model when the main one
 * is overloaded or unavailable, code.claude.com model-config): the highest layer that sets it holds
 * the whole chain (the layers are not merged), so null only where this layer sets none. Recorded
 * beside the main model, hidden by no variable (a `--fallback-model` on the command line comes before them all).
 */
function fallbackModels(data: unknown, shown: string): NonNullable<SettingsModel['also']> | null {
  const value = valueAt(data, 'fallbackModel');
  const names = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
  if (names === null) return null;
  // Empty, repeated or non-string entries do not push a model past the cap (`["", …, "qwen3-coder-plus"]`).
  const models = new Set<string>();
  for (const name of names) {
    const model = typeof name === 'string' ? name.trim() : '';
    if (model !== '') models.add(model);
    if (models.size === MAX_FALLBACK) break;
  }
  return [...models].map((name) => ({ model: name, evidence: `settings ${shown} fallbackModel=${quote(name)}`, overriddenBy: [] }));
}
