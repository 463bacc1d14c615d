import { createHash, randomBytes } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { recordPost, recordPre } from '../core/checkpoint/record-edit.js';
import { CHECKPOINT_AGENTS, readPayload } from '../core/checkpoint/payloads/read-payload.js';
import type { AgentEvent, CheckpointOwner } from '../core/checkpoint/types.js';
import { checkpointFile, MAX_CHECKPOINTS, MAX_STORE_BYTES, readCheckpoint, removeCheckpoint, storeUsage, unsafeStore, writeCheckpoint } from './checkpoint-store.js';
import { gitBlobId } from './git-blob-id.js';
import { locateWorktree } from './locate-worktree.js';
import { checkpointMessages } from './messages.js';
import { readAgentFile } from './read-agent-file.js';
import { transcriptModel } from './transcript-model.js';
import { CLAUDE_TRANSCRIPT } from '../agent-settings/claude-transcript.js';
import { ROLLOUT } from '../agent-settings/codex-rollout.js';
import { geminiRecordingModel } from '../agent-settings/gemini-recording.js';

/** Largest hook payload read (Claude Code's Write carries the whole file, its tool_response may too). */
export const MAX_PAYLOAD_BYTES = 32 * 1024 * 1024;

export interface CheckpointRun {
  agent: string;
  /** The hook payload, or null when it was over MAX_PAYLOAD_BYTES. */
  payload: string | null;
  /** The process's directory: where a payload without `cwd` was sent from. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  now: number;
  warn: (text: string) => void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** The git blob id of `content`: a commit holding exactly this blob needs no diff. */
const blobId = (content: string) => gitBlobId(Buffer.from(content, 'utf8'));

/** A subagent id as Claude Code names its transcript (`agent-<id>.jsonl`): never a path. */
const SUBAGENT_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The model a Claude Code subagent's own transcript names: `<session id>/subagents/agent-<agent id>.jsonl`
 * beside the session's `<session id>.jsonl` (`transcript_path`, the parent's). Null without a subagent
 * id of that form, a transcript path ending `.jsonl`, or a model in the file (row 1138).
 */
function subagentModel(event: AgentEvent): string | null {
  const transcript = event.transcriptPath;
  if (!event.subagent || !SUBAGENT_ID.test(event.subagent) || !transcript?.endsWith('.jsonl') || !isAbsolute(transcript)) return null;
  const session = basename(transcript, '.jsonl');
  if (!SUBAGENT_ID.test(session)) return null;
  return transcriptModel(join(dirname(transcript), session, 'subagents', `agent-${event.subagent}.jsonl`), CLAUDE_TRANSCRIPT);
}

/** Bytes of a Gemini CLI recording that is one JSON document parsed at most to find its model. */
const MAX_GEMINI_DOCUMENT = 16 * 1024 * 1024;

/**
 * The model of the last answer in the agent's transcript (`transcript_path`), read from the record
 * fields its format defines only (row 1150): Claude Code's assistant `message.model`, Gemini CLI's
 * `gemini` record's `model`, Codex's `turn_context`. Cursor's payload names its model; its transcript is not read.
 */
function recordedModel(agent: string, path: string | null): string | null {
  if (agent === 'claude-code') return transcriptModel(path, CLAUDE_TRANSCRIPT);
  if (agent === 'gemini-cli') return geminiRecordingModel(path, MAX_GEMINI_DOCUMENT, 0);
  if (agent === 'codex') return transcriptModel(path, ROLLOUT);
  return null;
}

/** This checkpoint call's owner: git-ai's session id (`s_` + SHA-256 of `<tool>:<session>`, 14 hex) and a fresh trace id. */
function ownerOf(agent: string, event: AgentEvent, env: NodeJS.ProcessEnv): CheckpointOwner {
  const tool = CHECKPOINT_AGENTS[agent]!.tool;
  const session = event.session ?? 'unknown';
  const model = event.model ?? subagentModel(event) ?? recordedModel(agent, event.transcriptPath) ?? env.AITRAIL_MODEL ?? 'unknown';
  return { key: `s_${sha256(`${tool}:${session}`).slice(0, 14)}::t_${randomBytes(7).toString('hex')}`, agent, tool, session: session.slice(0, 400), model: model.slice(0, 200) };
}

/** The source's path and text when `named` is the destination of a rename in `event` (a file of the same work tree, read as safely as any). */
function movedFrom(event: AgentEvent, named: string, cwd: string, top: string): { path: string; content: string } | null {
  const move = event.moves?.find((entry) => resolve(cwd, entry.to) === resolve(cwd, named));
  if (!move) return null;
  const file = readAgentFile(top, resolve(cwd, move.from));
  return file.ok && file.content !== null ? { path: file.path, content: file.content } : null;
}

/**
 * `aitrail checkpoint --agent <slug>`: record what the agent's edit wrote, per file, under the
 * worktree's git dir. Never fails the agent: every problem is one warning and exit 0; a payload
 * naming a file outside the repository, through a symbolic link, or too big is refused.
 */
export function runCheckpoint(run: CheckpointRun): number {
  const warn = (text: string) => run.warn(`${checkpointMessages.prefix}${text}\n`);
  try {
    if (run.payload === null) return (warn(checkpointMessages.payloadTooBig(MAX_PAYLOAD_BYTES)), 0);
    const read = readPayload(run.agent, run.payload);
    if ('error' in read) return (warn(checkpointMessages.badPayload(read.error)), 0);
    const event = read.event;
    if (!event) return 0;
    const cwd = event.cwd !== null && isAbsolute(event.cwd) ? event.cwd : run.cwd;
    const project = locateWorktree(cwd);
    if (!project) return 0;
    let owner: CheckpointOwner | null = null;
    for (const named of event.paths) {
      const absolute = resolve(cwd, named);
      const worktree = locateWorktree(resolve(absolute, '..'));
      if (!worktree || (worktree.top !== project.top && !worktree.top.startsWith(`${project.top}/`))) {
        warn(checkpointMessages.refusedFile(named, 'it is outside the repository'));
        continue;
      }
      const file = readAgentFile(worktree.top, absolute);
      if (!file.ok) {
        warn(checkpointMessages.refusedFile(named, file.reason));
        continue;
      }
      const unsafe = unsafeStore(worktree.gitDir);
      if (unsafe) return (warn(checkpointMessages.unsafeStore(unsafe)), 0);
      let previous = readCheckpoint(worktree.gitDir, file.path);
      if (event.phase === 'post' && file.content === null) {
        removeCheckpoint(worktree.gitDir, file.path);
        continue;
      }
      let content = file.content ?? '';
      // A file the patch renames into being starts as its source (with the lines an agent wrote there): only the hunks are the edit.
      const source = event.phase === 'pre' && file.content === null ? movedFrom(event, named, cwd, worktree.top) : null;
      if (source) {
        content = source.content;
        previous = readCheckpoint(worktree.gitDir, source.path);
      }
      const next = event.phase === 'pre' ? recordPre(previous, file.path, content, blobId(content), run.now, run.agent) : recordPost(previous, file.path, content, blobId(content), event, (owner ??= ownerOf(run.agent, event, run.env)), run.now);
      const text = JSON.stringify(next);
      const usage = storeUsage(worktree.gitDir);
      if (!previous && usage.files >= MAX_CHECKPOINTS) return (warn(checkpointMessages.tooMany(MAX_CHECKPOINTS)), 0);
      const replaced = previous ? (lstatSync(checkpointFile(worktree.gitDir, file.path), { throwIfNoEntry: false })?.size ?? 0) : 0;
      if (usage.bytes - replaced + Buffer.byteLength(text) > MAX_STORE_BYTES) return (warn(checkpointMessages.storeFull(MAX_STORE_BYTES)), 0);
      writeCheckpoint(worktree.gitDir, file.path, text);
    }
  } catch (error) {
    warn(checkpointMessages.failed(error instanceof Error ? error.message : String(error)));
  }
  return 0;
}
