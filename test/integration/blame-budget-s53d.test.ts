import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { expectBudgetRefusal, tableOf } from '../helpers/budget-refusal.js';
import { commitWith, policyServer } from '../helpers/enforce-repos.js';

// row 1092: a large protected file with many scattered lines changed by each commit of a push made
// every commit's `git blame -C` search the whole file once per changed run (a 4 MB, 75,000-line file:
// ~28 s of CPU per commit at the gate), with nothing bounding how many such commits a push held.
const ONLY_ANTHROPIC_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n';

describe('the blames of protected files have a search budget (row 1092)', () => {
  it('a push of commits each changing every tenth line of a protected file, past the budget the server sets, is refused by check and pre-receive with one line naming it; a whole-file rewrite passes under it; the default passes both', () => {
    const { remote, work } = policyServer(ONLY_ANTHROPIC_IN_CRYPTO);
    expect(commitWith(work, 'feat: table\n', { 'src/crypto/table.ts': tableOf(2000, 0, -1) }, { noVerify: true }).code).toBe(0);
    // An honest rewrite of the whole file: one run of lines (the file's size searched once).
    expect(commitWith(work, 'refactor: regenerate the table\n', { 'src/crypto/table.ts': tableOf(2000, 0, -1).replaceAll('as first written', 'regenerated') }, { noVerify: true }).code).toBe(0);
    const tight = { AITRAIL_BLAME_BUDGET: '8' };
    const honest = aitrail(work.dir, ['check', 'origin/main..HEAD', '--policy-from', 'refs/remotes/origin/main'], { env: tight, timeout: 120_000 });
    expect(honest.code, honest.stdout + honest.stderr).toBe(0);
    // Three commits each changing 200 scattered lines of the ~100 KB file: ~20 MB searched each.
    for (let rev = 1; rev <= 3; rev += 1) expect(commitWith(work, `feat: revision ${rev}\n`, { 'src/crypto/table.ts': tableOf(2000, rev, rev) }, { noVerify: true }).code).toBe(0);
    expectBudgetRefusal({ remote, work }, 'AITRAIL_BLAME_BUDGET', '8', ['blaming them would search more than 8 MiB (each run of lines a commit adds is looked for in the whole file)', "at 'src/crypto/table.ts'"], 'table');
  });
});
