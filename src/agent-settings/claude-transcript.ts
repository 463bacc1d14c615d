import { readdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { transcriptModel } from '../checkpoint/transcript-model.js';
import { quote } from '../core/detect/found.js';
import type { SettingsModel } from '../core/types.js';
import { answerModel, headModel, modelsSince, usedAt, type SessionRecords, type SessionWindow } from './session-window.js';
import { shownPath, type SettingsPlace } from './settings-place.js';

/** A session id as Claude Code (and Qwen Code) writes it: a UUID, the transcript's file name (never a path). */
export const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Project directories looked into for the session's transcript; past this, none is read. */
const MAX_PROJECTS = 10_000;
/** The transcript's bounds as the models used since the previous commit are read in it; a line past 1 MB (a Write of a big file) is not parsed. */
const TAIL = 256 * 1024;
const FURTHEST = 16 * 1024 * 1024;
const MAX_LINE = 1024 * 1024;
/** Models used since the previous commit recorded beside the last ones, for the session and its subagents each, the most recently used first. */
export const MAX_WINDOW_MODELS = 8;

/**
 * What stands in the head of a line too long to parse between its first `"message":{` and the next
 * `"content":` (an assistant's `"role":"assistant"` and `"model":"…"` in either order), found with
 * two searches: the pattern it replaces tried each `"message":{` of the head again to its end.
 */
export function messageHead(text: string): string | undefined {
  const open = text.indexOf('"message":{');
  const close = open === -1 ? -1 : text.indexOf('"content":', open + '"message":{'.length);
  return close === -1 ? undefined : text.slice(open + '"message":{'.length, close);
}

/**
 * Claude Code's transcript lines (its session's `<id>.jsonl`, a subagent's `agent-<id>.jsonl`) as
 * {@link modelsSince} reads them: an assistant line's `message.model` (`<synthetic>` and such skipped),
 * each line dated by its own `timestamp`.
 */
export const CLAUDE_TRANSCRIPT: SessionRecords = {
  marker: Buffer.from('"model"'),
  model(record) {
    if (record.type !== 'assistant' || record.message === null || typeof record.message !== 'object') return null;
    return answerModel((record.message as { model?: unknown }).model);
  },
  longLine(head) {
    const message = messageHead(head.toString('utf8'));
    if (message === undefined || !message.includes('"role":"assistant"')) return null;
    return headModel(message);
  },
};

/** A Claude Code transcript's window since the previous commit (`place.windowStart`), read back at most `furthest` bytes; null when no start is set or it cannot be read. */
export function transcriptWindow(place: SettingsPlace, path: string, furthest = FURTHEST, flags = 0): SessionWindow | null {
  if (!place.windowStart) return null;
  return modelsSince(path, CLAUDE_TRANSCRIPT, place.windowStart(), { tail: TAIL, furthest, maxLine: MAX_LINE, max: MAX_WINDOW_MODELS, flags });
}

/**
 * The model a Claude Code transcript answered with last: its window's last model when the window was read and the file
 * ends with a whole line (the same records judged the same way), so the transcript is opened once a hook; else read
 * backwards from its end ({@link transcriptModel}: a last record not yet ended that parses whole counts there).
 */
export function lastTranscriptModel(path: string, window: SessionWindow | null, furthest = FURTHEST, flags = 0): string | null {
  return window?.ended && window.last !== null ? window.last : transcriptModel(path, CLAUDE_TRANSCRIPT, furthest, flags);
}

/**
 * The models a Claude Code transcript used since the previous commit (its `window`, {@link transcriptWindow}) that
 * `recorded` lacks, at most `room`, each with its evidence (`prefix`: how the transcript is named). None when no window.
 */
export function transcriptWindowModels(place: SettingsPlace, path: string, prefix: string, recorded: readonly string[], room: number, window: SessionWindow | null): { model: string; evidence: string; overriddenBy: string[] }[] {
  if (room <= 0) return [];
  return (window?.models ?? [])
    .filter((found) => !recorded.includes(found.model))
    .slice(0, room)
    .map((found) => ({ model: found.model, evidence: `${prefix} ${shownPath(place, path)} model=${quote(found.model)} ${usedAt(found)}`, overriddenBy: [] }));
}

/**
 * The model Claude Code's own session answered with last: Claude Code (v2.1.132+) exports its
 * session id to its Bash tool as `CLAUDE_CODE_SESSION_ID` (the `session_id` its hooks get), and keeps
 * that session's transcript as `<session id>.jsonl` in one directory of `projects/` under
 * `CLAUDE_CONFIG_DIR` (`~/.claude`), named after the directory it was started in, which a hook does
 * not know: every such directory is looked into for that exact name. Assistant lines carry the API's
 * `message.model`, so the last one names the model in force when the agent ran `git commit`,
 * `--model`, `/model` or a gateway's answer alike (its process title hides `--model` on Linux); the
 * other models it answered with since the previous commit (a `/model` switch and back) are recorded
 * beside. No
 * variable, or no transcript holding a model: null, and the settings are read as before; the
 * session is never guessed here (a newest transcript may be another session's): claude-recent.ts
 * then adds the newest recent transcript's models beside the settings' only.
 */
export function claudeTranscriptModel(place: SettingsPlace, session = claudeSessionDirs(place)): SettingsModel | null {
  if (!session) return null;
  const found: { model: string; evidence: string }[] = [];
  let room = MAX_WINDOW_MODELS;
  for (const dir of session.dirs) {
    const path = join(dir, `${session.id}.jsonl`);
    // Read once a hook: the window's read names the last model too (lastTranscriptModel).
    const window = transcriptWindow(place, path);
    const model = lastTranscriptModel(path, window);
    if (model === null) continue;
    if (!found.some((seen) => seen.model === model)) found.push({ model, evidence: `transcript ${shownPath(place, path)} model=${quote(model)}` });
    // A `/model` switch back before the commit: every model the session answered with since the previous commit wrote some of it.
    const used = transcriptWindowModels(place, path, 'transcript', found.map((seen) => seen.model), room, window);
    room -= used.length;
    found.push(...used);
  }
  if (found.length === 0) return null;
  const [first, ...rest] = found;
  return {
    model: first!.model,
    evidence: first!.evidence,
    replaces: ['ANTHROPIC_MODEL', 'CLAUDE_CODE_MODEL'],
    ...(rest.length > 0 ? { also: rest.map((more) => ({ ...more, overriddenBy: [] })) } : {}),
  };
}

/** Claude Code's session id and the project directories its transcripts may be in. */
export interface ClaudeSession {
  id: string;
  dirs: string[];
}

/**
 * The session Claude Code says it runs (`CLAUDE_CODE_SESSION_ID`, a UUID) and the project
 * directories of `projects/` under `CLAUDE_CONFIG_DIR` (`~/.claude`) its files may be in (at most
 * {@link MAX_PROJECTS}, printable names only), sorted; null when there is no such id or directory.
 */
export function claudeSessionDirs(place: SettingsPlace): ClaudeSession | null {
  const id = place.env.CLAUDE_CODE_SESSION_ID?.trim() ?? '';
  if (!SESSION_ID.test(id)) return null;
  const config = place.env.CLAUDE_CONFIG_DIR?.trim() || join(place.home, '.claude');
  if (!isAbsolute(config)) return null;
  const dirs = projectDirs(join(config, 'projects'));
  return dirs ? { id, dirs } : null;
}

/**
 * The directories of `projects` (Claude Code's `~/.claude/projects`, Qwen Code's `~/.qwen/projects`),
 * at most {@link MAX_PROJECTS}, printable names only, sorted; null when it cannot be listed. Both
 * agents name them after a path, every character but letters and digits a `-`.
 */
export function projectDirs(projects: string): string[] | null {
  let names: string[];
  try {
    names = readdirSync(projects);
  } catch {
    return null;
  }
  const dirs = names.slice(0, MAX_PROJECTS).sort().filter((name) => /^[\x20-\x7e]+$/.test(name));
  return dirs.map((name) => join(projects, name));
}
