import type { RefUpdate } from '../core/ref-updates.js';
import { runGit } from '../git/exec.js';
import { resolveCommits } from '../git/resolve-commits.js';

const STORED = { asStored: true } as const;
/** Noted commits whose parents one set excludes (a command line each). */
const BATCH = 1000;

/**
 * The branches and tags as the push leaves them: every `refs/heads/*` and `refs/tags/*` the
 * server has that the push does not move or delete, and the new tips of the refs it moves or
 * creates (but the notes), peeled to commits.
 */
async function branchTipsAfter(repoDir: string, updates: readonly RefUpdate[], pushed: ReadonlyMap<string, string | null>): Promise<string[]> {
  const moved = new Set(updates.map((update) => update.ref));
  const out = await runGit(['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/heads/', 'refs/tags/'], { cwd: repoDir });
  const kept = out.split('\n').map((line) => line.split('\0')).filter(([name, oid]) => name !== undefined && oid !== undefined && !moved.has(name)).map(([, oid]) => oid as string);
  const peeled = await resolveCommits(repoDir, kept, STORED);
  const tips = [...kept.map((oid) => peeled.get(oid)), ...updates.filter((update) => update.to !== null && !update.ref.startsWith('refs/notes/')).map((update) => pushed.get(update.to as string))];
  return [...new Set(tips.filter((tip): tip is string => typeof tip === 'string'))];
}

/** The parents of `commits`, as stored (one rev-list, the commits on its stdin). */
async function parentsOf(repoDir: string, commits: readonly string[]): Promise<string[]> {
  const out = await runGit(['rev-list', '--no-walk', '--parents', '--stdin'], { cwd: repoDir, input: `${commits.join('\n')}\n`, ...STORED });
  return [...new Set(out.split('\n').flatMap((line) => line.split(' ').slice(1)).filter((sha) => /^[0-9a-f]{40,64}$/.test(sha)))];
}

/**
 * Where the lines of commits a push gives a note now sit: the history from each noted commit to
 * every branch and tag as the push leaves them (`tips --not <their parents>`), walked for path rules by
 * lines, with only what the noted commits wrote counting (`writers`). A note pushed after later
 * commits moved the commit's lines into a protected path (the branch first, its notes in a push
 * of their own) would otherwise be judged on the commit's own paths alone, and the denied model's
 * lines would stand in the protected path with nothing refused. In batches of noted commits.
 */
export async function notedDescendants(repoDir: string, updates: readonly RefUpdate[], pushed: ReadonlyMap<string, string | null>, attesting: readonly string[]): Promise<Array<{ tips: string[]; exclude: string[]; writers: string[] }>> {
  if (attesting.length === 0) return [];
  const tips = await branchTipsAfter(repoDir, updates, pushed);
  if (tips.length === 0) return [];
  const sets: Array<{ tips: string[]; exclude: string[]; writers: string[] }> = [];
  for (let start = 0; start < attesting.length; start += BATCH) {
    const writers = attesting.slice(start, start + BATCH);
    sets.push({ tips, exclude: await parentsOf(repoDir, writers), writers });
  }
  return sets;
}
