// OpenCode 1.2+ keeps its sessions in SQLite; Node 20 has no SQLite engine and aitrail takes no native
// dependency, so a small read-only reader (src/io/sqlite-pages.ts, src/io/sqlite-table.ts) reads it.
// Differential: real SQLite (python3's sqlite3) builds each database, and the reader must return exactly
// the rows SQLite returns; hostile files must give an error, never a hang or a wrong row.
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteError } from '../../src/io/sqlite-pages.js';
import { SqliteTables, tableColumns, type SqliteReadLimits } from '../../src/io/sqlite-table.js';
import { encoded, python } from '../helpers/sqlite-python.js';

const LIMITS: SqliteReadLimits = { maxFileBytes: 1 << 30, maxWalBytes: 256 << 20, maxPages: 1_000_000, maxPayload: 64 << 20 };

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'aitrail-sqlite-s32d-'));
}

/** Every row of `table` as the reader returns it, newest first, in `dump`'s form. */
function readAll(path: string, table: string, limits = LIMITS): unknown[][] {
  const db = SqliteTables.open(path, limits);
  try {
    const names = db.table(table)!.names;
    return [...db.rows(table)].map((row) => [{ i: row.rowid.toString() }, ...names.map((name) => encoded(row.columns![name]))]);
  } finally {
    db.close();
  }
}

const ROWS = `
import random
random.seed(7)
def text(n): return ''.join(random.choice('abcdefghijklmnopqrstuvwxyz é€😀') for _ in range(n))
def rows(conn, count, big_every=0):
    for i in range(count):
        big = big_every and i % big_every == 0
        conn.execute('insert into message (id, session_id, time_created, time_updated, data, extra) values (?,?,?,?,?,?)', (
            'msg_%08d' % i, 'ses_%d' % (i % 3), 1700000000000 + i, -(i * 977) ** 2 * 100003 if i % 5 == 0 else i,
            json.dumps({"role": "assistant", "providerID": "qwen", "modelID": "qwen3-coder", "text": text(30000 if big else random.randint(0, 400))}),
            [None, 3.25, -0.5, b'\\x00\\x01\\xff', 2**62, -2**63, 127, -129, 40000, 2**31, 2**40, 2**47][i % 12]))
def wal_conn(path):
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute('pragma journal_mode=wal')
    conn.execute('pragma wal_autocheckpoint=0')
    conn.execute(SCHEMA)
    return conn
SCHEMA = 'create table "message" (\`id\` text primary key not null, [session_id] text not null, "time_created" integer not null, time_updated integer not null, data text not null, extra)'
`;

describe('the SQLite reader against real SQLite', () => {
  it('reads a table spanning a multi-level b-tree with overflow rows, every value type, newest first', () => {
    const base = dir();
    const path = join(base, 'db.sqlite');
    const expected = python(`${ROWS}
conn = sqlite3.connect(sys.argv[1])
conn.execute('pragma page_size=1024')
conn.execute(SCHEMA)
rows(conn, 3000, big_every=97)
conn.execute("create table other (a integer primary key, b)")
conn.execute("insert into other values (5, 'x'), (9, 'y')")
conn.commit()
dump(conn, 'message')
conn.close()`, [path]);
    expect(readAll(path, 'message')).toEqual(JSON.parse(expected));
    // A rowid alias (INTEGER PRIMARY KEY) holds the rowid, as SQLite returns it.
    expect(readAll(path, 'other')).toEqual([[{ i: '9' }, { i: '9' }, 'y'], [{ i: '5' }, { i: '5' }, 'x']]);
    const db = SqliteTables.open(path, LIMITS);
    expect(db.table('missing')).toBeNull();
    db.close();
  });

  it('reads the WAL: committed frames not yet checkpointed win over the file, newest frame of a page first', () => {
    const base = dir();
    const path = join(base, 'db.sqlite');
    const expected = python(`${ROWS}
conn = wal_conn(sys.argv[1])
conn.execute('begin'); rows(conn, 400); conn.execute('commit')
conn.execute('pragma wal_checkpoint(TRUNCATE)')
conn.execute('begin'); conn.execute("update message set data = json_set(data, '$.modelID', 'qwen3-max') where rowid % 7 = 0"); conn.execute('commit')
conn.execute('delete from message where rowid between 10 and 30')
conn.execute("insert into message values ('msg_new', 'ses_9', 1, 2, '{\\"role\\":\\"assistant\\"}', 'late')")
dump(conn, 'message')
keep_wal(conn)`, [path]);
    expect(readFileSync(`${path}-wal`).length).toBeGreaterThan(32);
    const rows = readAll(path, 'message');
    expect(rows).toEqual(JSON.parse(expected));
    expect(rows[0]![1]).toBe('msg_new');
    // The file alone (no WAL) is the state before: the reader without the WAL sees the checkpointed rows only.
    const alone = join(base, 'alone.sqlite');
    copyFileSync(path, alone);
    expect(readAll(alone, 'message')).toHaveLength(400);
    // A frame after the last commit (a transaction not committed), or torn garbage, is not read.
    appendFileSync(`${path}-wal`, Buffer.alloc(4096 + 24, 0xab));
    expect(readAll(path, 'message')).toEqual(JSON.parse(expected));
  });

  it('reads a database whose pages are all still in the WAL (the file holds only an old header)', () => {
    const base = dir();
    const path = join(base, 'db.sqlite');
    const expected = python(`${ROWS}
conn = wal_conn(sys.argv[1])
rows(conn, 50, big_every=10)
dump(conn, 'message')
keep_wal(conn)`, [path]);
    expect(readAll(path, 'message')).toEqual(JSON.parse(expected));
  });
});

describe('the SQLite reader on hostile files', () => {
  function built(): string {
    const path = join(dir(), 'db.sqlite');
    python(`${ROWS}
conn = sqlite3.connect(sys.argv[1])
conn.execute('pragma page_size=1024')
conn.execute(SCHEMA)
rows(conn, 600, big_every=50)
conn.commit()
conn.close()`, [path]);
    return path;
  }

  /** Reading every row of `message` either returns rows or throws an Error: never hangs, never anything else. */
  function survives(path: string): void {
    const started = Date.now();
    try {
      readAll(path, 'message', { ...LIMITS, maxPages: 20_000 });
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
    }
    expect(Date.now() - started).toBeLessThan(5000);
  }

  it('refuses what is not a database, a UTF-16 one, a link, a file past the cap', () => {
    const base = dir();
    writeFileSync(join(base, 'empty'), '');
    writeFileSync(join(base, 'text'), 'hello '.repeat(1000));
    for (const name of ['empty', 'text', 'missing']) expect(() => SqliteTables.open(join(base, name), LIMITS)).toThrow(SqliteError);
    const utf16 = join(base, 'utf16');
    python(`conn = sqlite3.connect(sys.argv[1]); conn.execute("pragma encoding='UTF-16le'"); conn.execute('create table t (a)'); conn.execute("insert into t values ('x')"); conn.commit(); conn.close()`, [utf16]);
    expect(() => SqliteTables.open(utf16, LIMITS)).toThrow(/UTF-8/);
    const path = built();
    symlinkSync(path, join(base, 'link'));
    expect(() => SqliteTables.open(join(base, 'link'), LIMITS)).toThrow(SqliteError);
    expect(() => SqliteTables.open(path, { ...LIMITS, maxFileBytes: 4096 })).toThrow(/too large/);
    expect(() => readAll(path, 'message', { ...LIMITS, maxPages: 10 })).toThrow(/too many pages/);
  });

  it('a row past the payload cap is yielded unread, the rows around it still read', () => {
    const path = built();
    const db = SqliteTables.open(path, { ...LIMITS, maxPayload: 4096 });
    const rows = [...db.rows('message')];
    db.close();
    expect(rows).toHaveLength(600);
    expect(rows.filter((row) => row.columns === null)).toHaveLength(12);
    expect(rows[1]!.columns!.id).toBe('msg_00000598');
  });

  it('a page loop, a child pointing at itself or past the end, a huge cell count: an error, at once', () => {
    const path = built();
    const good = readFileSync(path);
    const pageSize = 1024;
    const root = Number(/"rootpage": ?(\d+)/.exec(python(`conn = sqlite3.connect(sys.argv[1]); print(json.dumps({"rootpage": conn.execute("select rootpage from sqlite_master where name='message'").fetchone()[0]}))`, [path]))![1]);
    const at = (root - 1) * pageSize;
    expect(good[at]).toBe(0x05);
    const cases: [string, (bytes: Buffer) => void][] = [
      ['right child is the root', (bytes) => bytes.writeUInt32BE(root, at + 8)],
      ['right child past the end', (bytes) => bytes.writeUInt32BE(0xfffffff0, at + 8)],
      ['right child zero', (bytes) => bytes.writeUInt32BE(0, at + 8)],
      ['cell count huge', (bytes) => bytes.writeUInt16BE(0xffff, at + 3)],
      ['page type unknown', (bytes) => (bytes[at] = 0x07)],
      ['first cell points into the header', (bytes) => bytes.writeUInt16BE(2, at + 12)],
      ['page size 0', (bytes) => bytes.writeUInt16BE(0, 16)],
      ['page size 300', (bytes) => bytes.writeUInt16BE(300, 16)],
      ['reserved bytes 255', (bytes) => (bytes[20] = 255)],
      ['page count huge', (bytes) => bytes.writeUInt32BE(0xffffffff, 28)],
    ];
    for (const [, corrupt] of cases) {
      const bytes = Buffer.from(good);
      corrupt(bytes);
      writeFileSync(path, bytes);
      survives(path);
    }
    // Every child of the root pointing at one leaf: that leaf met twice is a loop, not rows read twice.
    const looped = Buffer.from(good);
    const cells = looped.readUInt16BE(at + 3);
    const leaf = looped.readUInt32BE(at + looped.readUInt16BE(at + 12));
    for (let index = 0; index < cells; index++) looped.writeUInt32BE(leaf, at + looped.readUInt16BE(at + 12 + index * 2));
    writeFileSync(path, looped);
    expect(() => readAll(path, 'message')).toThrow(/met twice/);
  });

  it('random corruption, truncation and overflow chains cut or looped: rows or an error, bounded time', () => {
    const path = built();
    const good = readFileSync(path);
    let seed = 12345;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    for (let round = 0; round < 300; round++) {
      const bytes = Buffer.from(good);
      const flips = 1 + random(20);
      for (let flip = 0; flip < flips; flip++) bytes[random(bytes.length)] = random(256);
      writeFileSync(path, bytes);
      survives(path);
    }
    for (const length of [0, 50, 100, 1000, 1024, 5000, good.length - 1]) {
      writeFileSync(path, good);
      truncateSync(path, length);
      survives(path);
    }
  });

  it('a WAL with a wrong checksum, wrong salts or another page size is ignored from that frame on', () => {
    const base = dir();
    const path = join(base, 'db.sqlite');
    python(`${ROWS}
conn = wal_conn(sys.argv[1])
conn.execute('begin'); rows(conn, 100); conn.execute('commit')
conn.execute('pragma wal_checkpoint(TRUNCATE)')
conn.execute("insert into message values ('msg_wal', 's', 1, 2, '{}', null)")
keep_wal(conn)`, [path]);
    const wal = readFileSync(`${path}-wal`);
    expect(readAll(path, 'message')).toHaveLength(101);
    const cases: ((bytes: Buffer) => void)[] = [
      (bytes) => (bytes[32 + 24 + 100] ^= 1), // a bit of the first frame's page
      (bytes) => (bytes[32 + 8] ^= 1), // the first frame's salt
      (bytes) => bytes.writeUInt32BE(512, 8), // the header's page size
      (bytes) => (bytes[24] ^= 1), // the header's checksum
    ];
    for (const corrupt of cases) {
      const bytes = Buffer.from(wal);
      corrupt(bytes);
      writeFileSync(`${path}-wal`, bytes);
      expect(readAll(path, 'message')).toHaveLength(100);
    }
    writeFileSync(`${path}-wal`, wal);
    expect(() => SqliteTables.open(path, { ...LIMITS, maxWalBytes: 100 })).toThrow(/too large/);
    // The same WAL as a big-endian machine writes it (magic 0x377f0683: checksums over big-endian words) is read the same.
    writeFileSync(`${path}-wal`, bigEndianWal(wal, 4096));
    expect(readAll(path, 'message')).toHaveLength(101);
  });
});

/** `wal` (little-endian checksums) rewritten as a big-endian machine writes it: magic 0x377f0683, every checksum over big-endian words (sqlite.org/wal.html). */
function bigEndianWal(wal: Buffer, pageSize: number): Buffer {
  const out = Buffer.from(wal);
  let s0 = 0;
  let s1 = 0;
  const sum = (bytes: Buffer) => {
    for (let at = 0; at < bytes.length; at += 8) {
      s0 = (s0 + bytes.readUInt32BE(at) + s1) >>> 0;
      s1 = (s1 + bytes.readUInt32BE(at + 4) + s0) >>> 0;
    }
  };
  out.writeUInt32BE(0x377f0683, 0);
  sum(out.subarray(0, 24));
  out.writeUInt32BE(s0, 24);
  out.writeUInt32BE(s1, 28);
  for (let at = 32; at + 24 + pageSize <= out.length; at += 24 + pageSize) {
    sum(out.subarray(at, at + 8));
    sum(out.subarray(at + 24, at + 24 + pageSize));
    out.writeUInt32BE(s0, at + 16);
    out.writeUInt32BE(s1, at + 20);
  }
  return out;
}

describe('tableColumns', () => {
  it('names columns through every quoting and skips table constraints', () => {
    expect(tableColumns('CREATE TABLE `session` (\n\t`id` text PRIMARY KEY NOT NULL,\n\t"a,b" integer DEFAULT (1, 2),\n\t[c] blob, \'d\'\'e\' text, f, CONSTRAINT pk PRIMARY KEY (id), FOREIGN KEY (`f`) REFERENCES `x`(`id`))')).toEqual({ names: ['id', 'a,b', 'c', "d'e", 'f'], rowidAlias: -1 });
    expect(tableColumns('create table t (x, id INTEGER PRIMARY KEY)').rowidAlias).toBe(1);
    expect(() => tableColumns('create table t (a) without rowid')).toThrow(SqliteError);
  });
});
