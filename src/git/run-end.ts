/**
 * The end of a run (a hook's handler, a command): the git cat-file processes it shared
 * (object-batch.ts) are asked nothing more and waited for, so none outlives node and their CPU
 * is the run's. Nothing to do, and no module loaded, when the run read no object that way.
 */
export async function runEnd(): Promise<void> {
  const close = (globalThis as Record<symbol, unknown>)[Symbol.for('aitrail.closeObjectBatches')];
  if (typeof close === 'function') await (close as () => Promise<void>)();
}
