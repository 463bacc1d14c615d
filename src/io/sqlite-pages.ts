import { closeSync, constants } from 'node:fs';
import { present } from './present.js';
import { openRegularFile, readBytes } from './read-regular-file.js';

/**
 * A read-only view of a SQLite database's pages (sqlite.org/fileformat2.html, sqlite.org/wal.html),
 * written for hostile files: the database file and its `-wal` opened without following a link and
 * never blocking (a `-wal` or `-journal` that is a link, or a hot journal SQLite would play back: unread), every size checked before it is trusted, every read counted against a budget.
 * Anything malformed is a {@link SqliteError}; nothing here writes, locks or creates a file.
 */
export class SqliteError extends Error {
  override name = 'SqliteError';
}

export interface SqliteLimits {
  /** The database file's size at most (it is read a page at a time, never whole). */
  maxFileBytes: number;
  /** The `-wal` file's size at most (its frames are all read, to check their checksums). */
  maxWalBytes: number;
  /** Pages fetched at most, database and WAL together (WAL frames checked not counted). */
  maxPages: number;
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const WAL_HEADER = 32;
const FRAME_HEADER = 24;
/** A rollback journal's header magic (sqlite.org/fileformat2.html "The Rollback Journal"). */
const JOURNAL_MAGIC = Buffer.from('d9d505f920a163d7', 'hex');
const NATIVE_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

function fail(what: string): never {
  throw new SqliteError(`not a readable SQLite database: ${what}`);
}

/** A page size as a header stores it (1 = 65536), when it is a power of two from 512 to 65536; else null. */
function pageSizeOf(stored: number): number | null {
  const size = stored === 1 ? 65536 : stored;
  return size >= 512 && size <= 65536 && (size & (size - 1)) === 0 ? size : null;
}

/**
 * A file SQLite reads beside the database (`-wal`, `-journal`), opened as a regular file and never through a link;
 * one that is there but is none (a link SQLite would follow, a FIFO, an unreadable file) makes the database unread.
 */
function beside(path: string, suffix: string): { fd: number; size: number } | null {
  const file = openRegularFile(`${path}${suffix}`, constants.O_NOFOLLOW);
  if (!file && present(`${path}${suffix}`)) fail(`a ${suffix} that is no regular file`);
  return file;
}

/**
 * The WAL's cumulative checksum over `data` (a multiple of 8 bytes), continuing from `sums`: pairs of
 * 32-bit words, big-endian when the WAL's magic says so, else little-endian, added as sqlite.org/wal.html says.
 */
function checksum(data: Buffer, bigEndian: boolean, sums: [number, number]): [number, number] {
  let [s0, s1] = sums;
  const length = data.length - (data.length % 8);
  // The common case (a little-endian WAL read on a little-endian machine, aligned): the words as they lie.
  if (!bigEndian && NATIVE_LITTLE_ENDIAN && data.byteOffset % 4 === 0) {
    const words = new Uint32Array(data.buffer, data.byteOffset, length / 4);
    for (let at = 0; at < words.length; at += 2) {
      s0 = (s0 + words[at]! + s1) >>> 0;
      s1 = (s1 + words[at + 1]! + s0) >>> 0;
    }
    return [s0, s1];
  }
  for (let at = 0; at < length; at += 8) {
    const x0 = bigEndian ? data.readUInt32BE(at) : data.readUInt32LE(at);
    const x1 = bigEndian ? data.readUInt32BE(at + 4) : data.readUInt32LE(at + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/** The newest committed frame of each page in a WAL, and the database's size in pages after the last commit. */
interface WalIndex {
  frames: Map<number, number>;
  pages: number | null;
}

/**
 * Reads the WAL as SQLite's recovery does: its header's checksum, then frame after frame while each
 * one's salts equal the header's and its cumulative checksum holds; only frames up to the last commit
 * frame (one with a database size) count, the newest of each page winning. No WAL: empty.
 */
function readWal(opened: { fd: number; size: number }, pageSize: number | null, limits: SqliteLimits): WalIndex & { pageSize: number | null } {
  const none = { frames: new Map<number, number>(), pages: null, pageSize };
  if (opened.size > limits.maxWalBytes) fail('its write-ahead log is too large');
  if (opened.size < WAL_HEADER) return none;
  const header = readBytes(opened.fd, WAL_HEADER);
  const magic = header.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return none;
  const bigEndian = (magic & 1) === 1;
  const walPageSize = pageSizeOf(header.readUInt32BE(8));
  const sums = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
  if (walPageSize === null || sums[0] !== header.readUInt32BE(24) || sums[1] !== header.readUInt32BE(28)) return none;
  if (pageSize !== null && walPageSize !== pageSize) return none;
  const salt = header.subarray(16, 24);
  const frameSize = FRAME_HEADER + walPageSize;
  const frames = new Map<number, number>();
  let pending = new Map<number, number>();
  let pages: number | null = null;
  let running = sums;
  // Read in chunks of whole frames: at most a few megabytes at once.
  const perChunk = Math.max(1, Math.floor((4 * 1024 * 1024) / frameSize));
  let offset = WAL_HEADER;
  scan: while (offset + frameSize <= opened.size) {
    const chunk = readBytes(opened.fd, Math.min(perChunk, Math.floor((opened.size - offset) / frameSize)) * frameSize, offset);
    for (let at = 0; at + frameSize <= chunk.length; at += frameSize) {
      const frame = chunk.subarray(at, at + frameSize);
      if (!frame.subarray(8, 16).equals(salt)) break scan;
      running = checksum(frame.subarray(FRAME_HEADER), bigEndian, checksum(frame.subarray(0, 8), bigEndian, running));
      if (running[0] !== frame.readUInt32BE(16) || running[1] !== frame.readUInt32BE(20)) break scan;
      const page = frame.readUInt32BE(0);
      if (page === 0) break scan;
      pending.set(page, offset + at + FRAME_HEADER);
      const committed = frame.readUInt32BE(4);
      if (committed !== 0) {
        for (const [number, place] of pending) frames.set(number, place);
        pending = new Map();
        pages = committed;
      }
    }
    if (chunk.length === 0) break;
    offset += chunk.length;
  }
  return { frames, pages, pageSize: walPageSize };
}

/** The pages of one database, its WAL's committed frames laid over its file. Close it when done. */
export class SqlitePages {
  readonly pageSize: number;
  /** Bytes of each page that b-trees use (the page less its reserved bytes). */
  readonly usable: number;
  readonly pageCount: number;
  private fetched = 0;

  private constructor(
    private readonly db: { fd: number; size: number },
    private readonly wal: { fd: number; frames: Map<number, number> } | null,
    pageSize: number,
    pageCount: number,
    private readonly limits: SqliteLimits,
  ) {
    this.pageSize = pageSize;
    this.pageCount = pageCount;
    const page1 = this.page(1);
    if (!page1.subarray(0, 16).equals(MAGIC)) fail('no SQLite header');
    if (pageSizeOf(page1.readUInt16BE(16)) !== pageSize) fail('its page sizes disagree');
    const reserved = page1[20]!;
    this.usable = pageSize - reserved;
    if (this.usable < 480) fail('too many reserved bytes');
    // Only UTF-8 text is read: UTF-16 databases are refused rather than misread.
    if (page1.readUInt32BE(56) !== 1) fail('its text is not UTF-8');
  }

  /**
   * `path` and its `-wal` (if any, regular files only, never through a link), or a {@link SqliteError}.
   * The caller must {@link close} it.
   */
  static open(path: string, limits: SqliteLimits): SqlitePages {
    const db = openRegularFile(path, constants.O_NOFOLLOW);
    if (!db) fail('no such regular file');
    let walFd: number | null = null;
    try {
      if (db.size > limits.maxFileBytes) fail('the file is too large');
      const head = readBytes(db.fd, 100);
      let pageSize: number | null = null;
      let filePages = 0;
      if (head.length === 100) {
        if (!head.subarray(0, 16).equals(MAGIC)) fail('no SQLite header');
        pageSize = pageSizeOf(head.readUInt16BE(16));
        if (pageSize === null) fail('a page size that is none');
        filePages = Math.floor(db.size / pageSize);
        // The header's count holds only while its change counter matches the version it was written at.
        const counted = head.readUInt32BE(28);
        if (counted !== 0 && head.readUInt32BE(24) === head.readUInt32BE(92)) filePages = Math.min(filePages, counted);
      } else if (head.length !== 0) {
        fail('a header cut short');
      }
      // A hot rollback journal (its header's magic there: a writer stopped mid-transaction) is played back by SQLite's
      // next reader, undoing pages the file holds: the file alone is not what SQLite reads.
      const journal = beside(path, '-journal');
      if (journal) {
        let hot: boolean;
        try {
          hot = readBytes(journal.fd, JOURNAL_MAGIC.length).equals(JOURNAL_MAGIC);
        } finally {
          closeSync(journal.fd);
        }
        if (hot) fail('a hot rollback journal beside it (SQLite would undo pages of the file)');
      }
      const walFile = beside(path, '-wal');
      walFd = walFile?.fd ?? null;
      const wal = walFile ? readWal(walFile, pageSize, limits) : { frames: new Map<number, number>(), pages: null, pageSize };
      if (wal.pageSize === null) fail('no page size');
      const pageCount = wal.pages ?? filePages;
      if (pageCount < 1) fail('no pages');
      if (walFd !== null && wal.frames.size === 0) {
        closeSync(walFd);
        walFd = null;
      }
      return new SqlitePages(db, walFd === null ? null : { fd: walFd, frames: wal.frames }, wal.pageSize, pageCount, limits);
    } catch (error) {
      closeSync(db.fd);
      if (walFd !== null) closeSync(walFd);
      throw error instanceof SqliteError ? error : new SqliteError(`not a readable SQLite database: ${(error as Error).message}`);
    }
  }

  /** Page `number` (1-based) as the last commit left it: from the WAL when a committed frame holds it. */
  page(number: number): Buffer {
    if (!Number.isInteger(number) || number < 1 || number > this.pageCount) fail(`page ${number} out of range`);
    if (++this.fetched > this.limits.maxPages) fail('too many pages read');
    const place = this.wal?.frames.get(number);
    const bytes = place === undefined ? readBytes(this.db.fd, this.pageSize, (number - 1) * this.pageSize) : readBytes(this.wal!.fd, this.pageSize, place);
    if (bytes.length !== this.pageSize) fail(`page ${number} cut short`);
    return bytes;
  }

  close(): void {
    closeSync(this.db.fd);
    if (this.wal) closeSync(this.wal.fd);
  }
}
