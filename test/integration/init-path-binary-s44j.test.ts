import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

/**
 * `init` and `status` name the aitrail the hooks will run (hookBinary); the shims take PATH's first
 * aitrail that is not the repository's, a relative or empty entry read at the top (row 825: before, the
 * first, and blocked when it was the repository's), and block when there is no other.
 */
function setup() {
  const root = tempDir('aitrail-path-bin-');
  const bin = join(root, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`, { mode: 0o755 });
  const marker = join(root, 'pwned');
  const repo = makeRepo({ dir: join(root, 'repo') });
  repo.commit('start\n', { aitrail: `#!/bin/sh\ntouch '${marker}'\n`, '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
  chmodSync(join(repo.dir, 'aitrail'), 0o755);
  return { repo, bin, marker };
}

const run = (cwd: string, args: string[], PATH: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...TEST_GIT_ENV, PATH }, encoding: 'utf8' });
/** A commit of a new `file` declaring `model`, the hooks under `PATH`. */
function commitAs(repo: ReturnType<typeof makeRepo>, file: string, PATH: string, model: string) {
  repo.write(file, `${file}\n`);
  repo.git(['add', file]);
  return spawnSync('git', ['commit', '-q', '-m', file], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH, AITRAIL_MODEL: model }, encoding: 'utf8' });
}

describe('init and status judge PATH as the hooks do (session 44)', () => {
  // Row 825: the hooks pass the repository's over for PATH's next (they blocked every agent's commit here); init and status agree.
  it.each([['.', '.'], ['an empty entry', '']])("%s before a global aitrail: the hooks pass the repository's over for the global one, and init and status name it", (_, entry) => {
    const { repo, bin, marker } = setup();
    const PATH = `${entry}:${bin}:${process.env.PATH ?? ''}`;
    const init = run(repo.dir, ['init', '--mode', 'git'], PATH);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain(`The hooks run ${join(bin, 'aitrail')}`);
    expect(run(repo.dir, ['status'], PATH).stdout).toContain(`Binary the hooks run: ${join(bin, 'aitrail')}`);
    // What the hooks do: the global one records and judges, the repository's script never run.
    const commit = commitAs(repo, 'a.txt', PATH, 'openai/gpt-5');
    expect(commit.status, commit.stderr).toBe(0);
    expect(commit.stderr).toContain('comes from the repository (git tracks it or files under node_modules); using');
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    const qwen = commitAs(repo, 'b.txt', PATH, 'qwen/qwen3-coder');
    expect(qwen.status).not.toBe(0);
    expect(existsSync(marker)).toBe(false);
  });

  it.each([['.', '.'], ['an empty entry', '']])("%s and no other aitrail: init and status say the hooks find only the repository's, and the commit is blocked", (_, entry) => {
    const { repo, marker } = setup();
    const PATH = `${entry}:${process.env.PATH ?? ''}`;
    const init = run(repo.dir, ['init', '--mode', 'git'], PATH);
    expect(init.stdout).toContain('the hooks will not find the aitrail binary');
    expect(run(repo.dir, ['status'], PATH).stdout).not.toContain('Binary the hooks run:');
    const commit = commitAs(repo, 'a.txt', PATH, 'openai/gpt-5');
    expect(commit.status).not.toBe(0);
    expect(commit.stderr).toContain('comes from the repository');
    expect(existsSync(marker)).toBe(false);
  });

  it('the global aitrail first on PATH: both name it, and the commit is recorded', () => {
    const { repo, bin } = setup();
    const PATH = `${bin}:.:${process.env.PATH ?? ''}`;
    const init = run(repo.dir, ['init', '--mode', 'git'], PATH);
    expect(init.stdout).toContain(`The hooks run ${join(bin, 'aitrail')}`);
    expect(run(repo.dir, ['status'], PATH).stdout).toContain(`Binary the hooks run: ${join(bin, 'aitrail')}`);
    const commit = commitAs(repo, 'a.txt', PATH, 'openai/gpt-5');
    expect(commit.status, commit.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });
});
