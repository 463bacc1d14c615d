import { constants } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { transcriptModel } from '../checkpoint/transcript-model.js';
import { quote } from '../core/detect/found.js';
import { newestRecording, sanitizeCwd, startDirs, type Beside } from './chat-recordings.js';
import type { CommandLineModel } from './command-line.js';
import { claudeSubagentModels } from './claude-subagents.js';
import { MAX_WINDOW_MODELS, projectDirs, transcriptWindowModels } from './claude-transcript.js';
import { shownPath, type SettingsPlace } from './settings-place.js';

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
 * The models of Claude Code's session guessed when it exports no session id (older than 2.1.132, or
 * `git commit` run with `CLAUDE_CODE_SESSION_ID` unset or naming no transcript): a `/model` switch
 * to a gateway-mapped model is seen by no settings file. The newest `<uuid>.jsonl` written within
 * the hour in the project directory of the work tree's top or of a directory the agent runs in
 * (`launched`, as Gemini CLI's and Qwen Code's guesses) is read: its last model and those used since
 * the previous commit, and its subagents' (its `<id>/subagents/`), recorded beside the settings'
 * and never in their place (a concurrent session of the same project may be read instead), as
 * `recent transcript …`. Regular files only, never through a link, read in their tails.
 */
export function claudeRecentModels(place: SettingsPlace, launched: readonly string[] = [], cli?: CommandLineModel | null): Beside[] {
  const config = place.env.CLAUDE_CONFIG_DIR?.trim() || join(place.home, '.claude');
  if (!isAbsolute(config)) return [];
  const dirs = recentProjectDirs(join(config, 'projects'), startDirs(place, launched, cli));
  const newest = newestRecording(dirs, TRANSCRIPT_FILE);
  if (!newest) return [];
  const found: Beside[] = [];
  const model = transcriptModel(newest, undefined, constants.O_NOFOLLOW);
  if (model !== null) found.push({ model, evidence: `recent transcript ${shownPath(place, newest)} model=${quote(model)}`, overriddenBy: [] });
  found.push(...transcriptWindowModels(place, newest, 'recent transcript', found.map((seen) => seen.model), MAX_WINDOW_MODELS, undefined, constants.O_NOFOLLOW));
  const subagents = claudeSubagentModels(place, { id: basename(newest, '.jsonl'), dirs: [dirname(newest)] }, true);
  return [...found, ...subagents.filter((used) => !found.some((seen) => seen.model === used.model))];
}
