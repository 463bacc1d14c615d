import type { RefUpdate } from '../core/ref-updates.js';
import { loadConfigAtRevision } from '../config/load-at-revision.js';
import { existingRefs, symbolicAliases, symbolicRef } from '../git/refs.js';
import { resolveCommits } from '../git/resolve-commits.js';
import type { JudgedSet } from './judge-groups.js';
import { enforceMessages } from './messages.js';
import { sameConfig } from './policy-memory.js';
import { notedDescendants } from './noted-descendants.js';
import { QWEN_NOTES_REF } from '../core/notes/qwen-attribution.js';
import { attestingNotes, pushedNotes, qwenAttestingNotes } from './pushed-notes.js';
import { serverPolicy } from './server-policy.js';
import type { TaggedObjects } from './judge-tagged-objects.js';
import { validatePushedConfigs } from './validate-pushed-configs.js';

/**
 * What a push received by a server brings, as sets of commits, every one judged by the ONE
 * policy of the repository (see serverPolicy: `--config`, else the default branch's, else the
 * remembered one; never a pushed config, never a side branch's own). In pre-receive the refs are
 * not updated yet and the new objects sit in quarantine (visible to the git processes we start,
 * which inherit git's environment). Objects are read as stored: replace refs and grafts ignored.
 * An existing ref is judged on `old..new` (what it gains, wherever else those commits already
 * are); a new ref on what the default branch does not already have. Every pushed tip must hold a
 * valid config (ConfigError otherwise: the default branch's next push must be judgeable, and a
 * side branch's author hears of a broken one before it gets there); when the
 * branch is gone and the remembered policy judges, a push re-creating it must carry that same
 * policy (else deleting the branch and pushing it again would change the policy unreviewed), even
 * when pushed through a symbolic ref that names the branch.
 * A push that moves refs/notes/ai is judged by the notes it brings (`notesTip`), and every commit
 * whose note it adds or changes is judged again (see pushedNotes), under path rules also where its
 * lines sit now on the branches (see notedDescendants). So is a push that moves Qwen Code's
 * refs/notes/ai-attribution (`qwenNotesTip`; its notes attribute whole commits: no descendants).
 * `refusal`: no policy can be known, or the policy would change; `warning`: said to the pusher,
 * the push going on.
 */
export async function receiveSets(
  repoDir: string,
  updates: readonly RefUpdate[],
  configFile: string | undefined,
  commonDir?: () => Promise<string>,
  head?: { ref: string | null; at: string | undefined },
): Promise<{ sets: JudgedSet[]; tagged: TaggedObjects; notesTip?: string; qwenNotesTip?: string; absent: string[]; warning?: string } | { refusal: string }> {
  const pushed = updates.filter((update) => update.to !== null);
  const asked = pushed.flatMap((update) => [update.to as string, ...(update.from ? [update.from] : [])]);
  // `head`: HEAD's branch and its tip as pre-receive already read them (its notes' for-each-ref listed the branch too).
  const headRef = head ? head.ref : await symbolicRef(repoDir, 'HEAD');
  // HEAD's branch by its exact name: when it is unborn, git's short-name rules read HEAD as a
  // pushed refs/tags/HEAD or refs/heads/HEAD, whose config would judge (and be remembered).
  const headAt = headRef === null ? 'HEAD' : head ? head.at : (await existingRefs(repoDir, [headRef])).get(headRef);
  const commits = await resolveCommits(repoDir, [...asked, ...(headAt ? [headAt] : [])], { asStored: true });
  const headTip = (headAt && commits.get(headAt)) ?? null;
  const policy = await serverPolicy(repoDir, { headRef, headTip, updates, commits, configFile, ...(commonDir ? { commonDir } : {}) });
  if ('refusal' in policy) return policy;
  if (configFile === undefined) {
    const sideTips = pushed.filter((update) => update.ref !== headRef).map((update) => commits.get(update.to as string));
    const defaultTo = pushed.find((update) => update.ref === headRef)?.to;
    const newDefault = typeof defaultTo === 'string' ? commits.get(defaultTo) : undefined;
    await validatePushedConfigs(repoDir, sideTips.filter((tip): tip is string => typeof tip === 'string'), headTip, newDefault ? [newDefault] : []);
  }
  // While the branch is gone, a push to a symbolic ref naming it (an alias kept after a rename,
  // refs/heads/master → refs/heads/main) re-creates it just as well: it must carry that policy too.
  const aliases = policy.remembered && headRef !== null ? await symbolicAliases(repoDir, pushed.map((update) => update.ref), headRef) : new Set<string>();
  const sets: JudgedSet[] = [];
  const tagged: TaggedObjects = { source: policy.source, objects: [] };
  for (const update of pushed) {
    const tip = commits.get(update.to as string);
    if (!tip) {
      // A ref naming no commit (a tag of a tree or a blob): its tags' messages are judged (judge-tagged-objects.ts).
      tagged.objects.push({ oid: update.to as string, ref: update.ref });
      continue;
    }
    if (configFile === undefined && (update.ref === headRef || aliases.has(update.ref))) {
      const loaded = await loadConfigAtRevision(repoDir, tip, { asStored: true });
      const via = update.ref === headRef ? undefined : update.ref;
      if (policy.remembered && !sameConfig(loaded.config, policy.remembered)) return { refusal: enforceMessages.defaultRecreated(headRef, policy.source.description, via) };
    }
    const old = update.from ? commits.get(update.from) : null;
    sets.push({ source: policy.source, tips: [tip], exclude: old ? [old] : policy.exclude });
  }
  const notes = await pushedNotes(repoDir, updates, commits);
  if (notes && notes.noted.length > 0) sets.push({ source: policy.source, tips: notes.noted, exclude: [], noWalk: true });
  // Path rules by lines: where the newly noted lines sit now (moved into a protected path before their note came).
  if (notes && (policy.source.loaded.config.policy?.paths?.length ?? 0) > 0) {
    for (const found of await notedDescendants(repoDir, updates, commits, await attestingNotes(repoDir, notes))) sets.push({ source: policy.source, ...found });
  }
  const qwen = await pushedNotes(repoDir, updates, commits, QWEN_NOTES_REF);
  // Only commits whose new note is Qwen Code's are judged again (another tool's note adds nothing).
  const qwenNoted = qwen && qwen.noted.length > 0 ? await qwenAttestingNotes(repoDir, qwen) : [];
  if (qwenNoted.length > 0) sets.push({ source: policy.source, tips: qwenNoted, exclude: [], noWalk: true });
  // And where their lines sit now, as for git-ai notes: a Qwen note pushed after a person's move of its commit's lines into a protected path.
  if (qwenNoted.length > 0 && (policy.source.loaded.config.policy?.paths?.length ?? 0) > 0) {
    for (const found of await notedDescendants(repoDir, updates, commits, qwenNoted)) sets.push({ source: policy.source, ...found });
  }
  const absent = [...new Set([...(notes?.absent ?? []), ...(qwen?.absent ?? [])])];
  return { sets, tagged, absent, ...(notes ? { notesTip: notes.tip } : {}), ...(qwen ? { qwenNotesTip: qwen.tip } : {}), ...(policy.warning === undefined ? {} : { warning: policy.warning }) };
}
