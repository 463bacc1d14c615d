/** One commit of a first-parent walk: its parents and, per path it changed against its first parent, its object before and after (type and blob). */
export interface ChainCommit {
  sha: string;
  parents: readonly string[];
  /** path → [object in the first parent ('' when absent), object in the commit]: type and blob (raw diff, no rename detection). */
  changes: ReadonlyMap<string, readonly [string, string]>;
}

export interface AnchorWalk {
  /** Feed the next commit of the first-parent chain, newest first. False once every path is anchored (stop reading). */
  commit(commit: ChainCommit): boolean;
  /**
   * Before feeding `sha` (the chain's next commit): the anchors a finished walk from `sha` found
   * (same `since`). Every open path it names takes its anchor from it — such a path is unchanged
   * from `rev` down to `sha`, so its blame is decided where `sha`'s is. False once every path is anchored.
   */
  adopt(sha: string, known: ReadonlyMap<string, string>): boolean;
  /** Every path's anchor; paths still open are anchored at the last commit seen (the walk ended there). */
  finish(): Map<string, string>;
}

/**
 * Where each file's blame is decided ("anchor"), from the first-parent chain of `rev`.
 *
 * git blame passes a file's WHOLE blame to the first parent (in parent order) that holds the very
 * same blob at the same path, before any diff, -M or -C is tried (blame.c `pass_blame`:
 * `pass_whole_blame … goto finish`). So along the chain of commits whose first parent holds the
 * file's blob unchanged, `git blame <rev> -- path` and `git blame <anchor> -- path` say exactly
 * the same thing, line for line, whatever -w/-M/-C/--ignore-rev ask: the anchor is the first
 * commit of that chain whose first parent holds another blob or type (or none: added, a root, a merge
 * whose first side differs — a later parent is never followed, which can only stop the walk
 * early, never wrongly). With `<since>..`, the chain also stops at the last commit before the
 * boundary. An anchor is a commit, so the answer for (anchor, path, options) never changes:
 * a content key for a per-file cache, valid in any clone.
 */
export function createAnchorWalk(paths: Iterable<string>, rev: string): AnchorWalk {
  const open = new Set(paths);
  const anchors = new Map<string, string>();
  let expected: string | undefined = rev;
  let last = rev;
  let broken = false;
  return {
    commit({ sha, parents, changes }) {
      if (broken || open.size === 0) return false;
      // The walk must be the chain itself; anything else ends it (open paths stay at `last`).
      if (sha !== expected) {
        broken = true;
        return false;
      }
      last = sha;
      for (const [path, [before, after]] of changes) {
        if (before !== after && open.delete(path)) anchors.set(path, sha);
      }
      expected = parents[0];
      if (!expected) {
        for (const path of open) anchors.set(path, sha);
        open.clear();
      }
      return open.size > 0;
    },
    adopt(sha, known) {
      if (broken || sha !== expected) return open.size > 0 && !broken;
      for (const path of open) {
        const anchor = known.get(path);
        if (anchor !== undefined) {
          anchors.set(path, anchor);
          open.delete(path);
        }
      }
      return open.size > 0;
    },
    finish() {
      for (const path of open) anchors.set(path, last);
      open.clear();
      return anchors;
    },
  };
}
