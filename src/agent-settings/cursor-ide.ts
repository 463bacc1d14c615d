import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { quote } from '../core/detect/found.js';
import { SqliteTables, type SqliteReadLimits, type SqliteValue } from '../io/sqlite-table.js';
import { MAX_WINDOW_MODELS } from './claude-transcript.js';
import { parseJson, valueAt } from './parse-settings.js';
import { parseTimestamp, printableModel, RECENT_MS, usedAt, windowModels } from './session-window.js';
import { editorsBase, projectPaths, readOwnIndex, shownPath, type SettingsPlace } from './settings-place.js';
import { trimTrailing } from '../core/trim-run.js';

type Also = { model: string; evidence: string; overriddenBy: string[] }[];

/**
 * What one commit reads of the editor's databases: pages one at a time (the global one may be
 * hundreds of megabytes; only its newest rows are walked), the WAL checked frame by frame, a value
 * only up to a size a composer's or a message's JSON stays under.
 */
const LIMITS: SqliteReadLimits = { maxFileBytes: 64 * 1024 ** 3, maxWalBytes: 64 * 1024 ** 2, maxPages: 8192, maxPayload: 2 * 1024 * 1024 };
/** Rows of the global `cursorDiskKV` looked at, the highest rowid (the newest write) first. */
const MAX_ROWS = 4096;
/** Workspace directories listed at most (`workspaceStorage/<hash>`), and their composers kept. */
const MAX_WORKSPACES = 1024;
const MAX_COMPOSERS = 64;
/** Cursor's ids (UUIDs): a key with another id is not read (it would go into evidence). */
const ID = /^[A-Za-z0-9-]{1,64}$/;
/** Made on first use: every agent's commit hooks load this module, while only the Cursor editor's state is read with it. */
let utf8: InstanceType<typeof TextDecoder> | undefined;


/** A stored value (VS Code writes text; a blob is read as UTF-8) as JSON, or undefined. */
function json(value: SqliteValue | undefined): unknown {
  const text = typeof value === 'string' ? value : value instanceof Uint8Array ? (utf8 ??= new TextDecoder('utf-8', { fatal: false })).decode(value) : null;
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A time as Cursor records it: ms since the epoch (a composer's), or ISO 8601 (a message's `createdAt`). */
function timeOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? value : null;
  return parseTimestamp(value);
}

/** A folder URI of `workspace.json` (`file:///home/me/proj`, percent-encoded) as a path, or null (a remote, a multi-root workspace). */
function folderPath(uri: unknown): string | null {
  if (typeof uri !== 'string' || uri.length > 4096 || !uri.startsWith('file://')) return null;
  try {
    return trimTrailing(fileURLToPath(uri), '\\/') || null;
  } catch {
    return null;
  }
}

/**
 * The composers (agent chats) of this work tree updated within {@link RECENT_MS}: each workspace
 * directory whose `workspace.json` `folder` is the work tree, its own `state.vscdb` `ItemTable` key
 * `composer.composerData` (`allComposers[]`: `composerId`, `lastUpdatedAt`).
 */
function recentComposers(place: SettingsPlace, user: string): Set<string> {
  const paths = new Set(projectPaths(place).map((path) => trimTrailing(path, '\\/')));
  const storage = join(user, 'workspaceStorage');
  const found = new Set<string>();
  let entries: string[];
  try {
    entries = readdirSync(storage).slice(0, MAX_WORKSPACES);
  } catch {
    return found;
  }
  for (const hash of entries) {
    if (!/^[A-Za-z0-9._-]{1,128}$/.test(hash)) continue;
    const described = readOwnIndex(join(storage, hash, 'workspace.json'));
    const folder = described === null ? null : folderPath(valueAt(parseJson(described), 'folder'));
    if (folder === null || !paths.has(folder)) continue;
    let db: SqliteTables | null = null;
    try {
      db = SqliteTables.open(join(storage, hash, 'state.vscdb'), LIMITS);
      let rows = 0;
      for (const row of db.rows('ItemTable')) {
        if (++rows > MAX_ROWS) break;
        if (row.columns?.key !== 'composer.composerData') continue;
        const all = valueAt(json(row.columns.value ?? undefined), 'allComposers');
        for (const head of Array.isArray(all) ? all : []) {
          const id = valueAt(head, 'composerId');
          const updated = timeOf(valueAt(head, 'lastUpdatedAt')) ?? timeOf(valueAt(head, 'createdAt'));
          if (typeof id === 'string' && ID.test(id) && updated !== null && Date.now() - updated <= RECENT_MS && found.size < MAX_COMPOSERS) found.add(id);
        }
        break;
      }
    } catch {
      // Locked mid-write, malformed, missing: no composer from it.
    } finally {
      db?.close();
    }
  }
  return found;
}

/** A composer's picked model (`modelConfig.modelName`), or a message's (`modelInfo.modelName`); Auto (`default`) names none. */
function modelOf(value: unknown, ...keys: string[]): string | null {
  const model = printableModel(valueAt(value, ...keys));
  return model === null || model.toLowerCase() === 'default' ? null : model;
}

/**
 * The models the Cursor editor's agent (its agent/composer panel) ran for this work tree, read from
 * the editor's own state (VS Code's SQLite `state.vscdb`, read by aitrail's bounded reader): the
 * composers of this work tree's workspace updated in the last hour (`workspaceStorage`), then in the
 * global database's `cursorDiskKV` (a rowid table, `key TEXT UNIQUE ON CONFLICT REPLACE`: VS Code's
 * storage writes a key with a plain `INSERT`, which makes a rewritten key a new row, so the newest
 * writes are its highest rowids), walked newest first for at most
 * {@link MAX_ROWS} rows: each such composer's `composerData:<id>` `modelConfig.modelName` (its
 * picked model), and its messages' `bubbleId:<id>:<bubble>` `modelInfo.modelName` dated by
 * `createdAt` since the previous commit (`place.windowStart`). Beside any other model, never in its
 * place: the editor exports no composer id to its terminals, so the composer is found by workspace
 * and time. Nothing for the Cursor CLI (its launcher's `CURSOR_INVOKED_AS`: its model is its own)
 * nor when anything cannot be read (the editor may be writing it).
 */
export function cursorIdeModels(place: SettingsPlace): Also {
  if (/^(?:cursor-)?agent(?:\.(?:exe|cmd|bat|ps1))?$/i.test(place.env.CURSOR_INVOKED_AS?.trim() ?? '')) return [];
  // The editor's user data directory (VS Code's layout, the product named Cursor).
  const user = join(editorsBase(place), 'Cursor', 'User');
  const composers = recentComposers(place, user);
  if (composers.size === 0) return [];
  const path = join(user, 'globalStorage', 'state.vscdb');
  const shown = shownPath(place, path);
  const picked: Also = [];
  const messages: { key: string; date: number | null; model: string | null }[] = [];
  let db: SqliteTables | null = null;
  try {
    db = SqliteTables.open(path, LIMITS);
    let rows = 0;
    for (const row of db.rows('cursorDiskKV')) {
      if (++rows > MAX_ROWS) break;
      const key = row.columns?.key;
      if (typeof key !== 'string' || key.length > 200) continue;
      const parts = key.split(':');
      if (parts[0] === 'composerData' && parts.length === 2 && composers.has(parts[1]!)) {
        const data = json(row.columns!.value ?? undefined);
        const updated = timeOf(valueAt(data, 'lastUpdatedAt')) ?? timeOf(valueAt(data, 'createdAt'));
        const model = modelOf(data, 'modelConfig', 'modelName');
        if (model && updated !== null && Date.now() - updated <= RECENT_MS && !picked.some((seen) => seen.model === model)) {
          picked.push({ model, evidence: `state ${shown} cursorDiskKV ${key} modelConfig.modelName=${quote(model)}`, overriddenBy: [] });
        }
      } else if (parts[0] === 'bubbleId' && parts.length === 3 && composers.has(parts[1]!) && ID.test(parts[2]!)) {
        const data = json(row.columns!.value ?? undefined);
        messages.push({ key, date: timeOf(valueAt(data, 'createdAt')), model: modelOf(data, 'modelInfo', 'modelName') });
      }
    }
  } catch {
    // Locked mid-write, malformed, a page past the cap: what was read so far.
  } finally {
    db?.close();
  }
  const found = picked.slice(0, MAX_WINDOW_MODELS);
  const since = place.windowStart?.() ?? null;
  const dated = messages.filter((message) => message.date !== null).sort((a, b) => a.date! - b.date!);
  for (const used of windowModels(dated, since ?? Date.now() - RECENT_MS, MAX_WINDOW_MODELS).models) {
    if (found.length >= MAX_WINDOW_MODELS || found.some((seen) => seen.model === used.model)) continue;
    const where = dated.findLast((message) => message.model === used.model)!.key;
    found.push({ model: used.model, evidence: `state ${shown} cursorDiskKV ${where} modelInfo.modelName=${quote(used.model)} ${usedAt(used)}`, overriddenBy: [] });
  }
  return found;
}
