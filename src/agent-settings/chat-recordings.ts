import { constants, lstatSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { transcriptModel } from '../checkpoint/transcript-model.js';
import { quote } from '../core/detect/found.js';
import { readUnlinkedJson } from '../io/read-regular-file.js';
import { CLAUDE_TRANSCRIPT, MAX_WINDOW_MODELS, projectDirs, SESSION_ID } from './claude-transcript.js';
import { filesByWritten } from './files-by-written.js';
import { documentTailRecords, GEMINI_RECORDING, geminiRecordingModel } from './gemini-recording.js';
import type { CommandLineModel } from './command-line.js';
import { answerModel, headModel, modelsSince, parseTimestamp, RECENT_MS, usedAt, windowModels, type DatedRecord, type SessionRecords, type WindowModel } from './session-window.js';
import { qwenRuntimeDir } from './qwen-code.js';
import { absolute, ownDirectories, readOwnIndex, realRoot, shownPath, within, type SettingsPlace } from './settings-place.js';

/** A model recorded beside the settings' (always in force: no variable hides what the session ran). */
export type Beside = { model: string; evidence: string; overriddenBy: string[]; unread?: true };

/** How far back a recording is searched for its model when its tail names none. */
const FURTHEST = 4 * 1024 * 1024;
/** A model name read from a file or variable of the agent's: printable, and no longer than any model's id. */
const PRINTABLE = /^[^\x00-\x1f\x7f-\x9f]{1,256}$/;

/** A recording's tail read first for the models used since the previous commit; a line past this is not parsed. */
const TAIL = 256 * 1024;
const MAX_LINE = 1024 * 1024;
/** How many answers of a recording that is one JSON document (Gemini CLI before 0.3x) are weighed, the last ones. */
const MAX_DOCUMENT_MESSAGES = 100_000;

/** An answer's model at the head of a Qwen Code line too long to parse: before its `"message":`, `"type":"assistant"` and `"model":"…"`. */
const QWEN_LONG_HEAD = /^((?:(?!"message":)[^])*)"message":/;

const LONG_TIMESTAMP = /"timestamp":"([^"\\]{1,40})"/;

/** An answer's keys before its `"message":` in the first bytes of a Qwen Code line (a string's quotes are escaped: these are the record's own), or null. */
function qwenHead(head: Buffer): string | null {
  const before = QWEN_LONG_HEAD.exec(head.toString('utf8'))?.[1];
  return before !== undefined && before.includes('"type":"assistant"') ? before : null;
}

/** Qwen Code's chat recording (`chats/<session id>.jsonl`): each `assistant` record's `model`, each line dated by its own `timestamp`. */
const QWEN_RECORDING: SessionRecords = {
  marker: Buffer.from('"model"'),
  model: (record) => (record.type === 'assistant' ? answerModel(record.model) : null),
  longLine(head) {
    const before = qwenHead(head);
    return before === null ? null : headModel(before);
  },
  longLineDate(head) {
    const before = qwenHead(head);
    return before === null ? null : parseTimestamp(LONG_TIMESTAMP.exec(before)?.[1]);
  },
};

/**
 * Gemini CLI's recording as one JSON document (`session-*.json`, before 0.3x): its `messages`, each
 * dated by its `timestamp`, a `gemini` one's `model`, weighed as {@link windowModels} does, and its
 * last `gemini` message's model (`last`, as {@link geminiRecordingModel} reads it), from the one parse:
 * the document was read and parsed a second time for it. Read whole only when at most
 * {@link FURTHEST} bytes (a regular file, never through a link); else none, and `last` undefined.
 */
function documentWindow(path: string, since: number | null): { models: WindowModel[]; last?: string | null } {
  const messages = (readUnlinkedJson(path, FURTHEST) as { messages?: unknown } | null | undefined)?.messages;
  if (!Array.isArray(messages)) {
    // Past FURTHEST: the messages in its last FURTHEST bytes, back to the window's start (row 1197), and `last` from the
    // same read (row 1228: the same bytes were read and scanned again for it).
    const tail = documentTailRecords(path, FURTHEST, since);
    return tail === null ? { models: [] } : { models: windowModels(tail.records, since, MAX_WINDOW_MODELS).models, last: tail.last };
  }
  const model = (message: unknown): DatedRecord => {
    if (message === null || typeof message !== 'object') return { date: null, model: null };
    const { timestamp, type, model } = message as { timestamp?: unknown; type?: unknown; model?: unknown };
    return { date: parseTimestamp(timestamp), model: type === 'gemini' ? answerModel(model) : null };
  };
  let last: string | null = null;
  for (let at = messages.length - 1; at >= 0 && last === null; at--) last = model(messages[at]).model;
  // None named: undefined, {@link geminiRecordingModel} asked as before (it reads the last bytes first).
  return { models: windowModels(messages.slice(-MAX_DOCUMENT_MESSAGES).map(model), since, MAX_WINDOW_MODELS).models, last: last ?? undefined };
}

/**
 * The models a recording's answers used since the previous commit (`place.windowStart`; none when
 * unset), the most recently used first, at most {@link MAX_WINDOW_MODELS}: its tail, then up to
 * {@link FURTHEST} back when the window reaches past it; a regular file only, never through a link.
 */
function recordingWindow(place: SettingsPlace, path: string, records: SessionRecords): { models: WindowModel[]; last?: string | null } {
  if (!place.windowStart) return { models: [] };
  const since = place.windowStart();
  if (path.endsWith('.json')) return documentWindow(path, since);
  return { models: modelsSince(path, records, since, { tail: TAIL, furthest: FURTHEST, maxLine: MAX_LINE, max: MAX_WINDOW_MODELS, flags: constants.O_NOFOLLOW })?.models ?? [] };
}

/** The models found, each once, in the order found. */
function collector(): {
  found: Beside[];
  add: (model: string | null, evidence: (model: string) => string) => void;
  addWindow: (models: readonly WindowModel[], evidence: (model: string) => string) => void;
} {
  const found: Beside[] = [];
  const add = (model: string | null, evidence: (model: string) => string): void => {
    const name = model?.trim() ?? '';
    if (PRINTABLE.test(name) && !found.some((seen) => seen.model === name)) found.push({ model: name, evidence: evidence(name), overriddenBy: [] });
  };
  // A `/model` switch and back before the commit: each model used since the previous commit, at most MAX_WINDOW_MODELS for the session.
  let room = MAX_WINDOW_MODELS;
  const addWindow = (models: readonly WindowModel[], evidence: (model: string) => string): void => {
    for (const used of models) {
      if (room <= 0) return;
      if (found.some((seen) => seen.model === used.model)) continue;
      room--;
      add(used.model, (model) => `${evidence(model)} ${usedAt(used)}`);
    }
  };
  return { found, add, addWindow };
}

/** A recording's last model as its agent's records name it (row 1150): a regular file only, a link in its place not followed. */
function recordingModel(path: string, records: SessionRecords): string | null {
  return records === GEMINI_RECORDING ? geminiRecordingModel(path, FURTHEST, constants.O_NOFOLLOW) : transcriptModel(path, records, FURTHEST, constants.O_NOFOLLOW);
}

/** Directories looked at as where the agent was started, past the work tree's top: the nearest of its ancestors' below it. */
const MAX_LAUNCH_DIRS = 4;

/**
 * The directories the agent may have been started in, each as given and with its links resolved:
 * the work tree's top, and the working directories of the hook's ancestors (`launched`, their links
 * resolved: the agent's own, when it was started in a subdirectory) that lie below it.
 */
export function roots(place: SettingsPlace, launched: readonly string[]): string[] {
  const all = new Set([place.root]);
  const real = realRoot(place);
  all.add(real);
  let added = 0;
  for (const dir of launched) {
    const inside = relative(real, dir);
    if (!inside || inside.startsWith('..') || isAbsolute(inside) || all.has(dir)) continue;
    if (++added > MAX_LAUNCH_DIRS) break;
    all.add(dir);
    all.add(join(place.root, inside));
  }
  return [...all];
}

/**
 * The directories an agent that keys its session store by the directory it was started in (Claude
 * Code's `projects/<path>`, Qwen Code's, Gemini CLI's `tmp/<hash>`) may have been started in, the
 * likeliest first: when its own process is found in the work tree (`cli.cwd`, links resolved), that
 * directory alone, as resolved and under the top's name, for these agents never leave it (a `cd`
 * moves their shell, whose directory is no key of theirs); then (an editor's agent server whose
 * sessions keep their own directories), or when it is not found, {@link roots}. A caller reads the
 * first of these sets holding a recent recording.
 */
export function startDirs(place: SettingsPlace, launched: readonly string[], cli?: CommandLineModel | null): string[][] {
  const own = cli?.cwd;
  if (own === undefined || startedOutside(place, cli) !== undefined) return [roots(place, launched)];
  return [ownDirectories(place, own), roots(place, launched)];
}

/** The directory the agent's own process runs in (`cli.cwd`) when it lies outside the work tree (started above it, then `cd` in its shell), else none. */
export function startedOutside(place: SettingsPlace, cli?: CommandLineModel | null): string | undefined {
  const own = cli?.cwd;
  return own === undefined || within(own, realRoot(place)) ? undefined : own;
}

/**
 * {@link startDirs} for an agent whose store has no record naming the work tree (Qwen Code's and Gemini
 * CLI's name the directory they were started in): started outside the work tree (above it, a folder
 * of repositories), the store of that directory first, where its own session is, else as before.
 */
function ownStartFirst(place: SettingsPlace, launched: readonly string[], cli?: CommandLineModel | null): string[][] {
  const outside = startedOutside(place, cli);
  return [...(outside === undefined ? [] : [[outside]]), ...startDirs(place, launched, cli)];
}

/**
 * The most recently written recording in `dirs` whose name `named` accepts, when written within
 * {@link RECENT_MS}: regular files only (a link is not one), at most {@link MAX_LISTED} names each.
 */
export function newestRecording(dirs: Iterable<string>, named: RegExp, now = Date.now()): string | null {
  const newest = filesByWritten(dirs, (name) => named.test(name))[0];
  return newest && now - newest.written <= RECENT_MS ? newest.path : null;
}

/** The newest recent recording ({@link newestRecording}) of the first of `sets` holding one. */
export function firstNewest(sets: readonly (readonly string[])[], named: RegExp): string | null {
  for (const dirs of sets) {
    const newest = newestRecording(dirs, named);
    if (newest) return newest;
  }
  return null;
}

/** Qwen Code's and Claude Code's project id for a directory: every character but ASCII letters and digits a `-` (qwen-code `sanitizeCwd`). */
export function sanitizeCwd(path: string): string {
  return path.replace(/[^a-zA-Z0-9]/g, '-');
}

/**
 * The models Qwen Code's session ran with, to be recorded beside its settings' and command line's:
 * `/model` switches the session's model (to any OpenAI-compatible model) and writes no settings.
 * Qwen Code publishes the active model to the commands it runs as `QWEN_CODE_MODEL`, republished on
 * every switch, and its session as `QWEN_CODE_SESSION_ID` (with `QWEN_CODE_PROJECT_DIR`); it records
 * the chat as `<its runtime output directory>/projects/<project id>/chats/<session id>.jsonl` ({@link qwenRuntimeDir}), each
 * answer with its `model` (qwen-code `chatRecordingService.ts`, `storage.ts`): that exact file's last
 * model (in every project directory: the agent may have started in another directory). Without a
 * session id (older Qwen Code) the newest recording written within the hour of the project of the
 * directory it was started in ({@link startDirs}), else of the
 * work tree's top or of the directory the agent runs in (`launched`) is read. Only ever added beside: none of these takes a model away.
 */
export function qwenSessionModels(place: SettingsPlace, launched: readonly string[] = [], cli?: CommandLineModel | null): Beside[] {
  const { env } = place;
  const { found, add, addWindow } = collector();
  add(env.QWEN_CODE_MODEL ?? null, (model) => `env QWEN_CODE_MODEL=${quote(model)}`);
  const runtime = qwenRuntimeDir(place, cli?.cwd);
  const id = env.QWEN_CODE_SESSION_ID?.trim() ?? '';
  if (SESSION_ID.test(id)) {
    const dirs = new Set<string>();
    const projectDir = absolute(place, env.QWEN_CODE_PROJECT_DIR);
    if (projectDir) dirs.add(projectDir);
    for (const dir of projectDirs(join(runtime, 'projects')) ?? []) dirs.add(dir);
    for (const dir of dirs) {
      const path = join(dir, 'chats', `${id}.jsonl`);
      const evidence = (model: string) => `chat recording ${shownPath(place, path)} model=${quote(model)}`;
      add(recordingModel(path, QWEN_RECORDING), evidence);
      addWindow(recordingWindow(place, path, QWEN_RECORDING).models, evidence);
    }
    return found;
  }
  const named = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jsonl$/i;
  const newest = firstNewest(ownStartFirst(place, launched, cli).map((starts) => starts.map((root) => join(runtime, 'projects', sanitizeCwd(root), 'chats'))), named);
  if (newest) {
    const evidence = (model: string) => `newest chat recording ${shownPath(place, newest)} model=${quote(model)}`;
    add(recordingModel(newest, QWEN_RECORDING), evidence);
    addWindow(recordingWindow(place, newest, QWEN_RECORDING).models, evidence);
  }
  return found;
}

/** A project's directory name under `~/.gemini/tmp`: a plain name, never a path. */
const PLAIN_NAME = /^(?!\.\.?$)[A-Za-z0-9._-]{1,128}$/;

/**
 * The directories Gemini CLI keeps the work tree's chats in: `~/.gemini/tmp/<id>/chats`, where
 * `<id>` is the sha256 of the directory it was started in (before 0.2x) or the short name
 * `~/.gemini/projects.json` maps that directory to (gemini-cli `storage.ts`, `projectRegistry.ts`);
 * `GEMINI_CLI_HOME` moves `~`.
 */
function geminiChatDirs(place: SettingsPlace, starts: readonly string[]): string[] {
  const home = absolute(place, place.env.GEMINI_CLI_HOME) ?? place.home;
  const gemini = join(home, '.gemini');
  const ids = new Set<string>();
  let projects: unknown;
  try {
    projects = (JSON.parse(readOwnIndex(join(gemini, 'projects.json')) ?? 'null') as { projects?: unknown } | null)?.projects;
  } catch {
    projects = undefined;
  }
  const { createHash } = process.getBuiltinModule('node:crypto');
  for (const root of starts) {
    const named = projects && typeof projects === 'object' && Object.hasOwn(projects, root) ? (projects as Record<string, unknown>)[root] : undefined;
    if (typeof named === 'string' && PLAIN_NAME.test(named)) ids.add(named);
    ids.add(createHash('sha256').update(root).digest('hex'));
  }
  return [...ids].map((id) => join(gemini, 'tmp', id, 'chats'));
}

/**
 * The model Gemini CLI's session ran with last, to be recorded beside its settings' and command
 * line's: `/model` (and a fallback to another model when one is out of quota) changes the session's
 * model and writes no settings, and Gemini CLI exports no session id to its shell commands (only
 * `GEMINI_CLI=1`). Its ChatRecordingService records the chat as `chats/session-<time>-<id>.jsonl`
 * (`.json` before 0.3x), each answer with its `model`: the newest such recording written within the
 * hour of the project of the directory it was started in ({@link startDirs}), else of the work tree's
 * top or of the directory the agent runs in (`launched`), is read, its last model added beside (a guess: never in place of another).
 */
export function geminiSessionModels(place: SettingsPlace, launched: readonly string[] = [], cli?: CommandLineModel | null): Beside[] {
  const { found, add, addWindow } = collector();
  const newest = firstNewest(ownStartFirst(place, launched, cli).map((starts) => geminiChatDirs(place, starts)), /^session-[A-Za-z0-9_-]{1,64}\.jsonl?$/);
  if (newest) {
    const evidence = (model: string) => `newest chat recording ${shownPath(place, newest)} model=${quote(model)}`;
    // A document parsed whole for the window names its last answer from that parse: read once a hook.
    const window = recordingWindow(place, newest, GEMINI_RECORDING);
    add(window.last !== undefined ? window.last : recordingModel(newest, GEMINI_RECORDING), evidence);
    addWindow(window.models, evidence);
  }
  return found;
}

/** iFlow CLI's session recording: `session-<uuid>.jsonl`. */
const IFLOW_SESSION = /^session-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.jsonl$/i;

/**
 * iFlow CLI's project directory names for a directory it was started in: the path with every `/` (and `\\`, `:`) a `-`
 * (live stores hold `-Users-<u>-Code-WebSite_GLM`: `_` kept), and Claude Code's name (every character but ASCII letters
 * and digits a `-`) for a build that sanitizes as its records' lineage does; each a plain name, never a path.
 */
function iflowProjectNames(root: string): string[] {
  return [...new Set([root.replace(/[\\/:]/g, '-'), sanitizeCwd(root)])].filter((name) => name.length > 0 && name.length <= 255 && name !== '.' && name !== '..');
}

/**
 * The models iFlow CLI's session ran with, beside its `modelName` variables, `-m` and settings (row 1174): `/model`
 * switches the session's model and writes no settings file, and iFlow exports no session id to its shell (only
 * `IFLOW_CLI=1`). It records each session as `~/.iflow/projects/<directory, every / a ->/session-<uuid>.jsonl` in Claude
 * Code's record format (a `user` record's `cwd`; an `assistant` record's `message.model`, e.g. `glm-5`): the newest such
 * recording written within the hour of the project of the directory it was started in ({@link startDirs}), else of the
 * work tree's top or of a directory the agent runs in (`launched`), is read in its tail as Claude Code's transcripts are
 * (a regular file only, never through a link, bounded): its last model and those used since the previous commit, added
 * beside (a guess: never in place of another).
 */
export function iflowSessionModels(place: SettingsPlace, launched: readonly string[] = [], cli?: CommandLineModel | null): Beside[] {
  const { found, add, addWindow } = collector();
  const projects = join(place.home, '.iflow', 'projects');
  // A project directory that is a link (to a folder outside `~/.iflow`) is not listed.
  const own = (dir: string): boolean => {
    try {
      return lstatSync(dir).isDirectory();
    } catch {
      return false;
    }
  };
  const newest = firstNewest(ownStartFirst(place, launched, cli).map((starts) => starts.flatMap((root) => iflowProjectNames(root).map((name) => join(projects, name))).filter(own)), IFLOW_SESSION);
  if (newest) {
    const evidence = (model: string) => `newest iflow session ${shownPath(place, newest)} model=${quote(model)}`;
    add(recordingModel(newest, CLAUDE_TRANSCRIPT), evidence);
    addWindow(recordingWindow(place, newest, CLAUDE_TRANSCRIPT).models, evidence);
  }
  return found;
}
