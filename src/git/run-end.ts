/**
 * The end of a run (a hook's handler, a command): the git cat-file processes it shared
 * (object-batch.ts) are asked nothing more and waited for, so none outlives node and their CPU
 * is the run's. Nothing to do, and no module loaded, when the run read no object that way.
 * The API's check, log, blame and trend (src/api/) end so too: a program calling them never reaches
 * a CLI run's end, and a process kept from one call to the next answered with the replace refs of
 * the first (git reads them once), as did the notes trees listed (notes.ts listNotes).
 */
export async function runEnd(): Promise<void> {
  const caches = (globalThis as Record<symbol, unknown>)[RUN_CACHES];
  if (caches instanceof Set) for (const each of caches as Set<() => void>) each();
  const forget = (globalThis as Record<symbol, unknown>)[Symbol.for('aitrail.forgetNotesListings')];
  if (typeof forget === 'function') (forget as () => void)();
  const close = (globalThis as Record<symbol, unknown>)[Symbol.for('aitrail.closeObjectBatches')];
  if (typeof close === 'function') await (close as () => Promise<void>)();
}

/** Where forgetAtRunEnd keeps what a run's end forgets (on globalThis: one set whichever copy of this module loaded it). */
const RUN_CACHES = Symbol.for('aitrail.forgetAtRunEnd');

/**
 * Have the run's end call `forget` (a cache of answers about a folder: its git dir, its empty tree, its trees'
 * counts): a program calling the API, or a test worker, otherwise kept them from one call to the next, where the
 * folder may since hold another repository or have moved it (row 1022), and for every repository it ever asked.
 */
export function forgetAtRunEnd(forget: () => void): void {
  const global = globalThis as Record<symbol, unknown>;
  let caches = global[RUN_CACHES] as Set<() => void> | undefined;
  if (!(caches instanceof Set)) global[RUN_CACHES] = caches = new Set();
  caches.add(forget);
}
