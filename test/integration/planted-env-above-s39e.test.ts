// Gemini CLI and Qwen Code load the nearest `.qwen/.env`, `.gemini/.env` or `.env` walking up from
// their working directory to the file system's root (gemini-cli's findEnvFile; Qwen Code forks it),
// past the work tree's top: started in a submodule, they load the superproject's committed `.env`;
// started in a worktree made inside the main checkout (`.worktrees/x`), the main checkout's. The
// shims read only the `.env` files the repository they run in commits, so a superproject's
// `.qwen/.env` holding AITRAIL=0 switched the hooks off for every Qwen Code commit in the submodule.
// Real repositories, a real submodule and worktree, the hooks of the real `aitrail init`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo, hookedWithOrigin } from '../helpers/hooked-repo.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { expectSwitchIgnored, hookedSubmodule, qwenCodeEnv } from '../helpers/planted-env-above.js';

describe("a .env committed above the work tree, which Gemini CLI and Qwen Code walk up to", () => {
  it("a superproject's .qwen/.env around a submodule that denies Qwen: AITRAIL=0 does not switch the submodule's hooks off", () => {
    const superproject = makeRepo();
    superproject.commit('chore: agent env\n', { '.qwen/.env': 'AITRAIL=0\n' });
    const { sub, env } = hookedSubmodule(superproject, 'lib');
    expectSwitchIgnored(tryGit(sub, ['commit', '-q', '-m', 'feat: q'], { env: qwenCodeEnv(env) }));
  });

  it("the main checkout's committed .env around a worktree made inside it (its own branch commits none)", () => {
    const { repo, env, setUp } = hookedWithOrigin();
    repo.git(['worktree', 'add', '-q', '-b', 'feature', '.worktrees/feature', 'main']);
    repo.commit('chore: agent env\n', { '.qwen/.env': 'AITRAIL=0\n', '.gitignore': '.worktrees/\n' }, setUp);
    const worktree = join(repo.dir, '.worktrees/feature');
    writeFileSync(join(worktree, 'q.ts'), 'qwen\n');
    expect(tryGit(worktree, ['add', 'q.ts']).code).toBe(0);
    expectSwitchIgnored(tryGit(worktree, ['commit', '-q', '-m', 'feat: q'], { env: qwenCodeEnv(env) }));
  });

  it("a person's own untracked .env above the work tree: AITRAIL=0 honoured, no node start", () => {
    const { repo, env, started } = hookedRepo();
    const outer = makeRepo({ dir: join(tempDir('aitrail-outer-'), 'outer') });
    writeFileSync(join(outer.dir, '.env'), 'AITRAIL=0\n');
    const inner = join(outer.dir, 'inner');
    expect(tryGit(outer.dir, ['clone', '-q', repo.dir, inner]).code).toBe(0);
    expect(aitrail(inner, ['init', '--mode', 'git'], { env }).code).toBe(0);
    const before = readFileSync(started, 'utf8');
    const made = tryGit(inner, ['commit', '-q', '--allow-empty', '-m', 'feat: mine'], { env: { ...env, AITRAIL: '0' } });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).not.toContain('ignored');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
