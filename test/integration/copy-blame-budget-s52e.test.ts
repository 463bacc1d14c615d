import { describe, expect, it } from 'vitest';
import { expectBudgetRefusal } from '../helpers/budget-refusal.js';
import { commitWith, policyServer } from '../helpers/enforce-repos.js';

// row 1036: a push of many person-read copies into a protected path made the copy search and its
// `-C -C -C` blames run for minutes (thousands of copies: hours) at the server's gate and in CI.
const QWEN_NOT_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';

/** A file of `lines` distinct lines long enough to be copy suspects. */
const fileOf = (name: string, lines: number) => Array.from({ length: lines }, (_, n) => `export const ${name}Value${n} = computeTheValueForIndex(${n}, "${name}");`).join('\n') + '\n';

describe('the -C -C -C blames of one run have a budget (row 1036)', () => {
  it('a push of 8 commits each copying a lib file into src/crypto, over the budget the server sets, is refused by pre-receive and check with one line naming it; within it, it passes', () => {
    const { remote, work } = policyServer(QWEN_NOT_IN_CRYPTO);
    const libs = Object.fromEntries(Array.from({ length: 8 }, (_, n) => [`lib/f${n}.ts`, fileOf(`f${n}`, 400)]));
    expect(commitWith(work, 'feat: libs\n', libs, { noVerify: true }).code).toBe(0);
    for (let n = 0; n < 8; n += 1) expect(commitWith(work, `feat: copy ${n}\n`, { [`src/crypto/c${n}.ts`]: libs[`lib/f${n}.ts`]! }, { noVerify: true }).code).toBe(0);
    expectBudgetRefusal({ remote, work }, 'AITRAIL_COPY_BLAME_BUDGET', '1', ['would read more than 1 MiB of files'], 'copies');
  });
});
