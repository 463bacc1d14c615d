import type { RefUpdate } from '../core/ref-updates.js';
import { runGit } from '../git/exec.js';
import { branchTips, forkPoint, resolveCommits } from '../git/resolve-commits.js';
import type { JudgedSet } from './judge-groups.js';
import { loadConfigAtRevision } from '../config/load-at-revision.js';
import { policySource, type PolicySource } from './policy-source.js';

/**
 * What a push received by a server brings, as sets of commits with the policy that judges each.
 * In pre-receive the refs are not updated yet and the new objects sit in quarantine (visible to
 * the git processes we start, which inherit git's environment). An existing ref is judged on
 * `old..new` (what it gains, wherever else those commits already are); a new ref on
 * `new --not --all` (what is not already on the server). Policy: `--config` when given; else as committed
 * at the ref's tip before the push; for a new ref, at the default branch (`HEAD`), or when that
 * branch is unborn, at the ref's fork point from the server's branches; in an empty repository
 * at the pushed tip itself — nothing exists to loosen. A pushed tip whose own committed config
 * is invalid is refused (ConfigError), so that no ref is ever locked by a config it cannot read.
 */
export async function receiveSets(repoDir: string, updates: readonly RefUpdate[], configFile: string | undefined): Promise<JudgedSet[]> {
  const pushed = updates.filter((update) => update.to !== null);
  const defaultRef = (await runGit(['symbolic-ref', '-q', 'HEAD'], { cwd: repoDir, okCodes: [1, 128] })).trim();
  const asked = pushed.flatMap((update) => [update.to as string, ...(update.from ? [update.from] : [])]);
  if (defaultRef.startsWith('refs/')) asked.push(defaultRef);
  const commits = await resolveCommits(repoDir, asked);
  const defaultCommit = defaultRef ? (commits.get(defaultRef) ?? null) : null;
  const sources = new Map<string, Promise<PolicySource>>();
  const sourceAt = (base: string | null): Promise<PolicySource> => {
    const key = configFile === undefined ? (base ?? '') : '--config';
    if (!sources.has(key)) sources.set(key, policySource(repoDir, { configFile, base }));
    return sources.get(key)!;
  };
  // The default branch is unborn (HEAD names `master`, the project pushes `main`): a new ref
  // takes the policy from where it forks from the branches the server holds.
  let branches: Promise<string[]> | undefined;
  const forkPointWithBranches = async (tip: string): Promise<string | null> => {
    branches ??= branchTips(repoDir);
    return forkPoint(repoDir, tip, (await branches).slice(0, 5000));
  };
  const sets: JudgedSet[] = [];
  const validated = new Set<string>();
  for (const update of pushed) {
    const tip = commits.get(update.to as string);
    if (!tip) continue;
    // A ref must not be left with an invalid config: its next push would be judged by it, fail
    // closed, and the fix could never be pushed. Throws ConfigError (exit 2, the problems shown).
    if (configFile === undefined && !validated.has(tip)) {
      await loadConfigAtRevision(repoDir, tip);
      validated.add(tip);
    }
    const old = update.from ? commits.get(update.from) : null;
    // An existing ref: every commit new TO THAT REF, even one some other ref already holds (a
    // branch accepted under its own loosened policy cannot carry its commits into main unjudged).
    const base = old ?? defaultCommit ?? (await forkPointWithBranches(tip)) ?? tip;
    sets.push({ source: await sourceAt(base), tips: [tip], exclude: old ? [old] : ['--all'] });
  }
  return sets;
}
