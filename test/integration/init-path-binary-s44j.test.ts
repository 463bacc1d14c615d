import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

/**
 * `init` and `status` name the aitrail the hooks will run (hookBinary); the shims take PATH's first
 * aitrail (`command -v`), a relative or empty entry read at the top, and block when it is the repository's.
 * hookBinary skipped relative entries and shipped candidates: it named a later global aitrail while every
 * agent's commit was blocked by the committed ./aitrail.
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

describe('init and status judge PATH as the hooks do (session 44)', () => {
  it.each([['.', '.'], ['an empty entry', '']])("%s before a global aitrail: init and status say the hooks find only the repository's (they said the global one), and the commit is blocked", (_, entry) => {
    const { repo, bin, marker } = setup();
    const PATH = `${entry}:${bin}:${process.env.PATH ?? ''}`;
    const init = run(repo.dir, ['init', '--mode', 'git'], PATH);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).not.toContain(`The hooks run ${join(bin, 'aitrail')}`);
    expect(init.stdout).toContain('the hooks will not find the aitrail binary');
    const status = run(repo.dir, ['status'], PATH);
    expect(status.stdout).not.toContain('Binary the hooks run:');
    // What the hooks do: blocked, the repository's script never run.
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const commit = spawnSync('git', ['commit', '-q', '-m', 'x'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH, AITRAIL_MODEL: 'openai/gpt-5' }, encoding: 'utf8' });
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
    repo.write('a.txt', 'a\n');
    repo.git(['add', 'a.txt']);
    const commit = spawnSync('git', ['commit', '-q', '-m', 'x'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH, AITRAIL_MODEL: 'openai/gpt-5' }, encoding: 'utf8' });
    expect(commit.status, commit.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });
});
