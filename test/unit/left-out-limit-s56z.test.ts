// Session 56 last re-read (z3): row 1212's `excluded.leftOutLimit` was read back from the cache and from `--merge`
// parts unchecked (a cached entry's any value, or 0 from a part, printed "more than 0 ..."): one check now, a whole
// number from 1 to below the default bound, used by the cache's reader and by --merge.
import { describe, expect, it } from 'vitest';
import { LEFT_OUT_BLAME_LIMIT, leftOutLimitOk } from '../../src/core/blame/report-notes.js';

describe('leftOutLimitOk (row 1212)', () => {
  it('takes a lowered bound and refuses what no aitrail writes', () => {
    for (const ok of [1, 4, LEFT_OUT_BLAME_LIMIT - 1]) expect(leftOutLimitOk(ok)).toBe(true);
    for (const bad of [0, -1, 1.5, LEFT_OUT_BLAME_LIMIT, 1e9, '4', null, undefined, Number.NaN]) expect(leftOutLimitOk(bad)).toBe(false);
  });
});
