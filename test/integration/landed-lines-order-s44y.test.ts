// Path rules judged by lines report the commits whose lines landed in protected files in the order
// of those files, on every run: the blames run concurrently and their lines were gathered as each
// blame ended, so two landed-lines violations came out in either order (seen by the CLI server's
// diff mode: `check main..h5 --format json` printed them swapped in two runs of the same history).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CRYPTO_PATH_POLICY } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';

describe('landed-lines violations of several commits', () => {
  it('come in the order of the protected files their lines landed in, whichever blame ends first', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': CRYPTO_PATH_POLICY });
    // Qwen's large lib/a.ts (its blames take longest) and small lib/b.ts, each allowed where it was written. 4,000
    // lines, not 40,000 (session 55 helper b): with the lines gathered as each blame ends (mapPool pushing results
    // in order of ends), 400, 1,000 and 4,000 lines each failed (4,000 in 4 runs of 4).
    const big = Array.from({ length: 4_000 }, (_, at) => `export const value${at} = ${at * 7919} + ${at % 97};\n`).join('');
    const a = repo.commit(`feat: a\n\n${QWEN_DECLARED}\n`, { 'lib/a.ts': big });
    const b = repo.commit(`feat: b\n\n${QWEN_DECLARED}\n`, { 'lib/b.ts': 'export function deriveTheKeyFromTheSecret(secret: string): string {\n  return secret.split("").reverse().join("");\n}\n' });
    repo.git(['checkout', '-q', '-b', 'moved']);
    mkdirSync(join(repo.dir, 'src'));
    repo.git(['mv', 'lib', 'src/crypto']);
    repo.commit('refactor: move the key code into src/crypto\n');
    const orders = new Set<string>();
    for (let run = 0; run < 3; run += 1) {
      const check = aitrail(repo.dir, ['check', 'main..moved', '--format', 'json']);
      expect(check.code, check.stderr).toBe(1);
      const violations = (JSON.parse(check.stdout) as { violations: { sha: string; path: string }[] }).violations;
      orders.add(violations.map((violation) => `${violation.sha.slice(0, 7)} ${violation.path}`).join(', '));
    }
    expect([...orders]).toEqual([`${a.slice(0, 7)} src/crypto/a.ts, ${b.slice(0, 7)} src/crypto/b.ts`]);
  });
});
