import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { npmInstalledRepo, shipBinary } from '../helpers/shim-fast-path.js';

/**
 * The git-mode shims judge an aitrail that PATH finds by where it is, not by how PATH spells it
 * (src/install/shim-source.ts clientLookup `shipped`): a PATH naming the repository's
 * node_modules/.bin through another name of the work tree (a link to a folder on the way, as
 * `/tmp` -> `/private/tmp`; the hook's $PWD is the other spelling) read as outside the work tree,
 * and the repository's committed node_modules/.bin/aitrail ran at every agent commit.
 */
const PATH = '/usr/local/bin:/usr/bin:/bin';

function agentCommit(cwd: string, path: string, file: string): ReturnType<typeof spawnSync> {
  spawnSync('sh', ['-c', `echo $$ >> '${file}'`]);
  spawnSync('git', ['add', file], { cwd, env: TEST_GIT_ENV });
  // PWD as a shell that came in through the link leaves it: git's hooks keep it while it names the same folder.
  return spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd, env: { ...TEST_GIT_ENV, PWD: cwd, PATH: `${path}:${PATH}`, AITRAIL_MODEL: 'qwen/qwen3-coder' }, encoding: 'utf8' });
}

describe('an aitrail on PATH spelled through another name of the work tree', () => {
  it("a committed node_modules/.bin/aitrail found through PATH's other spelling is refused, from the top and from a folder", () => {
    const repo = npmInstalledRepo('aitrail-path-spelling-');
    const marker = join(repo.dir, '..', 'pwned');
    shipBinary(repo, marker);
    mkdirSync(join(repo.dir, 'sub'));
    repo.git(['commit', '-q', '--no-verify', '-m', 'ship']);
    const link = join(dirname(repo.dir), 'link');
    symlinkSync(repo.dir, link);
    // The shell came in through the link, PATH names the physical folder (npm run, npx: node's cwd is physical).
    const fromLink = agentCommit(link, join(repo.dir, 'node_modules', '.bin'), join(link, 'a.txt'));
    expect(fromLink.stderr).toMatch(/aitrail: commit blocked: node_modules\/\.bin\/aitrail comes from the repository/);
    expect(fromLink.status).not.toBe(0);
    expect(existsSync(marker)).toBe(false);
    // From a folder: the shell takes the physical top, PATH names the link (direnv's PATH_add, a shell's rc).
    const fromSub = agentCommit(join(link, 'sub'), join(link, 'node_modules', '.bin'), join(link, 'a.txt'));
    expect(fromSub.stderr).toMatch(/aitrail: commit blocked: node_modules\/\.bin\/aitrail comes from the repository/);
    expect(fromSub.status).not.toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it("an honest install found through PATH's other spelling still runs (no false refusal)", () => {
    const repo = npmInstalledRepo('aitrail-path-spelling-');
    mkdirSync(join(repo.dir, 'sub'));
    const link = join(dirname(repo.dir), 'link');
    symlinkSync(repo.dir, link);
    for (const [cwd, path] of [
      [link, join(repo.dir, 'node_modules', '.bin')],
      [join(link, 'sub'), join(link, 'node_modules', '.bin')],
    ]) {
      const result = agentCommit(cwd, path, join(link, 'a.txt'));
      expect(result.stderr).not.toMatch(/comes from the repository/);
      expect(result.status, result.stderr).toBe(0);
      expect(repo.git(['log', '-1', '--format=%B'])).toMatch(/qwen\/qwen3-coder/);
    }
  });
});
