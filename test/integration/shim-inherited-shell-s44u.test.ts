// Where /bin/sh is bash (Fedora, RHEL, Arch, openSUSE, macOS), a hook's shell takes functions
// (`BASH_FUNC_<name>%%`) and `set`/`shopt` options (SHELLOPTS, BASHOPTS) from the environment it
// inherits; aider loads a committed `.env` over its environment (python-dotenv takes every one of these
// names; Node's dotenv, Gemini CLI's and Qwen Code's, SHELLOPTS). Replayed here with the hooks the real
// `aitrail init` installs, each run by bash under the name `sh` (as /bin/sh is bash: bash enters POSIX
// mode by that name, after it has imported the functions), the agent's environment as it would be set.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedWithOrigin } from '../helpers/hooked-repo.js';
import { tempDir } from '../helpers/gitdir.js';
import { BASH, bashAsSh } from '../helpers/bash-as-sh.js';

function setup() {
  const { repo, env, setUp } = hookedWithOrigin();
  const hooks = join(repo.dir, '.git', 'hooks');
  expect(existsSync(join(hooks, 'commit-msg'))).toBe(true);
  bashAsSh(hooks);
  const marker = join(tempDir('aitrail-planted-'), 'ran');
  /** Qwen Code's `git commit` (its marker and model), what the committed .env sets loaded over them. */
  const qwen = (planted: NodeJS.ProcessEnv) => ({ ...env, ...planted, QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' });
  let n = 0;
  const commit = (commitEnv: NodeJS.ProcessEnv) => {
    repo.write('a.txt', `${n++}\n`);
    repo.git(['add', 'a.txt']);
    return tryGit(repo.dir, ['commit', '-q', '-m', 'feat: change'], { env: commitEnv });
  };
  const ran = () => (existsSync(marker) ? readFileSync(marker, 'utf8') : '');
  return { repo, env, setUp, qwen, commit, ran, marker };
}

describe.skipIf(BASH === '')('bash as /bin/sh: functions and options a hook inherits (session 44)', () => {
  it("a function planted for read, [, git or echo neither ends the shims at 0 nor runs: Qwen's commit is refused", () => {
    const { qwen, commit, ran, marker, repo } = setup();
    const planted = {
      'BASH_FUNC_read%%': `() { echo read >>'${marker}'; exit 0; }`,
      'BASH_FUNC_[%%': `() { echo bracket >>'${marker}'; return 1; }`,
      'BASH_FUNC_git%%': `() { echo git >>'${marker}'; return 0; }`,
      'BASH_FUNC_echo%%': `() { builtin echo echo >>'${marker}'; exit 0; }`,
    };
    for (const [name, body] of Object.entries(planted)) {
      const made = commit(qwen({ [name]: body }));
      // Before: read's and echo's function ended commit-msg at 0 (no trailer, nothing refused); [ and git's answered for the shims.
      expect(made.code, `${name}: ${made.stderr}`).not.toBe(0);
      expect(made.stderr).toContain('qwen/qwen3-coder');
      expect(ran(), name).toBe('');
    }
    // A person's commit with all of them set: made, none run.
    const person = commit({ ...qwen(planted), QWEN_CODE: undefined, OPENAI_MODEL: undefined });
    expect(person.code, person.stderr).toBe(0);
    expect(ran()).toBe('');
    expect(repo.git(['log', '-1', '--format=%B']).trim()).toBe('feat: change');
  });

  it('set and shopt options from SHELLOPTS and BASHOPTS are put back: the commit is judged', () => {
    const { qwen, commit } = setup();
    // A guard (it held before too: noclobber's failed write of the `now` file keeps the untracked note from being trusted).
    const made = commit(qwen({ SHELLOPTS: 'noclobber:noglob:nounset:errexit', BASHOPTS: 'failglob:nocasematch:nullglob' }));
    expect(made.code, made.stderr).not.toBe(0);
    expect(made.stderr).toContain('qwen/qwen3-coder');
  });

  it("SHELLOPTS=noexec runs no line of any hook (no shim can close it); the person's push names it, and a planted function", () => {
    const { repo, qwen, commit, env, setUp } = setup();
    repo.commit('chore: env\n', { '.env': "LOG_LEVEL=info\nSHELLOPTS=noexec\nBASH_FUNC_read%%='() { exit 0; }'\n" }, setUp);
    const made = commit(qwen({ SHELLOPTS: 'noexec' }));
    // The limit: bash reads the shim and runs none of it, exit 0: Qwen's commit is neither refused nor recorded.
    expect(made.code, made.stderr).toBe(0);
    const pushed = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
    expect(pushed.stderr).toContain('a .env this repository commits sets');
    expect(pushed.stderr).toContain('SHELLOPTS=noexec (.env)');
    expect(pushed.stderr).toContain('BASH_FUNC_read (.env)');
  });
});
