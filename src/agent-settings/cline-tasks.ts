import { lstatSync, readdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import { readUnlinkedJson } from '../io/read-regular-file.js';
import { roots, type Beside } from './chat-recordings.js';
import { providerModel, taskWindow } from './cline-task-records.js';
import { MAX_WINDOW_MODELS } from './claude-transcript.js';
import { RECENT_MS, usedAt, windowModels, type WindowModel } from './session-window.js';
import { absolute, editorsBase, projectPaths, shownPath, type SettingsPlace } from './settings-place.js';
import { trimTrailing } from '../core/trim-run.js';

/** Cline's VS Code extension id: its `globalStorage` directory in every editor that runs it. */
const EXTENSION = 'saoudrizwan.claude-dev';
/** Editors that run VS Code extensions, by their user-data directory's name, and their remote servers' directories under home. */
const EDITORS = ['Code', 'Code - Insiders', 'VSCodium', 'Cursor', 'Windsurf'];
const SERVERS = ['.vscode-server', '.vscode-server-insiders', '.cursor-server', '.windsurf-server'];
/** The newest tasks of the work tree read (the work since the previous commit may span a new task or two). */
const MAX_TASKS = 4;
/** `state/taskHistory.json` past this is not read; its last entries only. */
const MAX_HISTORY_BYTES = 16 * 1024 * 1024;
const MAX_HISTORY_ITEMS = 10_000;
/** A task's id as Cline names its directory (`Date.now()` digits; a plain name). */
const TASK_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Names listed in the SDK's `sessions/` directory, and session manifests looked at (the most recently written). */
const MAX_SESSION_NAMES = 4096;
const MAX_SESSIONS_LOOKED = 16;
/** A session manifest (`<id>/<id>.json`: a few hundred bytes) past this is not one. */
const MAX_MANIFEST_BYTES = 1024 * 1024;
/** A session's messages (`<id>.messages.json`, one JSON document) past this are not read; their last entries only. */
const MAX_MESSAGES_BYTES = 16 * 1024 * 1024;
const MAX_MESSAGES = 10_000;

/**
 * Cline's storage directories (its `globalStorageFsPath`, holding `state/` and `tasks/`): the CLI's
 * and JetBrains' `CLINE_DATA_DIR`, else `<CLINE_DIR or ~/.cline>/data` (cline `cli/src/utils/path.ts`,
 * `vscode-context.ts`), and the extension's `User/globalStorage/saoudrizwan.claude-dev` of each editor.
 */
function storageDirs(place: SettingsPlace): string[] {
  const dirs = new Set<string>();
  const data = absolute(place, place.env.CLINE_DATA_DIR);
  if (data) dirs.add(data);
  dirs.add(join(absolute(place, place.env.CLINE_DIR) ?? join(place.home, '.cline'), 'data'));
  const base = editorsBase(place);
  for (const editor of EDITORS) dirs.add(join(base, editor, 'User', 'globalStorage', EXTENSION));
  for (const server of SERVERS) dirs.add(join(place.home, server, 'data', 'User', 'globalStorage', EXTENSION));
  return [...dirs];
}

/** A path as Cline compares them: without trailing separators. */
function trimmed(path: string): string {
  return path.length > 1 ? trimTrailing(path, '\\/') : path;
}

interface RecentTask {
  dir: string;
  written: number;
}

/**
 * The tasks of `state/taskHistory.json` (Cline's history: `{id, ts, cwdOnTaskInitialization,
 * shadowGitConfigWorkTree, …}`, `ts` its last message's) started in one of `places`, as Cline's own
 * CLI finds a workspace's most recent task (`findMostRecentTaskForWorkspace`).
 */
function historyTasks(storage: string, places: ReadonlySet<string>): RecentTask[] {
  const items = readUnlinkedJson(join(storage, 'state', 'taskHistory.json'), MAX_HISTORY_BYTES);
  if (!Array.isArray(items)) return [];
  return items.slice(-MAX_HISTORY_ITEMS).flatMap((item: unknown): RecentTask[] => {
    if (item === null || typeof item !== 'object') return [];
    const { id, ts, cwdOnTaskInitialization: cwd, shadowGitConfigWorkTree: tree } = item as Record<string, unknown>;
    if (typeof id !== 'string' || !TASK_ID.test(id) || typeof ts !== 'number' || !Number.isFinite(ts)) return [];
    const here = [cwd, tree].some((path) => typeof path === 'string' && isAbsolute(path) && places.has(trimmed(path)));
    return here ? [{ dir: join(storage, 'tasks', id), written: ts }] : [];
  });
}

/** The newest tasks of the work tree (its top, as given and resolved, a linked worktree's main one, or a directory the agent runs in below it) written within the hour, newest first. */
function recentTasks(place: SettingsPlace, launched: readonly string[], now: number): RecentTask[] {
  const places = new Set([...projectPaths(place), ...roots(place, launched)].map(trimmed));
  return storageDirs(place)
    .flatMap((storage) => historyTasks(storage, places))
    .filter((task) => now - task.written <= RECENT_MS)
    .sort((a, b) => b.written - a.written)
    .slice(0, MAX_TASKS);
}

/**
 * The models of Cline's task committing now, to be recorded beside (Cline keeps no settings file a
 * hook reads, and exports only `CLINE_ACTIVE=true` to its terminal, no task id): the newest tasks
 * of the work tree in Cline's history written within the hour (a guess, as Claude Code's recent
 * transcript: only ever added), each read as {@link taskWindow} reads it; every model used since the
 * previous commit (`place.windowStart`), at most {@link MAX_WINDOW_MODELS}; without a window start,
 * the newest task's last model. Evidence names the file, as `recent task ~/…/tasks/<id>/ui_messages.json
 * model="openrouter/qwen/qwen3-coder" used at …`.
 */
export function clineTaskModels(place: SettingsPlace, launched: readonly string[] = [], now = Date.now()): Beside[] {
  const since = place.windowStart ? place.windowStart() : undefined;
  const found: Beside[] = [];
  for (const task of recentTasks(place, launched, now)) {
    const read = taskWindow(task.dir, since ?? null, MAX_WINDOW_MODELS);
    const evidence = (model: string) => `recent task ${shownPath(place, read.files.get(model) ?? task.dir)} model=${quote(model)}`;
    if (since === undefined) {
      if (read.last !== null) found.push({ model: read.last, evidence: evidence(read.last), overriddenBy: [] });
      break;
    }
    for (const used of read.models) {
      if (found.length >= MAX_WINDOW_MODELS) return found;
      if (!found.some((seen) => seen.model === used.model)) found.push({ model: used.model, evidence: `${evidence(used.model)} ${usedAt(used)}`, overriddenBy: [] });
    }
  }
  return found;
}

/**
 * Where Cline's SDK keeps its sessions (cline `sdk/packages/shared/src/storage/paths.ts`, as Cline's
 * CLI 2.x and its extension now write them): `CLINE_SESSION_DATA_DIR`, else `<CLINE_DATA_DIR>/sessions`,
 * else `<CLINE_DIR or ~/.cline>/data/sessions`; a relative variable is not used.
 */
function sessionsDir(place: SettingsPlace): string {
  const own = absolute(place, place.env.CLINE_SESSION_DATA_DIR);
  if (own) return own;
  const data = absolute(place, place.env.CLINE_DATA_DIR);
  return data ? join(data, 'sessions') : join(absolute(place, place.env.CLINE_DIR) ?? join(place.home, '.cline'), 'data', 'sessions');
}

/** When a session last changed: the later write of its manifest and its messages (`<id>.messages.json`), never through a link; null when neither is a file. */
function sessionWritten(dir: string, id: string): number | null {
  let written: number | null = null;
  for (const name of [`${id}.json`, `${id}.messages.json`]) {
    try {
      const stat = lstatSync(join(dir, name));
      if (stat.isFile()) written = Math.max(written ?? 0, stat.mtimeMs);
    } catch {
      // Not written yet.
    }
  }
  return written;
}

/**
 * The models of Cline's newer sessions (its SDK's session store, which no longer writes the
 * `state/taskHistory.json` and `tasks/<id>/` that {@link clineTaskModels} reads): each
 * `sessions/<id>/<id>.json` manifest (`{version, session_id, started_at, status, provider, model,
 * cwd, workspace_root, messages_path, …}`, its `provider` and `model` relabelled when the person
 * switches mid-task) of a session started in the work tree (`cwd` or `workspace_root`: its top as
 * given and resolved, a linked worktree's main one, or a directory the agent runs in below it) and
 * written within the hour, newest first, at most {@link MAX_TASKS}: its model, as `provider/model`
 * (`openrouter` + `qwen/qwen3-coder`), beside, never in place of, anything read otherwise. A guess,
 * as the history's tasks are. Bounded: at most {@link MAX_SESSION_NAMES} names listed, the
 * {@link MAX_SESSIONS_LOOKED} most recently written looked at, plain ids only, no linked directory or
 * file, manifests up to 1 MiB.
 */
export function clineSessionModels(place: SettingsPlace, launched: readonly string[] = [], now = Date.now()): Beside[] {
  const root = sessionsDir(place);
  let names: string[];
  try {
    names = [];
    for (const entry of readdirSync(root, { withFileTypes: true })) {
      if (names.length >= MAX_SESSION_NAMES) break;
      // A link's entry is no directory here: a linked session is not followed.
      if (entry.isDirectory() && TASK_ID.test(entry.name)) names.push(entry.name);
    }
  } catch {
    return [];
  }
  const places = new Set([...projectPaths(place), ...roots(place, launched)].map(trimmed));
  const recent = names
    .flatMap((id) => {
      const written = sessionWritten(join(root, id), id);
      return written !== null && now - written <= RECENT_MS ? [{ id, written }] : [];
    })
    .sort((a, b) => b.written - a.written)
    .slice(0, MAX_SESSIONS_LOOKED);
  const since = place.windowStart ? place.windowStart() : undefined;
  const found: Beside[] = [];
  let sessions = 0;
  for (const { id } of recent) {
    const path = join(root, id, `${id}.json`);
    const manifest = readUnlinkedJson(path, MAX_MANIFEST_BYTES);
    if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) continue;
    const { cwd, workspace_root: top, provider, model } = manifest as Record<string, unknown>;
    if (![cwd, top].some((dir) => typeof dir === 'string' && isAbsolute(dir) && places.has(trimmed(dir)))) continue;
    if (++sessions > MAX_TASKS) break;
    const named = providerModel(provider, model);
    if (named && !found.some((seen) => seen.model === named)) found.push({ model: named, evidence: `recent session ${shownPath(place, path)} model=${quote(named)}`, overriddenBy: [] });
    if (since === undefined) continue;
    const messages = join(root, id, `${id}.messages.json`);
    for (const used of messageWindow(messages, since)) {
      if (found.length >= MAX_WINDOW_MODELS) return found;
      if (!found.some((seen) => seen.model === used.model)) found.push({ model: used.model, evidence: `recent session ${shownPath(place, messages)} model=${quote(used.model)} ${usedAt(used)}`, overriddenBy: [] });
    }
  }
  return found;
}

/**
 * The models a session's messages used since `since` (cline `sdk/packages/core/src/services/session-data.ts`:
 * `<id>.messages.json` is `{version, updated_at, agent, sessionId, messages}`, each assistant message
 * stamped with the `modelInfo` `{id, provider}` that answered it and its `ts`, ms since the epoch), so
 * a model switched away and back within the session counts, as the manifest's current one alone did
 * not. Never through a link; up to {@link MAX_MESSAGES_BYTES}, its last {@link MAX_MESSAGES} messages.
 */
function messageWindow(path: string, since: number | null): WindowModel[] {
  const data = readUnlinkedJson(path, MAX_MESSAGES_BYTES);
  const list = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).messages : undefined;
  if (!Array.isArray(list)) return [];
  const records = list.slice(-MAX_MESSAGES).map((message: unknown) => {
    if (message === null || typeof message !== 'object') return { date: null, model: null };
    const { role, modelInfo, ts } = message as Record<string, unknown>;
    const info = role === 'assistant' && modelInfo !== null && typeof modelInfo === 'object' ? (modelInfo as Record<string, unknown>) : null;
    return { date: typeof ts === 'number' && Number.isFinite(ts) ? ts : null, model: info ? providerModel(info.provider, info.id) : null };
  });
  return windowModels(records, since, MAX_WINDOW_MODELS).models;
}
