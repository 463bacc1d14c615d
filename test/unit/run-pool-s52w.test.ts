import { describe, expect, it } from 'vitest';
import { runPool } from '../../src/report/run-pool.js';

// Row 1046's pool, reviewed (session 52 task w): a failure waits for the work already in flight, starts no
// new work, and rejects with the FIRST failure (not a later lane's, nor the last).
const later = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('runPool after a failure (row 1046)', () => {
  it('rejects with the first failure once every lane in flight has ended, and starts no new item', async () => {
    const started: number[] = [];
    const ended: number[] = [];
    const pool = runPool([0, 1, 2, 3, 4, 5], 3, async (item) => {
      started.push(item);
      if (item === 0) {
        await later(5);
        throw new Error('first');
      }
      await later(item === 1 ? 40 : 20);
      ended.push(item);
      if (item === 2) throw new Error('second');
    });
    await expect(pool).rejects.toThrow('first');
    // Items 1 and 2 were in flight when 0 failed: both ended before the pool rejected; 3, 4 and 5 never started.
    expect(ended.sort()).toEqual([1, 2]);
    expect(started.sort()).toEqual([0, 1, 2]);
  });
});
