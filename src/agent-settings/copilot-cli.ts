import { closeSync, constants, lstatSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { openRegularFile, readBytes } from '../io/read-regular-file.js';
import type { Beside } from './chat-recordings.js';
import { SESSION_ID } from './claude-transcript.js';
import { MAX_LISTED, type WrittenFile } from './files-by-written.js';
import { agentFolderModels, linkedAgentFile, unreadFolder } from './agent-files.js';
import { parseJsonc, stringAt, valueAt } from './parse-settings.js';
import type { CommandLineModel } from './command-line.js';
import { gatewayModel, HOSTED_NAME, localEndpoint } from './claude-code-router.js';
import { changedPlace } from './copilot-context.js';
import { modelsSince, parseTimestamp, printableModel, RECENT_MS, usedAt, type SessionRecords } from './session-window.js';
import { OVERSIZED, OversizedSettingsError, oversizedEvidence, ownDirectories, readOwnFile, readOwnSettings, readRepoFile, readRepoSettings, realRoot, shownPath, systemPath, within, type SettingsPlace, type SettingsText } from './settings-place.js';
import { trimTrailing } from '../core/trim-run.js';

/** Managed settings an organisation deploys (docs.github.com, Copilot CLI configuration directory: MDM managed settings). */
const MANAGED = process.platform === 'darwin' ? 'Library/Application Support/GitHubCopilot/managed-settings.json' : 'etc/github-copilot/managed-settings.json';

/** The session's events read from the end first; further back only when the window or its last model reaches past them. */
const TAIL = 256 * 1024;
const FURTHEST = 16 * 1024 * 1024;
/** An event line longer than this (a tool's output) is not parsed: no model event is. */
const MAX_LINE = 1024 * 1024;
/** Models used since the previous commit recorded beside the session's last, the most recently used first. */
const MAX_WINDOW_MODELS = 8;

/** Copilot CLI's configuration directory: `COPILOT_HOME` (an absolute path), else `~/.copilot`; null when `COPILOT_HOME` is relative. */
function copilotHome(place: SettingsPlace): string | null {
  const custom = place.env.COPILOT_HOME?.trim();
  if (custom) return isAbsolute(custom) ? custom : null;
  return join(place.home, '.copilot');
}

/** A settings file's data (JSON with comments, as Copilot CLI reads `settings.json`), or undefined. */
function parsed(text: string | null): unknown {
  return text === null ? undefined : parseJsonc(text);
}

/**
 * Whether Copilot CLI trusts the work tree, so reads its repository `model` (it applies a
 * repository's or local settings' `model` only in a trusted folder): the folders the person trusted,
 * `trusted_folders` of `config.json` (where the trust prompt keeps them), or `trustedFolders` of
 * `settings.json`, one of them the work tree's top or above it.
 */
function trusted(place: SettingsPlace, settings: unknown, config: unknown): boolean {
  const root = realRoot(place);
  const folders = [config, settings].flatMap((data) => [valueAt(data, 'trusted_folders'), valueAt(data, 'trustedFolders')]);
  return folders.some((list) => Array.isArray(list) && list.slice(0, 4096).some((folder) => typeof folder === 'string' && folder.length <= 4096 && (within(place.root, folder) || within(root, folder))));
}

/**
 * A managed settings file's model: its top-level `model`, or `model.default` (the reference's object form, "default set
 * to a supported model name", row 1010), else the older `permissions.model`.
 */
function managedModel(data: unknown): { model: string; key: string } | undefined {
  const top = stringAt(data, 'model');
  if (top) return { model: top, key: 'model' };
  const governed = stringAt(data, 'model', 'default');
  if (governed) return { model: governed, key: 'model.default' };
  const nested = stringAt(data, 'permissions', 'model');
  return nested ? { model: nested, key: 'permissions.model' } : undefined;
}

/**
 * GitHub Copilot CLI's `model` setting (docs.github.com, Copilot CLI configuration directory), in
 * its precedence: `.github/copilot/settings.local.json`, then `.github/copilot/settings.json` (a
 * repository's `model` applies only when the folder is trusted: {@link trusted}), then the user's
 * `settings.json` in `COPILOT_HOME` (`~/.copilot`; JSONC), then its `config.json` (where versions
 * before `settings.json` kept the user's settings, and `/model` wrote the model); the managed
 * `managed-settings.json` (an organisation's default) comes before them all (row 981). `COPILOT_MODEL` comes before every file
 * (command-line flags and variables take the highest precedence); `--model` is read from the
 * command line (`command-line.ts`: which of it and `COPILOT_MODEL` wins is not documented, so both
 * are recorded), and `/model` from the session's events ({@link copilotSessionModels}).
 */
export function copilotCliModel(place: SettingsPlace, cli?: CommandLineModel | null): SettingsModel | null {
  // A settings file past the bound the hooks read: what it names is not known (row 957), yet `COPILOT_MODEL` and
  // `--model` come before every file, so each still wins over it (row 976).
  const found = copilotSettingsModel(place);
  // Its bring-your-own-key provider on this machine (LiteLLM on :4000) answers a hosted model's name with any model (row 868).
  const env = place.env;
  const named = [cli?.models ?? [], env.COPILOT_MODEL ?? '', env.COPILOT_PROVIDER_MODEL_ID ?? '', env.COPILOT_PROVIDER_WIRE_MODEL ?? '', found?.model ?? ''].flat();
  const byEnv = gatewayModel(localEndpoint(env, ['COPILOT_PROVIDER_BASE_URL']), named, HOSTED_NAME, true, ['COPILOT_MODEL']);
  if (byEnv) return byEnv;
  // A provider of its `providers.json` on this machine serves `<provider>/<id>` under any hosted name (row 977).
  const registry = registryGateway(place, named);
  return (registry && gatewayModel(registry.found, registry.names, HOSTED_NAME, false, ['COPILOT_MODEL'])) ?? found;
}

/**
 * Copilot CLI's bring-your-own-key registry (`COPILOT_PROVIDERS_CONFIG`, else `providers.json` in its configuration
 * directory: docs.github.com, Copilot CLI configuration directory): its `providers` (a list of `{name, baseUrl}`, or
 * an object by name) whose `baseUrl` names this machine, and the models of `named` selected as `<provider>/<id>`
 * (Fireworks' Copilot CLI guide: `--model fireworks/<name>`), which go there under the `wireModel` the file sets.
 */
function registryGateway(place: SettingsPlace, named: readonly string[]): { found: string; names: string[] } | null {
  const custom = place.env.COPILOT_PROVIDERS_CONFIG?.trim();
  const home = copilotHome(place);
  const file = custom ? (isAbsolute(custom) ? custom : null) : home === null ? null : join(home, 'providers.json');
  if (file === null) return null;
  const text = readOwnSettings(file);
  // Past the bound its providers are not known, nor where a selected name goes: the one rule's unknown (row 968).
  if (text === OVERSIZED) throw new OversizedSettingsError(file);
  const providers = valueAt(parsed(text), 'providers');
  const entries: [string, unknown][] = Array.isArray(providers)
    ? providers.slice(0, 4096).map((entry) => [stringAt(entry, 'name') ?? stringAt(entry, 'id') ?? '', entry])
    : providers !== null && typeof providers === 'object' ? Object.entries(providers).slice(0, 4096) : [];
  for (const [name, entry] of entries) {
    const base = stringAt(entry, 'baseUrl') ?? stringAt(entry, 'base_url');
    if (!name || !base) continue;
    const found = localEndpoint({ base }, ['base']);
    const names = named.filter((model) => model.trim().toLowerCase().startsWith(`${name.toLowerCase()}/`));
    if (found && names.length > 0) return { found: `${shownPath(place, file)} provider ${quote(name)} baseUrl=${quote(base)}`, names };
  }
  return null;
}

/** The model Copilot CLI's settings files name (see {@link copilotCliModel}). */
function copilotSettingsModel(place: SettingsPlace): SettingsModel | null {
  // The organisation's managed settings come before every user-level file, a repository's too (docs.github.com,
  // enterprise managed settings: MDM, server, file-based, then user-level settings): its `model` is the default (row 981).
  const managed = systemPath(place, MANAGED);
  const org = managedModel(parsed(readOwnFile(managed)));
  if (org) return { model: org.model, evidence: `settings ${shownPath(place, managed)} ${org.key}=${quote(org.model)}`, overriddenBy: ['COPILOT_MODEL'] };
  const home = copilotHome(place);
  if (home === null) return null;
  const settingsFile = join(home, 'settings.json');
  const configFile = join(home, 'config.json');
  // Copilot CLI reads each file whole: one past the bound hides the model it names, and the next file's would be read in its place (row 957).
  // What it hides is a file's `model` (or the trust a repository's needs): `COPILOT_MODEL` and `--model` come before it (row 976).
  const padded = (shown: string): SettingsModel => ({ model: 'unknown', evidence: oversizedEvidence(shown), overriddenBy: ['COPILOT_MODEL'] });
  const own: [string, SettingsText][] = [settingsFile, configFile].map((file) => [shownPath(place, file), readOwnSettings(file)]);
  if (own[0]![1] === OVERSIZED) return padded(own[0]![0]);
  // config.json is Copilot CLI's application state too (authentication, plugins, trusted folders): one past the bound
  // hides its trust list and its older `model`, and changes the answer only where those are asked (row 972).
  const stateUnread = own[1]![1] === OVERSIZED;
  const [settings, config] = own.map(([, text]) => parsed(text === OVERSIZED ? null : text));
  const trust = trusted(place, settings, config) ? true : stateUnread ? undefined : false;
  const repo = (path: string) => (): SettingsText | undefined => (trust !== false ? readRepoSettings(place, path) : undefined);
  const layers: [string, () => SettingsText | undefined][] = [
    ['.github/copilot/settings.local.json', repo('.github/copilot/settings.local.json')],
    ['.github/copilot/settings.json', repo('.github/copilot/settings.json')],
  ];
  for (const [shown, read] of layers) {
    const text = read();
    if (text === OVERSIZED) return padded(trust ? shown : own[1]![0]);
    const model = stringAt(text === undefined ? undefined : parsed(text), 'model');
    // A repository's model whose folder's trust is not known: Copilot CLI may run it or the person's.
    if (model && !trust) return padded(own[1]![0]);
    if (model) return { model, evidence: `settings ${shown} model=${quote(model)}`, overriddenBy: ['COPILOT_MODEL'] };
  }
  for (const [index, data] of [settings, config].entries()) {
    if (index === 1 && stateUnread) return padded(own[1]![0]);
    const model = stringAt(data, 'model');
    if (model) return { model, evidence: `settings ${own[index]![0]} model=${quote(model)}`, overriddenBy: ['COPILOT_MODEL'] };
  }
  return null;
}

/** The data of an event, when it is an object. */
function dataOf(record: Record<string, unknown>): unknown {
  return record.data !== null && typeof record.data === 'object' && !Array.isArray(record.data) ? record.data : undefined;
}

/**
 * An event's own `timestamp` where Copilot CLI writes it, read without parsing the line: after its
 * `data`, just before its closing `parentId` (`…,"timestamp":"…","parentId":null}`), or among the
 * string keys before its `data` (`{"type":"…","id":"…","timestamp":"…"`). Only these places: a
 * string's quotes are escaped, so these bytes are the event's own keys, never a tool's output.
 */
const TAIL_DATE = /[{,]"timestamp":"([^"\\]{1,40})"(?:,"parentId":(?:null|"[^"\\]{0,128}"))?\}\s*$/;
const HEAD_DATE = /^\{(?:"[A-Za-z]{1,32}":"[^"\\]{0,128}",){0,6}"timestamp":"([^"\\]{1,40})"/;
const ENDS = 512;

/**
 * Copilot CLI's session events (`events.jsonl`, one `{"type", "data", "id", "timestamp", "parentId"}`
 * a line: github/copilot-sdk `session-events.schema.json`): the model a session starts or resumes
 * with (`session.start`/`session.resume` `data.selectedModel`), each switch (`session.model_change`
 * `data.newModel`: `/model`, the settings, an agent, a fallback), a model call's model
 * (`assistant.usage` `data.model`, a subagent's too) and the model at shutdown
 * (`session.shutdown` `data.currentModel`); each in force for the events after it. Only lines
 * holding a model key (`odel":`: `"model":`, `"newModel":`…; a string's quotes are escaped) are
 * parsed; every other line is dated by its own `timestamp` ({@link TAIL_DATE}).
 */
const EVENTS: SessionRecords = {
  marker: Buffer.from('odel":'),
  lineDate(line) {
    const tail = TAIL_DATE.exec(line.subarray(Math.max(0, line.length - ENDS)).toString('latin1'))?.[1] ?? HEAD_DATE.exec(line.subarray(0, ENDS).toString('latin1'))?.[1];
    return tail === undefined ? null : parseTimestamp(tail);
  },
  model(record) {
    const data = dataOf(record);
    const key = { 'session.start': 'selectedModel', 'session.resume': 'selectedModel', 'session.model_change': 'newModel', 'assistant.usage': 'model', 'session.shutdown': 'currentModel' }[String(record.type)];
    return key === undefined ? null : printableModel(valueAt(data, key));
  },
  carries: true,
};

/** The session's events file: `session-state/<id>/events.jsonl`, or the older `session-state/<id>.jsonl`. */
function eventFiles(home: string, id: string): string[] {
  return [join(home, 'session-state', id, 'events.jsonl'), join(home, 'session-state', `${id}.jsonl`)];
}

/** The models of one session's events file, each labelled `label` (`session`, `recent session`): its last model, and those in force since the previous commit. */
function eventModels(place: SettingsPlace, path: string, label: string): Beside[] {
  const limits = { tail: TAIL, furthest: FURTHEST, maxLine: MAX_LINE, max: MAX_WINDOW_MODELS, flags: constants.O_NOFOLLOW };
  const since = place.windowStart ? place.windowStart() : null;
  const window = modelsSince(path, EVENTS, since, limits);
  if (window === null) return [];
  // The last model named further back than the window's read (a session that switched long before).
  const last = window.last ?? (since === null ? null : (modelsSince(path, EVENTS, null, limits)?.last ?? null));
  const shown = shownPath(place, path);
  const found: Beside[] = last === null ? [] : [{ model: last, evidence: `${label} ${shown} model=${quote(last)}`, overriddenBy: [] }];
  // No window asked for: the last model alone.
  for (const used of place.windowStart ? window.models : []) {
    if (used.model !== last) found.push({ model: used.model, evidence: `${label} ${shown} model=${quote(used.model)} ${usedAt(used)}`, overriddenBy: [] });
  }
  return found;
}

/** A session's directory (`session-state/<id>/`) and older events file (`session-state/<id>.jsonl`), the id a UUID. */
const SESSION_DIR = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SESSION_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jsonl$/i;
/** Sessions written within the hour whose directory is looked at, the most recently written first. */
const MAX_RECENT = 16;
/** The head of a session's events read for where it runs (`session.start` comes first), and the most of its `workspace.yaml` read. */
const HEAD = 64 * 1024;

/**
 * The events files of `session-state/` written within {@link RECENT_MS}, the most recently written
 * first, at most {@link MAX_RECENT}: `<id>/events.jsonl` of a directory (a link is not one) and the
 * older `<id>.jsonl`, each a regular file (a link in its place is not one); at most
 * {@link MAX_LISTED} names listed.
 */
function recentEventFiles(home: string, now = Date.now()): WrittenFile[] {
  const state = join(home, 'session-state');
  let entries;
  try {
    entries = readdirSync(state, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: WrittenFile[] = [];
  for (const entry of entries.slice(0, MAX_LISTED)) {
    const path = entry.isDirectory() && SESSION_DIR.test(entry.name) ? join(state, entry.name, 'events.jsonl') : entry.isFile() && SESSION_FILE.test(entry.name) ? join(state, entry.name) : null;
    if (path === null) continue;
    try {
      const stat = lstatSync(path);
      if (stat.isFile() && now - stat.mtimeMs <= RECENT_MS) files.push({ path, written: stat.mtimeMs });
    } catch {
      // Gone since it was listed, or no events yet.
    }
  }
  return files.sort((a, b) => b.written - a.written || (a.path < b.path ? -1 : 1)).slice(0, MAX_RECENT);
}

/** The first {@link HEAD} bytes of `path`, a regular file never opened through a link; null otherwise. */
function head(path: string): string | null {
  const opened = openRegularFile(path, constants.O_NOFOLLOW);
  if (!opened) return null;
  try {
    return readBytes(opened.fd, Math.min(opened.size, HEAD)).toString('utf8');
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
}

/** A directory a session names: an absolute path, printable, at most 4,096 characters. */
function directory(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 4096 && isAbsolute(value) && !/[\x00-\x1f\x7f-\x9f]/.test(value) ? value : null;
}

/** A directory a session names, and whether as its working directory (`cwd`) or its repository's top. */
type SessionDirectory = { dir: string; cwd: boolean };

/**
 * The directories a session says it runs in: its `session.start`'s and any `session.resume`'s
 * `data.context` `cwd` and `gitRoot` in the head of its events (github/copilot-sdk
 * `session-events.schema.json`, the working directory and git context at session start), and the
 * `cwd` and `git_root` of its `workspace.yaml` (beside `events.jsonl`); when `/cwd` moved it since
 * (a `session.context_changed` after them: {@link changedPlace}), that event's alone.
 */
function sessionDirectories(path: string): SessionDirectory[] {
  // Moved by `/cwd` since it started or resumed: where it runs now, and nowhere else.
  const changed = changedPlace(path);
  if (changed !== null) return changed.map(({ dir, cwd }) => ({ dir: directory(dir), cwd })).filter((entry): entry is SessionDirectory => entry.dir !== null);
  const dirs: { dir: string | null; cwd: boolean }[] = [];
  const text = head(path) ?? '';
  // Complete lines only: one cut at the head's end is not parsed.
  const lines = text.split('\n');
  for (const line of lines.slice(0, lines.length - 1)) {
    if (!line.includes('"session.start"') && !line.includes('"session.resume"')) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      continue;
    }
    const type = valueAt(record, 'type');
    if (type !== 'session.start' && type !== 'session.resume') continue;
    for (const key of ['cwd', 'gitRoot']) dirs.push({ dir: directory(valueAt(record, 'data', 'context', key)), cwd: key === 'cwd' });
  }
  if (path.endsWith('events.jsonl')) {
    const workspace = head(join(dirname(path), 'workspace.yaml')) ?? '';
    for (const [key, value] of workspaceEntries(workspace)) dirs.push({ dir: directory(value), cwd: key === 'cwd' });
  }
  return dirs.filter((entry): entry is SessionDirectory => entry.dir !== null);
}

/**
 * The `cwd` and `git_root` entries of a `workspace.yaml`, each value without the spaces around it and
 * its quotes, trimmed outside the pattern (`[ \t]*(.*?)[ \t]*$` tried every split of a run of spaces:
 * quadratic in a line of them).
 */
function workspaceEntries(text: string): [key: string, value: string][] {
  return [...text.matchAll(/^(cwd|git_root):(.*)$/gm)].map(([, key, rest]) => {
    const value = trimTrailing(rest!.replace(/^[ \t]+/, ''), ' \t');
    return [key!, /^(["'])(.*)\1$/.exec(value)?.[2] ?? value];
  });
}

/** The `cwd` and `git_root` values of a `workspace.yaml` ({@link workspaceEntries}). */
export function workspaceValues(text: string): string[] {
  return workspaceEntries(text).map(([, value]) => value);
}

/** Whether a session running in one of `dirs` works in this work tree: one of them its top or below it (as given, or with links resolved). */
function ofWorkTree(place: SettingsPlace, dirs: readonly SessionDirectory[]): boolean {
  const real = realRoot(place);
  return dirs.some(({ dir }) => within(dir, place.root) || within(dir, real));
}

/**
 * The models of Copilot CLI's session guessed when no exported session names one (Copilot CLI
 * without `COPILOT_AGENT_SESSION_ID`, or `git commit` run with it unset or naming no session): the
 * most recently written session of `session-state/` written within the hour whose start or resume
 * ran in the work tree ({@link sessionDirectories}); with Copilot CLI's own process found (`own`, its
 * working directory: {@link ownDirectories}), one whose start, resume or workspace names that
 * directory as its working directory (not as its repository's top) comes first, another session of the work tree (another Copilot CLI in another of its
 * directories) read only when none does. A guess, so only ever added beside.
 */
function recentSessionModels(place: SettingsPlace, home: string, own: readonly string[]): Beside[] {
  let newest: string | undefined;
  for (const file of recentEventFiles(home)) {
    const dirs = sessionDirectories(file.path);
    if (!ofWorkTree(place, dirs)) continue;
    if (own.length === 0 || dirs.some(({ dir, cwd }) => cwd && own.includes(dir))) return eventModels(place, file.path, 'recent session');
    newest ??= file.path;
  }
  return newest === undefined ? [] : eventModels(place, newest, 'recent session');
}

/**
 * The models Copilot CLI's custom agents run on, beside the session's: an agent's `model:` frontmatter
 * ("Model to use when this custom agent executes": docs.github.com custom-agents-configuration) in the
 * work tree's `.github/agents/*.agent.md` (or `*.md`) and the user's `$COPILOT_HOME/agents/` (`~/.copilot`).
 * The main agent hands tasks to them (a subagent) unseen by a hook, or `copilot --agent` runs one:
 * every agent is recorded, not only one that ran.
 */
export async function copilotAgentModels(place: SettingsPlace): Promise<Beside[]> {
  const models = new Map<string, string>();
  const add = (model: string | undefined, shown: string) => {
    if (model && model !== 'inherit' && !models.has(model)) models.set(model, `settings ${shown} model=${quote(model)}`);
  };
  const unread: string[] = [];
  const project = await agentFolderModels(join(place.root, '.github', 'agents'), (name, head) => readRepoFile(place, `.github/agents/${name}`, head) ?? linkedAgentFile(join(place.root, '.github', 'agents', name), head));
  for (const { name, models: found } of project.files) for (const model of found) add(model, `.github/agents/${name}`);
  if (project.unread) unread.push('.github/agents');
  const home = copilotHome(place);
  const dir = home === null ? null : join(home, 'agents');
  if (dir !== null) {
    const own = await agentFolderModels(dir, (name, head) => readOwnFile(join(dir, name), head));
    for (const { name, models: found } of own.files) for (const model of found) add(model, shownPath(place, join(dir, name)));
    if (own.unread) unread.push(shownPath(place, dir));
  }
  return [...[...models].map(([model, evidence]) => ({ model, evidence, overriddenBy: [] })), ...unread.map((shown) => unreadFolder(shown))];
}

/**
 * The models Copilot CLI's own session ran with: Copilot CLI exports its session id to the commands
 * it runs (`COPILOT_AGENT_SESSION_ID`, a UUID) and logs the session's events to
 * `$COPILOT_HOME/session-state/<id>/events.jsonl` (`~/.copilot`): the model in force last, and every
 * model in force since the previous commit (`place.windowStart`: a `/model` switch and back before
 * the commit), each recorded beside the settings' and the command line's, never in their place.
 * A regular file only, never through a link (`O_NOFOLLOW`), its last 256 KB, then (the window or
 * its last model reaching past them) its last 16 MB; a line past 1 MB is not parsed. Without the
 * variable, or when its session names no model, the work tree's recent session is guessed
 * ({@link recentSessionModels}; `cli`: Copilot CLI's own process, its directory's session first).
 */
export function copilotSessionModels(place: SettingsPlace, _launched: readonly string[] = [], cli?: CommandLineModel | null): Beside[] {
  const id = place.env.COPILOT_AGENT_SESSION_ID?.trim() ?? '';
  const home = copilotHome(place);
  if (home === null) return [];
  const path = SESSION_ID.test(id)
    ? eventFiles(home, id).find((candidate) => {
        try {
          return lstatSync(candidate).isFile();
        } catch {
          return false;
        }
      })
    : undefined;
  const exact = path === undefined ? [] : eventModels(place, path, 'session');
  return exact.length > 0 ? exact : recentSessionModels(place, home, ownDirectories(place, cli?.cwd));
}
