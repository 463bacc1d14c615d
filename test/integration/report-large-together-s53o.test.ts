// Row 1107: `log`, `blame` and `trend` read every commit's message whole, however many large ones a history
// holds: 40 commits of 15 MiB messages (each within the 16 MiB cap, a 2 MB pack) cost `log` 47 s of CPU and
// 1.39 GB resident, `blame` 71 s and 1.27 GB; check refuses such a range (row 1037), a report read it all.
// Now a report's large messages (over 64 KiB) hold at most 64 MiB together: past it, a large commit is not read,
// counted as AI of an unknown model, said on stderr and in `warnings`, as row 966's commits are.
// Replayed with the caps divided by 256 (row 1073: 256 B a large message, 256 KiB together, 64 KiB a commit).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { largeMessageHistory, SCALED, SCALED_ENV, type LogJsonEntry as Entry } from '../helpers/size-caps.js';

const TOGETHER = new RegExp(`commit ([0-9a-f]{12}) was not read: with its message, the messages of more than ${SCALED.large.toLocaleString('en-US')} bytes this report read hold [\\d,]+ bytes together, more than the ${SCALED.range.toLocaleString('en-US')} a report reads, so it is counted as AI of an unknown model`);

/** 8 commits of 60 KiB messages (each under the 64 KiB cap; 480 KiB together, past 256 KiB), then an agent's small commit. */
const history = (): TestRepo => largeMessageHistory(makeRepo());

describe('reports read at most 64 MiB of large messages together (row 1107)', () => {
  it('log reads the newest large messages up to the bound, the older ones not: unknown AI, said on stderr and on each entry', () => {
    const repo = history();
    const run = aitrail(repo.dir, ['log', '--format', 'json'], { env: SCALED_ENV });
    expect(run.code, run.stderr).toBe(0);
    const entries = JSON.parse(run.stdout) as Entry[];
    // 60 KiB each, newest first: four read (240 KiB), the fifth passes 256 KiB; an unread message shows no subject (as row 966's).
    expect(entries.map((e) => e.subject)).toEqual(['feat: c', 'feat: m7', 'feat: m6', 'feat: m5', 'feat: m4', '', '', '', '', 'feat: a']);
    const unread = entries.filter((e) => e.warnings !== undefined);
    expect(unread).toEqual(entries.slice(5, 9));
    for (const entry of unread) {
      expect(entry.ai).toBe(true);
      expect(entry.attributions.map((a) => `${a.agent}:${a.model}`)).toEqual(['unknown:unknown']);
      expect(entry.attributions[0]!.evidence[0]).toMatch(/^not read: with its large message/);
      expect(entry.warnings).toHaveLength(1);
      expect(entry.warnings![0]).toMatch(TOGETHER);
      expect(run.stderr).toContain(entry.warnings![0]);
    }
    // The commits read are read as before.
    expect(entries[0]!.attributions.map((a) => a.model)).toEqual(['anthropic/claude-opus-4.6']);
    expect(entries.filter((e) => ['feat: m7', 'feat: m4', 'feat: a'].includes(e.subject)).map((e) => e.ai)).toEqual([false, false, false]);
  });

  it('blame counts the lines of the commits it did not read as an unknown model and says so in warnings', () => {
    const repo = history();
    const run = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache'], { env: SCALED_ENV });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { totals: { ai: number; human: number; byModel: Record<string, number> }; warnings?: string[] };
    // One line each: four large commits read (a person's), four not (unknown), the agent's c.ts, the person's a.ts.
    expect(report.totals).toMatchObject({ ai: 5, human: 5 });
    expect(report.totals.byModel).toEqual({ 'anthropic/claude-opus-4.6': 1, unknown: 4 });
    expect(report.warnings?.filter((w) => TOGETHER.test(w))).toHaveLength(4);
  });

  it('under the real default, the same history of KiB messages is read whole (no large message past 64 KiB)', () => {
    const repo = history();
    const run = aitrail(repo.dir, ['log', '--format', 'json'], {});
    expect(run.code, run.stderr).toBe(0);
    const entries = JSON.parse(run.stdout) as Entry[];
    expect(entries.filter((e) => e.warnings !== undefined)).toEqual([]);
    expect(entries.filter((e) => e.ai).map((e) => e.subject)).toEqual(['feat: c']);
  });
});
