import { closeSync, constants, lstatSync, readdirSync, realpathSync, type Dirent } from 'node:fs';
import { dirname, isAbsolute, join, sep } from 'node:path';
import { quote } from '../core/detect/found.js';
import { openRegularFile, readBytes } from '../io/read-regular-file.js';
import { filesByWritten, MAX_LISTED } from './files-by-written.js';
import { modelsSince, printableModel, usedAt, type SessionRecords } from './session-window.js';
import { shownPath, type SettingsPlace } from './settings-place.js';

/** A thread id as Codex exports it to the commands it runs (`CODEX_THREAD_ID`): a UUID, the end of its rollout's name. */
const THREAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Day directories (`sessions/YYYY/MM/DD`) looked into for the thread's rollout, the newest first (a resumed session keeps its first day's file). */
const MAX_DAYS = 400;
/** Without a thread id: rollouts written this recently, in the newest two day directories, at most this many read. */
const RECENT_MS = 10 * 60 * 1000;
const MAX_GUESSED = 8;
/** The tail read first, then (none there) further back: a turn's tool output may be megabytes after its `turn_context`. */
const TAIL = 256 * 1024;
const FURTHEST = 16 * 1024 * 1024;
/** A `turn_context` line longer than this (instructions are kilobytes) is not parsed. */
const MAX_LINE = 1024 * 1024;
/** Codex writes a record's type as its second key; in any string it is escaped (`\"type\"`), so these bytes are only ever a record's own. */
const TURN_CONTEXT = Buffer.from('"type":"turn_context"');
/** Models used since the previous commit recorded beside the last turn's, the most recently used first. */
const MAX_WINDOW_MODELS = 8;
/** Rollouts looked at for the session's sub-agents (the newest first, in the day directories since the parent's), and sub-agents read at most. */
const MAX_SPAWN_CANDIDATES = 64;
// As many sub-agents read as rollouts looked at: with fewer, 16 throwaway workers written after the
// one on a denied model (or a `spawn_agents_on_csv` batch) left it unread (row 654).
const MAX_SUBAGENTS = 64;
/** Day directories looked into for sub-agents' rollouts: back to the parent's own day (none is spawned before it), at most this many. */
const MAX_SPAWN_DAYS = 31;
/** A rollout's first and last bytes read for the sub-agents it names (`spawn_agent`'s answers), at most this many ids with a rollout taken. */
const SPAWN_SCAN = 8 * 1024 * 1024;
/** Bytes read in all for the sub-agents rollouts name, the parent's first (its sub-agents' for theirs). */
const SPAWN_BUDGET = 32 * 1024 * 1024;
const MAX_NAMED_IDS = 256;
/** Day directories listed in all to locate the rollouts of the ids rollouts name (each spawn's day and the days either side). */
const MAX_NAMED_DAYS = 96;
const DAY_MS = 24 * 60 * 60 * 1000;
/** `spawn_agent`'s answer as the rollout holds it (`agent_id`, escaped inside the output's text, or not), or the spawn event's `new_thread_id`: the keys looked for, then the id after each. */
const SPAWN_KEYS = [Buffer.from('agent_id'), Buffer.from('new_thread_id')];
const SPAWNED_ID = /^(?:agent_id|new_thread_id)\\?"\s*:\s*\\?"([0-9a-fA-F-]{36})\\?"/;
/** A rollout line's start: codex-rs writes its UTC `timestamp` first. */
const LINE_TIMESTAMP = /^\{"timestamp":"(\d{4}-\d{2}-\d{2}T[0-9:.]{1,20}Z)"/;

/**
 * A rollout's records as {@link modelsSince} reads them: each `turn_context`'s `payload.model`, in
 * force for the turn's records after it (a turn that began before the previous commit and went on
 * after it counts); each record dated by its own `timestamp` (Codex writes it first).
 */
export const ROLLOUT: SessionRecords = {
  marker: TURN_CONTEXT,
  model: (record) => (record.type === 'turn_context' ? turnContextOf(record)?.model ?? null : null),
  carries: true,
};

/** The model and working directory of a rollout's last `turn_context` record. */
export interface TurnContext {
  model: string;
  cwd?: string;
}

/** A `turn_context` record's model and cwd, or null (not JSON, another record, no printable model). */
function turnContext(line: Buffer): TurnContext | null {
  let record: unknown;
  try {
    record = JSON.parse(line.toString('utf8'));
  } catch {
    return null;
  }
  if (record === null || typeof record !== 'object' || (record as { type?: unknown }).type !== 'turn_context') return null;
  return turnContextOf(record);
}

/** A `turn_context` record's payload's model and cwd, or null (no printable model). */
function turnContextOf(record: object): TurnContext | null {
  const payload = (record as { payload?: unknown }).payload;
  if (payload === null || typeof payload !== 'object') return null;
  const { cwd } = payload as { cwd?: unknown };
  const model = printableModel((payload as { model?: unknown }).model);
  if (model === null) return null;
  return { model, ...(typeof cwd === 'string' && cwd.length <= 4096 && !cwd.includes('\0') ? { cwd } : {}) };
}

/** The last whole `turn_context` line of `bytes` (which start `start` bytes into the file), read. */
function lastTurnContext(bytes: Buffer, start: number): TurnContext | null {
  for (let at = bytes.lastIndexOf(TURN_CONTEXT); at >= 0; at = at === 0 ? -1 : bytes.lastIndexOf(TURN_CONTEXT, at - 1)) {
    const newline = at === 0 ? -1 : bytes.lastIndexOf(0x0a, at - 1);
    // A line cut by the read's start is not judged on its end.
    if (newline < 0 && start > 0) return null;
    const end = bytes.indexOf(0x0a, at);
    const line = bytes.subarray(newline + 1, end < 0 ? bytes.length : end);
    if (line.length > MAX_LINE) continue;
    const found = turnContext(line);
    if (found) return found;
  }
  return null;
}

/**
 * The model (and cwd) of the last `turn_context` record of a Codex rollout: a regular file only,
 * never through a link (`O_NOFOLLOW`), never a FIFO or device; its last 256 KB, then, naming none,
 * its last 16 MB. A line still being written (no end yet, not JSON) is skipped. Null when none.
 */
export function rolloutTurnContext(path: string): TurnContext | null {
  if (!isAbsolute(path)) return null;
  const opened = openRegularFile(path, constants.O_NOFOLLOW);
  if (!opened) return null;
  try {
    const tail = Math.min(opened.size, TAIL);
    const found = lastTurnContext(readBytes(opened.fd, tail, opened.size - tail), opened.size - tail);
    if (found !== null || tail === opened.size) return found;
    const start = Math.max(0, opened.size - FURTHEST);
    // Up to the tail's first line end, so a line the tail's start cut is read whole.
    const end = Math.min(opened.size, opened.size - tail + MAX_LINE);
    return lastTurnContext(readBytes(opened.fd, end - start, start), start);
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
}

/** The entries of `dir` (at most {@link MAX_LISTED}), none when it cannot be listed. */
function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).slice(0, MAX_LISTED);
  } catch {
    return [];
  }
}

/** The real subdirectories of `dir` (no link) named as `name` says, the newest (highest) first. */
function subdirs(dir: string, name: RegExp): string[] {
  return entries(dir)
    .filter((entry) => entry.isDirectory() && name.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .reverse()
    .map((entry) => join(dir, entry));
}

/** The `sessions/YYYY/MM/DD` directories under `sessions`, the newest first, at most `limit`. */
function dayDirs(sessions: string, limit: number): string[] {
  const days: string[] = [];
  for (const year of subdirs(sessions, /^\d{4}$/)) {
    for (const month of subdirs(year, /^\d{2}$/)) {
      for (const day of subdirs(month, /^\d{2}$/)) {
        days.push(day);
        if (days.length >= limit) return days;
      }
    }
  }
  return days;
}

/** A rollout's file name: `rollout-<local time>-<thread id>.jsonl` (codex-rs/rollout `recorder.rs`); a compressed `.jsonl.zst` is an idle one. */
function isRolloutName(name: string): boolean {
  return name.startsWith('rollout-') && name.endsWith('.jsonl');
}

function isRollout(entry: Dirent): boolean {
  return entry.isFile() && isRolloutName(entry.name);
}

/** The rollout of thread `id`: `rollout-…-<id>.jsonl` in a day directory, the newest days first. */
export function threadRollout(sessions: string, id: string): string | null {
  const suffix = `-${id.toLowerCase()}.jsonl`;
  for (const day of dayDirs(sessions, MAX_DAYS)) {
    const entry = entries(day).find((candidate) => isRollout(candidate) && candidate.name.toLowerCase().endsWith(suffix));
    if (entry) return join(day, entry.name);
  }
  return null;
}

/** Whether `cwd` is the work tree's top or inside it (links followed on both sides). */
function inWorkTree(cwd: string | undefined, top: string): boolean {
  if (!cwd || !isAbsolute(cwd)) return false;
  try {
    const real = realpathSync.native(cwd);
    return real === top || real.startsWith(top + sep);
  } catch {
    return false;
  }
}

/**
 * Without a thread id (Codex before `CODEX_THREAD_ID`, or a command run with it unset): the rollout
 * written last, within the last 10 minutes, in the newest two day directories, whose last turn
 * ran in this work tree, one in `own` (Codex's session directory, when its process is found; outside
 * the work tree too) before any other: a newer session of another directory is not its own; at most
 * {@link MAX_GUESSED} read. A guess: another session in the same directory may be the one written last.
 */
function recentRollout(place: SettingsPlace, sessions: string, now: number, own?: string): { path: string; turn: TurnContext } | null {
  let top: string;
  try {
    top = realpathSync.native(place.root);
  } catch {
    return null;
  }
  // Codex's own process found: a rollout of its session's directory (`-C`'s, else its process's) first,
  // also outside the work tree (started above it, then a `cd` in its shell: its turns run there).
  const session = own !== undefined && isAbsolute(own) ? own : undefined;
  const files = filesByWritten(dayDirs(sessions, 2), isRolloutName).filter(({ written }) => now - written <= RECENT_MS);
  let inTree: { path: string; turn: TurnContext } | null = null;
  for (const { path } of files.slice(0, MAX_GUESSED)) {
    const turn = rolloutTurnContext(path);
    if (!turn) continue;
    if (session !== undefined && sameDir(turn.cwd, session)) return { path, turn };
    if (!inWorkTree(turn.cwd, top)) continue;
    if (session === undefined) return { path, turn };
    inTree ??= { path, turn };
  }
  // None of its directory (an app server's threads keep their own): the newest of the work tree, as without its process.
  return inTree;
}

/** Whether `path` (absolute) is the directory `dir` (links followed). */
function sameDir(path: string | undefined, dir: string): boolean {
  if (!path || !isAbsolute(path)) return false;
  try {
    return realpathSync.native(path) === realpathSync.native(dir);
  } catch {
    return false;
  }
}

/**
 * The model Codex ran its session's last turn on, from its rollout: Codex writes each session to
 * `$CODEX_HOME/sessions/YYYY/MM/DD/rollout-<time>-<thread id>.jsonl` (`~/.codex`), a
 * `turn_context` record at each turn's start holding the turn's `model` (a `/model` switch, a
 * custom provider's model alike), and exports the thread id to the commands it runs
 * (`CODEX_THREAD_ID`). That thread's rollout, found by name, is read; without the variable, the
 * most recently written rollout whose last turn ran in this work tree (see {@link recentRollout}).
 * The other models its turns ran on since the previous commit are returned beside (`also`): a
 * `/model` switch back before the committing turn hides the model that wrote the code from the
 * last turn. Null when none names a model.
 */
export function codexRolloutModel(place: SettingsPlace, now = Date.now(), own?: string): RolloutModels | null {
  const home = place.env.CODEX_HOME?.trim() || join(place.home, '.codex');
  if (!isAbsolute(home)) return null;
  const sessions = join(home, 'sessions');
  const id = place.env.CODEX_THREAD_ID?.trim() ?? '';
  if (id) {
    if (!THREAD_ID.test(id)) return null;
    const path = threadRollout(sessions, id);
    const turn = path ? rolloutTurnContext(path) : null;
    if (!path || !turn) return null;
    const found = rolloutModels(place, path, 'rollout', turn.model);
    const spawned = subagentModels(place, sessions, id, path, now).filter((used) => used.model !== found.model && !found.also?.some((known) => known.model === used.model));
    return spawned.length > 0 ? { ...found, also: [...(found.also ?? []), ...spawned] } : found;
  }
  const recent = recentRollout(place, sessions, now, own);
  return recent ? rolloutModels(place, recent.path, 'recent rollout', recent.turn.model) : null;
}

/** The model of a rollout's last turn, and the others its turns ran on since the previous commit (a `/model` switch and back before the committing turn). */
export interface RolloutModels {
  model: string;
  evidence: string;
  /** Present only when there are such models. */
  also?: { model: string; evidence: string }[];
}

/** `last` with its evidence, and the other models the rollout at `path` ran turns on since `place.windowStart` (none when unset). */
function rolloutModels(place: SettingsPlace, path: string, prefix: string, last: string): RolloutModels {
  const shown = shownPath(place, path);
  const window = place.windowStart ? modelsSince(path, ROLLOUT, place.windowStart(), { tail: TAIL, furthest: FURTHEST, maxLine: MAX_LINE, max: MAX_WINDOW_MODELS, flags: constants.O_NOFOLLOW }) : null;
  const also = (window?.models ?? []).filter((found) => found.model !== last).map((found) => ({ model: found.model, evidence: `${prefix} ${shown} turn_context.model=${quote(found.model)} ${usedAt(found)}` }));
  return { model: last, evidence: `${prefix} ${shown} turn_context.model=${quote(last)}`, ...(also.length > 0 ? { also } : {}) };
}

/**
 * The thread a rollout's sub-agent was spawned by: its first line, the `session_meta` record, names it
 * (`payload.source.subagent.thread_spawn.parent_thread_id`, codex-rs `SessionSource::SubAgent`
 * `SubAgentSource::ThreadSpawn`; newer releases also `payload.parent_thread_id`), with the rollout's
 * own thread id (`payload.id`); null for any other rollout. A first line over {@link TAIL} (its
 * instructions are tens of KB) is read by {@link longSpawnOf}.
 */
function spawnOf(path: string): { id: string; parent: string } | null {
  const opened = openRegularFile(path, constants.O_NOFOLLOW);
  if (!opened) return null;
  let head: Buffer;
  try {
    head = readBytes(opened.fd, Math.min(opened.size, TAIL), 0);
  } catch {
    return null;
  } finally {
    closeSync(opened.fd);
  }
  const end = head.indexOf(0x0a);
  if (end < 0 && head.length >= TAIL) return longSpawnOf(head);
  let record: unknown;
  try {
    record = JSON.parse(head.subarray(0, end < 0 ? head.length : end).toString('utf8'));
  } catch {
    return null;
  }
  if (record === null || typeof record !== 'object' || (record as { type?: unknown }).type !== 'session_meta') return null;
  const payload = (record as { payload?: unknown }).payload;
  if (payload === null || typeof payload !== 'object') return null;
  const at = (value: unknown, ...keys: string[]): unknown => keys.reduce<unknown>((inner, key) => (inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>)[key] : undefined), value);
  const id = at(payload, 'id');
  const parent = at(payload, 'source', 'subagent', 'thread_spawn', 'parent_thread_id') ?? at(payload, 'parent_thread_id');
  if (typeof id !== 'string' || typeof parent !== 'string' || !THREAD_ID.test(id) || !THREAD_ID.test(parent)) return null;
  return { id: id.toLowerCase(), parent: parent.toLowerCase() };
}

/** A `session_meta` line's start as codex-rs writes it: the record's `timestamp`, its type, then the payload's first key, the thread's `id`. */
const LONG_META = /^\{(?:"timestamp":"[^"\\]{0,64}",)?"type":"session_meta","payload":\{"id":"([0-9a-fA-F-]{36})"/;
/** The spawning thread's key with a string value: inside any string its quotes are escaped, so these bytes are only ever a key's own. */
const LONG_PARENT = /"parent_thread_id":"([0-9a-fA-F-]{36})"/;

/**
 * {@link spawnOf} of a first line longer than {@link TAIL} (base instructions a role's
 * `model_instructions_file` makes hundreds of KB): codex-rs writes the thread's `id` first in the
 * payload and its `source` before the instructions, so both are in the line's first bytes; read
 * there by their keys, not by parsing the line.
 */
function longSpawnOf(head: Buffer): { id: string; parent: string } | null {
  const text = head.toString('latin1');
  const id = LONG_META.exec(text)?.[1];
  const parent = LONG_PARENT.exec(text)?.[1];
  if (!id || !parent || !THREAD_ID.test(id) || !THREAD_ID.test(parent)) return null;
  return { id: id.toLowerCase(), parent: parent.toLowerCase() };
}

/**
 * The day directories a sub-agent of the thread whose rollout is `own` can be in, the newest first:
 * each sub-agent's rollout is in the day directory of its spawning (Codex names it when it starts,
 * and appends to it as long as the sub-agent runs), never before its parent's own day; so back to
 * that day (a session that crossed midnight twice keeps its first sub-agents' rollouts there), at
 * least the newest two, at most {@link MAX_SPAWN_DAYS}.
 */
function spawnDays(sessions: string, own: string): { days: string[]; all: boolean } {
  const days = dayDirs(sessions, MAX_SPAWN_DAYS);
  const at = days.indexOf(dirname(own));
  return at < 0 ? { days: days.slice(0, 2), all: false } : { days: days.slice(0, Math.max(2, at + 1)), all: true };
}

/**
 * The rollouts of the thread ids a rollout names as its sub-agents': codex-rs's `spawn_agent` answers
 * the model with `{"agent_id":"<uuid>",…}` (a `function_call_output`, its text escaped in the rollout)
 * and records a `collab_agent_spawn_end` event with `new_thread_id`; each with the UTC `timestamp`
 * its line starts with (the spawning time: the sub-agent's rollout is in that day's directory). Read
 * in the first and last {@link SPAWN_SCAN} bytes of the rollout. Anything the rollout quotes may name
 * an id too (a tool's output): only an id `locate` finds a rollout for is kept (at most
 * {@link MAX_NAMED_IDS}), so ids quoted before the real answer cannot crowd it out, and that
 * rollout's own `session_meta` must still name the spawning thread ({@link namedChildren}). Linear in
 * the bytes read: each line's start is found once, going forward, and each id located once.
 */
function spawnedIds(path: string, budget: { bytes: number }, locate: (id: string, at: number) => string | null): string[] {
  const named: string[] = [];
  const opened = openRegularFile(path, constants.O_NOFOLLOW);
  if (!opened) return named;
  const parts: Buffer[] = [];
  try {
    const half = Math.min(SPAWN_SCAN, Math.floor(budget.bytes / 2));
    if (opened.size <= 2 * half) parts.push(readBytes(opened.fd, opened.size, 0));
    else parts.push(readBytes(opened.fd, half, 0), readBytes(opened.fd, half, opened.size - half));
    budget.bytes -= Math.min(opened.size, 2 * half);
  } catch {
    return named;
  } finally {
    closeSync(opened.fd);
  }
  // The keys of Codex's own records first (`"new_thread_id":"…"` of the spawn event: in any string,
  // a tool's output the rollout keeps, a quotation mark is escaped), then the rest in the order read:
  // ids a tool's output quotes cannot take the places of those Codex itself recorded.
  const tried = new Set<string>();
  const quoted = new Map<string, number>();
  for (const part of parts) {
    for (const needle of SPAWN_KEYS) {
      let lineStart = 0;
      let nextBreak = part.indexOf(0x0a);
      let stampedLine = -1;
      let when = Number.NaN;
      for (let at = part.indexOf(needle); at >= 0 && named.length < MAX_NAMED_IDS; at = part.indexOf(needle, at + needle.length)) {
        const after = part[at + needle.length];
        if (after !== 0x22 && after !== 0x5c) continue;
        const match = SPAWNED_ID.exec(part.toString('latin1', at, at + 64));
        const child = match?.[1]?.toLowerCase();
        if (!child || tried.has(child) || !THREAD_ID.test(child)) continue;
        const own = at >= 1 && part[at - 1] === 0x22 && part[at - 2] !== 0x5c && after === 0x22;
        if (!own && quoted.has(child)) continue;
        while (nextBreak >= 0 && nextBreak < at) {
          lineStart = nextBreak + 1;
          nextBreak = part.indexOf(0x0a, lineStart);
        }
        if (stampedLine !== lineStart) {
          stampedLine = lineStart;
          const stamp = LINE_TIMESTAMP.exec(part.toString('latin1', lineStart, lineStart + 64))?.[1];
          when = stamp ? Date.parse(stamp) : Number.NaN;
        }
        if (Number.isNaN(when)) continue;
        if (!own) {
          quoted.set(child, when);
          continue;
        }
        tried.add(child);
        const found = locate(child, when);
        if (found) named.push(found);
      }
    }
  }
  for (const [child, when] of quoted) {
    if (named.length >= MAX_NAMED_IDS) break;
    if (tried.has(child)) continue;
    const found = locate(child, when);
    if (found) named.push(found);
  }
  return named;
}

/** When the regular file (no link) at `path` was last written, null when there is none. */
function writtenAt(path: string): number | null {
  try {
    const stat = lstatSync(path);
    return stat.isFile() ? stat.mtimeMs : null;
  } catch {
    return null;
  }
}

/** `sessions/YYYY/MM/DD` of the local day `at` falls on (Codex names its day directories by local time). */
function localDay(sessions: string, at: number): string {
  const day = new Date(at);
  const two = (value: number): string => String(value).padStart(2, '0');
  return join(sessions, String(day.getFullYear()), two(day.getMonth() + 1), two(day.getDate()));
}

/**
 * The rollouts of the sub-agents the rollout `own` (thread `id`) names ({@link spawnedIds}), written
 * since the previous commit (`recent`): each found by its name (`rollout-…-<id>.jsonl`) in the local
 * day directory of its spawning, or the day before or after (a clock or time zone between); wherever
 * the day is, however many other rollouts were written since. Only a rollout whose `session_meta`
 * names a thread of this session as its spawner counts (another session's, which the rollout merely
 * quotes, neither counts nor takes a place). Their own sub-agents are named in their rollouts: looked
 * for the same way, at most {@link MAX_SUBAGENTS} rollouts in all, {@link MAX_NAMED_DAYS} day
 * directories listed.
 */
function namedChildren(sessions: string, id: string, own: string, recent: (written: number) => boolean, spawned: Map<string, { id: string; parent: string } | null>): string[] {
  const listed = new Map<string, Map<string, string>>();
  const rolloutsIn = (dir: string): Map<string, string> | undefined => {
    let byId = listed.get(dir);
    if (byId || listed.size >= MAX_NAMED_DAYS) return byId;
    byId = new Map();
    for (const entry of entries(dir)) {
      if (!isRollout(entry) || entry.name.length < 43 || entry.name[entry.name.length - 43] !== '-') continue;
      const thread = entry.name.slice(-42, -6).toLowerCase();
      if (THREAD_ID.test(thread) && !byId.has(thread)) byId.set(thread, join(dir, entry.name));
    }
    listed.set(dir, byId);
    return byId;
  };
  // The day directories of the last spawning time asked (a line's ids share it), the days either
  // side listed only when the spawning day does not hold the rollout.
  let lastAt = Number.NaN;
  let lastDirs: string[] = [];
  const locate = (child: string, at: number): string | null => {
    if (at !== lastAt) {
      lastAt = at;
      lastDirs = [0, -DAY_MS, DAY_MS].map((offset) => localDay(sessions, at + offset));
    }
    for (const dir of lastDirs) {
      const path = rolloutsIn(dir)?.get(child);
      if (path) return path;
    }
    return null;
  };
  const threads = new Set([id.toLowerCase()]);
  const found: string[] = [];
  const looked = new Set<string>([own]);
  const queue = [own];
  const budget = { bytes: SPAWN_BUDGET };
  while (queue.length > 0 && found.length < MAX_SUBAGENTS && budget.bytes > 0) {
    const rollout = queue.shift() as string;
    for (const path of spawnedIds(rollout, budget, locate)) {
      if (found.length >= MAX_SUBAGENTS) break;
      if (looked.has(path)) continue;
      looked.add(path);
      const spawn = spawnOf(path);
      spawned.set(path, spawn);
      if (!spawn || !threads.has(spawn.parent)) continue;
      const written = writtenAt(path);
      if (written === null) continue;
      threads.add(spawn.id);
      if (recent(written)) found.push(path);
      queue.push(path);
    }
  }
  return found;
}

/**
 * The models of the sub-agents thread `id` spawned (and theirs, at any depth): Codex runs each
 * sub-agent (`spawn_agent`, a custom agent's role file `model = …`, or the tool call's own `model`)
 * as a thread of its own, with its own rollout whose `turn_context` records the model it ran on, and
 * names the spawning thread in that rollout's `session_meta`; the sub-agent's edits land in the work
 * tree the parent then commits, so its models go beside the parent's. Looked for among the rollouts
 * of the day directories since the parent's ({@link spawnDays}) written since the previous commit
 * (`windowStart`; without one, in the last 10 minutes), at most {@link MAX_SPAWN_CANDIDATES} looked at and {@link MAX_SUBAGENTS}
 * read; each one's models since the previous commit (without a window: its last turn's).
 */
function subagentModels(place: SettingsPlace, sessions: string, id: string, own: string, now: number): { model: string; evidence: string }[] {
  const window = place.windowStart ? place.windowStart() : undefined;
  const recent = (written: number): boolean => (typeof window === 'number' ? written >= window : window === null || now - written <= RECENT_MS);
  const { days, all } = spawnDays(sessions, own);
  const written = filesByWritten(days, isRolloutName).filter(({ path, written }) => path !== own && recent(written));
  const paths = written.slice(0, MAX_SPAWN_CANDIDATES).map(({ path }) => path);
  // Every rollout that can be a sub-agent's was looked at, unless the parent's day is further back
  // than the days listed or more were written than are looked at: then those its rollout names too.
  // Each rollout's session_meta read once (namedChildren reads those it locates).
  const read = new Map<string, { id: string; parent: string } | null>();
  // Those namedChildren found descend from this session's thread, through sub-agents not written since
  // the previous commit too (a worker whose own worker still ran): counted whether or not their parent is.
  const named = new Set<string>();
  if (!all || written.length > MAX_SPAWN_CANDIDATES) {
    for (const path of namedChildren(sessions, id, own, recent, read)) {
      named.add(path);
      if (!paths.includes(path)) paths.push(path);
    }
  }
  const spawns = paths.map((path) => ({ path, spawn: read.has(path) ? (read.get(path) ?? null) : spawnOf(path) }));
  const parents = new Set([id.toLowerCase()]);
  const children: string[] = [];
  // Parents before children, at any depth: a grandchild may be listed before its parent.
  for (let grown = true; grown && children.length < MAX_SUBAGENTS; ) {
    grown = false;
    for (const { path, spawn } of spawns) {
      if (!spawn || children.includes(path) || parents.has(spawn.id) || !(parents.has(spawn.parent) || named.has(path))) continue;
      parents.add(spawn.id);
      children.push(path);
      grown = true;
      if (children.length >= MAX_SUBAGENTS) break;
    }
  }
  const result: { model: string; evidence: string }[] = [];
  for (const path of children) {
    const shown = shownPath(place, path);
    if (place.windowStart) {
      const used = modelsSince(path, ROLLOUT, window ?? null, { tail: TAIL, furthest: FURTHEST, maxLine: MAX_LINE, max: MAX_WINDOW_MODELS, flags: constants.O_NOFOLLOW });
      for (const found of used?.models ?? []) {
        if (!result.some((known) => known.model === found.model)) result.push({ model: found.model, evidence: `subagent rollout ${shown} turn_context.model=${quote(found.model)} ${usedAt(found)}` });
      }
      continue;
    }
    const turn = rolloutTurnContext(path);
    if (turn && !result.some((known) => known.model === turn.model)) result.push({ model: turn.model, evidence: `subagent rollout ${shown} turn_context.model=${quote(turn.model)}` });
  }
  return result;
}
