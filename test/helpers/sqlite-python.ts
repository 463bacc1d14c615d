import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

let interpreter: string | undefined;
/**
 * The interpreter `python3` on PATH runs, asked once per worker (sys.executable) and run directly
 * after: the same python, without what stands before it on PATH at each call. A version manager's
 * shim (pyenv's: a bash script starting ~20 processes, bash, readlink and pyenv's own, to choose the
 * version) cost each call ~55 ms of CPU more than python itself (~30 ms). `python3` as before when it
 * names no file.
 */
function python3(): string {
  if (interpreter !== undefined && existsSync(interpreter)) return interpreter;
  const found = execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' }).trim();
  interpreter = found.startsWith('/') && existsSync(found) ? found : 'python3';
  return interpreter;
}

/**
 * Runs `script` in python3 with its `sqlite3` module (real SQLite builds every test database): the
 * script's stdout is returned. The helpers below are in scope: `dump(conn, table)` prints the rows
 * newest first as JSON (ints as strings, floats as their repr, blobs as hex), and `keep_wal(conn)`
 * leaves the process without closing (so no checkpoint folds the WAL back into the file).
 */
export function python(script: string, args: string[] = []): string {
  const prelude = `
import sqlite3, json, os, sys
def enc(v):
    if v is None: return None
    if isinstance(v, bool): return {"i": str(int(v))}
    if isinstance(v, int): return {"i": str(v)}
    if isinstance(v, float): return {"f": repr(v)}
    if isinstance(v, bytes): return {"b": v.hex()}
    return v
def dump(conn, table):
    cur = conn.execute(f'select rowid, * from "{table}" order by rowid desc')
    print(json.dumps([[enc(x) for x in row] for row in cur]))
def keep_wal(conn):
    sys.stdout.flush()
    os._exit(0)
`;
  return execFileSync(python3(), ['-c', `${prelude}\n${script}`, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
}

/** A value read by aitrail's reader in the form `dump` prints. */
export function encoded(value: unknown): unknown {
  if (value === null) return null;
  if (typeof value === 'bigint') return { i: value.toString() };
  if (typeof value === 'number') return Number.isInteger(value) && !Object.is(value, -0) ? { i: String(value) } : { f: pythonFloat(value) };
  if (value instanceof Uint8Array) return { b: Buffer.from(value).toString('hex') };
  return value;
}

function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return String(value);
}
