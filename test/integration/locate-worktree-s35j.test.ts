import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode } from '../fixtures/agent-payloads.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { BIN, hookEnv } from '../helpers/hooks.js';

/*
 * An agent's checkpoint finds the repository of the edited file without git: it must find the one
 * git would. Another user's `/tmp/.git` (anyone can make one) is refused by git ("detected dubious
 * ownership") unless safe.directory trusts it; before, aitrail wrote the agent's edit into it.
 * A different owner needs root (chown), so those cases run only as root (git's check holds for root too).
 */

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

/** A repository at `top` (a fresh temp dir standing for /tmp), the scratch file an agent edits in `top/x`. */
function scratchRepo(): { top: string; file: string } {
  const top = tempDir();
  makeRepo({ dir: top });
  mkdirSync(join(top, 'x'));
  const file = join(top, 'x', 'scratch.txt');
  writeFileSync(file, 'one\n');
  return { top, file };
}

function envWith(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = hookEnv(extra);
  for (const key of ['SUDO_UID', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM', 'GIT_DIR', 'GIT_CONFIG_COUNT', 'GIT_CONFIG_PARAMETERS']) if (!(key in extra)) delete env[key];
  return env;
}

/** The agent's pre and post hooks for an edit of `file`, run from its folder; what they printed. */
function agentEdits(file: string, env: NodeJS.ProcessEnv): string {
  const cwd = join(file, '..');
  const edit = { file, relative: 'scratch.txt', cwd, old: 'one\n', replacement: 'one\nsecret line\n', transcript: '' };
  let stderr = '';
  for (const payload of [claudeCode.pre(edit), claudeCode.post(edit)]) {
    const run = spawnSync(process.execPath, [BIN, 'checkpoint', '--agent', 'claude-code'], { cwd, env, input: JSON.stringify(payload), encoding: 'utf8' });
    expect(run.status).toBe(0);
    stderr += run.stderr;
  }
  return stderr;
}

const checkpoints = (top: string) => {
  const dir = join(top, '.git', 'aitrail', 'checkpoints');
  return existsSync(dir) ? readdirSync(dir).length : 0;
};
/** Whether real git, run where the agent edited, takes `top` as its repository. */
const gitAccepts = (file: string, env: NodeJS.ProcessEnv) => spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: join(file, '..'), env, encoding: 'utf8' }).status === 0;

/** Let a second user own the git dir, as an attacker's `/tmp/.git` would be. */
function ownedByNobody(top: string): void {
  const walk = (path: string) => {
    chownSync(path, NOBODY, NOBODY);
    for (const entry of readdirSync(path, { withFileTypes: true })) entry.isDirectory() ? walk(join(path, entry.name)) : chownSync(join(path, entry.name), NOBODY, NOBODY);
  };
  walk(join(top, '.git'));
}

describe('the repository of an agent edit is the one git would use (s35j)', () => {
  it.skipIf(!asRoot)("another user's .git above the edited file: git refuses it, so no checkpoint is written and nothing is said", () => {
    const { top, file } = scratchRepo();
    ownedByNobody(top);
    const env = envWith({});
    expect(spawnSync('git', ['status'], { cwd: join(top, 'x'), env, encoding: 'utf8' }).stderr).toContain('dubious ownership');
    expect(agentEdits(file, env)).toBe('');
    expect(checkpoints(top)).toBe(0);
  });

  it.skipIf(!asRoot)("safe.directory from -c / global config trusts it as git does; one in the repository's own config does not", () => {
    const { top, file } = scratchRepo();
    ownedByNobody(top);
    const global = join(tempDir(), 'gitconfig');
    const cases: { env: NodeJS.ProcessEnv; local?: string; global?: string; trusted: boolean }[] = [
      { env: {}, local: '*', trusted: false },
      { env: { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: top }, trusted: true },
      { env: { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'safe.directory', GIT_CONFIG_VALUE_0: join(top, 'x') }, trusted: false },
      { env: { GIT_CONFIG_GLOBAL: global }, global: '[safe]\n\tdirectory = *\n', trusted: true },
      { env: { GIT_CONFIG_GLOBAL: global }, global: '[safe]\n\tdirectory = *\n\tdirectory =\n', trusted: false },
      { env: { SUDO_UID: String(NOBODY) }, trusted: true },
    ];
    for (const [at, entry] of cases.entries()) {
      if (entry.local) spawnSync('git', ['config', '--file', join(top, '.git', 'config'), 'safe.directory', entry.local]);
      else spawnSync('git', ['config', '--file', join(top, '.git', 'config'), '--unset-all', 'safe.directory']);
      writeFileSync(global, entry.global ?? '');
      const env = envWith(entry.env);
      expect([at, gitAccepts(file, env)]).toEqual([at, entry.trusted]);
      rmSync(join(top, '.git', 'aitrail'), { recursive: true, force: true });
      expect(agentEdits(file, env)).toBe('');
      expect([at, checkpoints(top)]).toEqual([at, entry.trusted ? 1 : 0]);
    }
  });

  it('GIT_CEILING_DIRECTORIES at the repository top: git finds no repository from below it, nor does the checkpoint', () => {
    const { top, file } = scratchRepo();
    const env = envWith({ GIT_CEILING_DIRECTORIES: `/nowhere:${top}/` });
    expect(gitAccepts(file, env)).toBe(false);
    expect(agentEdits(file, env)).toBe('');
    expect(checkpoints(top)).toBe(0);
    // The top itself is still looked at (git: the current directory is never excluded): the edit is recorded.
    expect(agentEdits(file, envWith({ GIT_CEILING_DIRECTORIES: join(top, 'x') }))).toBe('');
    expect(checkpoints(top)).toBe(1);
  });
});
