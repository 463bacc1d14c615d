import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyServer, project } from '../helpers/enforce-repos.js';
import { makeRepo, repoTemplate, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';

/** Every path under `root` with its type, mode and (for files) content: what a repository holds. */
function tree(root: string): string[] {
  const out: string[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const full = join(at, name);
      const stat = statSync(full);
      out.push(`${relative(root, full)} ${stat.mode.toString(8)} ${stat.isFile() ? readFileSync(full, 'utf8') : ''}`);
      if (stat.isDirectory()) walk(full);
    }
  };
  walk(root);
  return out;
}

// makeRepo copies a repository git init made once per file into each new place (test/helpers/gitdir.ts):
// each copy must hold what git init makes there, for every kind of repository the tests ask for.
describe('makeRepo: copies of one git init are what git init makes', () => {
  for (const options of [{}, { bare: true }, { objectFormat: 'sha256' as const }, { bare: true, objectFormat: 'sha256' as const }]) {
    it(JSON.stringify(options), () => {
      const first = makeRepo(options);
      const copied = makeRepo(options);
      const own = tempDir();
      const init = ['init', '-q', '-b', 'main', `--template=${repoTemplate()}`, ...('bare' in options ? ['--bare'] : []), ...(options.objectFormat ? [`--object-format=${options.objectFormat}`] : [])];
      execFileSync('git', init, { cwd: own, env: TEST_GIT_ENV });
      const gitDirOf = (dir: string) => ('bare' in options ? dir : join(dir, '.git'));
      expect(readFileSync(join(gitDirOf(own), 'config'), 'utf8')).toContain('gpgsign = false');
      for (const repo of [first, copied]) {
        expect(tree(gitDirOf(repo.dir))).toEqual(tree(gitDirOf(own)));
        expect(repo.git(['rev-parse', '--is-bare-repository'])).toBe('bare' in options ? 'true' : 'false');
        expect(repo.git(['rev-parse', '--show-object-format'])).toBe(options.objectFormat ?? 'sha1');
      }
      if (!('bare' in options)) {
        const sha = copied.commit('one\n', { 'a.txt': 'a\n' });
        expect(sha).toBe(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: copied.dir, env: TEST_GIT_ENV, encoding: 'utf8' }).trim());
        expect(copied.git(['rev-parse', 'HEAD'])).toBe(sha);
        expect(copied.git(['fsck', '--strict'])).toBe('');
      }
    });
  }
});

// policyServer and project (test/helpers/enforce-repos.ts) seed the server without a push: the server
// and the work repository must hold what `git push [-u] origin main` and `git remote set-head` leave.
describe('policyServer and project: the first push, by hand, leaves what git push leaves', () => {
  const state = (work: TestRepo, remote: TestRepo) => ({
    serverRefs: remote.git(['for-each-ref', '--format=%(refname) %(objectname)']),
    serverObjects: remote.git(['cat-file', '--batch-all-objects', '--batch-check']),
    serverFsck: remote.git(['fsck', '--strict', '--no-dangling']),
    workRefs: work.git(['for-each-ref', '--format=%(refname) %(objectname) %(symref) %(upstream)']),
    workObjects: work.git(['cat-file', '--batch-all-objects', '--batch-check']),
    workConfig: work.git(['config', '--local', '--list']).replaceAll(remote.dir, 'REMOTE'),
    reflog: work.git(['reflog', 'show', '--format=%gs', 'refs/remotes/origin/main']),
    status: work.git(['status', '--porcelain=v2', '--branch']),
  });
  const pushed = (config: string, upstream: boolean, files: Record<string, string>) => {
    const remote = makeRepo({ bare: true });
    const work = makeRepo();
    work.git(['remote', 'add', 'origin', remote.dir]);
    work.commit('x\n', files);
    work.git(['push', '-q', ...(upstream ? ['-u'] : []), 'origin', 'main']);
    work.git(['remote', 'set-head', 'origin', 'main']);
    return { work, remote };
  };
  const objectTypes = (list: string) => list.split('\n').map((line) => line.split(' ')[1]).sort();

  /** The set-up `made` with `config` against `git push [-u] origin main` of the same `files`. */
  const expectAsPushed = (made: { work: TestRepo; remote: TestRepo; base: string }, config: string, upstream: boolean, files: Record<string, string>) => {
    const { work, remote, base } = made;
    const seeded = state(work, remote);
    const real = pushed(config, upstream, files);
    const truth = state(real.work, real.remote);
    const realBase = real.work.git(['rev-parse', 'HEAD']);
    expect(seeded.serverRefs).toBe(`refs/heads/main ${base}`);
    expect(seeded.serverObjects).toBe(seeded.workObjects);
    expect(objectTypes(seeded.serverObjects)).toEqual(objectTypes(truth.serverObjects));
    expect(seeded.serverFsck).toBe('');
    expect(seeded.workRefs.replaceAll(base, 'BASE')).toBe(truth.workRefs.replaceAll(realBase, 'BASE'));
    expect(seeded.workConfig).toBe(truth.workConfig.replaceAll(real.remote.dir, 'REMOTE').replace(remote.dir, 'REMOTE'));
    expect(seeded.reflog).toBe(truth.reflog);
    expect(seeded.status.replaceAll(base, 'BASE')).toBe(truth.status.replaceAll(realBase, 'BASE'));
  };
  const config = 'policy:\n  deny: ["qwen/*"]\n';

  it('policyServer', () => expectAsPushed(policyServer(config), config, false, { '.aitrailrc.yml': config }));

  it('project', () => expectAsPushed(project(config), config, true, { '.aitrailrc.yml': config, 'README.md': 'hello\n' }));
});
