import { constants, lstatSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { quote } from '../core/detect/found.js';
import { filesByWritten } from './files-by-written.js';
import { claudeSessionDirs, lastTranscriptModel, MAX_WINDOW_MODELS, transcriptWindow, transcriptWindowModels } from './claude-transcript.js';
import { shownPath, type SettingsPlace } from './settings-place.js';

/** A subagent's transcript as Claude Code (2.1.2+) names it: `agent-<agent id>.jsonl`. */
const SUBAGENT_FILE = /^agent-[A-Za-z0-9_-]{1,128}\.jsonl$/;
/** Subagent transcripts read per session, the most recently written first. */
const MAX_SUBAGENTS = 32;
/** How far back each is searched for its model when its tail names none (the session's own: 16 MB). */
const FURTHEST = 1024 * 1024;

/** Whether `path` is a directory as `stat` sees it (`lstatSync`: a link is none); false when it cannot be read. */
function isDir(path: string, stat: typeof statSync | typeof lstatSync): boolean {
  try {
    return stat(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/**
 * The models the subagents of Claude Code's session answered with: each subagent writes its own
 * transcript, `<session id>/subagents/agent-<agent id>.jsonl` beside the session's `<session id>.jsonl`
 * (its `model:` frontmatter, `CLAUDE_CODE_SUBAGENT_MODEL` or a gateway decided which), and no
 * variable says which of them runs `git commit` or wrote the files the session commits: the last
 * model of each is recorded beside the session's, and the other models each used since the previous
 * commit (a subagent transcript written last before it is not read for them). Only the exact session id's directory (a UUID,
 * `CLAUDE_CODE_SESSION_ID`), regular files of that name only, the {@link MAX_SUBAGENTS} most recently
 * written, each read in its tail. None when there is no id. `guessed`: the session is the newest
 * recent transcript's (claude-recent.ts): named `recent subagent transcript`, and no link followed
 * (neither `<id>/` nor `subagents/` a link, each file opened `O_NOFOLLOW`).
 */
export function claudeSubagentModels(place: SettingsPlace, session = claudeSessionDirs(place), guessed = false): { model: string; evidence: string; overriddenBy: string[] }[] {
  if (!session) return [];
  const prefix = guessed ? 'recent subagent transcript' : 'subagent transcript';
  const flags = guessed ? constants.O_NOFOLLOW : 0;
  // Most project directories hold no such directory: a stat that throws nothing costs a third of a failed listing.
  const held = session.dirs.map((dir) => join(dir, session.id, 'subagents')).filter((subagents) => (guessed ? isDir(dirname(subagents), lstatSync) && isDir(subagents, lstatSync) : isDir(subagents, statSync)));
  const files = filesByWritten(held, (name) => SUBAGENT_FILE.test(name));
  const found: { model: string; evidence: string; overriddenBy: string[] }[] = [];
  let room = MAX_WINDOW_MODELS;
  for (const { path, written } of files.slice(0, MAX_SUBAGENTS)) {
    // One last written before the previous commit holds nothing of this one's window; another is read once for both.
    const start = place.windowStart?.() ?? null;
    const window = start !== null && written < start ? null : transcriptWindow(place, path, FURTHEST, flags);
    const model = lastTranscriptModel(path, window, FURTHEST, flags);
    if (model === null) continue;
    if (!found.some((seen) => seen.model === model)) {
      found.push({ model, evidence: `${prefix} ${shownPath(place, path)} model=${quote(model)}`, overriddenBy: [] });
    }
    const used = transcriptWindowModels(place, path, prefix, found.map((seen) => seen.model), room, window);
    room -= used.length;
    found.push(...used);
  }
  return found;
}
