import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';

/**
 * Monorepos: aitrail installed in a sub-folder's package (`cd web && npm i -D aitrail`), as npm,
 * pnpm and yarn lay it out (kept in the package, or hoisted to the top). No aitrail on PATH: the
 * hooks must find the package's binary, whatever folder git is run from.
 */
const NODE_ONLY_PATH = `${dirname(process.execPath)}:/usr/bin:/bin`;
const ENV = { ...TEST_GIT_ENV, PATH: NODE_ONLY_PATH };
const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const OPUS_LINE = 'claude-code:anthropic/claude-opus-4.6';

function run(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}, input = '') {
  const result = spawnSync(command, args, { cwd, env: { ...ENV, ...env }, input, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
const cli = (cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) => run(cwd, process.execPath, [BIN, ...args], env);
function ok<T extends { status: number | null; stdout: string; stderr: string }>(result: T): T {
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

/** node_modules/.bin/aitrail in `dir` as a package manager makes it: a link to the package's bin. */
function installBinary(dir: string): void {
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(BIN, join(dir, 'node_modules', '.bin', 'aitrail'));
}

/** A repository with `web/package.json` (and web/src/), node_modules ignored, one commit. */
function monorepo(extraWebPackage: object = {}): TestRepo {
  const repo = makeRepo({ dir: join(tempDir('aitrail-mono-'), 'repo') });
  repo.write('.gitignore', 'node_modules/\n');
  repo.write('web/package.json', `${JSON.stringify({ name: 'web', private: true, ...extraWebPackage })}\n`);
  repo.write('web/src/app.js', 'export {};\n');
  repo.write('README.md', '# mono\n');
  repo.commit('initial\n');
  return repo;
}

const trailer = (repo: TestRepo) => repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']);
const commit = (repo: TestRepo, cwd: string, subject: string, env: NodeJS.ProcessEnv = OPUS) => run(cwd, 'git', ['commit', '-q', '--allow-empty', '-m', subject], env);

describe('monorepo: aitrail installed in web/ (kept in the package, as pnpm does)', () => {
  it('git mode: init from web/ records the package; commits from the top and from a sub-folder are recorded and policy-checked', () => {
    const repo = monorepo();
    installBinary(join(repo.dir, 'web'));
    const init = ok(cli(join(repo.dir, 'web'), ['init']));
    expect(init.stdout).toMatch(/git mode/);
    expect(init.stdout).toMatch(/The hooks run web\/node_modules\/\.bin\/aitrail \(the package in web\/\)/);
    expect(repo.git(['config', '--local', 'aitrail.packageDir'])).toBe('web');

    ok(commit(repo, repo.dir, 'from the top'));
    expect(trailer(repo)).toBe(OPUS_LINE);
    ok(commit(repo, join(repo.dir, 'web', 'src'), 'from a sub-folder'));
    expect(trailer(repo)).toBe(OPUS_LINE);

    // The policy is enforced from any folder too.
    repo.write('.aitrailrc.json', '{"policy":{"deny":["anthropic/*"]}}\n');
    const before = repo.git(['rev-parse', 'HEAD']);
    const blocked = commit(repo, join(repo.dir, 'web', 'src'), 'denied model');
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toMatch(/anthropic\/claude-opus-4\.6/);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(before);

    const status = ok(cli(join(repo.dir, 'web', 'src'), ['status']));
    expect(status.stdout).toMatch(/Binary the hooks run: web\/node_modules\/\.bin\/aitrail \(package web\/, recorded at init\)/);
    const json = JSON.parse(ok(cli(repo.dir, ['status', '--format', 'json'])).stdout) as { binary: string; packageDir: string };
    expect(json).toMatchObject({ binary: join(repo.dir, 'web', 'node_modules', '.bin', 'aitrail'), packageDir: 'web' });

    // init again from the top (aitrail from PATH there) keeps the recorded package.
    ok(run(repo.dir, process.execPath, [BIN, 'init']));
    expect(repo.git(['config', '--local', 'aitrail.packageDir'])).toBe('web');
    ok(cli(repo.dir, ['uninstall']));
    expect(run(repo.dir, 'git', ['config', '--local', 'aitrail.packageDir']).status).toBe(1);
  });

  it('git mode: a binary the repository ships under web/node_modules is refused (nothing from the repository runs)', () => {
    const repo = monorepo();
    const marker = join(repo.dir, '..', 'pwned');
    installBinary(join(repo.dir, 'web'));
    ok(cli(join(repo.dir, 'web'), ['init']));
    // A later commit (a teammate's, or a hostile branch) ships web/node_modules.
    repo.write('web/node_modules/left-pad/index.js', `require('fs').writeFileSync(${JSON.stringify(marker)}, '')\n`);
    repo.git(['add', '-f', 'web/node_modules/left-pad']);
    ok(run(repo.dir, 'git', ['commit', '-q', '--no-verify', '-m', 'ship node_modules']));
    const before = repo.git(['rev-parse', 'HEAD']);
    const result = commit(repo, join(repo.dir, 'web'), 'next');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/commit blocked: web\/node_modules\/\.bin\/aitrail comes from the repository/);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(before);
    expect(existsSync(marker)).toBe(false);
  });

  it('husky mode (husky set up from web/, as its monorepo recipe does): the block names the package; commits from any folder are recorded', () => {
    const repo = monorepo({ devDependencies: { husky: '9.1.7' } });
    installBinary(join(repo.dir, 'web'));
    const init = ok(cli(join(repo.dir, 'web'), ['init']));
    expect(init.stdout).toMatch(/husky mode \(package\.json uses husky\)/);
    expect(repo.git(['config', 'core.hooksPath'])).toBe('web/.husky/_');
    const block = readFileSync(join(repo.dir, 'web', '.husky', 'commit-msg'), 'utf8');
    expect(block).toContain("aitrail_pkg='web'");

    ok(commit(repo, repo.dir, 'from the top'));
    expect(trailer(repo)).toBe(OPUS_LINE);
    ok(commit(repo, join(repo.dir, 'web', 'src'), 'from a sub-folder'));
    expect(trailer(repo)).toBe(OPUS_LINE);
    expect(ok(cli(repo.dir, ['init'])).stdout).toMatch(/already installed/);
    const json = JSON.parse(ok(cli(repo.dir, ['status', '--format', 'json'])).stdout) as { binary: string; packageDir: string };
    expect(json).toMatchObject({ binary: join(repo.dir, 'web', 'node_modules', '.bin', 'aitrail'), packageDir: 'web' });

    // A teammate's clone: husky set up by `npm install`, no aitrail init, no git config: the block still finds web's binary.
    repo.git(['config', '--local', '--unset', 'aitrail.packageDir']);
    ok(commit(repo, join(repo.dir, 'web'), 'teammate'));
    expect(trailer(repo)).toBe(OPUS_LINE);

    // node_modules tracked under web/: the block refuses web's binary, said as the shims say it (row 825: the shims' lookup).
    repo.write('web/node_modules/x/index.js', '\n');
    repo.git(['add', '-f', 'web/node_modules/x']);
    ok(run(repo.dir, 'git', ['commit', '-q', '--no-verify', '-m', 'ship node_modules']));
    const blocked = commit(repo, repo.dir, 'after');
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toMatch(/commit blocked: web\/node_modules\/\.bin\/aitrail comes from the repository/);
  });
});

describe('monorepo: workspaces with the binary hoisted to the top (npm, yarn)', () => {
  it('init from web/ finds the top binary, records no package folder, and commits from web/ are recorded', () => {
    const repo = monorepo();
    repo.write('package.json', '{"name":"root","private":true,"workspaces":["web"]}\n');
    installBinary(repo.dir);
    const init = ok(cli(join(repo.dir, 'web'), ['init']));
    expect(init.stdout).toMatch(/The hooks run node_modules\/\.bin\/aitrail\./);
    expect(run(repo.dir, 'git', ['config', '--local', 'aitrail.packageDir']).status).toBe(1);
    ok(commit(repo, join(repo.dir, 'web', 'src'), 'from web'));
    expect(trailer(repo)).toBe(OPUS_LINE);
  });
});

describe('pre-push with a chained hook', () => {
  it('removes its copy of stdin and never deletes a skipped binary', () => {
    const repo = monorepo();
    // A tracked top node_modules/.bin/aitrail (skipped) and aitrail on PATH (used).
    repo.write('node_modules/.bin/aitrail', '#!/bin/sh\nexit 0\n');
    chmodSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'), 0o755);
    repo.git(['add', '-f', 'node_modules']);
    repo.git(['commit', '-q', '-m', 'tracked binary']);
    const bin = join(tempDir('aitrail-global-'), 'bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'aitrail'));
    const env = { PATH: `${bin}:${NODE_ONLY_PATH}`, TMPDIR: tempDir('aitrail-tmp-') };
    writeFileSync(join(repo.dir, '.git', 'hooks', 'pre-push'), '#!/bin/sh\ncat >/dev/null\n');
    chmodSync(join(repo.dir, '.git', 'hooks', 'pre-push'), 0o755);
    ok(run(repo.dir, process.execPath, [BIN, 'init', '--mode', 'git'], env));
    const remote = makeRepo({ bare: true });
    repo.git(['remote', 'add', 'origin', remote.dir]);
    const pushed = ok(run(repo.dir, 'git', ['push', '-q', 'origin', 'main'], env));
    expect(pushed.stderr).toMatch(/not running node_modules\/\.bin\/aitrail/);
    expect(readdirSync(env.TMPDIR)).toEqual([]);
    expect(existsSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'))).toBe(true);
  });
});
