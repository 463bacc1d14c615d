import { afterAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { join } from 'node:path';
import { installHooks, project, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

/**
 * origin's main denies qwen/*; a contributor's fork (a bare repository of its own) holds, as its
 * `main`, a commit allowing every model and Qwen's commit, and as `feature` one more Qwen commit.
 */
function forkPullRequest() {
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
  return { work, fork, onMain, onFeature };
}

describe("720: `check` with no range on a branch whose upstream is a contributor's fork", () => {
  it("a maintainer's branch checked out from the fork's feature: judged by origin's main policy too, the fork main's own Qwen commit included", () => {
    const { work, fork, onMain, onFeature } = forkPullRequest();
    work.git(['remote', 'add', 'alice', fork.dir]);
    work.git(['fetch', '-q', 'alice']);
    work.git(['switch', '-q', '-c', 'review', 'alice/feature']);
    const check = aitrail(work.dir, ['check', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const denied = JSON.parse(check.stdout).violations.filter((v: { rule: string }) => v.rule === 'model-denied').map((v: { sha: string }) => v.sha);
    expect(denied).toEqual(expect.arrayContaining([onMain, onFeature]));
    expect(check.stderr).toContain("HEAD's upstream remote is not origin");
    // A range with no base (`check review`): its policy, as with no range, not the fork's alone.
    const named = aitrail(work.dir, ['check', 'review']);
    expect(named.code, named.stdout + named.stderr).toBe(1);
    expect(named.stderr).toContain("HEAD's upstream remote is not origin");
    // --policy-from names the one policy; the commits judged are still those either branch lacks.
    const pinned = aitrail(work.dir, ['check', '--policy-from', 'origin/main', '--format', 'json']);
    expect(pinned.code, pinned.stdout + pinned.stderr).toBe(1);
    expect(JSON.parse(pinned.stdout).violations.map((v: { sha: string }) => v.sha)).toContain(onMain);
  });

  it("an honest branch tracking origin's main, and one tracking the fork's main equal to origin's: judged as before (one policy, no word)", () => {
    const { work, fork } = forkPullRequest();
    work.git(['remote', 'add', 'alice', fork.dir]);
    work.git(['push', '-q', fork.dir, '+origin/main:main']);
    work.git(['fetch', '-q', '--prune', 'alice']);
    work.git(['switch', '-q', '-c', 'mine', '--track', 'origin/main']);
    work.commit('feat: by hand\n', { 'src/hand.ts': 'export const h = 1;\n' });
    const own = aitrail(work.dir, ['check']);
    expect(own.code, own.stdout + own.stderr).toBe(0);
    expect(own.stderr).not.toContain('upstream remote');
    work.git(['switch', '-q', '-c', 'theirs', '--track', 'alice/main']);
    const theirs = aitrail(work.dir, ['check']);
    expect(theirs.code, theirs.stdout + theirs.stderr).toBe(0);
    expect(theirs.stderr).not.toContain('upstream remote');
  });
});

describe("720: pre-push to a server no remote names, on a branch whose upstream is a contributor's fork", () => {
  it("judged by origin's main policy, not the fork's: refused", () => {
    const { work, fork, onMain } = forkPullRequest();
    installHooks(join(work.dir, '.git', 'hooks'), ['pre-push']);
    work.git(['remote', 'add', 'alice', fork.dir]);
    work.git(['fetch', '-q', 'alice']);
    work.git(['switch', '-q', '-c', 'review', 'alice/feature']);
    const mirror = makeRepo({ bare: true });
    const push = tryGit(work.dir, ['push', mirror.dir, 'HEAD:refs/heads/review']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(onMain.slice(0, 12));
  });
});
