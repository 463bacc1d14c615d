// Row 1098: the blame cache's keys (the whole report's, the commits' attributions', the reverts' memo) left out
// AITRAIL_SIZE_CAPS_DIVISOR (row 1073), so a report made under a lowered cap (a commit of 80 KiB "not read:
// more than the 65,536 a report reads", AI of an unknown model) was served as is to the next run under the
// default 16 MiB, which reads that commit whole: its model unsaid, a cap that run does not have named. Now the
// divisor is part of every key (nothing under the default: the keys stay as they were).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { SCALED_ENV } from '../helpers/size-caps.js';

interface Report {
  totals: { byModel: Record<string, number> };
  warnings?: string[];
}

describe('a blame cached under AITRAIL_SIZE_CAPS_DIVISOR is not served under another cap (row 1098)', () => {
  it('lowered, then default, then lowered again: each run says what its own cap reads', () => {
    const repo = makeRepo();
    repo.commit('feat: a\n', { 'a.ts': 'a\n' });
    // An honest squash of 80 KiB declaring its model at its end: past 64 KiB (the cap / 256), far within 16 MiB.
    repo.commit(`feat: b\n\n${`${'x'.repeat(99)}\n`.repeat(820)}\nAssisted-by: qwen-code:qwen/qwen3-coder\n`, { 'b.ts': '1\n2\n' });
    const blame = (env: NodeJS.ProcessEnv = {}): Report => {
      const run = aitrail(repo.dir, ['blame', '--format', 'json'], { env });
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as Report;
    };
    const lowered = blame(SCALED_ENV);
    expect(lowered.totals.byModel).toEqual({ unknown: 2 });
    expect(lowered.warnings?.join('\n')).toContain('more than the 65,536 a report reads');
    const plain = blame();
    expect(plain.totals.byModel).toEqual({ 'qwen/qwen3-coder': 2 });
    expect(plain.warnings ?? []).toEqual([]);
    const again = blame(SCALED_ENV);
    expect(again.totals.byModel).toEqual({ unknown: 2 });
    expect(again.warnings?.join('\n')).toContain('more than the 65,536 a report reads');
  });
});

describe('--help of the reports names AITRAIL_SIZE_CAPS_DIVISOR, as check --help does (row 1073)', () => {
  it('log, blame and trend', () => {
    const repo = makeRepo();
    for (const command of ['log', 'blame', 'trend']) {
      const help = aitrail(repo.dir, [command, '--help']);
      expect(help.code, command).toBe(0);
      const text = help.stdout.replace(/\s+/g, ' ');
      expect(text, command).toContain('AITRAIL_SIZE_CAPS_DIVISOR=<n> (1 to 65536) divides these, never raising them.');
      // Task w of session 53: the 64 MiB of large messages one walk reads (row 1107); trend shares blame's sealed cache.
      expect(text, command).toContain('nor one whose message of more than 64 KiB comes after 64 MiB of such messages in the same walk');
      if (command !== 'log') expect(text, command).toContain('AITRAIL_CACHE_SECRET');
    }
  });
});
