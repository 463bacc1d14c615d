// Task w of session 53, review of row 1107: the 64 MiB of large messages a report reads is one walk's bound, and a
// commit left unread is never cached, so a later `blame` on a warm attribution cache (after a new commit) reads those
// commits with a bound of its own. What the README's row 1107 and its section say of it, pinned here.
// Replayed with the caps divided by 256 (256 B a large message, 256 KiB together).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { largeMessageHistory, SCALED_ENV } from '../helpers/size-caps.js';

interface Report {
  totals: { ai: number; human: number; byModel: Record<string, number> };
  warnings?: string[];
}

describe('row 1107: a cold blame and a warm one differ on a history past the bound, each saying what it left unread', () => {
  it('cold: four commits unread (unknown); after one new commit, the warm run reads them (a person\'s)', () => {
    const repo = largeMessageHistory(makeRepo());
    const blame = (): Report => {
      const run = aitrail(repo.dir, ['blame', '--format', 'json'], { env: SCALED_ENV });
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as Report;
    };
    const cold = blame();
    expect(cold.totals).toMatchObject({ ai: 5, human: 5, byModel: { 'anthropic/claude-opus-4.6': 1, unknown: 4 } });
    expect(cold.warnings?.filter((w) => w.includes('this report read hold'))).toHaveLength(4);
    // The same question again: the whole report's cache answers as the cold run did.
    expect(blame().totals).toEqual(cold.totals);
    repo.commit('feat: n\n', { 'n.ts': 'n\n' });
    const warm = blame();
    expect(warm.totals).toMatchObject({ ai: 1, human: 10, byModel: { 'anthropic/claude-opus-4.6': 1 } });
    expect(warm.warnings?.filter((w) => w.includes('this report read hold')) ?? []).toEqual([]);
  });
});
