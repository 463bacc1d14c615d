import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, installHooks, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';

const DENY_QWEN = '{"policy":{"deny":["qwen/*"]}}';
const BOTH = /\.aitrailrc, (\S+:)?\.aitrailrc\.json: found 2 config files at the repository root/;

/** A repository whose reviewed `.aitrailrc.json` denies Qwen, with an empty `.aitrailrc` committed beside it. */
function twoConfigs() {
  const repo = makeRepo();
  repo.commit('chore: policy\n', { '.aitrailrc.json': DENY_QWEN, 'a.txt': '1\n' });
  repo.commit('chore: empty rc\n', { '.aitrailrc': '' });
  repo.commit('feat: more\n', { 'a.txt': '2\n' });
  return repo;
}

describe('more than one config file (an empty .aitrailrc beside .aitrailrc.json)', () => {
  it('every command stops with exit 2 naming both files', () => {
    const repo = twoConfigs();
    for (const args of [['status'], ['check', 'HEAD~1..HEAD'], ['log', '-1'], ['blame'], ['use', 'claude-opus-4.6']]) {
      const result = aitrail(repo.dir, args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toMatch(BOTH);
    }
  });

  it('commit-msg refuses the commit (exit 2) on a warm config cache too; prepare-commit-msg warns', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.json': DENY_QWEN });
    installHooks(join(repo.dir, '.git', 'hooks'), ['prepare-commit-msg', 'commit-msg']);
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(repo.dir, '.aitrailrc.json'), old, old);
    // Warm the cache: a commit with the one config passes and leaves the cache behind; the second
    // file appearing is seen on the warm path (every search place is stamped), never a stale hit.
    expect(commitWith(repo, 'feat: one\n', { 'a.txt': '1\n' }).code).toBe(0);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('feat: one');
    repo.write('.aitrailrc', '');
    utimesSync(join(repo.dir, '.aitrailrc'), old, old);
    const refused = commitWith(repo, `feat: qwen\n\n${QWEN}\n`, { 'a.txt': '2\n' });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(BOTH);
    expect(refused.stderr).toMatch(/prepare-commit-msg|invalid config/);
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('feat: one');
  });

  it('pre-receive refuses a push (--no-verify) that leaves two config files on a ref', () => {
    const remote = makeRepo({ bare: true });
    const work = makeRepo();
    work.git(['remote', 'add', 'origin', remote.dir]);
    const base = work.commit('chore: policy\n', { '.aitrailrc.json': DENY_QWEN });
    installHooks(join(remote.dir, 'hooks'), ['pre-receive']);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.commit('chore: empty rc\n', { '.aitrailrc': '' });
    work.commit(`feat: qwen\n\n${QWEN}\n`, { 'a.txt': '1\n' });
    for (const target of ['main', 'main:refs/heads/side']) {
      const push = tryGit(work.dir, ['push', '--no-verify', 'origin', target]);
      expect(push.code).not.toBe(0);
      expect(push.stderr).toMatch(/remote: .*\.aitrailrc, [0-9a-f]+:\.aitrailrc\.json: found 2 config files/);
    }
    expect(remote.git(['for-each-ref', '--format=%(refname) %(objectname)'])).toBe(`refs/heads/main ${base}`);
  });
});
