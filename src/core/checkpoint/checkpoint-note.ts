import { splitLines } from '../lines/line-owners.js';
import type { NotedFile } from '../notes/compose-note.js';
import type { CheckpointOwner, FileCheckpoint } from './types.js';

/** A checkpoint as note attestations against its own content: one entry per owner key. */
export function checkpointNoted(checkpoint: FileCheckpoint): NotedFile {
  const ranges = checkpoint.owners.map((): number[] => []);
  for (let at = 0; at + 2 < checkpoint.marks.length; at += 3) ranges[checkpoint.marks[at + 2]!]!.push(checkpoint.marks[at]!, checkpoint.marks[at + 1]!);
  return { entries: checkpoint.owners.map((owner, index) => ({ key: owner.key, ranges: ranges[index]! })), lines: splitLines(checkpoint.content) };
}

/** The git-ai session records of `owners` (spec §1.2.4 Session Record: `agent_id {tool, id, model}`), keyed `s_<14 hex>`. */
export function sessionRecords(owners: readonly CheckpointOwner[]): Record<string, unknown> {
  const sessions: Record<string, unknown> = {};
  for (const owner of owners) {
    const id = owner.key.split('::')[0]!;
    sessions[id] ??= { agent_id: { tool: owner.tool, id: owner.session, model: owner.model } };
  }
  return sessions;
}
