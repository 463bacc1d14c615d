// Review of row 626 (session 42, helper w): a core.hooksPath set empty in the user's global config
// leaves no hook of any of their repositories run; init refuses in each, and its fix, `git config
// --unset core.hooksPath`, unset nothing there (exit 5: the local config holds no value).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';

describe("core.hooksPath set empty in the user's global config", () => {
  it('init refuses, names the global config, and the command it gives unsets it; init then installs', () => {
    const repo = makeRepo();
    repo.commit('start\n', { 'a.txt': 'a\n' });
    const global = join(repo.dir, '..', `global-${Date.now()}.gitconfig`);
    writeFileSync(global, '[core]\n\thooksPath =\n');
    const env = { ...envWithAitrailOnPath(), GIT_CONFIG_GLOBAL: global };
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(init.code).toBe(2);
    const said = init.stdout + init.stderr;
    expect(said).toContain('core.hooksPath is set but empty');
    expect(said).toContain('global config');
    const fix = /Unset it, then run init again: git config (.*)$/m.exec(said)?.[1]?.trim();
    expect(fix).toBe('--global --unset core.hooksPath');
    expect(tryGit(repo.dir, ['config', ...fix!.split(' ')], { env }).code).toBe(0);
    const again = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(again.code, again.stdout + again.stderr).toBe(0);
  });

  it('a local empty value: the command names --local', () => {
    const repo = makeRepo();
    repo.commit('start\n', { 'a.txt': 'a\n' });
    repo.git(['config', 'core.hooksPath', '']);
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env: envWithAitrailOnPath() });
    expect(init.code).toBe(2);
    expect(init.stdout + init.stderr).toContain('git config --local --unset core.hooksPath');
  });
});
