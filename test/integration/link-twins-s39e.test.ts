import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, expectQwenBehindLinkRefused, expectQwenMovedBehindLinkRefused, linkAt, linkedBeforeTheRule, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';

// Session 39 (row 514's limit): a link whose target the tree holds exactly, beside a twin that folds
// alike (`LIB/key.ts` and `lib/key.ts` both committed). On a Mac the two are one file, whichever git
// wrote last: a checkout (or pull) of a commit that changes only `lib/key.ts` writes its text there, so
// `src/crypto/k.ts -> ../../LIB/key.ts` opens Qwen's lines. Only the exact target was judged.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const OPEN_POLICY = 'policy:\n  deny: []\n';

/** `LIB/<name>` beside linkedBeforeTheRule's `lib/key.ts` and `lib/other.ts`, in the work tree `dir`. */
function upperLib(dir: string, name = 'key.ts'): void {
  mkdirSync(join(dir, 'LIB'), { recursive: true });
  writeFileSync(join(dir, 'LIB', name), 'export const upper = 0;\n');
}

describe('a link whose exact target has a twin as macOS reads names', () => {
  it.each([
    ['src/crypto/k.ts -> ../../LIB/key.ts, Qwen writes its twin lib/key.ts', (dir: string) => {
      upperLib(dir);
      linkAt(dir, '../../LIB/key.ts', 'src/crypto/k.ts');
    }, 'lib/key.ts', 'src/crypto/k.ts'],
    ['src/crypto/k.ts -> ../../lib/key.ts, Qwen writes its twin LIB/key.ts', (dir: string) => {
      upperLib(dir);
      linkAt(dir, '../../lib/key.ts', 'src/crypto/k.ts');
    }, 'LIB/key.ts', 'src/crypto/k.ts'],
    ['a directory link src/crypto -> ../LIB beside lib/, Qwen writes lib/other.ts', (dir: string) => {
      upperLib(dir, 'a.ts');
      linkAt(dir, '../LIB', 'src/crypto');
    }, 'lib/other.ts', 'src/crypto/other.ts'],
  ])('is refused by check and pre-receive (both passed it): %s', (_name, make, written, shown) => {
    expectQwenBehindLinkRefused(make, written, shown);
  });

  it("a person's change to the twin, and Qwen's change to a file no link shows, still pass", () => {
    const { work } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, (dir) => {
      upperLib(dir);
      linkAt(dir, '../../LIB/key.ts', 'src/crypto/k.ts');
    });
    work.git(['checkout', '-q', '-b', 'ok', 'main']);
    committed(work, 'feat: key\n', { 'lib/key.ts': 'export const personsOwnKey = 1;\n' });
    committed(work, `feat: util\n\n${QWEN_DECLARED}\n`, { 'lib/other.ts': QWEN_KEY });
    const check = aitrail(work.dir, ['check', 'origin/main..ok'], { timeout: 60_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'ok:main']).code).toBe(0);
  });

  it("Qwen's lines moved by a person into the twin directory of a directory link's target (row 470): refused by the line judge", () => {
    const { work } = policyServer(OPEN_POLICY);
    linkedBeforeTheRule(work, (dir) => {
      upperLib(dir, 'a.ts');
      linkAt(dir, '../LIB', 'src/crypto');
    });
    expectQwenMovedBehindLinkRefused(work);
  });
});

