/**
 * The commits a grafts file names (git's `read_graft_line`: blank lines and `#` comments skipped,
 * the first word of each other line is the grafted commit). Pure.
 */
export function graftedCommits(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split('\n')) {
    const word = line.trim().split(/\s+/, 1)[0] ?? '';
    if (word === '' || word.startsWith('#')) continue;
    if (/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i.test(word)) out.add(word.toLowerCase());
  }
  return out;
}

/** What `log` says beside a commit git shows other than stored, or where a shallow clone's history ends (row 827). */
export const historyMarks = {
  replaced: () =>
    "git shows another object in place of this commit (a replace ref): the message, author and trailers here are the replacement's, not the commit's as stored (GIT_NO_REPLACE_OBJECTS=1 aitrail log reads it as stored, as check, pre-push and pre-receive judge it).",
  grafted: () =>
    'git reads a graft for this commit (a grafts file): its parents here are not the stored ones, so the commits before it may be missing from this log (move the grafts file aside to read the history as stored).',
  shallowCut: () =>
    'this is a shallow clone and its history is cut at this commit: the commits before it were never fetched and are not in this log (git fetch --unshallow; actions/checkout with `fetch-depth: 0`; GitLab CI `GIT_DEPTH: 0`).',
};
