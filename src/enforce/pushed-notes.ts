import { DEFAULT_NOTES_REF } from '../core/notes/notes-ref.js';
import { parseAuthorshipLog } from '../core/notes/parse-authorship-log.js';
import { readRevisionObjects } from '../git/revision-blobs.js';
import type { RefUpdate } from '../core/ref-updates.js';
import { listNotes } from '../git/notes.js';
import { resolveCommits } from '../git/resolve-commits.js';

/** What a push does to the git-ai notes enforcement reads (refs/notes/ai). */
export interface PushedNotes {
  /** The notes commit the push gives refs/notes/ai: every judgement of the push reads its notes. */
  tip: string;
  /** Commits of the repository whose note the push adds or changes: each is judged again with it. */
  noted: string[];
  /** Those of `noted` whose new note gives lines to an AI (not only to people, not empty): where their lines sit now is judged too. */
  attesting: string[];
}

/** A note past this size is taken to attest AI lines (it is not read here). */
const READ_LIMIT = 1024 * 1024;

/**
 * A note can name a denied model for lines a commit already on the server holds (`blame` then
 * reports them), or for a commit pushed beside it: pre-receive judges a push by the notes it
 * brings, not by the server's, and judges again every commit whose note it adds or changes
 * (notes of commits the server does not have wait until their commit comes, judged then). Null
 * when the push leaves refs/notes/ai alone or deletes it (notes only add: nothing to judge).
 * Both notes trees are listed whole (`ls-tree -r`): a re-fanned-out tree moves every path.
 */
export async function pushedNotes(repoDir: string, updates: readonly RefUpdate[], commits: ReadonlyMap<string, string | null>): Promise<PushedNotes | null> {
  const update = updates.find((candidate) => candidate.ref === DEFAULT_NOTES_REF);
  const tip = update?.to ? commits.get(update.to) : null;
  if (!update || !tip) return null;
  const old = update.from ? commits.get(update.from) : null;
  const view = { asStored: true } as const;
  const [after, before] = await Promise.all([listNotes(repoDir, tip, view), old ? listNotes(repoDir, old, view) : new Map()]);
  const changed = [...after].filter(([commit, entry]) => before.get(commit)?.oid !== entry.oid).map(([commit]) => commit);
  const present = await resolveCommits(repoDir, changed, view);
  const noted = changed.filter((commit) => present.get(commit) === commit);
  const read = noted.filter((commit) => after.get(commit)?.type === 'blob' && (after.get(commit)?.size ?? -1) >= 0 && (after.get(commit)?.size ?? 0) <= READ_LIMIT);
  const objects = await readRevisionObjects(repoDir, read.map((commit) => after.get(commit)?.oid as string), view);
  const quiet = new Set(read.filter((_, index) => {
    const parsed = parseAuthorshipLog(objects[index]?.content.toString('utf8') ?? '');
    // A malformed note is read as no note (a warning): it gives no line to anyone.
    return !parsed.ok || [...parsed.log.files.values()].every((entries) => entries.every((entry) => entry.kind === 'human'));
  }));
  return { tip, noted, attesting: noted.filter((commit) => after.get(commit)?.type === 'blob' && !quiet.has(commit)) };
}
