import { constants, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import { stringEnd } from '../core/duplicate-json-key.js';
import { firstNewest, sanitizeCwd, startDirs, startedOutside, type Beside } from './chat-recordings.js';
import type { CommandLineModel } from './command-line.js';
import { claudeSubagentModels } from './claude-subagents.js';
import { lastTranscriptModel, MAX_WINDOW_MODELS, projectDirs, transcriptWindow, transcriptWindowModels } from './claude-transcript.js';
import { filesByWritten } from './files-by-written.js';
import { lastRecordModel, RECENT_MS, type SessionRecords } from './session-window.js';
import { realRoot, shownPath, within, type SettingsPlace } from './settings-place.js';

/** A session's transcript as Claude Code names it: `<session id>.jsonl`, the id a UUID. */
const TRANSCRIPT_FILE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jsonl$/i;
/** Claude Code cuts a project directory's name past this many characters and adds a hash of the path (`sanitizePath`). */
const MAX_NAME = 200;

/**
 * The directories of `projects/` Claude Code keeps the transcripts of a session started in one of
 * `starts` in: the path with every character but ASCII letters and digits a `-`; past
 * {@link MAX_NAME} characters, its first {@link MAX_NAME} then `-` and a hash of the path, any such
 * name taken (then `projects/` is listed, bounded as {@link projectDirs} is).
 */
function recentProjectDirs(projects: string, starts: readonly string[]): string[] {
  const names = [...new Set(starts.map(sanitizeCwd))];
  const dirs = names.filter((name) => name.length <= MAX_NAME).map((name) => join(projects, name));
  const cut = names.filter((name) => name.length > MAX_NAME).map((name) => `${name.slice(0, MAX_NAME)}-`);
  if (cut.length > 0) dirs.push(...(projectDirs(projects) ?? []).filter((dir) => cut.some((start) => basename(dir).startsWith(start))));
  return dirs;
}

/**
 * How far back a recording is read for the directory its last record ran in: a last record longer
 * than a line parsed (a Read's result holding a big file) is read for its head's `cwd`, or, still
 * being written, passed for the whole record before it (row 1159). Up to 8 recordings are weighed a
 * commit: scanning 4 MiB back costs about 8 ms, 16 MiB (the model's bound) 32 ms.
 */
const CWD_FURTHEST = 4 * 1024 * 1024;
/** The longest line parsed whole for its `cwd`; a longer one is read in its head only. */
const CWD_LINE = 64 * 1024;
/** A path's longest length taken. */
const MAX_CWD = 4096;

/** `value` when it is a directory as a record names it (a string of at most {@link MAX_CWD} characters), else null. */
const cwdOf = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 && value.length <= MAX_CWD ? value : null);

/**
 * The string value of a top-level `key` in the head of a JSON object too long to parse (compact or
 * not), or null: strings skipped with their escapes and brackets counted, so a key of a tool's input,
 * a result's or a file's text (`{"cwd":"/other"}` inside `message`) is never taken; a head cut before
 * the key's value ends says none.
 */
export function topLevelString(head: string, key: string): string | null {
  let depth = 0;
  for (let at = 0; at < head.length; at++) {
    const char = head[at];
    if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') depth--;
    else if (char === '"') {
      const end = stringEnd(head, at);
      if (end >= head.length) return null;
      const colon = depth === 1 && head.slice(at, end + 1) === JSON.stringify(key) ? /^\s*:\s*"/.exec(head.slice(end + 1, end + 64)) : null;
      if (colon) {
        const open = end + colon[0].length;
        const close = stringEnd(head, open);
        if (close >= head.length) return null;
        try {
          return cwdOf(JSON.parse(head.slice(open, close + 1)));
        } catch {
          return null;
        }
      }
      at = end;
    }
    if (depth <= 0 && at > 0) return null;
  }
  return null;
}

/**
 * Claude Code's transcript lines as {@link lastRecordModel} reads them for the directory each ran in:
 * a record's own top-level `cwd` (its shell's, `cd`s followed), never a `"cwd"` key of a tool's
 * input (`{"cwd":"/other/repo"}`), result or a file's text after it (row 1156); a line too long to
 * parse by its head's own top-level `cwd` (Claude Code writes it before `message`).
 */
const CLAUDE_CWD: SessionRecords = {
  marker: Buffer.from('"cwd"'),
  model: (record) => cwdOf(record.cwd),
  longLine: (head) => topLevelString(head.toString('utf8'), 'cwd'),
};

/** The directory the last record of a recording ran in, read back at most {@link CWD_FURTHEST} bytes: a regular file only, never through a link; null when none says. */
function recordingCwd(path: string): string | null {
  return lastRecordModel(path, CLAUDE_CWD, { furthest: CWD_FURTHEST, maxLine: CWD_LINE, flags: constants.O_NOFOLLOW });
}

/** Recordings of a directory outside the work tree weighed for having run in it, the newest first; past these, none. */
const MAX_OUTSIDE_WEIGHED = 8;

/**
 * The most recently written recording in `dirs` (the store of a directory above the work tree, which
 * holds the sessions of every repository below it) whose last record ran in the work tree (its
 * `cwd` the top or below, links resolved), written within {@link RECENT_MS}, at most
 * {@link MAX_OUTSIDE_WEIGHED} weighed: another repository's session is never read.
 */
function newestRunHere(place: SettingsPlace, dirs: Iterable<string>, named: RegExp, now = Date.now()): string | null {
  const top = realRoot(place);
  const recent = filesByWritten(dirs, (name) => named.test(name)).filter(({ written }) => now - written <= RECENT_MS);
  for (const { path } of recent.slice(0, MAX_OUTSIDE_WEIGHED)) {
    const cwd = recordingCwd(path);
    if (!cwd || !isAbsolute(cwd)) continue;
    let real: string;
    try {
      real = realpathSync.native(cwd);
    } catch {
      continue;
    }
    if (within(real, top)) return path;
  }
  return null;
}

/**
 * The models of Claude Code's session guessed when it exports no session id (older than 2.1.132, or
 * `git commit` run with `CLAUDE_CODE_SESSION_ID` unset or naming no transcript): a `/model` switch
 * to a gateway-mapped model is seen by no settings file. The newest `<uuid>.jsonl` written within
 * the hour in the project directory of the directory Claude Code was started in (its process's,
 * {@link startDirs}; above the work tree, one whose last record ran in it), else of the work tree's top
 * or of a directory the agent runs in (`launched`, as Gemini CLI's and Qwen Code's guesses) is read: its last model and those used since
 * the previous commit, and its subagents' (its `<id>/subagents/`), recorded beside the settings'
 * and never in their place (a concurrent session of the same project may be read instead), as
 * `recent transcript …`. Regular files only, never through a link, read in their tails.
 */
export function claudeRecentModels(place: SettingsPlace, launched: readonly string[] = [], cli?: CommandLineModel | null): Beside[] {
  const config = place.env.CLAUDE_CONFIG_DIR?.trim() || join(place.home, '.claude');
  if (!isAbsolute(config)) return [];
  const projects = join(config, 'projects');
  // Started above the work tree: its directory's transcripts first, only one whose last record ran in the work tree.
  const outside = startedOutside(place, cli);
  const sets = startDirs(place, launched, cli).map((starts) => recentProjectDirs(projects, starts));
  const newest = (outside ? newestRunHere(place, recentProjectDirs(projects, [outside]), TRANSCRIPT_FILE) : null) ?? firstNewest(sets, TRANSCRIPT_FILE);
  if (!newest) return [];
  const found: Beside[] = [];
  const window = transcriptWindow(place, newest, undefined, constants.O_NOFOLLOW);
  const model = lastTranscriptModel(newest, window, undefined, constants.O_NOFOLLOW);
  if (model !== null) found.push({ model, evidence: `recent transcript ${shownPath(place, newest)} model=${quote(model)}`, overriddenBy: [] });
  found.push(...transcriptWindowModels(place, newest, 'recent transcript', found.map((seen) => seen.model), MAX_WINDOW_MODELS, window));
  const subagents = claudeSubagentModels(place, { id: basename(newest, '.jsonl'), dirs: [dirname(newest)] }, true);
  return [...found, ...subagents.filter((used) => !found.some((seen) => seen.model === used.model))];
}
