/** One ref a push changes. `from`/`to` are object ids; null = the ref does not exist on that side. */
export interface RefUpdate {
  /** The ref on the receiving side (`refs/heads/main`, `refs/tags/v1`). */
  ref: string;
  /** The receiving side's object id before the push; null for a new ref. */
  from: string | null;
  /** The object id pushed; null for a deletion. */
  to: string | null;
}

/** The refs a push creates or moves (not those it deletes), as a refusal names them. */
export function updatedRefs(updates: readonly RefUpdate[]): string[] {
  return updates.filter((update) => update.to !== null).map((update) => update.ref);
}

const OID = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;
const isZero = (oid: string): boolean => /^0+$/.test(oid);

function oid(text: string | undefined): string | null | undefined {
  if (text === undefined || !OID.test(text)) return undefined;
  return isZero(text) ? null : text;
}

/**
 * Lines git gives pre-push on stdin: `<local ref> <local oid> <remote ref> <remote oid>`. The
 * local side is what the user typed and may hold spaces (`git push origin 'HEAD^{/fix bug}:x'`),
 * so the line is read from the right. Malformed lines are returned apart.
 */
export function parsePrePushLines(stdin: string): { updates: RefUpdate[]; malformed: string[] } {
  const updates: RefUpdate[] = [];
  const malformed: string[] = [];
  for (const line of stdin.split('\n')) {
    if (line.trim() === '') continue;
    const fields = line.split(' ');
    const n = fields.length;
    const to = oid(fields[n - 3]);
    const from = oid(fields[n - 1]);
    const ref = fields[n - 2];
    if (n < 4 || !fields[0] || to === undefined || from === undefined || !ref) malformed.push(line);
    else updates.push({ ref, from, to });
  }
  return { updates, malformed };
}

/** Lines git gives pre-receive on stdin: `<old oid> <new oid> <ref>`. */
export function parsePreReceiveLines(stdin: string): { updates: RefUpdate[]; malformed: string[] } {
  const updates: RefUpdate[] = [];
  const malformed: string[] = [];
  for (const line of stdin.split('\n')) {
    if (line.trim() === '') continue;
    const fields = line.split(' ');
    const from = oid(fields[0]);
    const to = oid(fields[1]);
    const ref = fields.slice(2).join(' ');
    if (fields.length < 3 || from === undefined || to === undefined || !ref) malformed.push(line);
    else updates.push({ ref, from, to });
  }
  return { updates, malformed };
}

/**
 * The refs a received push names more than once (each once, in order). git's own client sends two
 * commands for one ref only in a push that fails anyway (`git push origin main main` to an empty
 * repository: two identical creates), never a create and a delete; receive-pack takes them from a
 * hand-made client too and, outside
 * `--atomic`, carries each out on its own: one whose old value is wrong fails while the other
 * lands, so a reading of the first command alone (refs/notes/ai's) judged what never happened.
 */
export function repeatedRefs(updates: readonly RefUpdate[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const update of updates) {
    if (seen.has(update.ref)) repeated.add(update.ref);
    seen.add(update.ref);
  }
  return [...repeated];
}
