import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import type { CommandLineModel } from './command-line.js';
import { closedReplace, modelsOf } from './env-reference.js';
import { gatewayModels, localEndpoint } from './claude-code-router.js';
import { opencodeAgentModels } from './opencode-agents.js';
import { opencodeSessionModels } from './opencode-session.js';
import { parseJsonc, stringAt } from './parse-settings.js';
import { belowTop, inDir, OVERSIZED, OversizedSettingsError, readOwnSettings, rethrowOversized, readRepoSettings, shownPath, systemPath, type SettingsPlace, type SettingsText } from './settings-place.js';

const MANAGED = process.platform === 'darwin' ? 'Library/Application Support/opencode' : 'etc/opencode';

/**
 * `{env:NAME}` in a value is that variable (OpenCode's substitution); `{file:…}` is not read. Only
 * in the person's own files: a repository's `opencode.json` saying `"model": "qwen/{env:GITHUB_TOKEN}"`
 * would otherwise have the token written into the trailer of the person's commit, and pushed.
 */
export function substituted(model: string, env: Record<string, string | undefined>): string {
  const modelOf = modelsOf(env, 'opencode', false);
  return closedReplace(model, /\{env:([^}]*)\}/g, null, (_, name) => modelOf(name!.trim()) ?? '').trim();
}

/**
 * OpenCode's `model` (opencode.ai/docs/config, anomalyco/opencode `config/config.ts`), highest first:
 * managed config (`/etc/opencode`), `OPENCODE_CONFIG_CONTENT`, the config directories' files
 * (`OPENCODE_CONFIG_DIR`, `~/.opencode`, the project's `.opencode/`), the project's
 * `opencode.json` and `opencode.jsonc` (each of the project's, the nearest to its working directory
 * first: {@link projectDirs}), `OPENCODE_CONFIG`, then the global `~/.config/opencode/` files (`XDG_CONFIG_HOME`). JSONC.
 * `--model` is read from the command line (`command-line.ts`); the model picked in the TUI, from
 * OpenCode's session storage and state ({@link opencodeModels}, `opencode-session.ts`).
 */
export function opencodeModel(place: SettingsPlace, cli: CommandLineModel | null = null): SettingsModel | null {
  return topLevelModel(place, cli?.cwd);
}

/**
 * {@link opencodeModel} with its agents' models beside it, as `also` (`opencode-agents.ts`): a
 * message runs on its agent's model before the top-level one; `cli`, the run's `-m`, comes before
 * the primary agents' models. Then the models no config names (`opencode-session.ts`): the running
 * session's last assistant message and the TUI's last pick, beside.
 */
export async function opencodeModels(place: SettingsPlace, cli: CommandLineModel | null = null): Promise<SettingsModel | null> {
  const found = topLevelModel(place, cli?.cwd);
  let also: NonNullable<SettingsModel['also']> = [];
  try {
    also = await opencodeAgentModels(
      place,
      { global: globalDir(place), managed: systemPath(place, MANAGED), substitute: (model) => substituted(model, place.env), dirs: projectDirs(place, cli?.cwd) },
      (cli?.models.length ?? 0) > 0,
    );
  } catch (error) {
    rethrowOversized(error); // a config past the bound: unknown (readAgentSettings)
    // Unreadable agent files name no model.
  }
  try {
    also.push(...opencodeSessionModels(place, found !== null || (cli?.models.length ?? 0) > 0, '/proc', undefined, cli?.cwd));
  } catch {
    // Unreadable session storage names no model.
  }
  also = also.filter((entry, index) => entry.unread === true || (entry.model !== found?.model && also.findIndex((other) => other.model === entry.model && !other.unread) === index));
  // A provider on this machine (LiteLLM, Ollama) answers `litellm/gpt-5` with whatever it runs (row 877).
  const main = cli && cli.models.length > 0 ? cli.models : found ? [found.model] : [];
  return gatewayModels(providerGateways(place, cli?.cwd), main, found, also);
}

/** `~/.config/opencode` (`XDG_CONFIG_HOME`). */
function globalDir(place: SettingsPlace): string {
  const xdg = place.env.XDG_CONFIG_HOME?.trim();
  return join(xdg && isAbsolute(xdg) ? xdg : join(place.home, '.config'), 'opencode');
}

/**
 * The work-tree directories OpenCode reads its project files in, lowest first (`''`: the top): from
 * the top down to its working directory (`cwd`, its process's: `opencode [project]` changes to it),
 * as its config loader looks for `opencode.json(c)` and `.opencode/` from there up to the work tree
 * (`ConfigPaths.projectFiles`, `ConfigPaths.directories`: `up` to `Instance.worktree`), the nearest
 * merged last.
 */
export function projectDirs(place: SettingsPlace, cwd: string | undefined): string[] {
  return ['', ...belowTop(place, cwd)];
}

type Layer = [shown: string, read: () => SettingsText, whose: 'own' | 'repo'];

/** OpenCode's config files and inline config, highest first (see {@link opencodeModel}). */
function configLayers(place: SettingsPlace, cwd: string | undefined): Layer[] {
  const { env } = place;
  const own = (path: string): Layer => [shownPath(place, path), () => readOwnSettings(path), 'own'];
  const repo = (path: string): Layer => [path, () => readRepoSettings(place, path), 'repo'];
  // The project's directories, nearest first: from OpenCode's working directory up to the work tree's top.
  const dirs = env.OPENCODE_DISABLE_PROJECT_CONFIG?.trim() ? [] : projectDirs(place, cwd).reverse();
  const projects = dirs.flatMap((dir) => [repo(inDir(dir, '.opencode/opencode.json')), repo(inDir(dir, '.opencode/opencode.jsonc'))]);
  const configDir = env.OPENCODE_CONFIG_DIR?.trim();
  const inline = env.OPENCODE_CONFIG_CONTENT;
  const custom = env.OPENCODE_CONFIG?.trim();
  const global = globalDir(place);
  const managed = systemPath(place, MANAGED);
  return [
    own(join(managed, 'opencode.json')),
    own(join(managed, 'opencode.jsonc')),
    // config/config.ts merges OPENCODE_CONFIG_CONTENT after every config directory, `~/.opencode` after the project's.
    ...(inline?.trim() ? [['env OPENCODE_CONFIG_CONTENT', () => inline, 'own'] as Layer] : []),
    ...(configDir ? [own(join(configDir, 'opencode.json')), own(join(configDir, 'opencode.jsonc'))] : []),
    own(join(place.home, '.opencode', 'opencode.json')),
    own(join(place.home, '.opencode', 'opencode.jsonc')),
    ...projects,
    ...dirs.flatMap((dir) => [repo(inDir(dir, 'opencode.json')), repo(inDir(dir, 'opencode.jsonc'))]),
    ...(custom ? [own(custom)] : []),
    own(join(global, 'opencode.jsonc')),
    own(join(global, 'opencode.json')),
    own(join(global, 'config.json')),
  ];
}

/** The top-level `model`, the first layer naming one, highest first. */
function topLevelModel(place: SettingsPlace, cwd: string | undefined): SettingsModel | null {
  let found: SettingsModel | null = null;
  for (const [shown, read, whose] of configLayers(place, cwd)) {
    const text = read();
    // OpenCode merges every config whole: one past the bound the hooks read hides its model and providers (row 942),
    // so what runs is not known, its agents' and session's models with it (readAgentSettings: row 968's one rule).
    if (text === OVERSIZED) throw new OversizedSettingsError(shown);
    if (found) continue;
    const written = text === null ? undefined : stringAt(parseJsonc(text), 'model');
    const model = written === undefined ? undefined : whose === 'own' ? substituted(written, place.env) : written;
    if (model) found = { model, evidence: `settings ${shown} model=${quote(model)}` };
  }
  return found;
}

/**
 * The endpoints of this machine OpenCode's providers are given (row 877): for a model `<provider>/<id>`, the
 * `provider.<provider>.options.baseURL` of the highest config naming one (OpenCode merges its configs; `{env:NAME}`
 * is that variable, as OpenCode substitutes it in every file), as evidence when it names this machine, else null.
 * Each file is read once, and only when a model is looked up.
 */
function providerGateways(place: SettingsPlace, cwd: string | undefined): (model: string) => string | null {
  let read: [string, unknown][] | undefined;
  const found = new Map<string, string | null>();
  return (model) => {
    const slash = model.indexOf('/');
    if (slash <= 0) return null;
    const id = model.slice(0, slash).trim();
    if (found.has(id)) return found.get(id)!;
    read ??= configLayers(place, cwd).map(([shown, text]) => {
      const written = text();
      return [shown, written === null || written === OVERSIZED ? undefined : parseJsonc(written)];
    });
    // OpenCode's built-in `lmstudio` provider with no baseURL calls LM Studio's server here (models.dev: http://127.0.0.1:1234/v1; row 895).
    let evidence: string | null = id === 'lmstudio' ? `model ${quote(model)} (OpenCode's lmstudio provider, no baseURL: LM Studio at 127.0.0.1:1234)` : null;
    for (const [shown, data] of read) {
      const url = stringAt(data, 'provider', id, 'options', 'baseURL');
      if (url === undefined) continue;
      const name = `settings ${shown} provider.${quote(id)}.options.baseURL=${quote(url)}`;
      const given = closedReplace(url, /\{env:([^}]*)\}/g, null, (_, variable) => place.env[variable!.trim()] ?? '');
      evidence = localEndpoint({ [name]: given }, [name]) === null ? null : name;
      break;
    }
    found.set(id, evidence);
    return evidence;
  };
}

