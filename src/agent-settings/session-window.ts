import { closeSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { openRegularFile, readBytes } from '../io/read-regular-file.js';

/** A session guessed without its id (the newest of the work tree) is read only when written this recently: an older one is not the session committing now. */
export const RECENT_MS = 60 * 60 * 1000;

/** How an agent's session file (one JSON record a line) names models: what every agent's reader passes to {@link modelsSince}. */
export interface SessionRecords {
  /** Bytes every record naming a model holds (`"model"`, `"type":"turn_context"`); lines without them only date the window. */
  marker: Buffer;
  /** The model a parsed record names (Claude Code: an assistant's `message.model`; Codex: a `turn_context`'s `payload.model`), or null. */
  model(record: Record<string, unknown>): string | null;
  /** The model a record too long to parse names, from its first bytes; absent: such a record names none. */
  longLine?(head: Buffer): string | null;
  /** The date of a record too long to parse that names a model, from its first bytes, when its own first or last key is not its `timestamp` (Qwen Code's); absent: undated then. */
  longLineDate?(head: Buffer): number | null;
  /** The date of a line not parsed when its own `timestamp` is neither its first nor its last key (Copilot CLI's events: before `parentId`); absent: undated then. */
  lineDate?(line: Buffer): number | null;
  /** True when a record's model stays in force for the records after it until the next one (Codex's turn): each of those in the window counts it. */
  carries?: boolean;
}

/** How much of the file is read and kept. */
export interface WindowLimits {
  /** Read first, from the end; then, when the window reaches its start, up to `furthest` from the end (one read). */
  tail: number;
  furthest: number;
  /** A line longer than this is not parsed (its date and model read from its ends only). */
  maxLine: number;
  /** Models returned at most, the most recently used first. */
  max: number;
  /** Open flags (`O_NOFOLLOW`: never through a link). */
  flags?: number;
}

/** A model the session used in the window: the time of its last record there (ISO, as `toISOString` writes it), or null when that record was undated. */
export interface WindowModel {
  model: string;
  at: string | null;
}

/** The models used at or after the window's start, and the model the file names last (in or out of the window). */
export interface SessionWindow {
  models: WindowModel[];
  last: string | null;
  /** Read from a file ({@link modelsSince}): whether it ends with a whole line (its last record not still being written). */
  ended?: boolean;
}

/** A model name as recorded: printable, at most this long. */
const MODEL = /^[^\x00-\x1f\x7f-\x9f]{1,256}$/;

/** `value` when it is a model name as agents record them (a string, printable, at most 256 characters), trimmed; else null. */
export function printableModel(value: unknown): string | null {
  if (typeof value !== 'string' || !MODEL.test(value)) return null;
  return value.trim() || null;
}

/** An answer's model as agents record it ({@link printableModel}), names such as `<synthetic>` (no model's) skipped; else null. */
export function answerModel(value: unknown): string | null {
  const model = printableModel(value);
  return model === null || model.startsWith('<') ? null : model;
}

const HEAD_MODEL = /"model":"([^"\\]{1,256})"/;

/** The answer's model of the first `"model":"…"` key in a record's head (compact JSON), or null. */
export function headModel(text: string): string | null {
  return answerModel(HEAD_MODEL.exec(text)?.[1]);
}

/** ISO 8601 as the agents write it (`2026-12-04T10:00:00.123Z`, an offset in place of `Z`): date, time, seconds, optional fraction. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/** Milliseconds since the epoch of an ISO 8601 timestamp (see {@link ISO}), or null: anything else, a day or hour that does not exist. */
export function parseTimestamp(text: unknown): number | null {
  if (typeof text !== 'string' || text.length > 40) return null;
  const match = ISO.exec(text);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const millis = Number((match[7] ?? '').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (new Date(local).getUTCDate() !== day) return null;
  if (match[8] === 'Z') return local;
  const offsetHours = Number(match[10]);
  const offsetMinutes = Number(match[11]);
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  return local - (match[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
}

/**
 * A record's own date read from its line's bytes without parsing it: the first key of the line's
 * object (`{"timestamp":"…"`, Codex) or its last (`,"timestamp":"…"}`, Claude Code's assistant
 * lines). Only these places: a string's quotes are escaped, so these bytes are the record's own
 * keys, never a tool input's or a file's text.
 */
const FIRST_KEY = /^\{"timestamp":"([^"\\]{1,40})"/;
const LAST_KEY = /[{,]"timestamp":"([^"\\]{1,40})"\}\s*$/;
const ENDS = 96;

function lineDate(line: Buffer): number | null {
  const first = FIRST_KEY.exec(line.subarray(0, ENDS).toString('latin1'))?.[1];
  if (first !== undefined) return parseTimestamp(first);
  const last = LAST_KEY.exec(line.subarray(Math.max(0, line.length - ENDS)).toString('latin1'))?.[1];
  return last === undefined ? null : parseTimestamp(last);
}

/** A line parsed as one JSON object, or null. */
function parsed(line: Buffer): Record<string, unknown> | null {
  try {
    const record: unknown = JSON.parse(line.toString('utf8'));
    return record !== null && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The first bytes of a long line handed to {@link SessionRecords.longLine}. */
const HEAD = 8192;

/** One record of a session as {@link windowModels} weighs it: its own date (ms since the epoch; null: undated) and the model it names (null: none). */
export interface DatedRecord {
  date: number | null;
  model: string | null;
}

/** The models of `records` (oldest first) in the window, their last model, and whether a dated record before the window was seen (the window starts within them). */
interface Tally {
  used: Map<string, { at: number | null; order: number }>;
  last: string | null;
  bounded: boolean;
}

/**
 * Weighs `records` (oldest first) against the window starting at `since` (null: every record): a
 * dated record opens or closes the window; an undated one is in it only after a dated record in it;
 * `carries`: a record's model stays in force for the records after it (Codex's turn).
 */
function tally(records: Iterable<DatedRecord>, since: number | null, carries: boolean): Tally {
  const used = new Map<string, { at: number | null; order: number }>();
  let last: string | null = null;
  let bounded = false;
  let inWindow = since === null;
  let inForce: string | null = null;
  let order = 0;
  const use = (model: string, at: number | null) => {
    // An undated record keeps the date of the model's last dated one.
    const dated = at ?? used.get(model)?.at ?? null;
    used.delete(model);
    used.set(model, { at: dated, order: order++ });
  };
  for (const { date, model } of records) {
    if (date !== null && since !== null) {
      inWindow = date >= since;
      if (!inWindow) bounded = true;
    }
    if (model !== null) {
      last = model;
      if (carries) inForce = model;
      if (inWindow) use(model, date);
    } else if (inForce !== null && inWindow) {
      use(inForce, date);
    }
  }
  return { used, last, bounded };
}

/** The models used, the most recently used first, at most `max`, with the time of each one's last record there. */
function window(found: Tally, max: number): SessionWindow {
  const models = [...found.used.entries()]
    .sort((a, b) => b[1].order - a[1].order)
    .slice(0, max)
    .map(([model, { at }]) => ({ model, at: at === null ? null : new Date(at).toISOString() }));
  return { models, last: found.last };
}

/**
 * The models a session's records (oldest first, already read and bounded by the caller: OpenCode's
 * message files, a recording that is one JSON document) used at or after `since`, as
 * {@link modelsSince} weighs a file's lines; `bounded`: a dated record before the window was among
 * them (the window starts within them, so reading further back adds nothing).
 */
export function windowModels(records: Iterable<DatedRecord>, since: number | null, max: number, carries = false): SessionWindow & { bounded: boolean } {
  const found = tally(records, since, carries);
  return { ...window(found, max), bounded: found.bounded };
}

/** The records of one region of the file, oldest first. */
function* regionRecords(bytes: Buffer, cut: boolean, records: SessionRecords, limits: WindowLimits): Generator<DatedRecord> {
  // A region that starts mid-file starts mid-line: that line is not judged.
  let at = cut ? bytes.indexOf(0x0a) + 1 : 0;
  if (cut && at === 0) return;
  while (at < bytes.length) {
    const newline = bytes.indexOf(0x0a, at);
    // A line with no end yet is still being written: not read.
    if (newline < 0) break;
    const line = bytes.subarray(at, newline);
    at = newline + 1;
    const marked = line.includes(records.marker);
    let date: number | null = null;
    let model: string | null = null;
    if (marked && line.length <= limits.maxLine) {
      const record = parsed(line);
      if (record) {
        date = parseTimestamp(record.timestamp);
        model = records.model(record);
      }
    } else {
      date = lineDate(line) ?? records.lineDate?.(line) ?? null;
      // A line naming no model is not parsed (megabytes of tool output): dated only by its own first or last key, else undated.
      if (marked) {
        const head = line.subarray(0, HEAD);
        model = records.longLine?.(head) ?? null;
        date ??= records.longLineDate?.(head) ?? null;
      }
    }
    yield { date, model };
  }
}

/** What one region of the file says: its models in the window, its last model, and whether the window starts within it. */
function readRegion(bytes: Buffer, cut: boolean, records: SessionRecords, since: number | null, limits: WindowLimits): Tally {
  return tally(regionRecords(bytes, cut, records, limits), since, records.carries ?? false);
}

/**
 * The models an agent's session file (JSONL: Claude Code's transcript, Codex's rollout) used in
 * records dated at or after `since` (ms since the epoch; null: every record read), the most recently
 * used first, at most `limits.max`, and the model it names last. Bounded: a regular file only
 * (`limits.flags`: `O_NOFOLLOW`), its last `tail` bytes; when the window reaches back past them
 * (no dated record before `since` in them), its last `furthest` bytes instead. Dates are the
 * records' own `timestamp` (ISO 8601, strictly: {@link parseTimestamp}); a record without one is in
 * the window only after a dated record in it. A line without the marker, or past `maxLine`, is not
 * parsed: dated from its own first or last key only (the latter's model read by `records.longLine`); a line cut by the read's start, or not yet
 * ended, is not read. Null when the file cannot be read.
 */
export function modelsSince(path: string, records: SessionRecords, since: number | null, limits: WindowLimits): SessionWindow | null {
  if (!isAbsolute(path)) return null;
  const opened = openRegularFile(path, limits.flags ?? 0);
  if (!opened) return null;
  try {
    const tail = Math.min(opened.size, limits.tail);
    const tailBytes = readBytes(opened.fd, tail, opened.size - tail);
    const ended = tailBytes.length === 0 || tailBytes[tailBytes.length - 1] === 0x0a;
    let region = readRegion(tailBytes, tail < opened.size, records, since, limits);
    if (!region.bounded && tail < opened.size && limits.furthest > tail) {
      const start = Math.max(0, opened.size - limits.furthest);
      region = readRegion(readBytes(opened.fd, opened.size - start, start), start > 0, records, since, limits);
    }
    return { ...window(region, limits.max), ended };
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
}

/** How evidence says when a model was used in the window: `used at 2026-12-04T10:00:00.000Z`, or undated. */
export function usedAt(found: WindowModel): string {
  return found.at === null ? 'used after the last commit (undated record)' : `used at ${found.at}`;
}

/** How far back {@link lastRecordModel} reads, and how long a line it parses. */
export interface LastLimits {
  /** Bytes read at most, from the end. */
  furthest: number;
  /** A line longer than this is not parsed: its model read from its head by `records.longLine`, if any. */
  maxLine: number;
  /** Open flags (`O_NOFOLLOW`: never through a link). */
  flags?: number;
}

/** The block read at a time, from the end backwards. */
const BLOCK = 64 * 1024;

/**
 * The model of the last record of an agent's session file (JSONL) that names one, as `records`
 * defines it (Claude Code: an assistant's `message.model`; Gemini CLI: a `gemini` record's own
 * `model`): never a `"model"` key of a tool's input, a tool's result or a file's text, which only
 * the byte scan it replaces could not tell apart (row 1150). Read backwards in blocks of
 * {@link BLOCK} from the end, whole lines parsed, stopping at the first that names a model: at most
 * `furthest` bytes read, one line of at most `maxLine` kept; a longer line is judged by its head
 * (`records.longLine`), a line the bound cuts is not judged, and a last line with no end yet is read
 * only when it parses whole (a record still being written does not). A regular file only. Null when
 * none is found or the file cannot be read.
 */
export function lastRecordModel(path: string, records: SessionRecords, limits: LastLimits): string | null {
  if (!isAbsolute(path)) return null;
  const opened = openRegularFile(path, limits.flags ?? 0);
  if (!opened) return null;
  const { fd, size } = opened;
  const stop = Math.max(0, size - limits.furthest);
  /** The line `[start, end)`, whole when it was kept (`bytes`), else its head read now. */
  const judge = (start: number, end: number, bytes: Buffer | null, ended: boolean): string | null => {
    if (bytes !== null) {
      if (!bytes.includes(records.marker)) return null;
      const record = parsed(bytes);
      return record === null ? null : records.model(record);
    }
    if (!ended || !records.longLine) return null;
    return records.longLine(readBytes(fd, Math.min(HEAD, end - start), start));
  };
  try {
    // The line being assembled: its end, and its bytes so far (from its start side) while at most maxLine.
    let end = size;
    let pieces: Buffer[] = [];
    let kept = 0;
    let whole = true;
    let pos = size;
    while (pos > stop) {
      const length = Math.min(BLOCK, pos - stop);
      pos -= length;
      const block = readBytes(fd, length, pos);
      let after = block.length;
      for (let newline = block.lastIndexOf(0x0a, after - 1); newline >= 0; newline = newline === 0 ? -1 : block.lastIndexOf(0x0a, newline - 1)) {
        const start = pos + newline + 1;
        const piece = block.subarray(newline + 1, after);
        const lineLength = end - start;
        const bytes = whole && lineLength <= limits.maxLine ? Buffer.concat([piece, ...pieces]) : null;
        // The file's last bytes after its last newline: a record still being written unless it parses whole.
        const ended = end < size || (bytes !== null && parsed(bytes) !== null);
        if (lineLength > 0) {
          const model = judge(start, end, bytes, ended);
          if (model !== null) return model;
        }
        end = pos + newline;
        pieces = [];
        kept = 0;
        whole = true;
        after = newline;
      }
      // What precedes this block's first newline belongs to a line that starts further back.
      if (whole && kept + after <= limits.maxLine) {
        pieces.unshift(block.subarray(0, after));
        kept += after;
      } else {
        pieces = [];
        whole = false;
      }
    }
    // The file's first line, when the read reached the file's start (a line the bound cut is not judged).
    if (stop === 0 && end > 0) {
      const bytes = whole && end <= limits.maxLine ? Buffer.concat(pieces) : null;
      return judge(0, end, bytes, end < size || (bytes !== null && parsed(bytes) !== null));
    }
    return null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
