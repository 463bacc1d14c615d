/**
 * The end of a run (a hook's handler, a command): the git cat-file processes it shared
 * (object-batch.ts) are asked nothing more and waited for, so none outlives node and their CPU
 * is the run's. Nothing to do, and no module loaded, when the run read no object that way.
 * The API's check, log, blame and trend (src/api/) end so too: a program calling them never reaches
 * a CLI run's end, and a process kept from one call to the next answered with the replace refs of
 * the first (git reads them once), as did the notes trees listed (notes.ts listNotes).
 */
export async function runEnd(): Promise<void> {
  const forget = (globalThis as Record<symbol, unknown>)[Symbol.for('aitrail.forgetNotesListings')];
  if (typeof forget === 'function') (forget as () => void)();
  const close = (globalThis as Record<symbol, unknown>)[Symbol.for('aitrail.closeObjectBatches')];
  if (typeof close === 'function') await (close as () => Promise<void>)();
}
