import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { PNPM_PATH, skipWithoutPnpm } from '../helpers/pnpm.js';

/**
 * A dotfiles repository whose work tree is $HOME, node from ~/.nvm (no other node on PATH) and aitrail
 * installed globally by pnpm (PNPM_HOME under $HOME: pnpm's sh wrapper, `exec node "$basedir/…"`). The shims
 * run aitrail under a PATH of absolute folders outside the work tree (663, 665), node by its path (662), its
 * folder not put back (668): pnpm's wrapper found no node, exit 127, and every agent's commit was blocked.
 */
const NOT_SYSTEM = new Set(['node', 'nodejs', 'npm', 'npx', 'pnpm', 'pnpx', 'yarn', 'yarnpkg', 'corepack', 'aitrail']);

/** A folder holding the system's tools but no node (links to /usr/bin and /bin). */
function systemWithoutNode(): string {
  const bin = join(tempDir('aitrail-sys-'), 'bin');
  mkdirSync(bin);
  for (const dir of ['/usr/bin', '/bin']) {
    for (const name of readdirSync(dir)) {
      if (NOT_SYSTEM.has(name) || existsSync(join(bin, name))) continue;
      symlinkSync(join(dir, name), join(bin, name));
    }
  }
  return bin;
}

describe.skipIf(skipWithoutPnpm('a dotfiles repository at $HOME'))('a dotfiles repository at $HOME with nvm\'s node and a pnpm global aitrail (session 44)', () => {
  it("an agent's commit is judged (denied refused, allowed recorded), not blocked by pnpm's wrapper finding no node; a person's commit unchanged", () => {
    const home = tempDir('aitrail-home-');
    const nvm = join(home, '.nvm', 'versions', 'node', 'v20.0.0', 'bin');
    mkdirSync(nvm, { recursive: true });
    symlinkSync(process.execPath, join(nvm, 'node'));
    const pnpmHome = join(home, '.local', 'share', 'pnpm');
    mkdirSync(pnpmHome, { recursive: true });
    // The aitrail package, outside $HOME, installed globally by real pnpm into PNPM_HOME.
    const pkg = tempDir('aitrail-pkg-');
    mkdirSync(join(pkg, 'bin'));
    writeFileSync(join(pkg, 'package.json'), '{"name":"aitrail","version":"1.0.0","bin":{"aitrail":"bin/aitrail.js"}}\n');
    writeFileSync(join(pkg, 'bin', 'aitrail.js'), `#!/usr/bin/env node\nrequire(${JSON.stringify(BIN)});\n`, { mode: 0o755 });
    const installed = spawnSync('pnpm', ['add', '-g', pkg, '--offline', '--ignore-scripts'], {
      cwd: pkg,
      env: { ...process.env, HOME: home, PNPM_HOME: pnpmHome, PATH: `${pnpmHome}:${PNPM_PATH}`, npm_config_store_dir: tempDir('aitrail-pnpm-store-'), npm_config_update_notifier: 'false', CI: '' },
      encoding: 'utf8',
    });
    expect(installed.status, `${installed.stdout}${installed.stderr}`).toBe(0);
    expect(readdirSync(pnpmHome)).toContain('aitrail');

    const repo = makeRepo({ dir: home });
    repo.commit('dotfiles\n', { '.gitignore': '*\n!.bashrc\n!.gitignore\n!.aitrailrc.yml\n', '.bashrc': 'x\n', '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    const env = { ...TEST_GIT_ENV, HOME: home, PATH: `${pnpmHome}:${nvm}:${systemWithoutNode()}` };
    const init = spawnSync(join(pnpmHome, 'aitrail'), ['init', '--mode', 'git'], { cwd: home, env, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    const commit = (model?: string) => {
      repo.write('.bashrc', `${Math.random()}\n`);
      repo.git(['add', '.bashrc']);
      return spawnSync('git', ['commit', '-q', '-m', 'change'], { cwd: home, env: { ...env, ...(model ? { AITRAIL_MODEL: model } : {}) }, encoding: 'utf8' });
    };
    const denied = commit('qwen/qwen3-coder');
    expect(denied.stderr).not.toContain('exit 127');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('model qwen/qwen3-coder is denied');
    const allowed = commit('openai/gpt-5');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stderr).toBe('');
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    const person = commit();
    expect(person.status, person.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('');
  });
});
