import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { expectHonestRun, expectRepositoryAitrailRefused, honestAitrail, npmFound, npmInstall, PNPM_PATH, pnpmRepoInit } from '../helpers/pnpm.js';

/**
 * A committed `file:vendor/fake` package whose `bin` script (`run.sh`), or a folder above it (`bin`), is a
 * link the repository commits to a program outside the work tree: npm links node_modules/.bin/<tool> to it,
 * its real path outside the work tree, untracked. A link git tracks on the way makes it the repository's
 * (src/install/shim-source.ts aitrail_lk, src/install/tracked-link.ts): refused, never run. Real npm, real
 * git, `aitrail init --mode git`.
 */

const TRUE = ['/usr/bin/true', '/bin/true'].find((path) => existsSync(path)) as string;

/** A folder outside the repository holding `name`, a script that writes the marker and then runs `then`. */
function outsideProgram(name: string, then: string): { dir: string; marker: string } {
  const dir = tempDir('aitrail-link-outside-');
  const marker = join(dir, 'ran');
  writeFileSync(join(dir, name), `#!/bin/sh\n: >${JSON.stringify(marker)}\nexec ${then} "$@"\n`, { mode: 0o755 });
  return { dir, marker };
}

/**
 * The repository: vendor/fake's `bin` names `tool`, its script `run.sh` a committed link to `target` (`folder`:
 * `bin` a committed link to `target`'s folder, the script `bin/<target's name>`), and `more` dependencies.
 */
function linkedRepo(tool: string, target: string, folder: boolean, more: Record<string, string> = {}): TestRepo {
  const repo = makeRepo({ dir: join(tempDir('aitrail-link-'), 'repo') });
  const fake = join(repo.dir, 'vendor', 'fake');
  mkdirSync(fake, { recursive: true });
  const script = folder ? `bin/${target.split('/').pop()}` : 'run.sh';
  writeFileSync(join(fake, 'package.json'), `{"name":"fake","version":"1.0.0","bin":{"${tool}":"${script}"}}\n`);
  if (folder) symlinkSync(join(target, '..'), join(fake, 'bin'));
  else symlinkSync(target, join(fake, 'run.sh'));
  const deps = JSON.stringify({ fake: 'file:vendor/fake', ...more });
  repo.commit('chore: start\n', { '.gitignore': 'node_modules\n', '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': `{"name":"app","version":"1.0.0","devDependencies":${deps}}\n` });
  expect(repo.git(['ls-files', '-s', folder ? 'vendor/fake/bin' : 'vendor/fake/run.sh'])).toMatch(/^120000 /);
  npmInstall(repo.dir);
  expect(existsSync(join(repo.dir, 'node_modules', '.bin', tool))).toBe(true);
  pnpmRepoInit(repo);
  return repo;
}

describe.skipIf(!npmFound)('a committed link on the way to node_modules/.bin/aitrail, out of the work tree (real npm)', () => {
  it('run.sh a committed link to the system\'s true: refused, init says the hooks will not find aitrail', () => {
    const repo = linkedRepo('aitrail', TRUE, false);
    expectRepositoryAitrailRefused(repo, join(repo.dir, 'never'));
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('chore: start');
    const status = spawnSync(process.execPath, [BIN, 'status', '--format', 'json'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: PNPM_PATH }, encoding: 'utf8' });
    expect((JSON.parse(status.stdout) as { binary: string | null }).binary).toBeNull();
  });

  it('bin a committed link to the system\'s bin folder (bin/true): refused', () => {
    const repo = linkedRepo('aitrail', TRUE, true);
    expectRepositoryAitrailRefused(repo, join(repo.dir, 'never'));
  });

  for (const folder of [false, true]) {
    it(`${folder ? 'a folder link' : 'a script link'} to a program outside that would leave a mark: never run`, () => {
      const { dir, marker } = outsideProgram('prog', TRUE);
      const repo = linkedRepo('aitrail', join(dir, 'prog'), folder);
      expectRepositoryAitrailRefused(repo, marker);
    });
  }

  it('node: `"bin": {"node": "run.sh"}` linked out of the work tree is passed over (PATH\'s node runs aitrail), never run', () => {
    const { dir, marker } = outsideProgram('node', JSON.stringify(process.execPath));
    const repo = linkedRepo('node', join(dir, 'node'), false, { aitrail: `file:${honestAitrail(tempDir('aitrail-link-honest-'), false).folder}` });
    const path = `node_modules/.bin:${PNPM_PATH}`;
    const commit = (model: string) => {
      repo.write('a.txt', `${model}\n`);
      repo.git(['add', 'a.txt']);
      return spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: path, AITRAIL_MODEL: model }, encoding: 'utf8' });
    };
    expect(pnpmRepoInit(repo).said).not.toMatch(/will not find the aitrail binary/);
    expect(commit('qwen/qwen3-coder').status).not.toBe(0);
    const allowed = commit('openai/gpt-5');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    expect(existsSync(marker)).toBe(false);
  });

  it('honest: aitrail from a folder outside the repository (npm\'s link, no link committed): runs, judged and recorded', () => {
    const repo = linkedRepo('other', TRUE, false, { aitrail: `file:${honestAitrail(tempDir('aitrail-link-honest-'), false).folder}` });
    expectHonestRun(repo);
  });
});
