import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, CRYPTO_PATH_POLICY, policyServer, tryGit } from '../helpers/enforce-repos.js';

// Row 542: Qwen's lines holding a byte that is no UTF-8 (a Latin-1 `é` in a legacy file),
// already on main outside the protected path, copied by a person into a protected file: the copy
// search asked git grep -P for U+FFFD (what reading them as UTF-8 made of `\xE9`), found nothing,
// and the lines were blamed to the person's commit.
const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const latin1 = (text: string) => Buffer.from(text, 'latin1');
const QWEN_LINES = 'const alphaBetaGamma1 = "café";\nconst deltaEpsilonZeta2 = "thé";\nconst etaThetaIotaKappa3 = "né";\n';

describe("path rules: a person's copy of Qwen's Latin-1 lines into a protected file", () => {
  it('check and pre-receive refuse it as Qwen\'s lines in src/crypto (they passed it as the person\'s)', () => {
    const { work } = policyServer(CRYPTO_PATH_POLICY);
    committed(work, 'chore: crypto\n', { 'src/crypto/a.ts': 'export const one = 1;\n' });
    writeFileSync(join(work.dir, 'lib-q.ts'), latin1(QWEN_LINES));
    committed(work, `feat: strings\n\n${QWEN_DECLARED}\n`, {});
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'key', 'main']);
    writeFileSync(join(work.dir, 'src/crypto/a.ts'), Buffer.concat([Buffer.from('export const one = 1;\n'), latin1(QWEN_LINES)]));
    committed(work, 'chore: strings where the crypto lives\n', {});
    const check = aitrail(work.dir, ['check', 'main..key']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain('3 lines written by model qwen/qwen3-coder (via qwen-code) in this commit now sit in src/crypto/a.ts');
    const push = tryGit(work.dir, ['push', 'origin', 'key']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('src/crypto/a.ts');
  });
});
