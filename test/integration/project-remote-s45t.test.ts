import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { aitrail } from '../helpers/cli.js';
import { installHooks, project, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs, type TestRepo } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

/** The violations' commits of a JSON report. */
function denied(stdout: string): string[] {
  return JSON.parse(stdout).violations.map((v: { sha: string }) => v.sha);
}

/**
 * GitHub's fork workflow as `gh repo fork --clone` leaves it: the project (deny qwen/*) forked, the
 * fork's `main` left where it was; the project then allows every model and merges Qwen's commit.
 * The contributor's clone: the fork as `origin`, the project as `upstream`, marked
 * `remote.upstream.gh-resolved = base` (what gh writes), fetched; a branch made from
 * `upstream/main` (tracking it) with a commit by hand.
 */
function ghForkClone(): { clone: TestRepo; projectQwen: string } {
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
  clone.git(['config', '--add', 'remote.upstream.gh-resolved', 'base']);
  clone.git(['fetch', '-q', 'upstream']);
  clone.git(['switch', '-q', '-c', 'feat', 'upstream/main']);
  clone.commit('feat: by hand\n', { 'src/hand.ts': 'export const h = 1;\n' });
  return { clone, projectQwen };
}

describe("741: the remote GitHub's CLI marks the project (`gh-resolved = base`) is the target", () => {
  it("gh's fork workflow: a branch from upstream/main (or none) is not refused for the project's own commit by the stale fork's policy", () => {
    const { clone } = ghForkClone();
    const tracking = aitrail(clone.dir, ['check']);
    expect(tracking.code, tracking.stdout + tracking.stderr).toBe(0);
    expect(tracking.stderr).toContain('tip of refs/remotes/upstream/main]');
    expect(tracking.stderr).not.toContain('origin');
    // The branch pushed to the fork and tracking it (`git push -u origin feat`): the project still.
    clone.git(['update-ref', 'refs/remotes/origin/feat', 'HEAD']);
    clone.git(['branch', '-q', '--set-upstream-to', 'origin/feat']);
    const pushed = aitrail(clone.dir, ['check', 'feat']);
    expect(pushed.code, pushed.stdout + pushed.stderr).toBe(0);
  });

  it('unmarked, or marked twice, or the mark on no configured remote: both default branches judge, as 720 (the stated limit)', () => {
    const { clone, projectQwen } = ghForkClone();
    for (const step of [
      () => clone.git(['config', '--unset-all', 'remote.upstream.gh-resolved']),
      () => clone.git(['config', 'remote.ghost.gh-resolved', 'base']),
      () => {
        clone.git(['config', 'remote.upstream.gh-resolved', 'base']);
        clone.git(['config', 'remote.origin.gh-resolved', 'base']);
      },
      () => {
        clone.git(['config', '--unset', 'remote.upstream.gh-resolved']);
        clone.git(['config', 'remote.origin.gh-resolved', 'acme/project']);
      },
    ]) {
      step();
      const check = aitrail(clone.dir, ['check', '--format', 'json']);
      expect(check.code, check.stdout + check.stderr).toBe(1);
      expect(denied(check.stdout)).toContain(projectQwen);
    }
  });

  it("a maintainer's review of a fork's pull request with origin marked: origin's policy alone, the fork main's Qwen commit judged (709 stays closed)", () => {
    const { work } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: [] });
    const fork = makeRepo({ bare: true });
    work.git(['checkout', '-q', '-b', 'pr']);
    work.commit('chore: loosen\n', { '.aitrailrc.yml': 'policy:\n  deny: []\n' });
    const onMain = work.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
    work.git(['push', '-q', fork.dir, 'pr:main']);
    const onFeature = work.commit(`feat: lexer\n\n${QWEN}\n`, { 'src/lexer.ts': 'export const l = 1;\n' });
    work.git(['push', '-q', fork.dir, 'pr:feature']);
    work.git(['checkout', '-q', 'main']);
    work.git(['branch', '-q', '-D', 'pr']);
    work.git(['config', 'remote.origin.gh-resolved', 'base']);
    work.git(['remote', 'add', 'alice', fork.dir]);
    work.git(['fetch', '-q', 'alice']);
    work.git(['switch', '-q', '-c', 'review', 'alice/feature']);
    const check = aitrail(work.dir, ['check', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(denied(check.stdout)).toEqual(expect.arrayContaining([onMain, onFeature]));
    // Pre-push to a server no remote names: origin's main, the one marked.
    installHooks(join(work.dir, '.git', 'hooks'), ['pre-push']);
    const mirror = makeRepo({ bare: true });
    const push = tryGit(work.dir, ['push', mirror.dir, 'HEAD:refs/heads/review']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(onMain.slice(0, 12));
  });
});

describe("741: a maintainer's review of an honest pull request from a stale fork", () => {
  it("the project's own Qwen commit from before its deny, which the fork's main lacks: refused unmarked (720), judged by origin's policy alone over what origin lacks when origin is marked", () => {
    const { work } = project('policy:\n  deny: []\n', { hooks: [] });
    const fork = makeRepo({ bare: true });
    work.git(['push', '-q', fork.dir, 'main']);
    const projectQwen = work.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
    work.commit('chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    work.git(['push', '-q', 'origin', 'main']);
    work.git(['checkout', '-q', '-b', 'pr']);
    work.commit('feat: by hand\n', { 'src/hand.ts': 'export const h = 1;\n' });
    work.git(['push', '-q', fork.dir, 'pr:feature']);
    work.git(['checkout', '-q', 'main']);
    work.git(['branch', '-q', '-D', 'pr']);
    work.git(['remote', 'add', 'alice', fork.dir]);
    work.git(['fetch', '-q', 'alice']);
    work.git(['switch', '-q', '-c', 'review', 'alice/feature']);
    const unmarked = aitrail(work.dir, ['check', '--format', 'json']);
    expect(unmarked.code, unmarked.stdout + unmarked.stderr).toBe(1);
    expect([...new Set(denied(unmarked.stdout))]).toEqual([projectQwen]);
    work.git(['config', 'remote.origin.gh-resolved', 'base']);
    const marked = aitrail(work.dir, ['check']);
    expect(marked.code, marked.stdout + marked.stderr).toBe(0);
  });
});

describe('742: no origin, the project renamed `upstream`, a fork checked out beside it', () => {
  it("a maintainer's branch from the fork's feature: judged by upstream's main policy too, not the fork's alone", () => {
    const { work } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: [] });
    const fork = makeRepo({ bare: true });
    work.git(['checkout', '-q', '-b', 'pr']);
    work.commit('chore: loosen\n', { '.aitrailrc.yml': 'policy:\n  deny: []\n' });
    const onMain = work.commit(`feat: parser\n\n${QWEN}\n`, { 'src/parser.ts': 'export const p = 1;\n' });
    work.git(['push', '-q', fork.dir, 'pr:main']);
    const onFeature = work.commit(`feat: lexer\n\n${QWEN}\n`, { 'src/lexer.ts': 'export const l = 1;\n' });
    work.git(['push', '-q', fork.dir, 'pr:feature']);
    work.git(['checkout', '-q', 'main']);
    work.git(['branch', '-q', '-D', 'pr']);
    work.git(['remote', 'rename', 'origin', 'upstream']);
    work.git(['remote', 'add', 'alice', fork.dir]);
    work.git(['fetch', '-q', 'alice']);
    work.git(['switch', '-q', '-c', 'review', 'alice/feature']);
    const check = aitrail(work.dir, ['check', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(denied(check.stdout)).toEqual(expect.arrayContaining([onMain, onFeature]));
    expect(check.stderr).toContain('tip of refs/remotes/upstream/');
    // Pre-push to a server no remote names: upstream's main, not the fork's.
    installHooks(join(work.dir, '.git', 'hooks'), ['pre-push']);
    const push = tryGit(work.dir, ['push', makeRepo({ bare: true }).dir, 'HEAD:refs/heads/review']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(onMain.slice(0, 12));
  });
});
