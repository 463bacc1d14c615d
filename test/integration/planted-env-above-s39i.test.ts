// Gemini CLI and Qwen Code load the nearest `.qwen/.env`, `.gemini/.env` or `.env` walking up past the
// work tree's top (row 529). A superproject may commit `.qwen` as a link to a folder it tracks
// (`cfg/`, its `.env` with AITRAIL=0): the agent opens `.qwen/.env` through the link, but git names
// that file `cfg/.env` (`git ls-files -- .qwen/.env` fails: beyond a symbolic link), so the shims took
// it for the person's own. Real repositories, a real submodule, the hooks of the real `aitrail init`.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { expectSwitchIgnored, hookedSubmodule, qwenCodeEnv } from '../helpers/planted-env-above.js';

describe('a .env committed above the work tree, reached through a committed link to its folder', () => {
  it("a superproject's .qwen (a link to its cfg/, whose .env says AITRAIL=0) around a submodule that denies Qwen: the hooks stay on", () => {
    const superproject = makeRepo();
    superproject.commit('chore: agent env\n', { 'cfg/.env': 'AITRAIL=0\n' });
    symlinkSync('cfg', join(superproject.dir, '.qwen'));
    superproject.git(['add', '.qwen']);
    superproject.git(['commit', '-q', '-m', 'chore: qwen settings']);
    const { sub, env } = hookedSubmodule(superproject, 'lib');
    // Before: exit 0, no trailer (the hooks off): a person's commit to the submodule's pre-push, CI and server.
    expectSwitchIgnored(tryGit(sub, ['commit', '-q', '-m', 'feat: q'], { env: qwenCodeEnv(env) }));
  });

  it("a superproject's a/.qwen/.env that also sets GIT_CEILING_DIRECTORIES to the superproject (a predictable path: /workspaces/<name>), around a submodule at a/lib: the hooks stay on", () => {
    const superproject = makeRepo();
    superproject.commit('chore: agent env\n', { 'a/.qwen/.env': `AITRAIL=0\nGIT_CEILING_DIRECTORIES=${superproject.dir}\n` });
    const { sub, env } = hookedSubmodule(superproject, 'a/lib');
    // What Qwen Code loads from that file into the environment its git commit hands the hooks.
    const qwen = qwenCodeEnv(env, { GIT_CEILING_DIRECTORIES: superproject.dir });
    // Before: exit 0, no trailer (git ls-files in a/ found no repository: the file taken for the person's).
    expectSwitchIgnored(tryGit(sub, ['commit', '-q', '-m', 'feat: q'], { env: qwen }));
  });

  it("Qwen Code started in a link to the submodule (~/lib -> the superproject's lib; the hooks' $PWD is the link's path): the superproject's .qwen/.env is read all the same", () => {
    const superproject = makeRepo();
    superproject.commit('chore: agent env\n', { '.qwen/.env': 'AITRAIL=0\n' });
    const { sub, env } = hookedSubmodule(superproject, 'lib');
    const home = tempDir('aitrail-home-');
    const link = join(home, 'lib');
    symlinkSync(sub, link);
    // Node's cwd is the physical folder (Qwen Code walks up from it); the shell it runs git in keeps PWD, the link's path.
    const qwen = qwenCodeEnv(env, { HOME: home, PWD: link });
    // Before: exit 0, no trailer (the walk went from the link's parent, home: nothing read).
    expectSwitchIgnored(tryGit(link, ['commit', '-q', '-m', 'feat: q'], { env: qwen }));
  });
});
