import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SqliteTables, decodeRecord, tableColumns } from '../../src/io/sqlite-table.js';
import { tempDir } from '../helpers/gitdir.js';
import { overlappingCells, sharedChains } from '../helpers/hostile-sqlite.js';

const LIMITS = { maxFileBytes: 64 * 1024 ** 3, maxWalBytes: 64 * 1024 ** 2, maxPages: 8192, maxPayload: 1024 * 1024 };

function readAll(path: string): () => unknown[] {
  return () => {
    const db = SqliteTables.open(path, LIMITS);
    try {
      return [...db.rows('messages')];
    } finally {
      db.close();
    }
  };
}

describe('work a crafted database makes the reader repeat', () => {
  it('a header of 59,997 NULL serial types: only the first values asked for', () => {
    const payload = Buffer.concat([Buffer.from([0x83, 0xd4, 0x60]), Buffer.alloc(60_000 - 3)]);
    expect(decodeRecord(payload, 5)).toEqual([null, null, null, null, null]);
    expect(decodeRecord(payload)).toHaveLength(60_000 - 3);
  });

  it('cell pointers at one cell are malformed, found on the first page', () => {
    const path = join(tempDir('aitrail-sqlite-'), 'overlap.db');
    overlappingCells(path, 2_000, 8_000);
    expect(readAll(path)).toThrow(/cells overlapping on their page/);
  });

  it('overflow chains sharing a page are malformed, found at the second row', () => {
    const path = join(tempDir('aitrail-sqlite-'), 'shared.db');
    sharedChains(path);
    expect(readAll(path)).toThrow(/an overflow chain broken, looping or shared/);
  });

  it("200,000 spaces after WITHOUT ROWID before an x: the table's columns in milliseconds, a real WITHOUT ROWID still refused", () => {
    const started = Date.now();
    expect(tableColumns(`CREATE TABLE t (id TEXT PRIMARY KEY, role TEXT) WITHOUT ROWID${' '.repeat(200_000)}x`).names).toEqual(['id', 'role']);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(() => tableColumns('CREATE TABLE t (id TEXT PRIMARY KEY) without  rowid ;  \n')).toThrow(/without rowids/);
    expect(() => tableColumns('CREATE TABLE t (id TEXT PRIMARY KEY) WITHOUT ROWID')).toThrow(/without rowids/);
  });
});
