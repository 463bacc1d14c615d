import { afterAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { project, QWEN } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

/**
 * origin's main denies qwen/*; a contributor's fork (a bare repository of its own) holds, as its
 * `main`, a commit allowing every model and Qwen's commit; origin's main then moves on (the sides
 * diverge). Returns the clone and the fork's bare repository.
 */
function forkPullRequest() {
  const { work } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: [] });
  const fork = makeRepo({ bare: true });
  work.git(['checkout', '-q', '-b', 'pr']);
  work.commit('chore: loosen\n', { '.aitrailrc.yml': 'policy:\n  deny: []\n' });
  const qwen = work.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
  work.git(['push', '-q', fork.dir, 'pr:main']);
  work.git(['checkout', '-q', 'main']);
  work.commit('docs: more\n', { 'README.md': 'more\n' });
  work.git(['push', '-q', 'origin', 'main']);
  work.git(['branch', '-q', '-D', 'pr']);
  return { work, fork, qwen };
}

function expectRefused(dir: string, range: string, qwen: string): void {
  const check = aitrail(dir, ['check', range, '--format', 'json']);
  expect(check.code, `${range}: ${check.stdout}${check.stderr}`).toBe(1);
  expect(JSON.parse(check.stdout).violations).toContainEqual(expect.objectContaining({ sha: qwen, rule: 'model-denied' }));
  expect(check.stderr, range).toContain('either may be the target branch');
}

describe("709: A...B's target is never a contributor's fork's default branch", () => {
  it("a branch checked out from the fork's main (its upstream the fork): origin/main...alice/main, alice/main...origin/main, origin/main...@{u} and main...alice/main are judged by both tips' policies, not the fork's alone", () => {
    const { work, fork, qwen } = forkPullRequest();
    work.git(['remote', 'add', 'alice', fork.dir]);
    work.git(['fetch', '-q', 'alice']);
    work.git(['switch', '-q', '-c', 'alice-main', 'alice/main']);
    for (const range of ['origin/main...alice/main', 'alice/main...origin/main', 'origin/main...@{u}', 'main...alice/main']) expectRefused(work.dir, range, qwen);
  });

  it('the fork cloned as origin, the project as upstream: upstream/main...origin/main is judged by both tips\' policies, not the fork\'s alone', () => {
    const { work, fork, qwen } = forkPullRequest();
    work.git(['remote', 'rename', 'origin', 'upstream']);
    work.git(['remote', 'add', 'origin', fork.dir]);
    work.git(['fetch', '-q', 'origin']);
    work.git(['remote', 'set-head', 'origin', 'main']);
    work.git(['switch', '-q', '-c', 'contrib', 'origin/main']);
    for (const range of ['upstream/main...origin/main', 'origin/main...upstream/main', 'upstream/main...origin']) expectRefused(work.dir, range, qwen);
  });

  it("an honest pull request fetched as actions/checkout does (refs/remotes/pull/1/head, no remote of that name): origin/main...pull/1/head is judged by main's policy alone", () => {
    const { work } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: [] });
    work.git(['checkout', '-q', '-b', 'feature']);
    const hand = work.commit('feat: by hand\n', { 'src/hand.ts': 'export const h = 1;\n' });
    work.git(['checkout', '-q', 'main']);
    work.commit('chore: allow qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: []\n' });
    work.commit(`feat: main's own\n\n${QWEN}\n`, { 'src/main.ts': 'export const m = 1;\n' });
    work.git(['push', '-q', 'origin', 'main']);
    work.git(['update-ref', 'refs/remotes/pull/1/head', hand]);
    work.git(['checkout', '-q', '--detach', hand]);
    for (const range of ['origin/main...pull/1/head', 'pull/1/head...origin/main']) {
      const check = aitrail(work.dir, ['check', range]);
      expect(check.code, `${range}: ${check.stdout}${check.stderr}`).toBe(0);
      expect(check.stderr).toContain('the remote default branch origin/main]');
    }
  });
});
