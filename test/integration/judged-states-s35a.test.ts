import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { committed, CRYPTO_PATH_POLICY, installHooks, policyServer, QWEN_KEY, tryGit, type JudgedViolation } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';

// Session 35 (red team of which commits the layers look at): path rules judged by lines blamed the
// protected files at the tips of a range only, so a commit in the middle of it that leaves Qwen's
// lines at a protected path was never judged, and a tag or branch at that commit (or the default
// branch rewound to it) has an empty range: nothing ever looked at it.

const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';

/** `git mv` (the destination's directory made first) as a person's commit; its sha. */
function moved(work: TestRepo, from: string, to: string, message: string): string {
  mkdirSync(dirname(join(work.dir, to)), { recursive: true });
  work.git(['mv', from, to]);
  work.git(['commit', '-q', '-m', message], { env: { AITRAIL: '0' } });
  return work.git(['rev-parse', 'HEAD']);
}

/** A server whose main holds Qwen's lib/key.ts (allowed: lib is not protected); the work repo and Qwen's commit. */
function qwenKeyOnMain(): { work: TestRepo; remote: TestRepo; qwen: string } {
  const { work, remote } = policyServer(CRYPTO_PATH_POLICY);
  const qwen = committed(work, `feat: key derivation\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': QWEN_KEY });
  const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
  expect(push.code, push.stderr).toBe(0);
  work.git(['fetch', '-q', 'origin']);
  return { work, remote, qwen };
}

function checked(work: TestRepo, range: string): { code: number; violations: JudgedViolation[]; out: string } {
  const run = aitrail(work.dir, ['check', range, '--policy-from', 'refs/remotes/origin/main', '--format', 'json'], { timeout: 60_000 });
  return { code: run.code, violations: run.stdout.trim() === '' ? [] : (JSON.parse(run.stdout) as { violations: JudgedViolation[] }).violations, out: `${run.stdout}${run.stderr}` };
}

/** `ref` refused by the server (and left as it was), `check` refusing `range` on Qwen's commit, and pre-push refusing a real `git push`. */
function refusedEverywhere(work: TestRepo, remote: TestRepo, range: string, qwen: string, refspec: string, ref: string): void {
  const check = checked(work, range);
  expect(check.code, check.out).toBe(1);
  expect(check.violations.filter((violation) => violation.sha === qwen && violation.severity === 'error'), check.out).not.toEqual([]);
  const before = remote.git(['for-each-ref', '--format=%(refname) %(objectname)']);
  const server = tryGit(work.dir, ['push', '--no-verify', '--force', 'origin', refspec]);
  expect(server.code, server.stderr).not.toBe(0);
  expect(server.stderr).toContain(`error   ${qwen.slice(0, 12)} `);
  expect(server.stderr).toContain('src/crypto/key.ts');
  installHooks(join(work.dir, '.git', 'hooks'), ['pre-push']);
  const local = tryGit(work.dir, ['push', '--force', 'origin', refspec]);
  expect(local.code, local.stderr).not.toBe(0);
  expect(local.stderr).toContain(qwen.slice(0, 12));
  expect(remote.git(['for-each-ref', '--format=%(refname) %(objectname)']), ref).toBe(before);
}

describe('every commit of a range leaves a judged state, not only its tips (s35a)', () => {
  it("a person's commit that moves Qwen's lines into src/crypto, and the next that moves them back, is refused: a tag at it would show them there", () => {
    const { work, remote, qwen } = qwenKeyOnMain();
    const base = work.git(['rev-parse', 'HEAD']);
    moved(work, 'lib/key.ts', 'src/crypto/key.ts', 'refactor: key derivation belongs with crypto');
    moved(work, 'src/crypto/key.ts', 'lib/key.ts', 'revert: keep it in lib for now');
    // The tip is clean; the commit under it is not. Before: check 0, the push taken, then
    // `git push origin HEAD~1:refs/tags/v1` (or main rewound to it) taken with nothing to judge.
    refusedEverywhere(work, remote, `${base}..main`, qwen, 'main:main', 'refs/heads/main');
    expect(remote.git(['rev-parse', 'main'])).toBe(base);
  });

  it("a merge that keeps its own side (-s ours) over a branch that moved Qwen's lines into src/crypto is refused: the branch's commit is on main", () => {
    const { work, remote, qwen } = qwenKeyOnMain();
    const base = work.git(['rev-parse', 'HEAD']);
    work.git(['checkout', '-q', '-b', 'side']);
    const side = moved(work, 'lib/key.ts', 'src/crypto/key.ts', 'refactor: key derivation belongs with crypto');
    work.git(['checkout', '-q', 'main']);
    work.git(['merge', '-q', '-s', 'ours', '--no-edit', 'side'], { env: { AITRAIL: '0' } });
    expect(work.git(['ls-tree', '-r', '--name-only', 'HEAD'])).not.toContain('src/crypto/key.ts');
    expect(work.git(['rev-parse', 'HEAD^2'])).toBe(side);
    refusedEverywhere(work, remote, `${base}..main`, qwen, 'main:main', 'refs/heads/main');
  });

  it("lines found at several commits of the range are counted once: moved in, then the file edited around them", () => {
    const { work } = qwenKeyOnMain();
    const base = work.git(['rev-parse', 'HEAD']);
    moved(work, 'lib/key.ts', 'src/crypto/key.ts', 'refactor: key derivation belongs with crypto');
    committed(work, 'feat: a header\n', { 'src/crypto/key.ts': `// Key derivation.\n${QWEN_KEY}` });
    const check = checked(work, `${base}..main`);
    expect(check.code, check.out).toBe(1);
    expect(check.out).toContain('3 lines written by model qwen/qwen3-coder');
    expect(check.out).not.toContain('6 lines');
  });

  it("a person's commit elsewhere still passes: only what a commit leaves at a protected path is judged", () => {
    const { work } = qwenKeyOnMain();
    const base = work.git(['rev-parse', 'HEAD']);
    committed(work, 'docs: readme\n', { 'README.md': 'key derivation lives in lib\n' });
    const check = checked(work, `${base}..main`);
    expect(check.code, check.out).toBe(0);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(push.code, push.stderr).toBe(0);
  });
});
