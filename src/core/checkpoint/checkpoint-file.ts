import type { LineOwners } from '../lines/line-owners.js';
import type { CheckpointOwner, FileCheckpoint } from './types.js';

const KEY = /^s_[0-9a-f]{14}::t_[0-9a-f]{14}$/;
const MAX_FIELD = 400;

const isText = (value: unknown, max = MAX_FIELD): value is string => typeof value === 'string' && value.length <= max;

function owner(value: unknown): CheckpointOwner | null {
  if (typeof value !== 'object' || value === null) return null;
  const { key, agent, tool, session, model } = value as Record<string, unknown>;
  if (!isText(key) || !KEY.test(key) || !isText(agent) || !isText(tool) || !isText(session) || !isText(model)) return null;
  return { key, agent, tool, session, model };
}

/** A checkpoint file's JSON, validated (a truncated or foreign file is null, never half-read). */
export function parseCheckpoint(text: string): FileCheckpoint | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const raw = value as Record<string, unknown>;
  if (raw.version !== 1 || !isText(raw.path, 4096) || typeof raw.content !== 'string' || !isText(raw.blob) || typeof raw.pre !== 'boolean' || typeof raw.updated !== 'number') return null;
  if (!Array.isArray(raw.owners) || !Array.isArray(raw.marks) || raw.marks.length % 3 !== 0) return null;
  const owners = raw.owners.map(owner);
  if (owners.some((entry) => entry === null)) return null;
  if (!raw.marks.every((mark, index) => Number.isSafeInteger(mark) && (index % 3 === 2 ? mark >= 0 && mark < owners.length : mark >= 1))) return null;
  const checkpoint: FileCheckpoint = { version: 1, path: raw.path, content: raw.content, blob: raw.blob, owners: owners as CheckpointOwner[], marks: raw.marks as number[], pre: raw.pre, updated: raw.updated };
  if (raw.pre && isText(raw.by, 40)) checkpoint.by = raw.by;
  return checkpoint;
}

/** Per-line owners of a checkpoint's content (keys are owner indexes as strings, resolved by `owners`). */
export function checkpointOwners(checkpoint: FileCheckpoint, lineCount: number): LineOwners {
  const owner = new Int32Array(lineCount).fill(-1);
  for (let at = 0; at + 2 < checkpoint.marks.length; at += 3) {
    for (let line = checkpoint.marks[at]!; line <= Math.min(lineCount, checkpoint.marks[at + 1]!); line += 1) owner[line - 1] = checkpoint.marks[at + 2]!;
  }
  return { keys: checkpoint.owners.map((entry) => entry.key), owner };
}

/** Marks and owners from per-line owners whose keys are owner keys (`known` resolves them); unused owners are dropped. */
export function marksFrom(owners: LineOwners, known: ReadonlyMap<string, CheckpointOwner>): { owners: CheckpointOwner[]; marks: number[] } {
  const kept: CheckpointOwner[] = [];
  const index = new Map<number, number>();
  const marks: number[] = [];
  owners.owner.forEach((at, line) => {
    if (at === -1) return;
    let mine = index.get(at);
    if (mine === undefined) {
      const found = known.get(owners.keys[at]!);
      if (!found) return;
      index.set(at, (mine = kept.push(found) - 1));
    }
    const last = marks.length - 3;
    if (last >= 0 && marks[last + 2] === mine && marks[last + 1] === line) marks[last + 1] = line + 1;
    else marks.push(line + 1, line + 1, mine);
  });
  return { owners: kept, marks };
}
