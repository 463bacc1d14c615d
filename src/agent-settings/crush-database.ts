import { join } from 'node:path';
import { quote } from '../core/detect/found.js';
import { SqliteTables, type SqliteReadLimits, type SqliteValue } from '../io/sqlite-table.js';
import { MAX_WINDOW_MODELS } from './claude-transcript.js';
import type { CommandLineModel } from './command-line.js';
import { crushDataDir, routed } from './crush.js';
import { answerModel, RECENT_MS, usedAt, windowModels, type DatedRecord } from './session-window.js';
import { shownPath, type SettingsPlace } from './settings-place.js';

/**
 * What one commit reads of Crush's database: a page at a time, its WAL checked frame by frame; an
 * assistant message's record (its `parts` JSON first: text, reasoning, tool calls) up to 1 MiB.
 */
const LIMITS: SqliteReadLimits = { maxFileBytes: 64 * 1024 ** 3, maxWalBytes: 64 * 1024 ** 2, maxPages: 8192, maxPayload: 1024 * 1024 };
/** Message rows looked at, newest first. */
const MAX_ROWS = 4096;
/** A message dated later than now by more than this is no message Crush wrote (a clock never runs that far ahead): not read. */
const FUTURE_SLACK_MS = 60 * 1000;
/** Crush's ids (uuids): a row with another id is not read (it would go into evidence). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** A provider or model id past this is no id. */
const MAX_ID_CHARS = 256;

type Found = { model: string; evidence: string; overriddenBy: string[] };

/** A message's row as read: its id, its model (`<provider>/<model>` as Crush sends it), its own date (ms), where the model was written (evidence). */
interface CrushMessage extends DatedRecord {
  id: string;
  written: string;
}

/** A column's `created_at`/`updated_at` (Unix seconds, goose migration `initial`) in ms, when sane and not in the future; else null. */
function seconds(value: SqliteValue | undefined, now: number): number | null {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return null;
  const ms = value * 1000;
  return ms <= now + FUTURE_SLACK_MS ? ms : null;
}

function idText(value: SqliteValue | undefined): string | undefined {
  return typeof value === 'string' && value.length <= MAX_ID_CHARS ? (answerModel(value) ?? undefined) : undefined;
}

/** The `messages` table's rows (Crush's sqlc `Message`), newest first, at most {@link MAX_ROWS}; ends at the first unreadable page. */
function* messageRows(db: SqliteTables, now: number): Generator<CrushMessage> {
  let seen = 0;
  try {
    for (const row of db.rows('messages')) {
      if (++seen > MAX_ROWS) return;
      const columns = row.columns;
      const id = columns?.id;
      if (!columns || typeof id !== 'string' || !ID.test(id)) continue;
      const created = seconds(columns.created_at, now);
      const updated = seconds(columns.updated_at, now);
      // A message written later than it was begun (its answer streamed in, its tool calls made) counts until then.
      const date = created === null ? null : Math.max(created, updated ?? created);
      // Undated, or dated past now (no row Crush wrote): not read.
      if (date === null) continue;
      const model = columns.role === 'assistant' ? idText(columns.model) : undefined;
      const provider = idText(columns.provider);
      yield {
        id,
        date,
        model: model ? routed(provider, model) : null,
        written: model ? `model=${quote(model)}${provider ? ` provider=${quote(provider)}` : ''}` : '',
      };
    }
  } catch {
    // A malformed or changing database: what was read so far.
  }
}

/**
 * The models Crush ran that no config names (a `/models` pick, a switch away and back before the
 * commit), from its own session database (charmbracelet/crush `internal/db`: `crush.db` in the
 * project's data directory, WAL mode; table `messages`: `role`, `model`, `provider`, `created_at` and
 * `updated_at` in Unix seconds), read with aitrail's own bounded SQLite reader. Crush exports no
 * session id to its bash tool and keeps one database a project: its newest assistant message, when
 * written within the last hour, and beside it every model its assistant messages (of every session,
 * subagents' too) ran since the previous commit (`place.windowStart`; no HEAD: the last hour's), the
 * most recently used first, at most {@link MAX_WINDOW_MODELS}. Only beside the config's model, never in
 * its place. Nothing when the database is missing, stale, malformed or unreadable. The database is
 * in Crush's data directory ({@link crushDataDir}: the `.crush` nearest its working directory up to the work tree's top, itself no link,
 * unless `crush -D <dir>` or `options.data_directory` moved it); a moved one's evidence says what moved it.
 */
export function crushDatabaseModels(place: SettingsPlace, _launched: readonly string[] = [], cli?: CommandLineModel | null): Found[] {
  const dir = crushDataDir(place, cli);
  if (!dir) return [];
  const path = join(dir.path, 'crush.db');
  const now = Date.now();
  const window = place.windowStart ? place.windowStart() : undefined;
  let db: SqliteTables | null = null;
  try {
    db = SqliteTables.open(path, LIMITS);
    const read: CrushMessage[] = [];
    let last: CrushMessage | null = null;
    const since = window === null ? now - RECENT_MS : window;
    for (const row of messageRows(db, now)) {
      if (!last && row.model) {
        // The newest answer: Crush is not running in the project when it is stale (or undated).
        if (row.date === null || now - row.date > RECENT_MS) return [];
        last = row;
      }
      read.push(row);
      // No window: the last model only. A window: back to the first message before it.
      if (last && (since === undefined || (row.date !== null && row.date < since))) break;
    }
    if (!last) return [];
    const shown = shownPath(place, path) + (dir.moved ? ` (data directory from ${dir.moved})` : '');
    const found: Found[] = [{ model: last.model!, evidence: `session ${shown} messages ${last.id} ${last.written}`, overriddenBy: [] }];
    if (window === undefined) return found;
    const used = windowModels(read.toReversed(), since ?? null, MAX_WINDOW_MODELS).models;
    for (const each of used) {
      if (found.some((seen) => seen.model === each.model)) continue;
      const row = read.find((message) => message.model === each.model)!;
      found.push({ model: each.model, evidence: `session ${shown} messages ${row.id} ${row.written} ${usedAt(each)}`, overriddenBy: [] });
    }
    return found;
  } catch {
    // Not a database, or unreadable: no model from it.
    return [];
  } finally {
    db?.close();
  }
}
