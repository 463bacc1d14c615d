// row 1114: row 1107 bounds the large messages (over 64 KiB) one report walk reads at 64 MiB together, but a commit
// under an `encoding` header git may re-encode (any name not known ASCII-safe: `x-custom`) is shown with no message
// first and read apart (bodyAsker), after the count: its message was never counted nor dropped, so a history whose
// large commits each carry such a header was read whole again, the bound gone. Now it is counted when read apart.
// Replayed with `git fast-import` (its `encoding` command) and the caps divided by 256 (256 B a large message,
// 256 KiB together), 8 commits of 60 KiB messages, the built CLI's `log --format json` and `blame --format json`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { largeMessageHistory, SCALED_ENV, type LogJsonEntry } from '../helpers/size-caps.js';

/** row 1107's history, each large commit stored under `encoding x-custom`. */
function history(): TestRepo {
  const repo = largeMessageHistory(makeRepo(), 'x-custom');
  expect(repo.git(['cat-file', 'commit', 'HEAD~1'])).toContain('\nencoding x-custom\n');
  return repo;
}

describe('row 1114: a large message under an `encoding` header counts toward the 64 MiB a report reads', () => {
  it('log: the older four are not read, as without the header', () => {
    const repo = history();
    const run = aitrail(repo.dir, ['log', '--format', 'json'], { env: SCALED_ENV });
    expect(run.code, run.stderr).toBe(0);
    const entries = JSON.parse(run.stdout) as LogJsonEntry[];
    expect(entries.map((e) => e.subject)).toEqual(['feat: c', 'feat: m7', 'feat: m6', 'feat: m5', 'feat: m4', '', '', '', '', 'feat: a']);
    for (const entry of entries.slice(5, 9)) {
      expect(entry.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['unknown:unknown']);
      expect(entry.attributions[0]!.evidence[0]).toMatch(/^not read: with its large message/);
      expect(entry.warnings?.[0]).toContain('this report read hold');
    }
    expect(entries.filter((e) => e.warnings !== undefined)).toHaveLength(4);
  });

  it('blame: the lines of the four unread commits are an unknown model\'s', () => {
    const repo = history();
    const run = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache'], { env: SCALED_ENV });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { totals: { ai: number; human: number; byModel: Record<string, number> } };
    expect(report.totals).toMatchObject({ ai: 5, human: 5, byModel: { 'anthropic/claude-opus-4.6': 1, unknown: 4 } });
  });
});
