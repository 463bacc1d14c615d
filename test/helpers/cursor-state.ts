import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { python } from './sqlite-python.js';

/** VS Code's (and so Cursor's) key-value tables, as Cursor's `state.vscdb` holds them. */
const SCHEMA = `
CREATE TABLE ItemTable (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB);
CREATE TABLE cursorDiskKV (key TEXT UNIQUE ON CONFLICT REPLACE, value BLOB);
`;

/**
 * A Cursor `state.vscdb` at `path`, in WAL mode, built by real SQLite: `filler` rows of other keys
 * (a few kilobytes each, so the tree has several levels), then `rows` (`[table, key, JSON value]`,
 * written as the editor writes them: an insert replacing a key's row; a value's `_pad`: that many bytes of file states added); the last `inWal` of them left in
 * the WAL, not checkpointed (the editor still running). A value as a Buffer is stored as a blob.
 */
export function cursorStateDb(path: string, rows: [string, string, unknown][], options: { filler?: number; inWal?: number; blobs?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  python(
    `
rows = json.loads(sys.argv[2]); filler = int(sys.argv[3]); in_wal = int(sys.argv[4]); blobs = sys.argv[6] == '1'
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute('pragma journal_mode=wal')
conn.execute('pragma wal_autocheckpoint=0')
conn.executescript(sys.argv[5])
conn.execute('begin')
for i in range(filler):
    conn.execute('insert into cursorDiskKV values (?, ?)', ('checkpointId:filler:%06d' % i, json.dumps({"files": "x" * 2500})))
    if i % 50 == 0: conn.execute('insert into ItemTable values (?, ?)', ('filler.%06d' % i, '{}'))
conn.execute('commit')
def put(row):
    table, key, value = row
    if isinstance(value, dict) and '_pad' in value: value['originalFileStates'] = {'file:///x': {'content': 'y' * value.pop('_pad')}}
    text = json.dumps(value)
    conn.execute(f'insert into {table} values (?, ?)', (key, text.encode() if blobs else text))
for row in rows[:len(rows) - in_wal]: put(row)
conn.execute('pragma wal_checkpoint(TRUNCATE)')
for row in rows[len(rows) - in_wal:]: put(row)
keep_wal(conn)`,
    [path, JSON.stringify(rows), String(options.filler ?? 0), String(options.inWal ?? 0), SCHEMA, options.blobs ? '1' : '0'],
  );
}

/** One composer of Cursor's agent panel: its id, last update (ms), picked model, and its messages `[bubble id, model, created ms]`. */
export interface Composer {
  id: string;
  updated: number;
  model: string;
  messages?: [string, string, number][];
  /** Bytes of file states the composer's JSON carries (Cursor keeps the files it edited in it: overflow pages). */
  big?: number;
}

/**
 * Cursor's user data under `home` (`~/.config/Cursor/User`, Linux): the workspace of `folder` (and
 * `elsewhere`'s composers in the workspace of `/elsewhere/project`)
 * (`workspaceStorage/<hash>/workspace.json` and its `state.vscdb` listing the composers), and the
 * global `state.vscdb` holding each composer's data and messages (the last two rows in the WAL).
 */
export function cursorUserData(home: string, folder: string, composers: Composer[], options: { hash?: string; filler?: number; elsewhere?: Composer[] } = {}): string {
  const user = join(home, '.config/Cursor/User');
  const workspace = (hash: string, path: string, listed: Composer[]) => {
    const dir = join(user, 'workspaceStorage', hash);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'workspace.json'), JSON.stringify({ folder: pathToFileURL(path).href }));
    const heads = { allComposers: listed.map((c) => ({ type: 'head', composerId: c.id, lastUpdatedAt: c.updated, createdAt: c.updated - 60_000, unifiedMode: 'agent' })), selectedComposerIds: listed.map((c) => c.id) };
    cursorStateDb(join(dir, 'state.vscdb'), [['ItemTable', 'composer.composerData', heads]]);
  };
  workspace(options.hash ?? '0f3c2a9e8d7b6c5a4f3e2d1c0b9a8f7e', folder, composers);
  if (options.elsewhere) workspace('9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d', '/elsewhere/project', options.elsewhere);
  const rows: [string, string, unknown][] = [];
  for (const c of [...(options.elsewhere ?? []), ...composers]) {
    for (const [bubble, model, created] of c.messages ?? []) {
      rows.push(['cursorDiskKV', `bubbleId:${c.id}:${bubble}`, { _v: 3, type: 2, bubbleId: bubble, text: 'done', createdAt: new Date(created).toISOString(), modelInfo: { modelName: model } }]);
    }
    rows.push(['cursorDiskKV', `composerData:${c.id}`, { _v: 10, composerId: c.id, createdAt: c.updated - 60_000, lastUpdatedAt: c.updated, unifiedMode: 'agent', modelConfig: { modelName: c.model, maxMode: false }, _pad: c.big ?? 10 }]);
  }
  cursorStateDb(join(user, 'globalStorage/state.vscdb'), rows, { filler: options.filler ?? 0, inWal: 2 });
  return user;
}
