/** A glob's test (glob-matcher.ts), compiled on first use. */
type Test = (subject: string) => boolean;

/** One glob of an index: its place in the list, the glob texts its test compiles (each may match), its test. */
export interface IndexedGlob {
  id: number;
  /** Every glob text the test is made of (a path glob and its literal-group reading, or their folded forms). */
  texts: readonly string[];
  test: Test;
}

interface TrieNode {
  ids?: number[];
  children?: Map<string, TrieNode>;
}

/** A segment picomatch reads as itself (only letters, digits, `.`, `_`, `-`, and not `.` or `..`): compared case-insensitively, ASCII only. */
const LITERAL_SEGMENT = /^(?!\.+$)[A-Za-z0-9._-]+$/;

/**
 * The directories (lower case) every subject a glob text matches starts with: its leading
 * segments written as plain names (`src/crypto/**` → `src`, `crypto`); [] when its first segment
 * is a pattern (`**\/x`, `*.pem`, `{a,b}/x`, `!src/**`), or when it holds a `|` (picomatch reads one
 * outside a group as an alternative of the whole expression: `src/a|b` matches `b`). picomatch drops one leading `./`
 * (`./src/x` matches `src/x`) yet takes a subject equal to the glob as written: both are listed
 * (`src`, and `.` then `src`).
 * Case-insensitive matching (non-unicode `i`) never pairs an ASCII letter with another
 * character, so a match's segments lower-cased equal these.
 */
function heads(text: string): string[][] {
  if (text.includes('|')) return [[]];
  const lead = (glob: string): string[] => {
    const out: string[] = [];
    for (const segment of glob.split('/')) {
      if (!LITERAL_SEGMENT.test(segment)) break;
      out.push(segment.toLowerCase());
    }
    return out;
  };
  if (!text.startsWith('./')) return [lead(text)];
  const rest = lead(text.slice(2));
  return rest.length === 0 ? [[]] : [rest, ['.', ...rest]];
}

/**
 * The longest run of letters, digits, `_` and `-` (lower case, at least 3 long) that every subject
 * a glob text matches holds, or null: runs before the first bracket, brace, parenthesis, `|` or
 * backslash (inside or past those picomatch may read letters otherwise), none for a negated glob
 * or one with a `|` (heads).
 * A run is outside every wildcard (`*`, `?`, `/` and `.` end a run), so a match holds it as
 * written, ASCII case aside; a subject equal to the glob holds it too.
 */
function requiredRun(text: string): string | null {
  // picomatch reads a `!` after a leading `./` as a negation too.
  if (/^(?:\.\/)*!/.test(text) || text.includes('|')) return null;
  const plain = text.slice(0, text.search(/[[{(|\\]|$/));
  let best = '';
  for (const run of plain.split(/[^A-Za-z0-9_-]+/)) if (run.length > best.length) best = run;
  return best.length >= 3 ? best.toLowerCase() : null;
}

/**
 * Globs indexed by what a subject must hold for each to match it, so that a subject is tried
 * against the few globs that may match it rather than all of them (a policy may hold 500,000 path
 * globs): by the plain directories a glob starts with (a trie of lower-cased segments), else by
 * a three-letter piece of a run of letters every match holds (the piece fewest globs share),
 * else always. Only a glob the index leaves in is tested, with its own test, so the answer is
 * the test's own. `first(subject)` is the lowest id whose test matches, or Infinity.
 */
export function globIndex(globs: readonly IndexedGlob[]): (subject: string) => number {
  const root: TrieNode = {};
  const always: number[] = [];
  const tests: Test[] = [];
  const runs: string[][] = [];
  const unplaced: number[] = [];
  const shared = new Map<string, number>();
  for (const { id, texts, test } of globs) {
    tests[id] = test;
    const paths = texts.length === 1 ? heads(texts[0]!) : texts.flatMap(heads);
    if (paths.every((path) => path.length > 0)) {
      for (const path of paths) {
        let node = root;
        for (const segment of path) {
          node.children ??= new Map();
          let next = node.children.get(segment);
          if (!next) node.children.set(segment, (next = {}));
          node = next;
        }
        node.ids ??= [];
        if (node.ids[node.ids.length - 1] !== id) node.ids.push(id);
      }
      continue;
    }
    // Globs starting with a pattern: by a piece of a run every match holds (below), else always tried.
    const found = texts.map(requiredRun);
    if (found.includes(null)) {
      always.push(id);
      continue;
    }
    runs[id] = found as string[];
    unplaced.push(id);
    for (const run of found as string[]) for (let at = 0; at + 3 <= run.length; at += 1) shared.set(run.slice(at, at + 3), (shared.get(run.slice(at, at + 3)) ?? 0) + 1);
  }
  // Each run under its piece fewest globs share. Ids come in order: every list is sorted, so a list's first match is its lowest.
  const byPiece = new Map<string, number[]>();
  for (const id of unplaced) {
    for (const run of runs[id]!) {
      let piece = run.slice(0, 3);
      for (let at = 1; at + 3 <= run.length; at += 1) if (shared.get(run.slice(at, at + 3))! < shared.get(piece)!) piece = run.slice(at, at + 3);
      const list = byPiece.get(piece);
      if (!list) byPiece.set(piece, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
  }

  return (subject) => {
    let best = Infinity;
    const tryList = (ids: readonly number[], holds?: (id: number) => boolean) => {
      for (const id of ids) {
        if (id >= best) return;
        if ((holds === undefined || holds(id)) && tests[id]!(subject)) {
          best = id;
          return;
        }
      }
    };
    tryList(always);
    let node: TrieNode | undefined = root;
    // A backslash too: picomatch reads it as `/` on Windows.
    for (const segment of subject.split(/[\\/]/)) {
      node = node.children?.get(segment.toLowerCase());
      if (!node) break;
      if (node.ids) tryList(node.ids);
    }
    if (byPiece.size > 0 && subject.length >= 3) {
      const lower = subject.toLowerCase();
      const holds = (id: number) => runs[id]!.some((run) => lower.includes(run));
      const seen = new Set<string>();
      for (let at = 0; at + 3 <= lower.length; at += 1) {
        const piece = lower.slice(at, at + 3);
        const ids = seen.has(piece) ? undefined : byPiece.get(piece);
        seen.add(piece);
        if (ids) tryList(ids, holds);
      }
    }
    return best;
  };
}
