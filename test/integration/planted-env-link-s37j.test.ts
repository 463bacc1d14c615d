// A `.env` the repository commits as a symbolic link: agents' dotenv readers load the file it
// names (they follow links), but `git grep --cached` reads no link, so aitrail's own switches set
// through it were taken as the person's. Real repositories, the hooks of the real `aitrail init`.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedWithOrigin, huskyDenyQwen } from '../helpers/hooked-repo.js';
import { tempDir } from '../helpers/gitdir.js';

/** Qwen Code's `git commit`: its own marker and model, the committed .env's variables loaded over them. */
function qwenCode(env: NodeJS.ProcessEnv, planted: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, HOME: tempDir('aitrail-home-'), ...planted, QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' };
}

/** A hooked repository (deny qwen; git mode, or husky's) that commits `.qwen/.env` as a link to `config/agent.vars`, which holds `vars`. */
function linkedEnv(vars: string, husky = false) {
  const hooked = husky ? huskyDenyQwen() : hookedWithOrigin();
  const { repo, setUp } = hooked;
  repo.write('config/agent.vars', vars);
  repo.write('.qwen/keep', '');
  symlinkSync('../config/agent.vars', join(repo.dir, '.qwen', '.env'));
  repo.commit('chore: agent env\n', {}, setUp);
  expect(repo.git(['ls-files', '-s', '.qwen/.env'])).toMatch(/^120000 /);
  repo.write('q.ts', 'qwen\n');
  repo.git(['add', 'q.ts']);
  return hooked;
}

describe('aitrail switches set through a committed .env link', () => {
  it("AITRAIL=0 from a linked .qwen/.env does not switch the hooks off for Qwen Code's commit", () => {
    const { repo, env } = linkedEnv('LOG_LEVEL=info\nAITRAIL=0\n');
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL: '0' }) });
    // Before: exit 0, the commit made with no trailer (hooks off), read as a person's at push, in CI and on the server.
    expect(made.code, made.stderr).toBe(1);
    expect(made.stderr).toContain('AITRAIL=0 ignored: a .env file this repository commits sets AITRAIL (or is a link to a file, which may)');
    expect(made.stderr).toContain('model-denied');
  });

  it("husky's block: AITRAIL=0 from a linked .qwen/.env is ignored as well", () => {
    const { repo, env } = linkedEnv('AITRAIL=0\n', true);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL: '0' }) });
    expect(made.code, made.stderr).not.toBe(0);
    expect(made.stderr).toContain('AITRAIL=0 ignored');
  });

  it("a person's own AITRAIL=0 still switches the hooks off where the committed .env is a plain file not setting it", () => {
    const { repo, env, setUp } = hookedWithOrigin();
    repo.commit('chore: env\n', { '.qwen/.env': 'LOG_LEVEL=info\n' }, setUp);
    repo.write('q.ts', 'mine\n');
    repo.git(['add', 'q.ts']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: mine'], { env: qwenCode(env, { AITRAIL: '0' }) });
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('feat: mine');
  });

  it('AITRAIL_MODEL from a linked .env does not name the model', () => {
    const { repo, env } = linkedEnv('AITRAIL_MODEL=anthropic/claude-opus-4.6\n');
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL_MODEL: 'anthropic/claude-opus-4.6' }) });
    expect(made.code, made.stderr).toBe(1);
    expect(made.stderr).toContain('AITRAIL_MODEL ignored');
    expect(repo.git(['log', '-1', '--format=%s'])).toBe('chore: agent env');
  });

  it("pre-push names the variables a linked .env sets that keep git from running the hooks", () => {
    const { repo, env } = linkedEnv('GIT_CONFIG_COUNT=1\nGIT_CONFIG_KEY_0=core.hooksPath\nGIT_CONFIG_VALUE_0=/dev/null\n');
    const planted = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.hooksPath', GIT_CONFIG_VALUE_0: '/dev/null' };
    // The limit row 442 names: git runs no hook for Qwen's commit.
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen'], { env: qwenCode(env, planted) }).code).toBe(0);
    const pushed = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
    // Before: git grep reads no link, so the person's push said nothing.
    expect(pushed.stderr).toContain('a .env this repository commits sets GIT_CONFIG_COUNT (.qwen/.env -> config/agent.vars):');
  });
});
