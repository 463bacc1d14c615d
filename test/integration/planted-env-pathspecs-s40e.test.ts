// A committed `.env` that says AITRAIL=0 may also set git's pathspec variables (GIT_ICASE_PATHSPECS,
// GIT_GLOB_PATHSPECS, GIT_NOGLOB_PATHSPECS): the agents load every name of it into the environment of
// their `git commit`, whose hooks inherit it. The shims' git processes that tell whether the repository
// commits that `.env` died on them (GIT_LITERAL_PATHSPECS=1 beside any other; glob beside noglob), and a
// failure read as "nothing committed" left the planted switch honoured. The agent's own `git add -A` and
// `git commit` read no pathspec and work on. Real repositories, a real submodule, the real `aitrail init`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';
import { expectSwitchIgnored, hookedSubmodule, qwenCodeEnv } from '../helpers/planted-env-above.js';

describe('a committed .env that sets AITRAIL=0 and a GIT_*_PATHSPECS variable', () => {
  for (const loaded of [{ GIT_ICASE_PATHSPECS: '1' }, { GIT_GLOB_PATHSPECS: '1' }]) {
    const name = Object.keys(loaded)[0]!;
    it(`a superproject's .qwen/.env with ${name}=1 around a submodule that denies Qwen: the hooks stay on`, () => {
      const superproject = makeRepo();
      superproject.commit('chore: agent env\n', { '.qwen/.env': `AITRAIL=0\n${name}=1\n` });
      const { sub, env } = hookedSubmodule(superproject, 'lib');
      // Before: exit 0, no trailer (ls-files in the superproject died: the file taken for the person's).
      expectSwitchIgnored(tryGit(sub, ['commit', '-q', '-m', 'feat: q'], { env: qwenCodeEnv(env, loaded) }));
    });
  }

  it("the repository's own .env with GIT_GLOB_PATHSPECS=1 and GIT_NOGLOB_PATHSPECS=1 (Qwen Code's git add -A works on): the hooks stay on", () => {
    const superproject = makeRepo();
    const { sub, env } = hookedSubmodule(superproject, 'lib');
    const loaded = { GIT_GLOB_PATHSPECS: '1', GIT_NOGLOB_PATHSPECS: '1' };
    writeFileSync(join(sub, '.env'), 'AITRAIL=0\nGIT_GLOB_PATHSPECS=1\nGIT_NOGLOB_PATHSPECS=1\n');
    const qwen = qwenCodeEnv(env, loaded);
    expect(tryGit(sub, ['add', '-A'], { env: qwen }).code).toBe(0);
    // Before: exit 0, no trailer (ls-files -s of the committed .env files died: none read).
    expectSwitchIgnored(tryGit(sub, ['commit', '-q', '-m', 'feat: q'], { env: qwen }));
  });

  it("a superproject's .qwen/.env whose GIT_CONFIG_* include, only in the superproject's git dir, a broken config it commits: the hooks stay on", () => {
    const superproject = makeRepo();
    // The superproject's path is predictable where it matters (/workspaces/<name> in a dev container, a CI checkout).
    const loaded = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `includeIf.gitdir:${superproject.dir}/.git.path`, GIT_CONFIG_VALUE_0: join(superproject.dir, 'broken.cfg') };
    const lines = Object.entries(loaded).map(([key, value]) => `${key}=${value}\n`).join('');
    superproject.commit('chore: agent env\n', { '.qwen/.env': `AITRAIL=0\n${lines}`, 'broken.cfg': '[[ not a config\n' });
    const { sub, env } = hookedSubmodule(superproject, 'lib');
    // Before: exit 0, no trailer (git died in the superproject alone, "bad config line": the file taken for the person's).
    expectSwitchIgnored(tryGit(sub, ['commit', '-q', '-m', 'feat: q'], { env: qwenCodeEnv(env, loaded) }));
  });
});
