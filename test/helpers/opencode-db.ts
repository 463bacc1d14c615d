import { mkdirSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { settingsPlace, type SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { python } from './sqlite-python.js';

/** A temporary `root` (the work tree), `home` and `system` under `base`, and the place a commit there reads from, with the window starting at `since` (undefined: no window). */
export function placeFixture(prefix: string): { base: string; root: string; at: (since?: number | null, env?: Record<string, string>) => SettingsPlace } {
  const base = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  for (const dir of ['root', 'home', 'system']) mkdirSync(join(base, dir));
  const root = join(base, 'root');
  const at = (since?: number | null, env: Record<string, string> = {}) => {
    const place = settingsPlace(root, join(root, '.git'), { HOME: join(base, 'home'), ...env }, join(base, 'system'));
    return since === undefined ? place : { ...place, windowStart: () => since };
  };
  return { base, root, at };
}

/** One message row of OpenCode's `message` table: its id, session, and the `data` JSON (the message without id and sessionID). */
export interface OpencodeRow {
  id: string;
  session: string;
  data: Record<string, unknown>;
}

/** OpenCode 1.2's tables as its drizzle migrations create them (anomalyco/opencode `session/session.sql.ts`, `project/project.sql.ts`). */
const SCHEMA = `
CREATE TABLE \`project\` (\`id\` text PRIMARY KEY, \`worktree\` text NOT NULL, \`vcs\` text, \`name\` text, \`icon_url\` text, \`icon_color\` text, \`time_created\` integer NOT NULL, \`time_updated\` integer NOT NULL, \`time_initialized\` integer, \`sandboxes\` text NOT NULL);
CREATE TABLE \`session\` (\`id\` text PRIMARY KEY, \`project_id\` text NOT NULL, \`parent_id\` text, \`slug\` text NOT NULL, \`directory\` text NOT NULL, \`title\` text NOT NULL, \`version\` text NOT NULL, \`share_url\` text, \`summary_additions\` integer, \`summary_deletions\` integer, \`summary_files\` integer, \`summary_diffs\` text, \`revert\` text, \`permission\` text, \`time_created\` integer NOT NULL, \`time_updated\` integer NOT NULL, \`time_compacting\` integer, \`time_archived\` integer, CONSTRAINT \`fk_session_project_id_project_id_fk\` FOREIGN KEY (\`project_id\`) REFERENCES \`project\`(\`id\`) ON DELETE CASCADE);
CREATE TABLE \`message\` (\`id\` text PRIMARY KEY, \`session_id\` text NOT NULL, \`time_created\` integer NOT NULL, \`time_updated\` integer NOT NULL, \`data\` text NOT NULL, CONSTRAINT \`fk_message_session_id_session_id_fk\` FOREIGN KEY (\`session_id\`) REFERENCES \`session\`(\`id\`) ON DELETE CASCADE);
CREATE TABLE \`part\` (\`id\` text PRIMARY KEY, \`message_id\` text NOT NULL, \`session_id\` text NOT NULL, \`time_created\` integer NOT NULL, \`time_updated\` integer NOT NULL, \`data\` text NOT NULL);
CREATE INDEX \`message_session_idx\` ON \`message\` (\`session_id\`);
CREATE INDEX \`part_message_idx\` ON \`part\` (\`message_id\`);
`;

/**
 * OpenCode's `opencode.db` at `path`, in WAL mode as OpenCode runs it, built by real SQLite: `filler`
 * messages of another session first (with parts, so the tree has many levels), then `rows`; the last
 * `inWal` of them left in the WAL, not checkpointed (OpenCode still running).
 */
export function opencodeDb(path: string, rows: OpencodeRow[], options: { filler?: number; inWal?: number; worktree?: string } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const inWal = options.inWal ?? 0;
  python(
    `
rows = json.loads(sys.argv[2]); filler = int(sys.argv[3]); in_wal = int(sys.argv[4]); worktree = sys.argv[5]
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute('pragma journal_mode=wal')
conn.execute('pragma wal_autocheckpoint=0')
conn.executescript(sys.argv[6])
conn.execute("insert into project values ('4f1e0c', ?, 'git', null, null, null, 1, 1, null, '[]')", (worktree,))
conn.execute("insert into session values ('ses_other', '4f1e0c', null, 's', '/elsewhere', 't', '1.2.0', null, 0, 0, 0, null, null, null, 1, 1, null, null)")
conn.execute('begin')
for i in range(filler):
    data = json.dumps({"role": "assistant", "providerID": "openai", "modelID": "gpt-5", "path": {"cwd": "/elsewhere", "root": "/elsewhere"}, "time": {"created": 1000 + i}})
    conn.execute('insert into message values (?, ?, ?, ?, ?)', ('msg_f%06d' % i, 'ses_other', 1000 + i, 1000 + i, data))
    conn.execute('insert into part values (?, ?, ?, ?, ?, ?)', ('prt_f%06d' % i, 'msg_f%06d' % i, 'ses_other', 1, 1, json.dumps({"type": "text", "text": "x" * 3000})))
conn.execute('commit')
def put(row):
    t = row["data"].get("time", {}).get("created", 0)
    conn.execute('insert into message values (?, ?, ?, ?, ?)', (row["id"], row["session"], t, t, json.dumps(row["data"])))
for row in rows[:len(rows) - in_wal]: put(row)
conn.execute('pragma wal_checkpoint(TRUNCATE)')
for row in rows[len(rows) - in_wal:]: put(row)
keep_wal(conn)`,
    [path, JSON.stringify(rows), String(options.filler ?? 0), String(inWal), options.worktree ?? '/nowhere', SCHEMA],
  );
}

/** An OpenCode assistant message row of `session` run in `worktree` by `model` (`provider/model`) at `created` (ms), and the user message before it. */
export function opencodeTurn(session: string, n: number, worktree: string, model: string, created: number): OpencodeRow[] {
  const [providerID, ...rest] = model.split('/');
  const modelID = rest.join('/');
  return [
    { id: `msg_9a0b1c2d${String(n).padStart(4, '0')}0`, session, data: { role: 'user', agent: 'build', time: { created }, model: { providerID, modelID } } },
    {
      id: `msg_9a0b1c2d${String(n).padStart(4, '0')}1`,
      session,
      data: { role: 'assistant', parentID: 'x', providerID, modelID, mode: 'build', agent: 'build', path: { cwd: worktree, root: worktree }, cost: 0, tokens: { input: 1, output: 1, reasoning: 0, cache: { read: 0, write: 0 } }, time: { created: created + 1000, completed: created + 2000 } },
    },
  ];
}
