import { afterAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { project, QWEN } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs, type TestRepo } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

/**
 * GitHub's docs' fork workflow by hand (no gh, so no `gh-resolved` mark): the project (deny qwen/*)
 * forked, the fork's `main` left where it was; the project then allows every model and merges
 * Qwen's commit. The contributor's clone: the fork as `origin`, the project added as `upstream`,
 * fetched; a branch made from `upstream/main` with a commit by hand.
 */
function byHandForkClone(): { clone: TestRepo; projectQwen: string } {
  const { remote: projectServer, work: maintainer } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: [] });
  const fork = makeRepo({ bare: true });
  maintainer.git(['push', '-q', fork.dir, 'main']);
  maintainer.commit('chore: allow every model\n', { '.aitrailrc.yml': 'policy:\n  deny: []\n' });
  const projectQwen = maintainer.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
  maintainer.git(['push', '-q', 'origin', 'main']);
  const clone = makeRepo();
  clone.git(['remote', 'add', 'origin', fork.dir]);
  clone.git(['fetch', '-q', 'origin']);
  clone.git(['remote', 'set-head', 'origin', 'main']);
  clone.git(['remote', 'add', 'upstream', projectServer.dir]);
  clone.git(['fetch', '-q', 'upstream']);
  clone.git(['switch', '-q', '-c', 'feat', 'upstream/main']);
  clone.commit('feat: by hand\n', { 'src/hand.ts': 'export const h = 1;\n' });
  return { clone, projectQwen };
}

describe("a contributor refused for the project's own commit in a by-hand fork clone", () => {
  it('is still refused (nothing tells the project remote safely), and told the commit is on upstream/main and how to name it the project', () => {
    const { clone, projectQwen } = byHandForkClone();
    for (const args of [['check'], ['check', 'feat']]) {
      const run = aitrail(clone.dir, args);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      const said = run.stderr.replace(/\s+/g, ' ');
      expect(said).toContain(`refused commit ${projectQwen.slice(0, 12)} is on upstream/main, the default branch of the remote upstream`);
      expect(said).toContain('git config remote.upstream.gh-resolved base');
    }
    // The branch pushed to the fork and tracking it: judged by the fork's main alone, told the same.
    clone.git(['update-ref', 'refs/remotes/origin/feat', 'HEAD']);
    clone.git(['branch', '-q', '--set-upstream-to', 'origin/feat']);
    const pushed = aitrail(clone.dir, ['check']);
    expect(pushed.code, pushed.stdout + pushed.stderr).toBe(1);
    expect(pushed.stderr).toContain('git config remote.upstream.gh-resolved base');
    // Following it: the project's policy alone, exit 0.
    clone.git(['config', 'remote.upstream.gh-resolved', 'base']);
    const named = aitrail(clone.dir, ['check']);
    expect(named.code, named.stdout + named.stderr).toBe(0);
  });

  it('no note where no remote default branch holds the refused commit, nor with a range base or --policy-from', () => {
    const { clone, projectQwen } = byHandForkClone();
    for (const args of [['check', 'origin/main..HEAD'], ['check', '--policy-from', 'origin/main']]) {
      const run = aitrail(clone.dir, args);
      expect(run.code, run.stdout + run.stderr).toBe(1);
      expect(run.stderr).not.toContain('gh-resolved');
    }
    // The project's remote gone, a second name for the fork beside origin: the refused commit is on no remote's default branch.
    clone.git(['branch', '-q', '--unset-upstream']);
    clone.git(['remote', 'remove', 'upstream']);
    clone.git(['remote', 'add', 'mirror', clone.git(['remote', 'get-url', 'origin'])]);
    clone.git(['fetch', '-q', 'mirror']);
    const run = aitrail(clone.dir, ['check', '--format', 'json']);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(JSON.parse(run.stdout).violations.map((v: { sha: string }) => v.sha)).toContain(projectQwen);
    expect(run.stderr).not.toContain('gh-resolved');
  });
});
