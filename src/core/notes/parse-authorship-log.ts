import { classifyKey } from './classify-key.js';
import { parseLineRanges } from './parse-line-ranges.js';
import { readMetadata } from './read-metadata.js';
import type { AttestationEntry, AuthorshipLog, NoteError, NoteParse, SchemaRule } from './types.js';

const DIVIDER = '---';
const SPACE = /^\s$/;
/**
 * Rust's `char::is_whitespace` (Unicode White_Space), which `str::trim` drops: JavaScript's `\s`
 * less U+FEFF (Rust keeps a BOM), plus NEL (U+0085).
 */
const RUST_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/;

function fail(code: NoteError['code'], message: string, line?: number): NoteParse {
  return { ok: false, error: { code, message: line === undefined ? message : `line ${line}: ${message}` } };
}

/**
 * `line` without the trailing whitespace git-ai's `str::trim_end` drops (Unicode White_Space):
 * JavaScript's `trimEnd` set, plus NEL (U+0085), which Rust counts as whitespace and JavaScript
 * does not (JavaScript's extra U+FEFF stays trimmed: reading a line git-ai refuses costs no line).
 * One step per trailing character.
 */
function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line.charCodeAt(end - 1) === 0x85 || SPACE.test(line[end - 1]!))) end -= 1;
  return end === line.length ? line : line.slice(0, end);
}

/**
 * `text` without the leading and trailing whitespace Rust's `str::trim` drops, as git-ai trims a
 * note before its blame reads it (`show_authorship_note`: `s.trim()`; the batch read of blame,
 * `read_authorship_v3_batch`: `content.trim()`). One step per trimmed character.
 */
function rustTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && RUST_SPACE.test(text[start]!)) start += 1;
  while (end > start && RUST_SPACE.test(text[end - 1]!)) end -= 1;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/**
 * A file line without its quotes (git-ai quotes paths holding whitespace and writes them raw
 * inside), and without a leading `./` (a path a tool wrote relative to the top: git names no file
 * so, the file is the one without it).
 */
function filePath(line: string): string {
  return unquoted(line).replace(/^(?:\.\/+)+(?=[^/])/, '');
}

/** A file line without its quotes, as git-ai reads it (no `./` taken off). */
function unquoted(line: string): string {
  return line.length >= 2 && line.startsWith('"') && line.endsWith('"') ? line.slice(1, -1) : line;
}

/**
 * Parse a git-ai Authorship Log (spec `git_ai_standard_v3.0.0.md`):
 *
 * ```
 * src/main.rs                                   file line (quoted when it holds whitespace)
 *   s_c9883b05a2487d::t_9f8e7d6c5b4a32 1-10,15   entry: two spaces, key, one space, ranges
 *   h_31dce776f88375 35-40
 * ---                                           divider, alone on its line
 * { "schema_version": "authorship/3.0.0", "prompts": {…}, "sessions": {…}, "humans": {…} }
 * ```
 *
 * Read as git-ai's own parser reads it: trailing whitespace (CR, NEL) ignored, blank lines
 * skipped, a file with no entry dropped, the first line that is exactly `---` (a CRLF ending
 * aside: Rust's `lines()`) divides (`--- ` is a file line to git-ai, so here too). One pass over
 * the text (a multi-megabyte note costs linear time); never throws: a malformed note is an error
 * result.
 *
 * The note is read as git-ai's blame reads it, its Unicode whitespace trimmed at both ends first
 * (Rust's `str::trim`): a first line `  key 5` is a file line `key 5` (no entry before any file),
 * and metadata ending in NBSP or NEL is JSON. A note only git-ai's untrimmed batch read takes
 * (`notes_for_commits`, a first line ` ---` that trimming makes the divider) is read as that read
 * takes it rather than refused.
 *
 * `schemas`: the `schema_version`s read (SchemaRule; default `v3`, any `authorship/3.x.y`).
 */
export function parseAuthorshipLog(text: string, schemas: SchemaRule = 'v3'): NoteParse {
  const trimmed = rustTrim(text);
  const parsed = parseText(trimmed, schemas);
  if (parsed.ok || trimmed === text) return parsed;
  const untrimmed = parseText(text, schemas);
  return untrimmed.ok ? untrimmed : parsed;
}

/** One reading of the note's text, as `AuthorshipLog::deserialize_from_string` reads it. */
function parseText(text: string, schemas: SchemaRule): NoteParse {
  const files = new Map<string, AttestationEntry[]>();
  // Paths whose kept section was written `./path` (filePath): a later section under the path itself takes its place.
  const dotted = new Set<string>();
  let current: AttestationEntry[] | null = null;
  let currentPath = '';
  let currentDotted = false;
  // git-ai keeps each file line as a section of its own, and its blame reads a path's lines from
  // the first section with an entry (`get_line_attribution`: `attestations.iter().find(…)`): a
  // later section of the same path is checked like any other, then left out.
  const endSection = () => {
    if (!current || current.length === 0) return;
    const kept = files.get(currentPath);
    if (kept && (currentDotted || !dotted.has(currentPath))) return;
    files.set(currentPath, current);
    if (currentDotted) dotted.add(currentPath);
    else dotted.delete(currentPath);
  };
  let start = 0;
  for (let number = 1; ; number += 1) {
    if (start > text.length) return fail('no-divider', "no '---' line between attestations and metadata");
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const raw = text.slice(start, end);
    start = end + 1;
    if (raw === DIVIDER || raw === `${DIVIDER}\r`) {
      endSection();
      break;
    }
    const line = trimLineEnd(raw);
    if (line === '') continue;
    if (!line.startsWith('  ')) {
      endSection();
      currentPath = filePath(line);
      currentDotted = currentPath !== unquoted(line);
      current = [];
      continue;
    }
    if (!current) return fail('entry-without-file', 'attestation entry before any file line', number);
    const body = line.slice(2);
    const space = body.indexOf(' ');
    const key = space === -1 ? null : classifyKey(body.slice(0, space));
    if (!key) return fail('bad-entry', 'expected two spaces, a key, one space and line ranges', number);
    const ranges = parseLineRanges(body.slice(space + 1));
    if (!ranges) return fail('bad-range', 'line ranges must look like 1,3-7 (whole numbers up to 4294967295)', number);
    current.push({ key: body.slice(0, space), kind: key.kind, record: key.record, ranges });
  }
  const read = readMetadata(text.slice(Math.min(start, text.length)), schemas);
  if (!read.ok) return { ok: false, error: read.error };
  const log: AuthorshipLog = { ...read.metadata, files };
  if (log.prompts.has(HUMAN_KEY)) readHumanKeyAsPrompt(log);
  return { ok: true, log };
}

/** git-ai's legacy sentinel for a person's lines (classifyKey: kind `human`). */
export const HUMAN_KEY = 'human';

/**
 * The entries of the legacy `human` key read as a prompt's, once a prompt record of that name is
 * known (in the note's `prompts`, or another note's): git-ai's blame gives the key no meaning of its
 * own (`get_line_attribution` looks up any key that opens neither `h_` nor `s_` in `prompts`, then
 * in the other notes), so its lines are a person's only while no record of that name exists.
 */
export function readHumanKeyAsPrompt(log: AuthorshipLog): void {
  for (const entries of log.files.values()) {
    for (const entry of entries) {
      if (entry.key !== HUMAN_KEY) continue;
      entry.kind = 'prompt';
      entry.record = HUMAN_KEY;
    }
  }
}

/**
 * A note git-ai writes for a commit it saw no AI line in: readable, with no attestation at all
 * (no file, no key: it says nothing about any line). Such a note is no line-level reading of its
 * commit: the commit keeps the attribution of its own message, and aitrail's own line-level note
 * (post-commit, `notes squash`) may take its place.
 */
export function isEmptyNote(text: string): boolean {
  const parsed = parseAuthorshipLog(text);
  return parsed.ok && parsed.log.files.size === 0;
}
