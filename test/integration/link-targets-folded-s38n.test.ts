import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, expectQwenBehindLinkRefused, expectQwenMovedBehindLinkRefused, linkAt, linkedBeforeTheRule, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';

// Session 38 (row 456 as macOS reads names, rows 143 and 502): a link made before `src/crypto/**`
// denied Qwen whose target names no path of the tree exactly, but one a Mac's checkout
// (case-insensitive, NFD read as NFC) shows: `src/crypto/k.ts -> ../../LIB/key.ts` shows lib/key.ts.
// The link judge compared bytes, so check and pre-receive passed Qwen's change to lib/key.ts.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const OPEN_POLICY = 'policy:\n  deny: []\n';
type Found = Array<{ sha: string; rule: string; paths: string[] }>;

describe('a link whose target the tree holds only as macOS reads names', () => {
  it.each([
    ['a file link in other case: src/crypto/k.ts -> ../../LIB/key.ts', (dir: string) => linkAt(dir, '../../LIB/key.ts', 'src/crypto/k.ts'), 'lib/key.ts', 'src/crypto/k.ts'],
    ['the other way: src/crypto/k.ts -> ../../lib/KEY.ts', (dir: string) => linkAt(dir, '../../lib/KEY.ts', 'src/crypto/k.ts'), 'lib/key.ts', 'src/crypto/k.ts'],
    ['a directory link in other case: src/crypto -> ../LIB', (dir: string) => linkAt(dir, '../LIB', 'src/crypto'), 'lib/other.ts', 'src/crypto/other.ts'],
    ['a target in NFD (cle\\u0301.ts) for the file Qwen writes in NFC (clé.ts)', (dir: string) => linkAt(dir, '../../lib/cle\u0301.ts', 'src/crypto/k.ts'), 'lib/cl\u00e9.ts', 'src/crypto/k.ts'],
    ['a target with a code point HFS+ ignores (LI\\u200cB) and a case: src/crypto/k.ts -> ../../LI\\u200cB/Key.ts', (dir: string) => linkAt(dir, '../../LI\u200cB/Key.ts', 'src/crypto/k.ts'), 'lib/key.ts', 'src/crypto/k.ts'],
    ['a link on the way in other case: src/crypto/k.ts -> ../../LIB/a.ts, lib/a.ts -> ../vendor/b.ts', (dir: string) => {
      linkAt(dir, '../vendor/b.ts', 'lib/a.ts');
      linkAt(dir, '../../LIB/a.ts', 'src/crypto/k.ts');
    }, 'vendor/b.ts', 'src/crypto/k.ts'],
    ['a directory link on the way in other case: src/crypto/x -> ../../D1/f.ts, d1 -> d2', (dir: string) => {
      linkAt(dir, 'd2', 'd1');
      linkAt(dir, '../../D1/f.ts', 'src/crypto/x');
    }, 'd2/f.ts', 'src/crypto/x'],
  ])('is refused by check and pre-receive (both passed it): %s', (_name, make, written, shown) => {
    expectQwenBehindLinkRefused(make, written, shown);
  });

  // (With LIB/key.ts and lib/key.ts both in the tree, ../../LIB/key.ts shows either on a Mac: Qwen's lib/key.ts is refused, link-twins-s39e.)
  it('exact targets keep their meaning, and a person\'s change behind a folded link passes: with LIB/key.ts and lib/key.ts both in the tree, a person\'s lib/key.ts passes', () => {
    const { work } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, (dir) => {
      mkdirSync(join(dir, 'LIB'), { recursive: true });
      writeFileSync(join(dir, 'LIB/key.ts'), 'export const upper = 0;\n');
      linkAt(dir, '../../LIB/key.ts', 'src/crypto/k.ts');
      linkAt(dir, '../../Vendor/b.ts', 'src/crypto/v.ts');
    });
    work.git(['checkout', '-q', '-b', 'ok', 'main']);
    committed(work, 'feat: key\n', { 'lib/key.ts': QWEN_KEY });
    committed(work, 'feat: vendor\n', { 'vendor/b.ts': 'export const personsOwnVendoredCode = 1;\n' });
    committed(work, `feat: util\n\n${QWEN_DECLARED}\n`, { 'other/util.ts': QWEN_KEY });
    const check = aitrail(work.dir, ['check', 'origin/main..ok'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'ok:main']).code).toBe(0);
    // The same push with Qwen's change to LIB/key.ts itself is refused (the exact target, as before).
    work.git(['checkout', '-q', '-b', 'upper', 'main']);
    const upper = committed(work, `feat: key\n\n${QWEN_DECLARED}\n`, { 'LIB/key.ts': QWEN_KEY });
    const refused = aitrail(work.dir, ['check', 'origin/main..upper', '--format', 'json'], { timeout: 60_000 });
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect((JSON.parse(refused.stdout) as { violations: Found }).violations.filter((violation) => violation.rule !== 'undeclared')).toMatchObject([{ sha: upper, rule: 'path-model-denied', paths: ['src/crypto/k.ts'] }]);
  });

  it('Qwen\'s lines moved by a person onto a file a folded directory link shows (row 470 as macOS reads names): refused by the line judge', () => {
    const { work } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, (dir) => linkAt(dir, '../LIB', 'src/crypto'));
    expectQwenMovedBehindLinkRefused(work);
  });
});
