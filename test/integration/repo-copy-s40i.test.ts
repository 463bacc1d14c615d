import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, repoTemplate, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';

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
