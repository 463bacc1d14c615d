import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CRYPTO_PATH_POLICY, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { laterThanNow, tempDir, type TestRepo } from '../helpers/gitdir.js';

const QWEN_CODE = 'export function qwenCipher(keyMaterial: string) {\n  return keyMaterial.split("").reverse().join("") + "qwen-made";\n}\n';

/** A tree object of `entries` written as given (`--literally`: git's own commands never write a malformed tree): its id. */
function rawTree(repo: TestRepo, entries: ReadonlyArray<[mode: string, name: string, oid: string]>): string {
  const file = join(tempDir(), 'tree');
  writeFileSync(file, Buffer.concat(entries.map(([mode, name, oid]) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(oid, 'hex')]))));
  return repo.git(['hash-object', '-t', 'tree', '-w', '--literally', file]);
}

/** `tree` with its entry `name` replaced by `entry` (mktree sorts and keeps the other entries as they are). */
function withEntry(repo: TestRepo, tree: string, name: string, entry: string): string {
  const others = repo.git(['ls-tree', tree]).split('\n').filter((line) => line !== '' && !line.endsWith(`\t${name}`));
  return repo.git(['mktree'], { input: `${[...others, entry].join('\n')}\n` });
}

/**
 * Under `src/crypto/**` deny qwen: a person's `src/crypto/x.ts` and Qwen's accepted `lib/q.ts` on
 * the server's main; `crypto(person, qwen)` makes the `src/crypto` tree id of the person's commit
 * to push (from the two blob ids), `src(tree, person)` the `src` tree around it.
 */
function setUp() {
  const { remote, work } = policyServer(CRYPTO_PATH_POLICY);
  work.commit('feat: crypto by hand\n', { 'src/crypto/x.ts': 'export const safe = 1; // a person wrote this\n', 'src/a-b.ts': '1\n', 'src/a.ts': '1\n', 'src/a/b.ts': '1\n' });
  work.commit('feat: q helper\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'lib/q.ts': QWEN_CODE });
  expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
  work.git(['fetch', '-q', 'origin']);
  const person = work.git(['rev-parse', 'HEAD:src/crypto/x.ts']);
  const qwen = work.git(['rev-parse', 'HEAD:lib/q.ts']);
  /** A person's commit on main whose `src` tree is `src`: pushed as `branch`, the push's result. */
  const pushSrc = (branch: string, src: string) => {
    const top = withEntry(work, 'HEAD^{tree}', 'src', `040000 tree ${src}\tsrc`);
    const commit = work.git(['commit-tree', top, '-p', 'HEAD', '-m', 'chore: tidy crypto'], { env: { GIT_AUTHOR_DATE: laterThanNow(), GIT_COMMITTER_DATE: laterThanNow() } });
    work.git(['branch', branch, commit]);
    return { commit, check: aitrail(work.dir, ['check', `origin/main..${branch}`]), push: tryGit(work.dir, ['push', '--no-verify', 'origin', branch]) };
  };
  const srcWith = (crypto: string) => withEntry(work, 'HEAD:src', 'crypto', `040000 tree ${crypto}\tcrypto`);
  return { remote, work, person, qwen, pushSrc, srcWith };
}

function expectRefused(remote: TestRepo, result: { commit: string; check: { code: number; stdout: string; stderr: string }; push: { code: number; stderr: string } }, branch: string, fault: string): void {
  expect(result.check.code, result.check.stdout + result.check.stderr).toBe(3);
  expect(result.check.stderr).toContain(`cannot judge the path rules for ${result.commit.slice(0, 12)}: its tree `);
  expect(result.check.stderr).toContain(fault);
  expect(result.push.code, result.push.stderr).not.toBe(0);
  expect(result.push.stderr).toContain(fault);
  expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain(`refs/heads/${branch}`);
}

describe('path rules: a malformed tree that a checkout reads otherwise than blame (575)', () => {
  it('refuses a protected file named twice: blame reads the person\'s first, a clone writes Qwen\'s second', () => {
    const { remote, work, person, qwen, pushSrc, srcWith } = setUp();
    const crypto = rawTree(work, [['100644', 'x.ts', person], ['100644', 'x.ts', qwen]]);
    expectRefused(remote, pushSrc('twice', srcWith(crypto)), 'twice', "'src/crypto/' holds 'x.ts' twice");
  });

  it('refuses a protected folder named twice, entries out of git\'s order, and a name holding a slash', () => {
    const { remote, work, person, qwen, pushSrc } = setUp();
    const clean = work.git(['rev-parse', 'HEAD:src/crypto']);
    const qwenCrypto = rawTree(work, [['100644', 'x.ts', qwen]]);
    const src = work.git(['ls-tree', 'HEAD:src']).split('\n').map((line) => {
      const [meta, name] = line.split('\t') as [string, string];
      const [mode, , oid] = meta.split(' ') as [string, string, string];
      return [mode === '040000' ? '40000' : mode, name, oid] as [string, string, string];
    });
    const twice = src.flatMap((entry) => (entry[1] === 'crypto' ? [entry, ['40000', 'crypto', qwenCrypto] as [string, string, string]] : [entry]));
    expectRefused(remote, pushSrc('folder-twice', rawTree(work, twice)), 'folder-twice', "'src/' holds 'crypto' twice");
    const unordered = rawTree(work, [['100644', 'y.ts', person], ['100644', 'x.ts', qwen]]);
    expectRefused(remote, pushSrc('unordered', withEntry(work, 'HEAD:src', 'crypto', `040000 tree ${unordered}\tcrypto`)), 'unordered', "entries out of git's order ('y.ts' before 'x.ts')");
    // A name holding '/': git diff names it src/crypto/y.ts, blame finds no such path, a clone writes it there.
    const slashed = rawTree(work, [...src.slice(0, 4), ['100644', 'crypto/y.ts', qwen]]);
    expectRefused(remote, pushSrc('slashed', slashed), 'slashed', "an entry whose name holds '/' ('crypto/y.ts')");
  });

  it('passes a person\'s well-formed change next to names git orders by their folder slash', () => {
    const { remote, work, pushSrc, srcWith } = setUp();
    const changed = work.git(['hash-object', '-w', '--stdin'], { input: 'export const safe = 2; // a person wrote this\n' });
    const crypto = work.git(['mktree'], { input: `100644 blob ${changed}\tx.ts\n` });
    const result = pushSrc('well-formed', srcWith(crypto));
    expect(result.check.code, result.check.stdout + result.check.stderr).toBe(0);
    expect(result.push.code, result.push.stderr).toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toContain('refs/heads/well-formed');
  });
});
