import { closeSync, constants, lstatSync, opendirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import { openRegularFile, readBytes } from '../io/read-regular-file.js';
import { MAX_WINDOW_MODELS } from './claude-transcript.js';
import { readProc } from './command-line.js';
import { databaseMessages } from './opencode-database.js';
import { usedAt, windowModels } from './session-window.js';
import { ownDirectories, projectPaths, shownPath, type SettingsPlace } from './settings-place.js';

/** Directory entries looked at in `storage/project/`, a project's `storage/session/<id>/`, a session's `storage/message/<id>/`. */
const MAX_PROJECT_NAMES = 256;
const MAX_SESSION_NAMES = 1024;
const MAX_MESSAGE_NAMES = 16_384;
/** Message files read, newest first, for the last assistant message. */
const MAX_MESSAGE_READS = 32;
/** One file of OpenCode's storage (a message's JSON is a kilobyte or two); past this it is not read. */
const MAX_FILE_BYTES = 64 * 1024;
/** Bytes read for one commit from the project files, and from the messages and state together. */
const MAX_BYTES = 1024 * 1024;
/** A session modified longer ago than this is not the one running (the fallback, no session id). */
const SESSION_RECENT_MS = 60 * 60 * 1000;
/** The TUI's last pick, while the config names a model and OpenCode's start is not known, only when made this recently. */
const STATE_RECENT_MS = 24 * 60 * 60 * 1000;
/** How much earlier than OpenCode's start, as `/proc` tells it, a pick may seem made (clock ticks, rounding). */
const START_SLACK_MS = 2000;
/**
 * A provider's or a model's id: printable, no control or format character, short. Made on first
 * use: V8 builds a pattern's Unicode property classes when it is made, and every agent's commit
 * hooks load this module (src/agent-settings/read-agent-settings.ts) while only OpenCode's and Kilo's read an id.
 */
let id: RegExp | undefined;
const ID = (): RegExp => (id ??= /^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]{1,128}$/u);

type Found = { model: string; evidence: string; overriddenBy: string[] };

/**
 * The OpenCode whose storage is read: OpenCode itself, or Kilo CLI (Kilo-Org/kilocode, its fork: the
 * same storage and database layout under `kilo` folders, `Global.Path`, with its own database name).
 */
export interface OpencodeApp {
  /** The folder under `$XDG_DATA_HOME` and `$XDG_STATE_HOME`. */
  dir: string;
  /** The database in the data folder, and the variable that moves it (absolute, or in the data folder). */
  database: string;
  databaseEnv: string;
  /** A plugin's session id variable (OpenCode exports none), and the variable naming the agent's process; null: none known. */
  sessionEnv: string | null;
  pidEnv: string | null;
}

export const OPENCODE: OpencodeApp = { dir: 'opencode', database: 'opencode.db', databaseEnv: 'OPENCODE_DB', sessionEnv: 'OPENCODE_SESSION_ID', pidEnv: 'OPENCODE_PID' };
/** Kilo CLI: `~/.local/share/kilo/kilo.db` (`KILO_DB`), `~/.local/state/kilo/model.json`; it exports no session id and no process id its hooks are known to read. */
export const KILO: OpencodeApp = { dir: 'kilo', database: 'kilo.db', databaseEnv: 'KILO_DB', sessionEnv: null, pidEnv: null };

/** What is left to read, shared by every read of one commit. */
interface Budget {
  bytes: number;
}

/** `$XDG_<KIND>_HOME/opencode` (`~/.local/share`, `~/.local/state`; Kilo's `kilo`): OpenCode's xdg-basedir directories, on every platform. */
function xdgDir(place: SettingsPlace, variable: string, fallback: string, app: OpencodeApp): string {
  const set = place.env[variable]?.trim();
  return join(set && isAbsolute(set) ? set : join(place.home, fallback), app.dir);
}

/**
 * The names in `dir` (itself no link) matching `pattern` whose entries are regular files (`files`)
 * or directories, never links (nothing read leaves OpenCode's storage): at most `max` entries looked at.
 */
function names(dir: string, pattern: RegExp, max: number, files: boolean): string[] {
  const found: string[] = [];
  let handle;
  try {
    if (!lstatSync(dir).isDirectory()) return found;
    handle = opendirSync(dir);
  } catch {
    return found;
  }
  try {
    for (let seen = 0; seen < max; seen++) {
      const entry = handle.readSync();
      if (entry === null) break;
      if ((files ? entry.isFile() : entry.isDirectory()) && pattern.test(entry.name)) found.push(entry.name);
    }
  } catch {
    // Unreadable: the names so far.
  } finally {
    handle.closeSync();
  }
  return found;
}

/** The JSON of a regular file (not a link, FIFO or device) of at most {@link MAX_FILE_BYTES}, within the budget; else undefined. */
function readJson(path: string, budget: Budget): unknown {
  const opened = openRegularFile(path, constants.O_NOFOLLOW);
  if (!opened) return undefined;
  try {
    if (opened.size > MAX_FILE_BYTES || opened.size > budget.bytes) return undefined;
    budget.bytes -= opened.size;
    return JSON.parse(readBytes(opened.fd, opened.size).toString('utf8'));
  } catch {
    return undefined;
  } finally {
    closeSync(opened.fd);
  }
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** `providerID/modelID` of an object naming both (OpenCode's model reference), or null. */
function modelOf(value: unknown): string | null {
  const provider = field(value, 'providerID');
  const model = field(value, 'modelID');
  return typeof provider === 'string' && typeof model === 'string' && ID().test(provider) && ID().test(model) ? `${provider}/${model}` : null;
}

/** Last modified, in ms, of a path that is not a link; 0 when none. */
function modifiedAt(path: string): number {
  try {
    const stat = lstatSync(path);
    return stat.isSymbolicLink() ? 0 : stat.mtimeMs;
  } catch {
    return 0;
  }
}

/** The ids of OpenCode's projects (`storage/project/<id>.json`) whose `worktree` (or one of its `sandboxes`) is this work tree. */
function projectIds(storage: string, place: SettingsPlace, budget: Budget): string[] {
  const paths = new Set(projectPaths(place));
  const ids: string[] = [];
  for (const name of names(join(storage, 'project'), /^[A-Za-z0-9_-]{1,128}\.json$/, MAX_PROJECT_NAMES, true)) {
    const project = readJson(join(storage, 'project', name), budget);
    const worktree = field(project, 'worktree');
    const sandboxes = field(project, 'sandboxes');
    const places = [worktree, ...(Array.isArray(sandboxes) ? sandboxes.slice(0, 64) : [])];
    if (places.some((path) => typeof path === 'string' && paths.has(path))) ids.push(name.slice(0, -'.json'.length));
  }
  return ids;
}

/** Recent sessions whose `directory` is read for the one OpenCode runs in its own directory, the most recently changed first. */
const MAX_OWN_READS = 16;

/**
 * The session OpenCode runs now: a session id in `OPENCODE_SESSION_ID` (a plugin's: OpenCode exports
 * none), else this project's session modified last, in the last hour; with OpenCode's own directory
 * known (`own`, {@link ownDirectories}), the most recently modified such session whose `directory` is
 * it comes first (another OpenCode in another directory of the work tree may have written since).
 */
function runningSession(storage: string, place: SettingsPlace, app: OpencodeApp, own: readonly string[]): string | null {
  const named = (app.sessionEnv && place.env[app.sessionEnv]?.trim()) ?? '';
  if (/^ses_[A-Za-z0-9]{1,64}$/.test(named)) return named;
  const budget: Budget = { bytes: MAX_BYTES };
  const recent: { id: string; project: string; at: number }[] = [];
  for (const project of projectIds(storage, place, budget)) {
    for (const name of names(join(storage, 'session', project), /^ses_[A-Za-z0-9]{1,64}\.json$/, MAX_SESSION_NAMES, true)) {
      const id = name.slice(0, -'.json'.length);
      // A new message file changes its directory's time; the session's file, its `time.updated`.
      const at = Math.max(modifiedAt(join(storage, 'session', project, name)), modifiedAt(join(storage, 'message', id)));
      if (Date.now() - at <= SESSION_RECENT_MS) recent.push({ id, project, at });
    }
  }
  recent.sort((a, b) => b.at - a.at);
  for (const session of own.length > 0 ? recent.slice(0, MAX_OWN_READS) : []) {
    const directory = field(readJson(join(storage, 'session', session.project, `${session.id}.json`), budget), 'directory');
    if (typeof directory === 'string' && own.includes(directory)) return session.id;
  }
  return recent[0]?.id ?? null;
}

/** When a message was created (`time.created`, ms since the epoch, as OpenCode writes it), or null. */
function createdAt(message: unknown): number | null {
  const created = field(field(message, 'time'), 'created');
  return typeof created === 'number' && Number.isFinite(created) && created >= 0 && created <= 8.64e15 ? created : null;
}

/** One message of the running session as read from OpenCode's storage: where it is (for evidence) and its JSON. */
export interface StoredMessage {
  place: string;
  message: unknown;
}

/**
 * The model of the session's last assistant message (`providerID`, `modelID`), `messages` read newest
 * first, and beside it every other model its assistant messages ran since the previous commit
 * (`place.windowStart`: each message dated by its `time.created`, weighed by {@link windowModels}),
 * the most recently used first, at most {@link MAX_WINDOW_MODELS}: messages are read back to the first
 * one created before the window, at most {@link MAX_MESSAGE_READS}.
 */
function sessionWindowModels(place: SettingsPlace, messages: Iterable<StoredMessage>): Found[] {
  const since = place.windowStart ? place.windowStart() : undefined;
  const read: { place: string; date: number | null; model: string | null }[] = [];
  let last: Found | null = null;
  for (const { place: where, message } of messages) {
    const model = field(message, 'role') === 'assistant' ? modelOf(message) : null;
    const date = createdAt(message);
    read.push({ place: where, date, model });
    if (model && !last) last = { model, evidence: `session ${where} model=${quote(model)}`, overriddenBy: [] };
    // No window: the last model only. A window: back to the first message before it.
    if (last && (since === undefined || (since !== null && date !== null && date < since))) break;
    if (read.length >= MAX_MESSAGE_READS) break;
  }
  const found = last ? [last] : [];
  if (since === undefined) return found;
  const used = windowModels(read.toReversed(), since, MAX_WINDOW_MODELS).models;
  for (const each of used) {
    if (found.some((seen) => seen.model === each.model)) continue;
    const where = read.find((message) => message.model === each.model)!.place;
    found.push({ model: each.model, evidence: `session ${where} model=${quote(each.model)} ${usedAt(each)}`, overriddenBy: [] });
  }
  return found;
}

/** The session's message files (`storage/message/<session>/msg_*.json`), the newest first by id (OpenCode's message ids ascend with time), read as they are weighed. */
function* messageFiles(storage: string, place: SettingsPlace, session: string, budget: Budget): Generator<StoredMessage> {
  const dir = join(storage, 'message', session);
  const files = names(dir, /^msg_[A-Za-z0-9]{1,64}\.json$/, MAX_MESSAGE_NAMES, true).sort().reverse();
  for (const name of files) yield { place: shownPath(place, join(dir, name)), message: readJson(join(dir, name), budget) };
}

/**
 * When the OpenCode process that runs this commit started (`OPENCODE_PID`, which OpenCode sets for the
 * commands it runs: `/proc/<pid>/stat`'s start in clock ticks after boot, against `/proc/uptime`), or null
 * where that is not known.
 */
export function opencodeStart(place: SettingsPlace, proc = '/proc', app = OPENCODE): number | null {
  const pid = (app.pidEnv && place.env[app.pidEnv]?.trim()) ?? '';
  if (!/^[1-9][0-9]{0,9}$/.test(pid) || (process.platform !== 'linux' && process.platform !== 'android')) return null;
  const stat = readProc(`${proc}/${pid}/stat`, 4096)?.toString('latin1');
  const uptime = Number.parseFloat(readProc(`${proc}/uptime`, 128)?.toString('latin1') ?? '');
  // `pid (comm) state ppid …`: fields counted from comm's last `)`; the start is the 22nd, in USER_HZ (100) ticks.
  const ticks = stat === undefined ? Number.NaN : Number.parseInt(stat.slice(stat.lastIndexOf(')') + 1).trim().split(' ')[19] ?? '', 10);
  if (!Number.isFinite(uptime) || !Number.isFinite(ticks)) return null;
  return Date.now() - (uptime - ticks / 100) * 1000;
}

/**
 * The model picked last in OpenCode's TUI (`model.json`'s `recent`, newest first): when the config
 * names none (OpenCode runs it then); else when it was picked since the running OpenCode started
 * (a TUI starts on the config's model), or, that start unknown, in the last day.
 */
function lastPick(place: SettingsPlace, configured: boolean, budget: Budget, proc: string, app: OpencodeApp): Found | null {
  const path = join(xdgDir(place, 'XDG_STATE_HOME', '.local/state', app), 'model.json');
  if (configured) {
    const at = modifiedAt(path);
    const started = opencodeStart(place, proc, app);
    if (started === null ? Date.now() - at > STATE_RECENT_MS : at < started - START_SLACK_MS) return null;
  }
  const recent = field(readJson(path, budget), 'recent');
  const model = Array.isArray(recent) ? modelOf(recent[0]) : null;
  return model ? { model, evidence: `state ${shownPath(place, path)} recent[0]=${quote(model)}`, overriddenBy: [] } : null;
}

/**
 * The models OpenCode runs that no config names: one picked in its TUI (`/models`, ctrl+x m) or by
 * `--model`, as its own storage records them (anomalyco/opencode `storage/storage.ts`, the JSON
 * layout before its SQLite database): the running session's last assistant message, and the last
 * pick of `~/.local/state/opencode/model.json` (`Provider.defaultModel` runs it when the config
 * names none; else only one made since the running OpenCode started), and the other models the
 * session's assistant messages ran since the previous commit (a `/models` switch and back). Beside the config's models, never in their place: the session is found by the time
 * its files changed, so it may be another session of this project. Bounded: a few directories
 * listed ({@link MAX_SESSION_NAMES}, {@link MAX_MESSAGE_NAMES} names), {@link MAX_MESSAGE_READS}
 * messages and twice {@link MAX_BYTES} read, no link followed. OpenCode 1.2+ keeps its sessions in
 * SQLite (`opencode.db`): its running session's messages there are weighed the same way
 * (`opencode-database.ts`, read by aitrail's own bounded reader). `app`: Kilo CLI's the same under its own folders.
 * `cwd`: the directory OpenCode's own process runs in, when found: its sessions are looked for first.
 */
export function opencodeSessionModels(place: SettingsPlace, configured: boolean, proc = '/proc', app = OPENCODE, cwd?: string): Found[] {
  const budget: Budget = { bytes: MAX_BYTES };
  const data = xdgDir(place, 'XDG_DATA_HOME', '.local/share', app);
  const storage = join(data, 'storage');
  const found: Found[] = [];
  const own = ownDirectories(place, cwd);
  const session = runningSession(storage, place, app, own);
  if (session) found.push(...sessionWindowModels(place, messageFiles(storage, place, session, budget)));
  // OpenCode 1.2+: the same session's messages in its SQLite database.
  for (const ran of sessionWindowModels(place, databaseMessages(place, data, app, own))) {
    if (!found.some((seen) => seen.model === ran.model)) found.push(ran);
  }
  const picked = lastPick(place, configured, budget, proc, app);
  if (picked && !found.some((ran) => ran.model === picked.model)) found.push(picked);
  return found;
}
