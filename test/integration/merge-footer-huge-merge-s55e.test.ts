// Session 55 helper e (row 1168): `check`, pre-push and pre-receive read a footer merge's merged commits for the
// models its agent declared (row 538) at most 5,000 a merge (merge-footers MAX_MERGED), and past that returned the
// footer as read without a word: a pull request merge bringing in 5,100 commits already on the server, each declaring
// Claude's model under `deny: ["anthropic/*"]`, passed `check origin/side..HEAD` (the footer `unknown`, only warned under
// the default `unknownModel: warn`; a refusal naming nothing under `deny`). Found re-reading row 1154's stated limit,
// replayed with the built CLI's `check` (pre-receive judges the merged commits themselves when they land on a branch). Now a merge's walk is bounded only by the run's bound (10,000 merged
// commits beyond the commits judged), which refuses the range unjudged (exit 3) naming it and AITRAIL_MERGED_READS,
// the variable that raises it (a server merging long-lived branches).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { SCALED_ENV } from '../helpers/size-caps.js';

const FOOTER = '🤖 Generated with [Claude Code](https://claude.com/claude-code)';

/** `count` commits on refs/heads/side from `base`, each declaring Claude's model. */
function side(base: string, count: number): Buffer {
  const parts: string[] = [];
  for (let n = 1; n <= count; n += 1) {
    const message = `feat: side ${n}\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n`;
    parts.push(`commit refs/heads/side\nmark :${n}\ncommitter Pat <pat@example.com> ${1_700_000_000 + n} +0000\ndata ${Buffer.byteLength(message)}\n${message}from ${n === 1 ? base : `:${n - 1}`}\nM 100644 inline side.txt\ndata ${String(n).length + 1}\n${n}\n\n`);
  }
  return Buffer.from(parts.join(''));
}

/** A policy server whose `side` branch (put there unjudged) holds `count` Claude commits, and a work repository's footer merge of it. */
function footerMerge(count: number) {
  const server = policyServer('policy:\n  deny: ["anthropic/*"]\n');
  const { remote, work, base } = server;
  remote.git(['fast-import', '--quiet'], { input: side(base, count) });
  work.git(['fetch', '-q', 'origin', 'side']);
  // The range judged is the merge alone: its merged commits are on the server already (`side`), and it is pushed as a new branch.
  expect(tryGit(work.dir, ['merge', '--no-ff', '--no-verify', '-q', '-m', `Merge pull request #7 from pat/side\n\n${FOOTER}\n`, 'FETCH_HEAD']).code).toBe(0);
  return server;
}

describe('a footer merge bringing in more commits than a merge walk read (row 1168)', () => {
  // pre-receive judges a pushed branch's commits the default branch lacks (the merged ones too, each refused itself):
  // the range where only the merge is judged is `check`'s (a CI or a person checking the merge alone).
  it('5,100 merged commits declaring a denied model: check refuses the merge by their model', () => {
    const { work } = footerMerge(5_100);
    const check = aitrail(work.dir, ['check', 'origin/side..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain('anthropic/claude-opus-4.6');
  });

  it('past the run bound: refused unjudged (exit 3) naming AITRAIL_MERGED_READS, which raises it', () => {
    // Under the divisor of 256 the bound is 39 merged commits beyond the one judged; the merge brings in 60.
    const { work } = footerMerge(60);
    const check = aitrail(work.dir, ['check', 'origin/side..HEAD'], { env: SCALED_ENV, timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(3);
    expect(check.stderr).toContain('(the most it reads: 39 more than the commits judged)');
    expect(check.stderr).toContain('AITRAIL_MERGED_READS=<commits> (default 10,000)');
    expect(check.stderr).not.toMatch(/\n\s+at /);
    // Raised (25,600 / 256 = 100): the merged commits are read and the merge is refused by their model.
    const raised = aitrail(work.dir, ['check', 'origin/side..HEAD'], { env: { ...SCALED_ENV, AITRAIL_MERGED_READS: '25600' }, timeout: 120_000 });
    expect(raised.code, raised.stdout + raised.stderr).toBe(1);
    expect(raised.stdout).toContain('anthropic/claude-opus-4.6');
    // Mis-written: a usage error, never the default.
    const bad = aitrail(work.dir, ['check', 'origin/side..HEAD'], { env: { AITRAIL_MERGED_READS: '10k' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("AITRAIL_MERGED_READS='10k' is not a count of commits");
  });
});
