import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { BIN } from '../helpers/hooks.js';
import { addHuskyBlock, huskyLib } from '../../src/install/husky-block.js';

const SHIMS = resolve(fileURLToPath(import.meta.url), '../../../hooks');

function script(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

/** A real repository with the shim installed as .git/hooks/<hook>, and a fake `aitrail` that logs its args and stdin. */
function setup(hook: string, options: { fakeOnPath?: boolean; fakeInNodeModules?: boolean } = {}) {
  const { dir } = makeRepo({ dir: join(tempDir('aitrail-shim-'), 'repo') });
  const hooks = join(dir, '.git', 'hooks');
  mkdirSync(hooks, { recursive: true });
  copyFileSync(join(SHIMS, hook), join(hooks, hook));
  const bin = join(dir, 'path-bin');
  mkdirSync(bin);
  const log = join(dir, 'log');
  const fake = (where: string, name: string) => script(join(where, 'aitrail'), `printf '%s\\n' "${name} $*" >>"${log}"; cat >>"${log}"; exit \${FAKE_EXIT:-0}`);
  if (options.fakeOnPath) fake(bin, 'path');
  if (options.fakeInNodeModules) {
    mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
    fake(join(dir, 'node_modules', '.bin'), 'local');
  }
  const run = (args: string[], env: NodeJS.ProcessEnv = {}, input = '') => {
    // dash (/bin/sh on Debian) semantics, minimal PATH: what git runs on a bare system.
    const result = spawnSync('sh', [join('.git', 'hooks', hook), ...args], { cwd: dir, input, encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin`, ...env } });
    let logged = '';
    try {
      logged = readFileSync(log, 'utf8');
    } catch {}
    return { ...result, logged };
  };
  return { dir, hooks, log, run };
}

describe('hook shims (POSIX sh)', () => {
  it('run `aitrail hook <name>` with the arguments, preferring node_modules/.bin', () => {
    const { run } = setup('prepare-commit-msg', { fakeOnPath: true, fakeInNodeModules: true });
    const result = run(['.git/COMMIT_EDITMSG', 'message', 'a b']);
    expect(result.status).toBe(0);
    expect(result.logged).toBe('local hook prepare-commit-msg .git/COMMIT_EDITMSG message a b\n');
  });

  it('fall back to PATH', () => {
    const { run } = setup('commit-msg', { fakeOnPath: true });
    expect(run(['.git/COMMIT_EDITMSG']).logged).toBe('path hook commit-msg .git/COMMIT_EDITMSG\n');
  });

  it('pass the exit code of aitrail through', () => {
    const { run } = setup('commit-msg', { fakeOnPath: true });
    expect(run(['m'], { FAKE_EXIT: '1' }).status).toBe(1);
  });

  it('missing binary: prepare-commit-msg warns on one line and lets the commit through', () => {
    const { run } = setup('prepare-commit-msg');
    const result = run(['m', 'message']);
    expect(result.status).toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/aitrail binary was not found.*npm i -D aitrail.*AITRAIL=0/);
  });

  it.each(['commit-msg', 'pre-push', 'pre-receive'])('missing binary: %s fails closed with the fix and the way out', (hook) => {
    const { run } = setup(hook);
    const result = run(['origin', 'url']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/aitrail: .*not found|aitrail: .*not on the server/);
  });

  it('pre-receive never runs a node_modules/.bin/aitrail from the repository directory', () => {
    const { run } = setup('pre-receive', { fakeInNodeModules: true });
    expect(run([], {}, 'a b refs/heads/main\n').status).toBe(1);
  });

  it('AITRAIL=0 switches aitrail off but the chained hook still runs', () => {
    const { run, hooks, dir } = setup('commit-msg', { fakeOnPath: true });
    script(join(hooks, 'commit-msg.aitrail-chained'), `echo "chained $*" >"${join(dir, 'chained')}"`);
    const result = run(['msgfile'], { AITRAIL: '0' });
    expect(result.status).toBe(0);
    expect(result.logged).toBe('');
    expect(readFileSync(join(dir, 'chained'), 'utf8')).toBe('chained msgfile\n');
  });

  it('a failing chained hook stops the shim with its exit code', () => {
    const { run, hooks } = setup('commit-msg', { fakeOnPath: true });
    script(join(hooks, 'commit-msg.aitrail-chained'), 'exit 7');
    const result = run(['msgfile']);
    expect(result.status).toBe(7);
    expect(result.logged).toBe('');
  });

  it('pre-push: both the chained hook and aitrail get the whole stdin and the arguments', () => {
    const { run, hooks, dir } = setup('pre-push', { fakeOnPath: true });
    script(join(hooks, 'pre-push.aitrail-chained'), `{ echo "chained $*"; cat; } >"${join(dir, 'chained')}"`);
    const refs = 'refs/heads/main 1111111111111111111111111111111111111111 refs/heads/main 2222222222222222222222222222222222222222\n'.repeat(2000);
    const result = run(['origin', 'https://example.com/r.git'], {}, refs);
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'chained'), 'utf8')).toBe(`chained origin https://example.com/r.git\n${refs}`);
    expect(result.logged).toBe(`path hook pre-push origin https://example.com/r.git\n${refs}`);
  });

  it('a chained hook that is not executable is not run (as git would not run it)', () => {
    const { run, hooks, dir } = setup('commit-msg', { fakeOnPath: true });
    writeFileSync(join(hooks, 'commit-msg.aitrail-chained'), `#!/bin/sh\necho ran >"${join(dir, 'chained')}"\n`, { mode: 0o644 });
    expect(run(['m']).status).toBe(0);
    expect(() => readFileSync(join(dir, 'chained'))).toThrow();
  });
});

describe('aitrail found but unable to start (no node on the PATH git gives hooks, as in many git GUIs)', () => {
  /** node_modules/.bin/aitrail whose interpreter cannot be found: the shell reports 127, as `env node` does. */
  function brokenLocal(hook: string) {
    const context = setup(hook);
    mkdirSync(join(context.dir, 'node_modules', '.bin'), { recursive: true });
    script(join(context.dir, 'node_modules', '.bin', 'aitrail'), 'exit 127');
    return context;
  }

  it('prepare-commit-msg lets the commit through with one line saying why nothing was recorded', () => {
    const result = brokenLocal('prepare-commit-msg').run(['.git/COMMIT_EDITMSG', 'message']);
    expect(result.status).toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/aitrail: prepare-commit-msg hook failed \(exit 127\), nothing recorded; the commit goes on\. .*node/);
  });

  it.each(['commit-msg', 'pre-push'])('%s fails closed, naming node and the way out', (hook) => {
    const result = brokenLocal(hook).run(['x']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not be started \(exit 127\).*node.*AITRAIL=0/);
  });

  it('a FIFO where the binary should be is never read (the shim reads only a regular file\'s first line): commit-msg fails closed at once', () => {
    const context = setup('commit-msg');
    mkdirSync(join(context.dir, 'node_modules', '.bin'), { recursive: true });
    const fifo = join(context.dir, 'node_modules', '.bin', 'aitrail');
    expect(spawnSync('mkfifo', ['-m', '755', fifo]).status).toBe(0);
    // A hang guard, not a timing: a shim that opened the FIFO would wait for a writer for ever.
    const result = spawnSync('sh', [join('.git', 'hooks', 'commit-msg'), 'x'], { cwd: context.dir, encoding: 'utf8', timeout: 60_000, env: { PATH: '/usr/bin:/bin' } });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/could not be started \(exit 126\)/);
  });

  it('aitrail\'s own bin (#!/usr/bin/env node) runs under the node on PATH, with the same arguments', () => {
    const context = setup('commit-msg');
    mkdirSync(join(context.dir, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(context.dir, 'node_modules', '.bin', 'aitrail'), '#!/usr/bin/env node\nprocess.exit(9);\n');
    chmodSync(join(context.dir, 'node_modules', '.bin', 'aitrail'), 0o755);
    const fakeNode = join(context.dir, 'path-bin', 'node');
    script(fakeNode, `printf '%s\\n' "node $*" >>"${join(context.dir, 'log')}"; exit 4`);
    const result = context.run(['.git/COMMIT_EDITMSG']);
    expect(result.logged).toBe('node node_modules/.bin/aitrail hook commit-msg .git/COMMIT_EDITMSG\n');
    expect(result.status).toBe(4);
  });

  it('husky: the prepare-commit-msg block lets the commit through too (husky runs it with sh -e)', () => {
    const { dir } = setup('prepare-commit-msg');
    const bin = join(dir, 'broken-bin');
    mkdirSync(bin);
    script(join(bin, 'aitrail'), 'exit 127');
    writeFileSync(join(dir, 'husky-pcm'), addHuskyBlock('echo team\n', 'prepare-commit-msg'));
    writeFileSync(join(dir, 'aitrail.sh'), huskyLib().text); // the shared lines it sources (row 874)
    const result = spawnSync('sh', ['-e', 'husky-pcm', '.git/COMMIT_EDITMSG', 'message'], { cwd: dir, encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin` } });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('team\n');
    expect(result.stderr).toMatch(/^aitrail: prepare-commit-msg hook failed \(exit 127\), nothing recorded; the commit goes on\..*\n$/);
  });

  it('a real `git commit --no-verify` without node on PATH still commits (the hook never blocks)', () => {
    const repo = makeRepo();
    const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(init.status, init.stderr).toBe(0);
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync(BIN, join(repo.dir, 'node_modules', '.bin', 'aitrail'));
    // A PATH with git and sh but no node: what a GUI client started outside the shell gives hooks.
    const bin = join(tempDir('aitrail-nonode-'), 'bin');
    mkdirSync(bin);
    for (const tool of ['git', 'sh']) symlinkSync(spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim(), join(bin, tool));
    const env = { ...TEST_GIT_ENV, PATH: bin, AITRAIL_MODEL: 'openai/gpt-5' };
    const result = spawnSync(join(bin, 'git'), ['commit', '-q', '--allow-empty', '--no-verify', '-m', 'From a GUI'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/nothing recorded; the commit goes on/);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('From a GUI');
    const blocked = spawnSync(join(bin, 'git'), ['commit', '-q', '--allow-empty', '-m', 'Checked'], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toMatch(/commit blocked: .* could not be started \(exit 127\)/);
  });

  it('post-commit starts aitrail only when an agent left a checkpoint (<git dir>/aitrail/checkpoints/*.json)', () => {
    const { dir, run } = setup('post-commit', { fakeOnPath: true });
    expect(run([]).logged).toBe('');
    mkdirSync(join(dir, '.git', 'aitrail', 'checkpoints'), { recursive: true });
    writeFileSync(join(dir, '.git', 'aitrail', 'checkpoints', 'leftover.tmp'), '');
    expect(run([]).logged).toBe('');
    writeFileSync(join(dir, '.git', 'aitrail', 'checkpoints', 'abc.json'), '{}');
    expect(run([]).logged).toBe('path hook post-commit\n');
  });

  it('post-commit: every name node reads as a checkpoint starts it, whatever sorts first (a dangling link, a dot name)', () => {
    const { dir, log, run: runOnce } = setup('post-commit', { fakeOnPath: true });
    // What this one run logged (the log grows).
    const run = (args: string[]) => {
      rmSync(log, { force: true });
      return runOnce(args);
    };
    const store = join(dir, '.git', 'aitrail', 'checkpoints');
    mkdirSync(store, { recursive: true });
    // Sorted first and not there: the gate once looked at the first name only.
    symlinkSync('/nonexistent', join(store, '0.json'));
    expect(run([]).logged).toBe('path hook post-commit\n');
    rmSync(join(store, '0.json'));
    expect(run([]).logged).toBe('');
    for (const name of ['.hidden.json', '.json', '..json']) {
      writeFileSync(join(store, name), '{}');
      expect(run([]).logged, name).toBe('path hook post-commit\n');
      rmSync(join(store, name));
    }
    expect(run([]).logged).toBe('');
  });

  it('post-commit also starts aitrail while a cherry-pick is committed (<git dir>/CHERRY_PICK_HEAD) when a git-ai note may be there to carry', () => {
    const { dir, run } = setup('post-commit', { fakeOnPath: true });
    writeFileSync(join(dir, '.git', 'CHERRY_PICK_HEAD'), `${'a'.repeat(40)}\n`);
    expect(run([]).logged).toBe('');
    mkdirSync(join(dir, '.git', 'refs', 'notes'), { recursive: true });
    writeFileSync(join(dir, '.git', 'refs', 'notes', 'ai'), `${'b'.repeat(40)}\n`);
    expect(run([]).logged).toBe('path hook post-commit\n');
  });

  it('post-commit finds the checkpoints of a linked worktree through its .git file', () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.txt': 'a\n' });
    const tree = join(tempDir('aitrail-wt-'), 'tree');
    repo.git(['worktree', 'add', '-q', tree]);
    const bin = join(tree, '..', 'bin');
    mkdirSync(bin);
    const log = join(tree, '..', 'log');
    script(join(bin, 'aitrail'), `printf '%s\\n' "$*" >>"${log}"`);
    const shim = join(SHIMS, 'post-commit');
    const run = () => {
      spawnSync('sh', [shim], { cwd: tree, encoding: 'utf8', env: { PATH: `${bin}:/usr/bin:/bin` } });
      try {
        return readFileSync(log, 'utf8');
      } catch {
        return '';
      }
    };
    mkdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'), { recursive: true });
    writeFileSync(join(repo.dir, '.git', 'aitrail', 'checkpoints', 'main-worktree.json'), '{}');
    expect(run()).toBe('');
    const gitDir = repo.git(['-C', tree, 'rev-parse', '--absolute-git-dir']);
    mkdirSync(join(gitDir, 'aitrail', 'checkpoints'), { recursive: true });
    writeFileSync(join(gitDir, 'aitrail', 'checkpoints', 'linked.json'), '{}');
    expect(run()).toBe('hook post-commit\n');
  });
});
