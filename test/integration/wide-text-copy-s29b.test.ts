import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, CRYPTO_PATH_POLICY as PATH_POLICY, policyServer, QWEN_KEY, tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

// Session 29 (red team, the insider with a denied model; row 254 by re-encoding): a copy of Qwen's
// file into a protected path, stored as UTF-16 (which TypeScript compiles and git reads as binary)
// or with line breaks git does not see (`\r` alone, U+2028), each of them one line to git.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
/** `text` as UTF-16LE with its byte order mark (what `tsc` reads as it reads UTF-8). */
const utf16le = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

/** A person's commit (hooks skipped) that writes `bytes` at `path`. */
function committedBytes(work: TestRepo, message: string, path: string, bytes: Buffer): string {
  writeFileSync(join(work.dir, path), bytes);
  work.git(['add', '-A']);
  const made = tryGit(work.dir, ['commit', '-q', '--no-verify', '-F', '-'], { input: message });
  if (made.code !== 0) throw new Error(made.stderr);
  return work.git(['rev-parse', 'HEAD']);
}

describe('path rules: a copy of Qwen’s lines into a protected file whose lines git does not see', () => {
  it('check and pre-receive refuse it (they passed it as the person’s), naming the file and the way out', () => {
    const { work } = policyServer(PATH_POLICY);
    work.git(['checkout', '-q', '-b', 'key', 'main']);
    committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    work.write('src/crypto/.keep', '');
    committedBytes(work, 'chore: key derivation where the crypto lives\n', 'src/crypto/key.ts', utf16le(QWEN_KEY));
    const check = aitrail(work.dir, ['check', 'main..key']);
    expect(check.stdout + check.stderr).not.toContain('no policy violations');
    expect(check.code).toBe(3);
    expect(check.stderr).toContain("'src/crypto/key.ts'");
    expect(check.stderr).toContain('UTF-16');
    expect(check.stderr).toContain('working-tree-encoding');
    const push = tryGit(work.dir, ['push', 'origin', 'key']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('UTF-16');
  });

  it.each([
    ['carriage returns alone', '\r', 'a carriage return alone'],
    ['U+2028', '\u2028', 'U+2028 or U+2029'],
  ])('a copy whose lines are broken by %s (one line to git, many to tsc) is refused by check and pre-receive', (_name, lineBreak, said) => {
    const { work } = policyServer(PATH_POLICY);
    work.git(['checkout', '-q', '-b', 'key', 'main']);
    committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    work.write('src/crypto/.keep', '');
    committedBytes(work, 'chore: key derivation where the crypto lives\n', 'src/crypto/key.ts', Buffer.from(QWEN_KEY.replaceAll('\n', lineBreak)));
    const check = aitrail(work.dir, ['check', 'main..key']);
    expect(check.code).toBe(3);
    expect(check.stderr).toContain(said);
    const push = tryGit(work.dir, ['push', 'origin', 'key']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(said);
  });

  it('the same copy in UTF-8 is still blamed on Qwen, and a UTF-16 file outside the protected paths or a person’s UTF-8 edit there passes', () => {
    const { work } = policyServer(PATH_POLICY);
    work.git(['checkout', '-q', '-b', 'key', 'main']);
    committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
    work.git(['checkout', '-q', '-b', 'plain', 'key']);
    committed(work, 'chore: key derivation where the crypto lives\n', { 'src/crypto/key.ts': QWEN_KEY });
    const plain = aitrail(work.dir, ['check', 'main..plain']);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('qwen/qwen3-coder');
    work.git(['checkout', '-q', '-b', 'honest', 'main']);
    committedBytes(work, 'docs: a resource file kept in UTF-16\n', 'strings.rc', utf16le('STRINGTABLE BEGIN 1 "hello" END\n'));
    committed(work, 'feat: constant-time compare, by hand\n', { 'src/crypto/compare.ts': 'export const equal = (a: string, b: string): boolean => a === b;\r\n// end\r\r\n' });
    // An image's bytes hold carriage returns anywhere: git reads it as binary, no compiler as lines.
    committedBytes(work, 'docs: the key schedule, drawn\n', 'src/crypto/schedule.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x0d, 0x41]));
    const honest = aitrail(work.dir, ['check', 'main..honest']);
    expect(honest.stderr).not.toContain('UTF-16');
    expect(honest.code).toBe(0);
  });
});
