import { classifyKey } from './classify-key.js';

/** A git-ai Authorship Log to write (spec `git_ai_standard_v3.0.0.md`, schema `authorship/3.0.0`). */
export interface NoteToWrite {
  /** Files in the order they are written; a file without a line is left out (spec: no empty files). */
  files: Array<{ path: string; entries: Array<{ key: string; ranges: number[] }> }>;
  /** `base_commit_sha`: the commit the line numbers belong to. */
  baseCommitSha: string;
  /** `s_<id>` → session record (`agent_id {tool, id, model}`, optional `human_author`…). */
  sessions: Record<string, unknown>;
  /** Legacy `prompts` and `humans` records, carried as read (a squash or rewrite of git-ai's notes). */
  prompts?: Record<string, unknown>;
  humans?: Record<string, unknown>;
  /** `git_ai_version`, carried from the note it came from (aitrail writes none of its own). */
  gitAiVersion?: string;
}

export const SCHEMA_VERSION = 'authorship/3.0.0';

/**
 * Whether `path` can be written so that a reader (git-ai's and ours: lines split at LF only, as
 * Rust's `lines()`, trailing whitespace trimmed, `"…"` unquoted, the first `---` line divides) reads
 * it back unchanged: no LF. Any other character, a CR, a control character, NEL or U+2028
 * included, is carried as git-ai carries it (quoted when it is whitespace, so no trim eats it): a
 * note that dropped such a file on a rewrite gave its lines to no one.
 * A `"` (spec: SHOULD NOT, yet git allows it and git-ai writes it raw), `---` and whitespace are
 * written quoted.
 */
export function writablePath(path: string): boolean {
  return path.length > 0 && !path.includes('\n');
}

/**
 * The file line of `path`. git-ai quotes paths holding a space, tab or newline (spec §1.2.3: MUST);
 * any whitespace (NEL too) is quoted here, so a reader's trim never eats it, and so is a path holding `"`
 * (readers take off one quote at each end of a line that starts and ends with one, with no
 * unescaping: `"say "hi".md"` reads `say "hi".md`) or one that is `---` (the divider otherwise).
 */
function pathLine(path: string): string {
  // NEL: whitespace to Rust's `trim_end` (git-ai's reader), not to JavaScript's `\s`.
  return /[\s"\u0085]/.test(path) || path === '---' ? `"${path}"` : path;
}

/** Flat `[start, end, …]` pairs as `1-4,7,9-12`: sorted by start, touching or overlapping pairs joined. */
export function formatLineRanges(ranges: readonly number[]): string {
  const pairs: Array<[number, number]> = [];
  for (let at = 0; at + 1 < ranges.length; at += 2) pairs.push([ranges[at]!, ranges[at + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const joined: Array<[number, number]> = [];
  for (const [start, end] of pairs) {
    const last = joined[joined.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else joined.push([start, end]);
  }
  return joined.map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`)).join(',');
}

/**
 * The note text, as git-ai's serializer writes it: file lines (quoted when they hold whitespace),
 * entries `  <key> <ranges>` in the order given (a later entry wins a line), `---`, then the
 * metadata pretty-printed with two spaces (serde_json's `to_string_pretty`) in git-ai's field
 * order: schema_version, git_ai_version, base_commit_sha, prompts, humans, sessions (the last two
 * only when not empty). Throws on a path `writablePath` refuses: callers leave such files out.
 */
export function serializeAuthorshipLog(note: NoteToWrite): string {
  const lines: string[] = [];
  for (const file of note.files) {
    const entries = file.entries.filter((entry) => entry.ranges.length >= 2);
    if (entries.length === 0) continue;
    if (!writablePath(file.path)) throw new TypeError(`a note cannot name the path ${JSON.stringify(file.path.slice(0, 200))}`);
    lines.push(pathLine(file.path));
    for (const entry of entries) {
      // Any key a note can hold (classifyKey: no space, no line break), written as read: git-ai writes and reads keys raw.
      if (classifyKey(entry.key) === null) throw new TypeError(`not an attestation key: ${JSON.stringify(entry.key.slice(0, 80))}`);
      lines.push(`  ${entry.key} ${formatLineRanges(entry.ranges)}`);
    }
  }
  lines.push('---');
  const metadata: Record<string, unknown> = { schema_version: SCHEMA_VERSION };
  if (note.gitAiVersion !== undefined) metadata.git_ai_version = note.gitAiVersion;
  metadata.base_commit_sha = note.baseCommitSha;
  metadata.prompts = note.prompts ?? {};
  if (note.humans && Object.keys(note.humans).length > 0) metadata.humans = note.humans;
  if (Object.keys(note.sessions).length > 0) metadata.sessions = note.sessions;
  return `${lines.join('\n')}\n${JSON.stringify(metadata, null, 2)}\n`;
}
