import { commitSignals } from '../core/commit-signals.js';
import { detectCommit, type DetectOptions } from '../core/detect.js';
import type { CommitModels } from '../core/blame/types.js';
import { streamCommits } from '../git/log.js';

/**
 * sha → models/agents of every AI commit reachable from `rev` (and not from `since`), from ONE
 * `git log` pass. Human commits are not stored, and identical attributions share one object, so
 * memory grows with the number of AI commits only.
 */
export async function commitAttributions(root: string, rev: string, since: string | null, options: DetectOptions): Promise<Map<string, CommitModels>> {
  const map = new Map<string, CommitModels>();
  const shared = new Map<string, CommitModels>();
  const revisions = since ? [rev, `^${since}`] : [rev];
  for await (const commit of streamCommits(root, revisions)) {
    const attributions = detectCommit(commitSignals(commit), options);
    if (attributions.length === 0) continue;
    const models = [...new Set(attributions.map((a) => a.model))].sort();
    const agents = [...new Set(attributions.map((a) => a.agent))].sort();
    const key = `${models.join('\0')}\0\0${agents.join('\0')}`;
    let value = shared.get(key);
    if (!value) shared.set(key, (value = { models, agents }));
    map.set(commit.sha, value);
  }
  return map;
}
