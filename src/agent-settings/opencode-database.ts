import { isAbsolute, join } from 'node:path';
import { SqliteTables, type SqliteReadLimits } from '../io/sqlite-table.js';
import type { OpencodeApp, StoredMessage } from './opencode-session.js';
import { valueAt } from './parse-settings.js';
import { RECENT_MS } from './session-window.js';
import { projectPaths, shownPath, type SettingsPlace } from './settings-place.js';

/**
 * What one commit reads of OpenCode's database: its pages a page at a time (never the file whole; two
 * passes over the newest message rows), its WAL checked frame by frame, a message's record and JSON only up to a size no message reaches.
 */
const LIMITS: SqliteReadLimits = { maxFileBytes: 64 * 1024 ** 3, maxWalBytes: 64 * 1024 ** 2, maxPages: 8192, maxPayload: 256 * 1024 };
/** Message rows looked at, newest first, to find the running session and then its messages. */
const MAX_ROWS = 4096;
/** OpenCode's ids (the JSON reader's file names): a row with another id is not read (it would go into evidence). */
const MESSAGE = /^msg_[A-Za-z0-9]{1,64}$/;
const SESSION = /^ses_[A-Za-z0-9]{1,64}$/;

/**
 * OpenCode's databases (1.2+, anomalyco/opencode `storage/db.ts`): `opencode.db` in its data directory,
 * and the one `OPENCODE_DB` names (absolute, or in the data directory; `:memory:` none) when set.
 * Kilo CLI's the same: `kilo.db`, `KILO_DB` (Kilo-Org/kilocode `storage/db.ts`).
 */
function databasePaths(place: SettingsPlace, dataDir: string, app: OpencodeApp): string[] {
  const paths = [join(dataDir, app.database)];
  const named = place.env[app.databaseEnv]?.trim();
  if (named && named !== ':memory:' && !/[\0-\x1f]/.test(named)) {
    const path = isAbsolute(named) ? named : join(dataDir, named);
    if (!paths.includes(path)) paths.unshift(path);
  }
  return paths;
}

function parsed(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/** The `message` table's rows (`id`, `session_id`, `data` JSON), newest first (rowids ascend as messages are created), at most {@link MAX_ROWS}; ends at the first unreadable page. */
function* messageRows(db: SqliteTables): Generator<{ id: string; session: string; data: unknown }> {
  let seen = 0;
  try {
    for (const row of db.rows('message')) {
      if (++seen > MAX_ROWS) return;
      const id = row.columns?.id;
      const session = row.columns?.session_id;
      if (typeof id === 'string' && typeof session === 'string' && MESSAGE.test(id) && SESSION.test(session)) yield { id, session, data: parsed(row.columns!.data) };
    }
  } catch {
    // A malformed or changing database: what was read so far.
  }
}

/**
 * The running session: the one `OPENCODE_SESSION_ID` names (a plugin's: OpenCode exports none), else
 * the session of the newest assistant message run in this work tree (its `path.root`, OpenCode's
 * project worktree, or `path.cwd`), created within the last hour; with OpenCode's own directory known
 * (`own`: its process's), the newest such message whose `path.cwd` (`Instance.directory`, where it
 * was started) is that directory comes first, another OpenCode's in another directory of the work tree
 * read only when it has none within the hour.
 */
function runningSession(db: SqliteTables, place: SettingsPlace, app: OpencodeApp, own: readonly string[]): string | null {
  const named = (app.sessionEnv && place.env[app.sessionEnv]?.trim()) ?? '';
  if (SESSION.test(named)) return named;
  const paths = new Set(projectPaths(place));
  let newest: string | null | undefined;
  for (const { session, data } of messageRows(db)) {
    if (valueAt(data, 'role') !== 'assistant') continue;
    const root = valueAt(data, 'path', 'root');
    const cwd = valueAt(data, 'path', 'cwd');
    if (!(typeof root === 'string' && paths.has(root)) && !(typeof cwd === 'string' && paths.has(cwd))) continue;
    const created = valueAt(data, 'time', 'created');
    const recent = typeof created === 'number' && Date.now() - created <= RECENT_MS;
    newest ??= recent ? session : null;
    // Rows come newest first: past the hour, no later row is the running session's.
    if (own.length === 0 || !recent) break;
    if (typeof cwd === 'string' && own.includes(cwd)) return session;
  }
  return newest ?? null;
}

/**
 * The running session's messages in OpenCode's SQLite database (OpenCode 1.2+: the `message` table,
 * `data` the message's JSON without its id), newest first, as {@link StoredMessage}s for the same
 * weighing as the JSON messages: read with aitrail's own bounded reader (`src/io/sqlite-table.ts`),
 * the database opened once (its WAL read once) for both passes, nothing when it is missing or malformed.
 */
export function* databaseMessages(place: SettingsPlace, dataDir: string, app: OpencodeApp, own: readonly string[] = []): Generator<StoredMessage> {
  for (const path of databasePaths(place, dataDir, app)) {
    let db: SqliteTables | null = null;
    try {
      db = SqliteTables.open(path, LIMITS);
      const session = runningSession(db, place, app, own);
      if (!session) continue;
      for (const { id, session: owner, data } of messageRows(db)) {
        if (owner === session) yield { place: `${shownPath(place, path)} message ${id}`, message: data };
      }
      return;
    } catch {
      // Not a database, or unreadable: no model from it.
    } finally {
      db?.close();
    }
  }
}
