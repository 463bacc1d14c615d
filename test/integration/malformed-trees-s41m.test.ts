import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CRYPTO_PATH_POLICY, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { laterThanNow, tempDir, type TestRepo } from '../helpers/gitdir.js';

const QWEN_CODE = 'export function qwenCipher(keyMaterial: string) {\n  return keyMaterial.split("").reverse().join("") + "qwen-made";\n}\n';

/** A tree object of `entries` written as given (`--literally`: git's own commands never write these). */
function rawTree(repo: TestRepo, entries: ReadonlyArray<[mode: string, name: string, oid: string]>): string {
  const file = join(tempDir(), 'tree');
  writeFileSync(file, Buffer.concat(entries.map(([mode, name, oid]) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), Buffer.from(oid, 'hex')]))));
  return repo.git(['hash-object', '-t', 'tree', '-w', '--literally', file]);
}

describe('path rules: a folder whose mode git reads as a folder though it is not 40000 (575)', () => {
  it('reads `40755 crypto` as git does: a folder, walked into and sorted as crypto/', () => {
    const { remote, work } = policyServer(CRYPTO_PATH_POLICY);
    work.commit('feat: crypto by hand\n', { 'src/crypto/x.ts': 'export const safe = 1; // a person wrote this\n', 'src/a.ts': '1\n' });
    work.commit('feat: q helper\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'lib/q.ts': QWEN_CODE });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['fetch', '-q', 'origin']);
    const person = work.git(['rev-parse', 'HEAD:src/crypto/x.ts']);
    const qwen = work.git(['rev-parse', 'HEAD:lib/q.ts']);
    const edited = work.git(['hash-object', '-w', '--stdin'], { input: 'export const safe = 2; // a person wrote this\n' });
    const top = (src: string) => rawTree(work, [...work.git(['ls-tree', 'HEAD']).split('\n').map((line) => {
      const [meta, name] = line.split('\t') as [string, string];
      const [mode, , oid] = meta.split(' ') as [string, string, string];
      return (name === 'src' ? ['40000', name, src] : [mode === '040000' ? '40000' : mode, name, oid]) as [string, string, string];
    })]);
    const made = (branch: string, src: string) => {
      const commit = work.git(['commit-tree', top(src), '-p', 'HEAD', '-m', 'chore: tidy crypto'], { env: { GIT_AUTHOR_DATE: laterThanNow(), GIT_COMMITTER_DATE: laterThanNow() } });
      work.git(['branch', branch, commit]);
      return { commit, check: aitrail(work.dir, ['check', `origin/main..${branch}`]) };
    };
    const a = work.git(['rev-parse', 'HEAD:src/a.ts']);
    // git fsck: only a badFilemode warning; diff, blame and a checkout read `crypto` as a folder.
    // Row 575's name twice inside it: blame reads the person's x.ts, a clone writes Qwen's.
    const twice = rawTree(work, [['100644', 'x.ts', person], ['100644', 'x.ts', qwen]]);
    const hidden = made('hidden', rawTree(work, [['100644', 'a.ts', a], ['40755', 'crypto', twice]]));
    expect(hidden.check.code, hidden.check.stdout + hidden.check.stderr).toBe(3);
    expect(hidden.check.stderr).toContain(`cannot judge the path rules for ${hidden.commit.slice(0, 12)}: its tree 'src/crypto/' holds 'x.ts' twice`);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'hidden']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain("'src/crypto/' holds 'x.ts' twice");
    // In git's order (`crypto-x.ts` before the folder `crypto`, read as `crypto/`): a person's well-formed edit passes.
    const crypto = rawTree(work, [['100644', 'x.ts', edited]]);
    const sorted = made('sorted', rawTree(work, [['100644', 'a.ts', a], ['100644', 'crypto-x.ts', a], ['40755', 'crypto', crypto]]));
    expect(tryGit(work.dir, ['fsck', '--no-dangling']).stderr).not.toContain('treeNotSorted');
    expect(sorted.check.stdout + sorted.check.stderr).not.toContain('cannot judge the path rules');
    expect(sorted.check.code, sorted.check.stdout + sorted.check.stderr).toBe(0);
  });
});
