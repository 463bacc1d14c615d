import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { python } from './sqlite-python.js';

/** One row of Crush's `messages` table: its role, model and provider (assistant rows), and when it was created (Unix seconds). */
export interface CrushRow {
  id: string;
  session: string;
  role: 'user' | 'assistant' | 'tool';
  model?: string;
  provider?: string;
  created: number;
  /** Past this, the row's `parts` (the answer's text and tool calls). */
  partsBytes?: number;
}

/** Crush's tables as its goose migrations leave them (charmbracelet/crush `internal/db/migrations`: `initial`, then `provider` and `is_summary_message` on messages). */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, parent_session_id TEXT, title TEXT NOT NULL, message_count INTEGER NOT NULL DEFAULT 0 CHECK (message_count >= 0), prompt_tokens INTEGER NOT NULL DEFAULT 0 CHECK (prompt_tokens >= 0), completion_tokens INTEGER NOT NULL DEFAULT 0 CHECK (completion_tokens>= 0), cost REAL NOT NULL DEFAULT 0.0 CHECK (cost >= 0.0), updated_at INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, role TEXT NOT NULL, parts BLOB NOT NULL default '[]', model TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, finished_at INTEGER, FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE);
CREATE INDEX IF NOT EXISTS idx_messages_session_id ON messages (session_id);
CREATE TRIGGER IF NOT EXISTS update_session_message_count_on_insert AFTER INSERT ON messages BEGIN UPDATE sessions SET message_count = message_count + 1 WHERE id = new.session_id; END;
ALTER TABLE messages ADD COLUMN provider TEXT;
ALTER TABLE messages ADD COLUMN is_summary_message INTEGER DEFAULT 0 NOT NULL;
`;

/**
 * Crush's `crush.db` at `path`, in WAL mode as Crush runs it, built by real SQLite: `filler` old
 * messages of another session first (a tree of many pages), then `rows`; the last `inWal` of them
 * left in the WAL, not checkpointed (Crush still running).
 */
export function crushDb(path: string, rows: CrushRow[], options: { filler?: number; inWal?: number } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  python(
    `
rows = json.loads(sys.argv[2]); filler = int(sys.argv[3]); in_wal = int(sys.argv[4])
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute('pragma page_size=4096')
conn.execute('pragma journal_mode=wal')
conn.execute('pragma wal_autocheckpoint=0')
conn.executescript(sys.argv[5])
conn.execute("insert into sessions (id, title, updated_at, created_at) values ('old', 'o', 1, 1)")
for s in set(r["session"] for r in rows):
    conn.execute("insert into sessions (id, title, updated_at, created_at) values (?, 't', 1, 1)", (s,))
conn.execute('begin')
for i in range(filler):
    parts = json.dumps([{"type": "text", "data": {"text": "x" * 2000}}])
    conn.execute('insert into messages (id, session_id, role, parts, model, provider, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)', ('f%08d-0000-4000-8000-000000000000' % i, 'old', 'assistant', parts, 'gpt-4.1', 'openai', 1000 + i, 1000 + i))
conn.execute('commit')
def put(r):
    parts = json.dumps([{"type": "text", "data": {"text": "y" * r.get("partsBytes", 40)}}])
    conn.execute('insert into messages (id, session_id, role, parts, model, provider, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)', (r["id"], r["session"], r["role"], parts, r.get("model"), r.get("provider"), r["created"], r["created"]))
for r in rows[:len(rows) - in_wal]: put(r)
conn.execute('pragma wal_checkpoint(TRUNCATE)')
for r in rows[len(rows) - in_wal:]: put(r)
keep_wal(conn)`,
    [path, JSON.stringify(rows), String(options.filler ?? 0), String(options.inWal ?? 0), SCHEMA],
  );
}

/** A Crush turn of `session`: the user's message, then the answer by `provider`'s `model`, `created` (ms) rounded down to Crush's seconds. */
export function crushTurn(session: string, n: number, provider: string, model: string, created: number): CrushRow[] {
  const at = Math.floor(created / 1000);
  const id = (kind: number) => `6f1e2d3c-${String(n).padStart(4, '0')}-4000-8000-00000000000${kind}`;
  return [
    { id: id(0), session, role: 'user', created: at },
    { id: id(1), session, role: 'assistant', model, provider, created: at + 1 },
  ];
}
