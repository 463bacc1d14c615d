import type { RefUpdate } from '../core/ref-updates.js';
import type { Config } from '../core/types.js';
import { absoluteCommonDir } from '../git/git-path.js';
import { hasAnyRef } from '../git/refs.js';
import { resolveCommits } from '../git/resolve-commits.js';
import { enforceMessages } from './messages.js';
import { policyMemoryPath, readPolicyMemory, rememberedCommit, writePolicyMemory } from './policy-memory.js';
import { policySource, type PolicySource } from './policy-source.js';

/** The one policy a server judges every ref of a push by. */
export interface ServerPolicy {
  source: PolicySource;
  /** What a new ref's judgement excludes: what the default branch already has (nothing when it is unknown). */
  exclude: string[];
  /** Printed to the pusher, the push going on. */
  warning?: string;
  /** The policy came from the server's memory (the default branch is gone): re-creating that branch must not change it. */
  remembered?: Config;
}

export interface ServerState {
  /** The ref HEAD names (`refs/heads/main`), born or not; null for a detached HEAD. */
  headRef: string | null;
  /** HEAD's commit before the push, null when its branch is unborn. */
  headTip: string | null;
  updates: readonly RefUpdate[];
  /** The pushed object ids, peeled to commits (null: not a commit). */
  commits: ReadonlyMap<string, string | null>;
  configFile: string | undefined;
  /** The common git dir, when the caller asks it with other questions (git-path.ts runPaths); else absoluteCommonDir. */
  commonDir?: () => Promise<string>;
}

/**
 * One policy per repository, never chosen by the push it judges, strongest first:
 * 1. `--config <file>`, the server's own;
 * 2. the config committed on the default branch (HEAD) as it is before the push; the server
 *    remembers it in its git dir (`aitrail/policy.json`) each time that branch has moved;
 * 3. the branch is gone (deleted, or HEAD names a branch that does not exist): the remembered one,
 *    which a push re-creating the branch must keep (see receiveSets);
 * 4. an empty repository (no ref at all, nothing remembered): the config committed at the tip
 *    this push gives the default branch — the first push of the default branch bootstraps the
 *    policy, there being nothing yet to loosen;
 * 5. otherwise nothing can be known: `refusal` says why and what the admin does.
 */
export async function serverPolicy(repoDir: string, state: ServerState): Promise<ServerPolicy | { refusal: string }> {
  const { headRef, headTip } = state;
  if (state.configFile !== undefined) {
    return { source: await policySource(repoDir, { configFile: state.configFile }), exclude: headTip ? [headTip] : [] };
  }
  const memoryPath = policyMemoryPath(await (state.commonDir?.() ?? absoluteCommonDir(repoDir)));
  if (headTip) {
    const source = await policySource(repoDir, { base: headTip });
    if (rememberedCommit(memoryPath) === headTip) return { source, exclude: [headTip] };
    try {
      writePolicyMemory(memoryPath, { version: 1, ref: headRef, commit: headTip, source: source.description, config: source.loaded.config });
      return { source, exclude: [headTip] };
    } catch (error) {
      return { source, exclude: [headTip], warning: enforceMessages.cannotRemember(memoryPath, (error as Error).message) };
    }
  }
  const memory = await readPolicyMemory(memoryPath).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  if (memory instanceof Error) return { refusal: enforceMessages.memoryUnusable(memoryPath, memory.message, headRef) };
  if (memory) {
    const kept = (await resolveCommits(repoDir, [memory.commit], { asStored: true })).get(memory.commit);
    const description = enforceMessages.rememberedPolicy(memory.ref, memory.commit, memory.source);
    return { source: { loaded: { config: memory.config, filepath: memory.source }, description }, exclude: kept ? [kept] : [], remembered: memory.config };
  }
  if (await hasAnyRef(repoDir)) return { refusal: enforceMessages.noPolicyKnown(headRef) };
  const created = state.updates.find((update) => update.ref === headRef && update.to !== null);
  const tip = created ? state.commits.get(created.to as string) : null;
  if (!tip) return { refusal: enforceMessages.emptyWithoutDefault(headRef) };
  return { source: await policySource(repoDir, { base: tip }), exclude: [] };
}
