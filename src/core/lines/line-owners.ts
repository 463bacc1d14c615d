import { matchLines } from './match-lines.js';

/**
 * Who wrote each line of one version of a file: `owner[i]` indexes `keys` (an attestation key,
 * or a checkpoint owner), -1 for a line nobody recorded (a person's, or unknown).
 */
export interface LineOwners {
  keys: string[];
  owner: Int32Array;
}

/** Text as lines the way git blame counts them: split on `\n`, a final newline ends the last line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * Owners from note-style entries (flat inclusive 1-based `[start, end, …]`; a later entry wins a
 * line, except that an entry `held` says has no record gives way to every entry that has one, as
 * git-ai's blame skips it). Lines past `count` are dropped. Linear in the entries and lines: entries
 * are laid from the last, each line taken once (a skip list jumps over lines already taken), so a
 * hostile note of many keys or of entries each claiming the whole file costs no more than its size.
 */
export function ownersFromEntries(entries: ReadonlyArray<{ key: string; ranges: readonly number[] }>, count: number, held: (key: string) => boolean = () => true): LineOwners {
  const keys: string[] = [];
  const known = new Map<string, number>();
  const keyOf = entries.map((entry) => {
    let index = known.get(entry.key);
    if (index === undefined) known.set(entry.key, (index = keys.push(entry.key) - 1));
    return index;
  });
  const owner = new Int32Array(count).fill(-1);
  // free[line]: the first line at or after it no later entry took (count + 1: none left).
  const free = new Int32Array(count + 2);
  for (let line = 0; line < free.length; line += 1) free[line] = line;
  const find = (from: number): number => {
    let root = from;
    while (free[root] !== root) root = free[root]!;
    for (let at = from; free[at] !== root; ) {
      const up = free[at]!;
      free[at] = root;
      at = up;
    }
    return root;
  };
  const order: number[] = [];
  const yielding: number[] = [];
  for (let which = entries.length - 1; which >= 0; which -= 1) (held(entries[which]!.key) ? order : yielding).push(which);
  for (const which of order.concat(yielding)) {
    const ranges = entries[which]!.ranges;
    for (let at = 0; at + 1 < ranges.length; at += 2) {
      const last = Math.min(count, ranges[at + 1]!);
      const first = Math.max(1, ranges[at]!);
      if (first > last) continue;
      for (let line = find(first); line <= last; line = find(line + 1)) {
        owner[line - 1] = keyOf[which]!;
        free[line] = line + 1;
      }
    }
  }
  return { keys, owner };
}

/** Note-style entries of `owners`: one per key that still owns a line, in key order. */
export function entriesFromOwners(owners: LineOwners): Array<{ key: string; ranges: number[] }> {
  const ranges = owners.keys.map((): number[] => []);
  owners.owner.forEach((index, line) => {
    if (index === -1) return;
    const list = ranges[index]!;
    if (list.length > 0 && list[list.length - 1] === line) list[list.length - 1] = line + 1;
    else list.push(line + 1, line + 1);
  });
  return owners.keys.map((key, index) => ({ key, ranges: ranges[index]! })).filter((entry) => entry.ranges.length > 0);
}

/** A line that says something (a letter or digit, three characters or more): one a move can be recognised by. */
// A letter or digit; ASCII lines without Unicode's classes (made, ~0.3 ms, only for a line outside ASCII: this runs on every agent edit).
const movable = (line: string) => line.trim().length >= 3 && (/[A-Za-z0-9]/.test(line) || (/[^\x00-\x7f]/.test(line) && /[\p{L}\p{N}]/u.test(line)));

/**
 * The owners of `from`'s lines carried to `to`: a line keeps its owner only where it is unchanged
 * (matched), or where it was moved whole: a line the diff leaves unmatched on both sides whose
 * text occurs exactly once among the unmatched lines of each (a block cut and pasted elsewhere in
 * the file, which a line diff reads as deleted and added). A line a person rewrote is theirs.
 */
export function carryOwners(owners: LineOwners, from: readonly string[], to: readonly string[]): LineOwners {
  const match = matchLines(from, to);
  const owner = new Int32Array(to.length).fill(-1);
  const used = new Uint8Array(from.length);
  match.forEach((at, index) => {
    if (at === -1) return;
    owner[index] = owners.owner[at] ?? -1;
    used[at] = 1;
  });
  // Text → its one unmatched line (-1: more than one), on each side.
  const gone = new Map<string, number>();
  from.forEach((line, at) => {
    if (!used[at] && movable(line)) gone.set(line, gone.has(line) ? -1 : at);
  });
  if (gone.size === 0) return { keys: owners.keys, owner };
  const came = new Map<string, number>();
  match.forEach((at, index) => {
    const line = to[index]!;
    if (at === -1 && gone.has(line)) came.set(line, came.has(line) ? -1 : index);
  });
  for (const [line, index] of came) {
    const at = gone.get(line)!;
    if (index !== -1 && at !== -1) owner[index] = owners.owner[at] ?? -1;
  }
  return { keys: owners.keys, owner };
}

/** Lines of `after` that are not in `before` (added or changed), owned by `key`; the others keep `base`'s owners. */
export function ownEdit(base: LineOwners, before: readonly string[], after: readonly string[], key: string): LineOwners {
  const match = matchLines(before, after);
  const keys = base.keys.includes(key) ? base.keys : [...base.keys, key];
  const mine = keys.indexOf(key);
  const owner = new Int32Array(after.length);
  match.forEach((at, index) => {
    owner[index] = at === -1 ? mine : (base.owner[at] ?? -1);
  });
  return { keys, owner };
}

/** `top` laid over `base` (same lines): where `top` owns a line it wins. */
export function overlayOwners(base: LineOwners, top: LineOwners): LineOwners {
  const keys = [...base.keys];
  const known = new Map(keys.map((key, index) => [key, index]));
  const remap = top.keys.map((key) => {
    let at = known.get(key);
    if (at === undefined) known.set(key, (at = keys.push(key) - 1));
    return at;
  });
  const owner = Int32Array.from(base.owner);
  top.owner.forEach((index, line) => {
    if (index !== -1 && line < owner.length) owner[line] = remap[index]!;
  });
  return { keys, owner };
}

/** Only the lines a commit brought: those of `lines` not unchanged from its parent's version (`parent` null: all). */
export function keepAdded(owners: LineOwners, parent: readonly string[] | null, lines: readonly string[]): LineOwners {
  if (parent === null) return owners;
  const match = matchLines(parent, lines);
  const owner = Int32Array.from(owners.owner);
  match.forEach((at, index) => {
    if (at !== -1) owner[index] = -1;
  });
  return { keys: owners.keys, owner };
}

/** Keys without a line dropped (indexes renumbered). */
export function compactOwners(owners: LineOwners): LineOwners {
  const used = new Int32Array(owners.keys.length).fill(-1);
  const keys: string[] = [];
  const owner = owners.owner.map((index) => {
    if (index === -1) return -1;
    if (used[index] === -1) used[index] = keys.push(owners.keys[index]!) - 1;
    return used[index]!;
  });
  return { keys, owner };
}
