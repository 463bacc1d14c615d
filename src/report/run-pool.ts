/**
 * Run `worker` over `items` with at most `concurrency` in flight, in order of `items`; the first
 * failure stops new work and rejects, once the work already in flight has ended: rejected at once,
 * the other lanes' git processes outlived the report, and the typed API's run end (runEnd) that
 * followed, which they had already passed (row 1046).
 */
export async function runPool<T>(items: readonly T[], concurrency: number, worker: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const lane = async () => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        await worker(items[index]!, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  if (failure !== null) throw (failure as { error: unknown }).error;
}

/**
 * `worker`'s results over `items` (runPool: at most `concurrency` in flight), in the order of
 * `items`, whichever finished first: what is built from them is the same on every run.
 */
export async function mapPool<T, R>(items: readonly T[], concurrency: number, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  await runPool(items, concurrency, async (item, index) => {
    results[index] = await worker(item, index);
  });
  return results;
}
