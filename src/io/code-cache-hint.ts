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
