import type { DetectOptions } from '../core/detect.js';
import { readAttributions, writeAttributions } from './attribution-cache.js';
import { namedAttributions, rangeAttributions, type Attributions, type TooLarge } from './commit-attributions.js';
import { blameMessages } from './blame-messages.js';

export interface AttributionsInput {
  root: string;
  rev: string;
  since: string | null;
  detect: DetectOptions;
  /** The attribution cache (directory and key), null without a cache. */
  cache: { dir: string; key: string } | null;
  /** The whole report (not one shard): every commit of the range is likely blamed somewhere. */
  whole: boolean;
  /** Said of each blamed commit not read whole (row 966). */
  onWarning?: ((message: string) => void) | undefined;
}

/**
 * Start finding who wrote each blamed commit, before the files are blamed: the stored
 * attributions are read now; when none are stored and the report is whole (a cold run), one
 * `git log` pass over the range starts at once and runs beside the blame. The returned function
 * takes the commits the blame named and reads the ones still unknown by name (after a new commit:
 * a handful), storing what it learnt.
 */
export function startAttributions(input: AttributionsInput): (blamed: ReadonlySet<string>) => Promise<Attributions> {
  const { root, rev, since, detect, cache } = input;
  // Commits not read whole (row 966): said when blamed, never stored (a later run reads them again, and says so again).
  const tooLarge = new Map<string, TooLarge>();
  const stored = cache ? readAttributions(cache.dir, cache.key) : Promise.resolve<Attributions>(new Map());
  const early = stored.then((known) => (known.size === 0 && input.whole ? rangeAttributions(root, rev, since, detect, tooLarge) : null));
  early.catch(() => {});
  return async (blamed) => {
    const known = await stored;
    const added: Attributions = (await early) ?? new Map();
    const missing = [...blamed].filter((sha) => !known.has(sha) && !added.has(sha));
    for (const [sha, value] of await namedAttributions(root, missing, detect, undefined, tooLarge)) added.set(sha, value);
    for (const [sha, over] of tooLarge) {
      if (blamed.has(sha)) input.onWarning?.(blameMessages.commitTooLarge(sha, over.part, over.bytes, over.most));
    }
    const kept = tooLarge.size === 0 ? added : new Map([...added].filter(([sha]) => !tooLarge.has(sha)));
    if (cache && kept.size > 0) await writeAttributions(cache.dir, cache.key, known, kept, blamed);
    for (const [sha, value] of added) known.set(sha, value);
    return known;
  };
}
