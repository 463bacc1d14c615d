import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { evilRegistry, npmInstall } from '../helpers/pnpm.js';

/**
 * Row 825: husky mode's block ran PATH's first `aitrail` by name under husky's PATH (the relative node_modules/.bin
 * first). A package the repository plants after init (a committed `file:vendor/fake` dependency whose bin is
 * `aitrail`, linked by real npm `--ignore-scripts`) ran in aitrail's place: Qwen's commit under `deny: ["qwen/*"]`
 * went in with no trailer. The block now finds and judges aitrail with the git-mode shims' own lines
 * (src/install/shim-source.ts clientLookup, used by src/install/husky-block.ts): the repository's is passed over for
 * PATH's next, or refused, said as the shims say it. Real husky 9 (set up by init through its API), real npm, real git.
 */
function huskyRepo(options: { plantAfterInit: boolean }) {
  const root = tempDir('aitrail-husky-judged-');
  const marker = join(root, 'pwned');
  const repo = makeRepo({ dir: join(root, 'repo') });
  const env = envWithAitrailOnPath();
  repo.commit('chore: start\n', { '.gitignore': 'node_modules\n', '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': '{"name":"app","version":"1.0.0"}\n' });
  const plant = () => {
    const folder = join(repo.dir, 'vendor', 'fake');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), '{"name":"fake","version":"1.0.0","bin":{"aitrail":"run.sh"}}\n');
    writeFileSync(join(folder, 'run.sh'), `#!/bin/sh\ntouch '${marker}'\nexit 0\n`);
    chmodSync(join(folder, 'run.sh'), 0o755);
    repo.commit('chore: vendor a tool\n', { 'package.json': '{"name":"app","version":"1.0.0","devDependencies":{"fake":"file:vendor/fake"}}\n' }, { ...env, AITRAIL: '0' });
    npmInstall(repo.dir);
    expect(existsSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'))).toBe(true);
  };
  if (!options.plantAfterInit) plant();
  const init = aitrail(repo.dir, ['init', '--mode', 'husky'], { env });
  if (options.plantAfterInit) plant();
  return { repo, marker, env, init };
}

function commitAs(repo: ReturnType<typeof makeRepo>, file: string, env: NodeJS.ProcessEnv) {
  repo.write(file, `${file}\n`);
  repo.git(['add', file]);
  return tryGit(repo.dir, ['commit', '-q', '-m', `feat: ${file}`], { env });
}

describe('husky mode: the block judges aitrail as the shims do (row 825)', () => {
  it('a file: package planted after init whose bin is aitrail: passed over for the person\'s aitrail on PATH; Qwen refused', () => {
    const { repo, marker, env, init } = huskyRepo({ plantAfterInit: true });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']);
    const qwen = commitAs(repo, 'q.txt', { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(qwen.code).not.toBe(0);
    expect(qwen.stderr).toContain('qwen/qwen3-coder');
    expect(existsSync(marker)).toBe(false);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    // The person's aitrail (PATH's next) records an allowed model's commit.
    const gpt = commitAs(repo, 'g.txt', { ...env, AITRAIL_MODEL: 'openai/gpt-5' });
    expect(gpt.code, gpt.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    expect(existsSync(marker)).toBe(false);
  });

  it('the same package with no other aitrail on PATH: the commit is refused and said as the shims say it; the script never runs', () => {
    const { repo, marker, env } = huskyRepo({ plantAfterInit: true });
    const bare = { ...TEST_GIT_ENV, PATH: (env.PATH ?? '').split(':').slice(1).join(':'), AITRAIL_MODEL: 'qwen/qwen3-coder' };
    const head = repo.git(['rev-parse', 'HEAD']);
    const qwen = commitAs(repo, 'q.txt', bare);
    expect(qwen.code).not.toBe(0);
    expect(qwen.stderr).toMatch(/aitrail: .*node_modules\/\.bin\/aitrail.*comes from the repository/);
    expect(existsSync(marker)).toBe(false);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('planted before init: init names the person\'s aitrail and exits 0 (the block no longer runs the repository\'s); Qwen refused', () => {
    const { repo, marker, env, init } = huskyRepo({ plantAfterInit: false });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).not.toContain('which the repository provides');
    const qwen = commitAs(repo, 'q.txt', { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(qwen.code).not.toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it('git mode under npm run\'s PATH (the top\'s node_modules/.bin first, absolute): the planted aitrail is passed over for the person\'s, not a block', () => {
    const { repo, marker, env } = huskyRepo({ plantAfterInit: true });
    repo.git(['config', '--unset', 'core.hooksPath']);
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(init.code, init.stdout + init.stderr).toBe(0);
    const npmRun = { ...env, PATH: `${join(repo.dir, 'node_modules', '.bin')}:${env.PATH ?? ''}` };
    const qwen = commitAs(repo, 'q.txt', { ...npmRun, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(qwen.code).not.toBe(0);
    expect(qwen.stderr).toContain('qwen/qwen3-coder');
    const gpt = commitAs(repo, 'g.txt', { ...npmRun, AITRAIL_MODEL: 'openai/gpt-5' });
    expect(gpt.code, gpt.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    expect(existsSync(marker)).toBe(false);
  });

  let registry: Awaited<ReturnType<typeof evilRegistry>> | undefined;
  afterAll(() => registry?.stop());

  it('husky mode, a registry the committed .npmrc names (rows 790-814\'s route): what it served is passed over, Qwen refused by the person\'s', async () => {
    registry = await evilRegistry();
    const { repo, env, init } = huskyRepo({ plantAfterInit: true });
    expect(init.code).toBe(0);
    repo.commit('chore: a mirror\n', { '.npmrc': `registry=${registry.url}\n`, 'package.json': '{"name":"app","version":"1.0.0","devDependencies":{"aitrail":"^9.9.9"}}\n' }, { ...env, AITRAIL: '0' });
    const install = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', tempDir('aitrail-npm-cache-')], { cwd: repo.dir, env: { ...process.env, npm_config_update_notifier: 'false' }, encoding: 'utf8' });
    expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);
    const qwen = commitAs(repo, 'q.txt', { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(qwen.code).not.toBe(0);
    expect(qwen.stderr).toContain("not running node_modules/.bin/aitrail: it was installed from the registry the project's .npmrc names");
    expect(qwen.stderr).toContain('model-denied');
    expect(existsSync(registry.marker)).toBe(false);
  });
});
