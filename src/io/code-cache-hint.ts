/**
 * Whether this process is a fair sample of the runs to come, for the V8 code cache the bundle
 * loader writes after a bundle's first run (src/cli/bundle-loader.ts): the cache holds every
 * function that run compiled, and every later run deserializes all of it. A hook that loaded the
 * config from its files (the config cache was cold: the first commit after `aitrail init` or after
 * a config change) compiled the YAML parser and the schema validator, which later runs never call:
 * such a run writes no cache, and the next one does.
 */
let typical = true;

/** This run did work later runs will not do (see above). */
export function markOnceOnlyWork(): void {
  typical = false;
}

/** False once markOnceOnlyWork() was called: the bundle loader then leaves the code cache to a later run. */
export function typicalRun(): boolean {
  return typical;
}

/**
 * Code paths this run took that runs of another kind never take (an agent's own commit reads its
 * settings files; a commit naming its model does not). The loader widens the code cache once more
 * when a run took a path the cache was never made with (`<cache>-paths`): the cache is otherwise
 * made by the first runs only, and a kind of commit that came later compiled its functions on
 * every run (an agent's message hook ~4-5 ms of CPU).
 */
const paths = new Set<string>();

/** This run took the code path `name` (a short word, no newline). */
export function markCodePath(name: string): void {
  paths.add(name);
}

/** The code paths this run took (see markCodePath), read by the bundle loader after the run. */
export function codePaths(): string[] {
  return [...paths];
}
