import { SqliteError, SqlitePages, type SqliteLimits } from './sqlite-pages.js';

/** A column's value as SQLite stores it: NULL, an integer (a bigint past 2^53), a float, text (UTF-8), a blob. */
export type SqliteValue = null | number | bigint | string | Uint8Array;

/** One row of a table: its rowid and its columns in the table's order (null values: a row past the payload cap, not read). */
export interface SqliteRow {
  rowid: bigint;
  values: SqliteValue[] | null;
}

export interface SqliteReadLimits extends SqliteLimits {
  /** A row whose record is larger than this is yielded with `values: null`, not read. */
  maxPayload: number;
}

/** B-tree levels at most: SQLite's own trees never reach 20 even at 2^64 rows. */
const MAX_DEPTH = 20;
/** `sqlite_schema` rows looked at, to find a table: far more than the few tables of any database read here. */
const MAX_SCHEMA_ROWS = 4096;
/** Made on first use: every agent's commit hooks load this module, while only a few agents' databases are read. */
let utf8: InstanceType<typeof TextDecoder> | undefined;

function fail(what: string): never {
  throw new SqliteError(`malformed SQLite database: ${what}`);
}

/** A varint at `at` (1 to 9 bytes, big-endian, 7 bits a byte but all 8 in the ninth): its value and length. */
function varint(bytes: Buffer, at: number): [bigint, number] {
  let value = 0n;
  for (let index = 0; index < 9; index++) {
    const byte = bytes[at + index];
    if (byte === undefined) fail('a varint cut short');
    if (index === 8) return [((value << 8n) | BigInt(byte)) & 0xffffffffffffffffn, 9];
    value = (value << 7n) | BigInt(byte & 0x7f);
    if (byte < 0x80) return [value, index + 1];
  }
  fail('a varint too long');
}

/** A small varint (a size, a serial type) as a number, or an error when it is past what any bound here allows. */
function smallVarint(bytes: Buffer, at: number): [number, number] {
  const [value, length] = varint(bytes, at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) fail('a size too large');
  return [Number(value), length];
}

function signed(value: bigint): bigint {
  return BigInt.asIntN(64, value);
}

/** An integer as JavaScript holds it: a number when exact, else a bigint. */
function integer(value: bigint): number | bigint {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
}

/**
 * The values of a record (sqlite.org/fileformat2.html "Record Format"): its header of serial types, then
 * their bodies; the first `most` only (a table's row holds no more values than the table has columns,
 * so a header of a million serial types is not all decoded).
 */
export function decodeRecord(payload: Buffer, most = Number.POSITIVE_INFINITY): SqliteValue[] {
  const [headerSize, first] = smallVarint(payload, 0);
  if (headerSize < first || headerSize > payload.length) fail('a record header out of bounds');
  const values: SqliteValue[] = [];
  let at = first;
  let body = headerSize;
  while (at < headerSize) {
    if (values.length >= most) return values;
    const [type, length] = smallVarint(payload, at);
    at += length;
    const size = type >= 12 ? Math.floor((type - 12) / 2) : [0, 1, 2, 3, 4, 6, 8, 8, 0, 0][type];
    if (size === undefined) fail('a reserved serial type');
    if (body + size > payload.length) fail('a record body out of bounds');
    const bytes = payload.subarray(body, body + size);
    body += size;
    if (type === 0) values.push(null);
    else if (type <= 6) values.push(integer(BigInt.asIntN(size * 8, BigInt(`0x${bytes.toString('hex')}`))));
    else if (type === 7) values.push(bytes.readDoubleBE(0));
    else if (type === 8 || type === 9) values.push(type - 8);
    else if (type % 2 === 0) values.push(Uint8Array.from(bytes));
    else values.push((utf8 ??= new TextDecoder('utf-8')).decode(bytes));
  }
  if (at !== headerSize) fail('a record header cut mid-varint');
  return values;
}

/** A table b-tree's page: its type, cell offsets and (interior) right-most child, checked against the page. */
function treePage(page: Buffer, number: number, usable: number): { leaf: boolean; cells: number[]; right: number } {
  const start = number === 1 ? 100 : 0;
  const type = page[start];
  if (type !== 0x05 && type !== 0x0d) fail(`page ${number} is not a table b-tree page`);
  const leaf = type === 0x0d;
  const count = page.readUInt16BE(start + 3);
  const header = start + (leaf ? 8 : 12);
  if (header + count * 2 > usable) fail(`page ${number} holds more cells than fit`);
  const cells: number[] = [];
  for (let index = 0; index < count; index++) {
    const cell = page.readUInt16BE(header + index * 2);
    if (cell < header + count * 2 || cell >= usable) fail(`page ${number} has a cell out of bounds`);
    cells.push(cell);
  }
  return { leaf, cells, right: leaf ? 0 : page.readUInt32BE(start + 8) };
}

/**
 * A table leaf cell's rowid and record (its first `columns` values): the payload's local part, then its
 * overflow chain (each page's first 4 bytes the next page), every page of it once; null when the payload
 * is past `maxPayload`. The cell's bytes on its page are taken from `room` (the page's bytes left for
 * cells), its overflow pages added to `chained` (those of the walk's cells so far): cells that overlap,
 * or chains that share a page, so that the same bytes are decoded thousands of times, are an error.
 */
function leafCell(pages: SqlitePages, page: Buffer, cell: number, limits: SqliteReadLimits, columns: number, room: { left: number }, chained: Set<number>): SqliteRow {
  const usable = pages.usable;
  const [size, sizeLength] = smallVarint(page, cell);
  const [rowid, rowidLength] = varint(page, cell + sizeLength);
  const start = cell + sizeLength + rowidLength;
  const row = { rowid: signed(rowid) };
  const most = usable - 35;
  const least = Math.floor(((usable - 12) * 32) / 255) - 23;
  const spill = least + ((size - least) % (usable - 4));
  const local = size <= most ? size : spill <= most ? spill : least;
  if (start + local > usable) fail('a cell past its page');
  room.left -= start - cell + local + (local < size ? 4 : 0);
  if (room.left < 0) fail('cells overlapping on their page');
  if (size > limits.maxPayload) return { ...row, values: null };
  if (local === size) return { ...row, values: decodeRecord(page.subarray(start, start + size), columns) };
  const parts = [page.subarray(start, start + local)];
  let left = size - local;
  let next = page.readUInt32BE(start + local);
  while (left > 0) {
    if (next === 0 || chained.has(next)) fail('an overflow chain broken, looping or shared');
    chained.add(next);
    const overflow = pages.page(next);
    const take = Math.min(left, usable - 4);
    parts.push(overflow.subarray(4, 4 + take));
    left -= take;
    next = overflow.readUInt32BE(0);
  }
  return { ...row, values: decodeRecord(Buffer.concat(parts), columns) };
}

/**
 * The rows of the table b-tree rooted at `root`, the highest rowid first (right to left, depth first,
 * an explicit stack: no recursion), each page visited once (a page met twice is a loop: an error), at
 * most {@link MAX_DEPTH} levels deep, each row's first `columns` values. Stops as soon as the consumer does.
 */
export function* rowsNewestFirst(pages: SqlitePages, root: number, limits: SqliteReadLimits, columns = Number.POSITIVE_INFINITY): Generator<SqliteRow> {
  const seen = new Set<number>();
  const chained = new Set<number>();
  const stack: { number: number; depth: number }[] = [{ number: root, depth: 0 }];
  while (stack.length > 0) {
    const { number, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) fail('a b-tree too deep');
    if (seen.has(number)) fail('a b-tree page met twice');
    seen.add(number);
    const page = pages.page(number);
    const tree = treePage(page, number, pages.usable);
    if (tree.leaf) {
      const room = { left: pages.usable - ((number === 1 ? 100 : 0) + 8 + tree.cells.length * 2) };
      for (const cell of tree.cells.toReversed()) yield leafCell(pages, page, cell, limits, columns, room, chained);
      continue;
    }
    // Pushed left to right, so popped right to left: the right-most child first.
    for (const cell of tree.cells) stack.push({ number: page.readUInt32BE(cell), depth: depth + 1 });
    stack.push({ number: tree.right, depth: depth + 1 });
  }
}

/** The column names of a `CREATE TABLE` statement, in order (table constraints skipped), and which one is the rowid's alias. */
export function tableColumns(sql: string): { names: string[]; rowidAlias: number } {
  const open = sql.indexOf('(');
  const close = sql.lastIndexOf(')');
  if (open < 0 || close < open) fail('a table without columns');
  const parts: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let current = '';
  for (const char of sql.slice(open + 1, close)) {
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '[') quote = ']';
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  const names: string[] = [];
  let rowidAlias = -1;
  for (const part of parts) {
    const text = part.trim();
    if (/^(?:constraint|primary|foreign|unique|check)\b/i.test(text)) continue;
    const quoted = /^(?:"((?:[^"]|"")*)"|`((?:[^`]|``)*)`|\[([^\]]*)\]|'((?:[^']|'')*)')/.exec(text);
    const name = quoted ? (quoted[1]?.replace(/""/g, '"') ?? quoted[2]?.replace(/``/g, '`') ?? quoted[3] ?? quoted[4]!.replace(/''/g, "'")) : /^\S+/.exec(text)?.[0];
    if (!name) fail('a column without a name');
    const rest = text.slice(quoted ? quoted[0].length : name.length);
    if (/^\s*integer\s+primary\s+key\b/i.test(rest) && !/\bdesc\b/i.test(rest)) rowidAlias = names.length;
    names.push(name);
  }
  // Its end trimmed first: `\s*;?\s*$` backtracks quadratically over a run of spaces that does not end the text.
  const end = sql.trimEnd();
  if (/\)\s*without\s+rowid$/i.test((end.endsWith(';') ? end.slice(0, -1) : end).trimEnd())) fail('a table without rowids');
  return { names, rowidAlias };
}

/** An open database: find a table by name, read its rows newest first. */
export class SqliteTables {
  private constructor(
    private readonly pages: SqlitePages,
    private readonly limits: SqliteReadLimits,
  ) {}

  /** `path` (and its `-wal`) opened read-only, or a {@link SqliteError}; close it when done. */
  static open(path: string, limits: SqliteReadLimits): SqliteTables {
    return new SqliteTables(SqlitePages.open(path, limits), limits);
  }

  /** Table `name`'s root page and columns, from `sqlite_schema` (page 1); null when it has no such table. */
  table(name: string): { root: number; names: string[]; rowidAlias: number } | null {
    let seen = 0;
    for (const row of rowsNewestFirst(this.pages, 1, this.limits, 5)) {
      if (++seen > MAX_SCHEMA_ROWS) fail('a schema of too many entries');
      const [type, , tableName, root, sql] = row.values ?? [];
      if (type !== 'table' || tableName !== name) continue;
      if (typeof root !== 'number' || typeof sql !== 'string') fail(`table ${name} has no root page`);
      return { root, ...tableColumns(sql) };
    }
    return null;
  }

  /**
   * Table `name`'s rows, the highest rowid first, each as an object by column name (a rowid alias
   * holding its rowid, columns a row predates null); a row past the payload cap as null. Nothing when
   * there is no such table.
   */
  *rows(name: string): Generator<{ rowid: bigint; columns: Record<string, SqliteValue> | null }> {
    const table = this.table(name);
    if (!table) return;
    for (const row of rowsNewestFirst(this.pages, table.root, this.limits, table.names.length)) {
      if (!row.values) {
        yield { rowid: row.rowid, columns: null };
        continue;
      }
      const columns: Record<string, SqliteValue> = Object.create(null) as Record<string, SqliteValue>;
      table.names.forEach((column, index) => {
        columns[column] = index === table.rowidAlias ? integer(row.rowid) : (row.values![index] ?? null);
      });
      yield { rowid: row.rowid, columns };
    }
  }

  close(): void {
    this.pages.close();
  }
}
