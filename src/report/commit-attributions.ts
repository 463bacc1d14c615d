import { commitSignals } from '../core/commit-signals.js';
import { detectCommit, type DetectOptions } from '../core/detect.js';
import type { CommitModels } from '../core/blame/types.js';
import { streamCommits } from '../git/log.js';

/** sha → models/agents of a commit, null for a commit with no AI. */
export type Attributions = Map<string, CommitModels | null>;

/** Detection over the commits `revisions` name, each read once; identical attributions share one object. */
async function attribute(root: string, revisions: string[], options: DetectOptions, input?: string): Promise<Attributions> {
  const found: Attributions = new Map();
  const shared = new Map<string, CommitModels>();
  for await (const commit of streamCommits(root, revisions, input === undefined ? {} : { input })) {
    const attributions = detectCommit(commitSignals(commit), options);
    if (attributions.length === 0) {
      found.set(commit.sha, null);
      continue;
    }
    const models = [...new Set(attributions.map((a) => a.model))].sort();
    const agents = [...new Set(attributions.map((a) => a.agent))].sort();
    const key = `${models.join('\0')}\0\0${agents.join('\0')}`;
    let value = shared.get(key);
    if (!value) shared.set(key, (value = { models, agents }));
    found.set(commit.sha, value);
  }
  return found;
}

/** Every commit reachable from `rev` (and not from `since`), from ONE `git log` pass. */
export function rangeAttributions(root: string, rev: string, since: string | null, options: DetectOptions): Promise<Attributions> {
  return attribute(root, since ? [rev, `^${since}`] : [rev], options);
}

/** Exactly `commits` (full shas), read by name (`git log --no-walk --stdin`). */
export function namedAttributions(root: string, commits: Iterable<string>, options: DetectOptions): Promise<Attributions> {
  const input = [...commits].join('\n');
  return input === '' ? Promise.resolve(new Map()) : attribute(root, ['--no-walk=unsorted', '--stdin'], options, `${input}\n`);
}
