import { carryOwners, ownEdit, splitLines, type LineOwners } from '../lines/line-owners.js';
import { checkpointOwners, marksFrom } from './checkpoint-file.js';
import { reverseEdits } from './reverse-edits.js';
import type { AgentEvent, CheckpointOwner, FileCheckpoint } from './types.js';

/** The owners of `previous`'s lines carried onto `lines` (unchanged lines keep theirs); nobody's without a checkpoint. */
function carried(previous: FileCheckpoint | null, lines: readonly string[]): LineOwners {
  if (!previous) return { keys: [], owner: new Int32Array(lines.length).fill(-1) };
  const from = splitLines(previous.content);
  return carryOwners(checkpointOwners(previous, from.length), from, lines);
}

function known(previous: FileCheckpoint | null, extra?: CheckpointOwner): Map<string, CheckpointOwner> {
  const owners = new Map((previous?.owners ?? []).map((owner) => [owner.key, owner]));
  if (extra) owners.set(extra.key, extra);
  return owners;
}

/**
 * Before an edit: the file as it is now becomes the snapshot the edit is diffed against. Lines an
 * agent wrote earlier keep their owner where they are unchanged; a person's changes in between
 * are theirs.
 */
export function recordPre(previous: FileCheckpoint | null, path: string, disk: string, blob: string, now: number, agent?: string): FileCheckpoint {
  const owners = carried(previous, splitLines(disk));
  const snapshot: FileCheckpoint = { version: 1, path, content: disk, blob, ...marksFrom(owners, known(previous)), pre: true, updated: now };
  if (agent !== undefined) snapshot.by = agent;
  return snapshot;
}

/**
 * After an edit: lines of `disk` that the edit added or changed are `owner`'s. What the file was
 * before the edit, best first: the snapshot the same agent's pre event took; the file with the
 * payload's replacements undone; for a whole-file write with no checkpoint at all, nothing (every
 * line is the agent's); else the file itself (nothing claimed: an edit whose change cannot be
 * known is never counted as AI). Never the last checkpoint, nor another agent's snapshot: a person
 * may have changed the file since, and those changes would be counted as this edit's.
 */
export function recordPost(previous: FileCheckpoint | null, path: string, disk: string, blob: string, event: AgentEvent, owner: CheckpointOwner, now: number): FileCheckpoint {
  const snapshot = previous?.pre && (previous.by === undefined || previous.by === owner.agent) ? previous : null;
  const undone = snapshot || !event.edits ? null : reverseEdits(disk, event.edits);
  const before = snapshot ? snapshot.content : (undone ?? (event.wholeFile && !previous ? '' : disk));
  const beforeLines = splitLines(before);
  const owners = ownEdit(carried(previous, beforeLines), beforeLines, splitLines(disk), owner.key);
  return { version: 1, path, content: disk, blob, ...marksFrom(owners, known(previous, owner)), pre: false, updated: now };
}
