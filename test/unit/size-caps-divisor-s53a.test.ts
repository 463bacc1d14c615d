// row 1073: AITRAIL_SIZE_CAPS_DIVISOR may only lower the caps of commit-size.ts; anything but 1 to 65536 as digits is a usage error.
import { afterEach, describe, expect, it } from 'vitest';
import { COMMIT_BYTES_CAP, LARGE_COMMIT_BYTES, loweredCap, RANGE_LARGE_BYTES_CAP } from '../../src/git/commit-size.js';

const commitBytesCap = (): number => loweredCap(COMMIT_BYTES_CAP);
const largeCommitBytes = (): number => loweredCap(LARGE_COMMIT_BYTES);
const rangeLargeBytesCap = (): number => loweredCap(RANGE_LARGE_BYTES_CAP);
import { UsageError } from '../../src/errors/usage-error.js';

const before = process.env.AITRAIL_SIZE_CAPS_DIVISOR;
afterEach(() => {
  if (before === undefined) delete process.env.AITRAIL_SIZE_CAPS_DIVISOR;
  else process.env.AITRAIL_SIZE_CAPS_DIVISOR = before;
});

const caps = (): number[] => [loweredCap(COMMIT_BYTES_CAP), loweredCap(LARGE_COMMIT_BYTES), loweredCap(RANGE_LARGE_BYTES_CAP)];

describe('AITRAIL_SIZE_CAPS_DIVISOR (row 1073)', () => {
  it('unset or empty: the defaults, read at each use (nothing remembered)', () => {
    delete process.env.AITRAIL_SIZE_CAPS_DIVISOR;
    expect(caps()).toEqual([COMMIT_BYTES_CAP, LARGE_COMMIT_BYTES, RANGE_LARGE_BYTES_CAP]);
    expect(caps()).toEqual([16 * 1024 * 1024, 64 * 1024, 64 * 1024 * 1024]);
    process.env.AITRAIL_SIZE_CAPS_DIVISOR = '256';
    expect(caps()).toEqual([65_536, 256, 262_144]);
    process.env.AITRAIL_SIZE_CAPS_DIVISOR = '';
    expect(caps()).toEqual([COMMIT_BYTES_CAP, LARGE_COMMIT_BYTES, RANGE_LARGE_BYTES_CAP]);
  });

  it('1 to 65536 lower them, never below a byte; 1 is the default', () => {
    process.env.AITRAIL_SIZE_CAPS_DIVISOR = '1';
    expect(caps()).toEqual([COMMIT_BYTES_CAP, LARGE_COMMIT_BYTES, RANGE_LARGE_BYTES_CAP]);
    process.env.AITRAIL_SIZE_CAPS_DIVISOR = '3';
    expect(caps()).toEqual([5_592_405, 21_845, 22_369_621]);
    process.env.AITRAIL_SIZE_CAPS_DIVISOR = '65536';
    expect(caps()).toEqual([256, 1, 1024]);
  });

  // Anything that could read as a raise (a fraction, a sign, an exponent, past the most) or is mis-written: said, exit 2.
  for (const set of ['0', '00', '0.5', '-256', '+256', '1e3', '0x100', '0256', ' 256', '256 ', '256KiB', '65537', '99999', '100000', '١٢', 'Infinity', 'NaN', '2\n']) {
    it(`refuses ${JSON.stringify(set)} with a one-line usage error`, () => {
      process.env.AITRAIL_SIZE_CAPS_DIVISOR = set;
      for (const read of [commitBytesCap, largeCommitBytes, rangeLargeBytesCap]) {
        expect(read).toThrow(UsageError);
        expect(read).toThrow(/^AITRAIL_SIZE_CAPS_DIVISOR='.*' is not a divisor: give a whole number 1 to 65536, digits only/);
      }
      try {
        loweredCap(COMMIT_BYTES_CAP);
      } catch (error) {
        expect((error as Error).message).not.toContain('\n');
      }
    });
  }
});
