import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { expectBudgetRefusal, tableOf } from '../helpers/budget-refusal.js';
import { commitWith, policyServer } from '../helpers/enforce-repos.js';

// row 1119: the blame budget (row 1092) read each protected file's size as one `<rev>:<path>` line of
// `git cat-file --batch-check`; a path holding a line break split that line, so the file (and every one
// after it) was charged another's size or none, and any number of blames of it passed under any budget.
const ONLY_ANTHROPIC_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n';
const NAME = 'src/crypto/ta\nble.ts';

describe('a protected file whose name holds a line break is charged its own size by the blame budget (row 1119)', () => {
  it('commits each changing every tenth line of it, past the budget, are refused by check and pre-receive; the default passes them', () => {
    const { remote, work } = policyServer(ONLY_ANTHROPIC_IN_CRYPTO);
    expect(commitWith(work, 'feat: table\n', { [NAME]: tableOf(2000, 0, -1) }, { noVerify: true }).code).toBe(0);
    for (let rev = 1; rev <= 3; rev += 1) expect(commitWith(work, `feat: revision ${rev}\n`, { [NAME]: tableOf(2000, rev, rev) }, { noVerify: true }).code).toBe(0);
    expect(work.git(['ls-tree', '-r', '-z', '--name-only', 'HEAD', 'src/crypto/']).split('\0')).toContain(NAME);
    expectBudgetRefusal({ remote, work }, 'AITRAIL_BLAME_BUDGET', '8', ['blaming them would search more than 8 MiB (each run of lines a commit adds is looked for in the whole file)'], 'table');
  });
});
