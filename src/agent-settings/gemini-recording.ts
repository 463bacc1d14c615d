import { transcriptModel } from '../checkpoint/transcript-model.js';
import { closeSync, constants } from 'node:fs';
import { openRegularFile, readBytes, readUnlinkedJson } from '../io/read-regular-file.js';
import { answerModel, parseTimestamp, type DatedRecord, type SessionRecords } from './session-window.js';

/** Gemini CLI's chat recording (JSONL, 0.3x): each `gemini` message's `model` (written after its content: a line too long to parse names none). */
export const GEMINI_RECORDING: SessionRecords = {
  marker: Buffer.from('"model"'),
  model: (record) => (record.type === 'gemini' ? answerModel(record.model) : null),
};

/**
 * The model of the last `gemini` message of Gemini CLI's recording: a JSONL one (0.3x) read backwards
 * ({@link transcriptModel}); one JSON document (`session-*.json`, before 0.3x; or a file whose lines
 * name none) parsed whole when at most `furthest` bytes (else none): its `messages`' own `model`
 * keys only, never a tool call's argument or result (row 1150). A regular file only, never through a link.
 */
export function geminiRecordingModel(path: string | null, furthest: number, flags: number): string | null {
  if (!path) return null;
  // JSONL first (a document's lines are no records); a document by its name, or when no record names a model.
  const recorded = path.endsWith('.json') ? null : transcriptModel(path, GEMINI_RECORDING, furthest, flags);
  return recorded ?? documentModel(path, furthest);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Whether the quote at `at` closes or opens a string: an even run of backslashes before it. */
function unescaped(bytes: Buffer, at: number): boolean {
  let run = 0;
  while (at - run - 1 >= 0 && bytes[at - run - 1] === BACKSLASH) run++;
  return run % 2 === 0;
}

/** The longest a key read ({@link documentTailMessages}) can be written: `"timestamp"`, each letter a `\\uXXXX` escape. */
const LONGEST_KEY = 2 + 6 * 'timestamp'.length;

/** The JSON string `bytes[start, end)` (its quotes included; already known to be valid: {@link jsonString}). */
function parseString(bytes: Buffer, start: number, end: number): string {
  return JSON.parse(bytes.subarray(start, end).toString('utf8')) as string;
}

/**
 * Whether JSON.parse would accept the string from the quote at `open` to the quote at `close` (no unescaped quote
 * between them): no control character, each `\` a valid escape. Checked on the bytes, nothing decoded or parsed
 * (bytes past ASCII decode to no control character).
 */
function jsonString(bytes: Buffer, open: number, close: number): boolean {
  // One regular expression over the bytes as Latin-1 (one character a byte), native, not a JS loop a byte (row 1228).
  return !NO_JSON_STRING.test(bytes.toString('latin1', open + 1, close));
}

/** A control character, or a `\` that starts no JSON escape (one at the end: the closing quote escaped). */
const NO_JSON_STRING = /[\x00-\x1f]|\\(?!["\\/bfnrt]|u[0-9a-fA-F]{4})/;

/**
 * The messages of a JSON document too big to parse (`{…, "messages": [{…}, …]}`) in its last bytes,
 * read backwards from its end, where no string is open: a string's quotes are escaped, so the
 * brackets and keys seen outside strings are the document's own. Only string keys of an object in an
 * array in the root object are read: each whole message passed is given to `visit` (the newest first:
 * its `timestamp` as a date, a `gemini` one's `model`), which says whether to stop; the message the
 * bytes start inside is never given. Whether it stopped (else the bytes ended, or what they hold is no such document).
 */
function documentTailMessages(bytes: Buffer, visit: (record: DatedRecord) => boolean): boolean {
  const stack: number[] = [];
  let value: [number, number] | null = null;
  let fields: { timestamp?: string; type?: string; model?: string } = {};
  for (let at = bytes.length - 1; at >= 0; at--) {
    const byte = bytes[at]!;
    if (byte === QUOTE) {
      let open = at - 1;
      // Native searches for the quote, never a byte at a time in JS (a 4 MiB `content` string is mostly what the tail holds).
      open = open < 0 ? -1 : bytes.lastIndexOf(QUOTE, open);
      while (open >= 0 && !unescaped(bytes, open)) open = open === 0 ? -1 : bytes.lastIndexOf(QUOTE, open - 1);
      if (open < 0) return false;
      let before = open - 1;
      while (before >= 0 && (bytes[before] === 0x20 || bytes[before] === 0x0a || bytes[before] === 0x0d || bytes[before] === 0x09)) before--;
      if (stack.length === 3 && stack[0] === 0x7d && stack[1] === 0x5d && stack[2] === 0x7d) {
        // A value is kept as its byte range and parsed only when its key is one read: every value was parsed before
        // its key was known, a 4 MiB tail of `content` decoded and parsed in each hook (row 1228). Still checked as
        // JSON.parse would (a document that is none bails as before).
        if (!jsonString(bytes, open, at)) return false;
        if (before >= 0 && bytes[before] === 0x3a) value = [open, at + 1];
        else if (value !== null) {
          const key = at + 1 - open <= LONGEST_KEY ? parseString(bytes, open, at + 1) : null;
          if (key === 'timestamp' || key === 'type' || key === 'model') fields[key] = parseString(bytes, value[0], value[1]);
          value = null;
        }
      }
      at = open;
    } else if (byte === 0x7d || byte === 0x5d) {
      stack.push(byte);
      value = null;
    } else if (byte === 0x7b || byte === 0x5b) {
      if (stack.pop() !== (byte === 0x7b ? 0x7d : 0x5d)) return false;
      // Lengths compared first, never the stack joined: a joined stack cost each `{` its depth (a deeply nested
      // recording: quadratic, 40 s at 80,000 levels).
      if (byte === 0x7b && stack.length === 2 && stack[0] === 0x7d && stack[1] === 0x5d) {
        const record = { date: parseTimestamp(fields.timestamp), model: fields.type === 'gemini' ? answerModel(fields.model) : null };
        if (visit(record)) return true;
        fields = {};
      }
      value = null;
    }
  }
  return false;
}

/** The last `gemini` message's own `model` in the last bytes of a JSON document too big to parse ({@link documentTailMessages}), or null. */
function documentTailModel(bytes: Buffer): string | null {
  let found: string | null = null;
  documentTailMessages(bytes, (record) => (found = record.model) !== null);
  return found;
}

/**
 * The messages of a recording that is one JSON document past `furthest` bytes, in its last `furthest`
 * bytes (a regular file, never through a link), oldest first, back to the first one dated before
 * `since` (null: all there), and the last `gemini` message's model there (`last`, as {@link documentModel} reads it); null when the file is not past `furthest` (it is parsed whole) or cannot be read.
 * What a `.json` recording too big to parse says of the models since the previous commit: before, only
 * its last answer's model was read, so a Pro model that wrote the change before a fallback to Flash went unseen (row 1197).
 */
export function documentTailRecords(path: string, furthest: number, since: number | null): { records: DatedRecord[]; last: string | null } | null {
  const opened = openRegularFile(path, constants.O_NOFOLLOW);
  if (!opened) return null;
  let tail: Buffer;
  try {
    if (opened.size <= furthest) return null;
    tail = readBytes(opened.fd, furthest, opened.size - furthest);
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
  const records: DatedRecord[] = [];
  // `last`, the newest `gemini` message's model, read in the same pass: {@link documentModel} read and scanned
  // the same `furthest` bytes again for it (row 1228). The pass goes on past the window's start until one is found.
  let last: string | null = null;
  let past = false;
  documentTailMessages(tail, (record) => {
    if (!past) {
      records.push(record);
      past = since !== null && record.date !== null && record.date < since;
    }
    last ??= record.model;
    return past && last !== null;
  });
  return { records: records.reverse(), last };
}

const TAIL_FIRST = 256 * 1024;

/** The last `gemini` message's own `model` of a recording that is one JSON document: parsed whole up to `furthest` bytes; past that, its last `furthest` bytes read backwards ({@link documentTailModel}). Null when none. */
function documentModel(path: string, furthest: number): string | null {
  const opened = openRegularFile(path, constants.O_NOFOLLOW);
  if (!opened) return null;
  let tail: Buffer | null = null;
  let near: Buffer | null = null;
  try {
    if (opened.size > furthest) tail = readBytes(opened.fd, furthest, opened.size - furthest);
    else if (opened.size > TAIL_FIRST) near = readBytes(opened.fd, TAIL_FIRST, opened.size - TAIL_FIRST);
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
  if (tail !== null) return documentTailModel(tail);
  // A checkpoint asks before and after every tool call: the last answer is near the end, read backwards from the last
  // TAIL_FIRST bytes before the whole document is parsed (a tail that names none, or bails, parses the whole as before).
  const found = near === null ? null : documentTailModel(near);
  if (found !== null) return found;
  const messages = (readUnlinkedJson(path, furthest) as { messages?: unknown } | null | undefined)?.messages;
  if (!Array.isArray(messages)) return null;
  for (let at = messages.length - 1; at >= 0; at--) {
    const message: unknown = messages[at];
    if (message === null || typeof message !== 'object') continue;
    const { type, model } = message as { type?: unknown; model?: unknown };
    const name = type === 'gemini' ? answerModel(model) : null;
    if (name !== null) return name;
  }
  return null;
}
