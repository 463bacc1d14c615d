import { afterAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { QWEN } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const LOOSE = 'policy:\n  deny: []\n';

/**
 * main denies qwen/*; `feature` (forked at `forkAt` of main) loosens the committed policy and adds
 * Qwen's commit; with `mainMoves`, main then gains a person's commit (the sides diverge).
 */
function loosenedBranch(options: { mainMoves: boolean }) {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.commit('chore: loosen\n', { '.aitrailrc.yml': LOOSE });
  const qwen = repo.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
  if (options.mainMoves) {
    repo.git(['checkout', '-q', 'main']);
    repo.commit('docs: readme\n', { 'README.md': 'hi\n' });
    repo.git(['checkout', '-q', 'feature']);
  }
  return { repo, qwen };
}

function expectRefused(dir: string, range: string, qwen: string): { stderr: string } {
  const check = aitrail(dir, ['check', range, '--format', 'json']);
  expect(check.code, `${range}: ${check.stdout}${check.stderr}`).toBe(1);
  expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ sha: qwen, rule: 'model-denied' }));
  return check;
}

describe('670: check A...B never judges by a policy only the judged side commits', () => {
  it('the branch written first, the target an ancestor of it (HEAD...origin/main before main moves): read as main..feature, by main\'s policy', () => {
    const { repo, qwen } = loosenedBranch({ mainMoves: false });
    for (const range of ['feature...main', 'HEAD...main']) {
      const check = expectRefused(repo.dir, range, qwen);
      expect(check.stderr).toContain('tip of main');
    }
    // The order row 4 documents, as before.
    expect(expectRefused(repo.dir, 'main...feature', qwen).stderr).toContain('[tip of main]');
  });

  it('sides that diverged (main moved, or the branch forked from an older commit): a policy either tip commits judges, a violation under either counts', () => {
    const { repo, qwen } = loosenedBranch({ mainMoves: true });
    for (const range of ['feature...main', 'main...feature']) {
      const check = expectRefused(repo.dir, range, qwen);
      expect(check.stderr).toContain('either may be the target branch');
    }
    // --policy-from still names the one policy.
    const pinned = aitrail(repo.dir, ['check', 'feature...main', '--policy-from', 'main']);
    expect(pinned.code).toBe(1);
    expect(pinned.stderr).not.toContain('either may be');
  });

  it('diverged sides that commit the same policy are judged once, by it', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    repo.git(['checkout', '-q', '-b', 'feature']);
    repo.commit('feat: by hand\n', { 'h.ts': 'export const h = 1;\n' });
    repo.git(['checkout', '-q', 'main']);
    repo.commit('docs: readme\n', { 'README.md': 'hi\n' });
    const check = aitrail(repo.dir, ['check', 'feature...main']);
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toContain('[tip of feature]');
    expect(check.stderr).not.toContain('either may be');
    expect(check.stdout).toContain('2 commits checked');
  });
});
