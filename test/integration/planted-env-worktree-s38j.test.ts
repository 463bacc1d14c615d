// Row 496 reads the committed `.env` files as checked out (`git grep` without `--cached`), so a
// committed `.qwen/.env` deleted from the work tree after Qwen Code started (and loaded it) was not
// read at all: its `AITRAIL=0`, still in the agent's environment, switched the hooks off (before
// 496 the index was read and it was refused). Now the index is read too, only when the shell's
// own test finds a committed one gone from the work tree (no process more otherwise).
// Real repositories, the hooks of the real `aitrail init`, git mode and husky's block.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo, hookedWithOrigin, huskyDenyQwen } from '../helpers/hooked-repo.js';
import { tempDir } from '../helpers/gitdir.js';

function qwenCode(env: NodeJS.ProcessEnv, planted: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, HOME: tempDir('aitrail-home-'), ...planted, QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' };
}

function plantedThenChanged(change: (dir: string) => void, husky = false) {
  const hooked = husky ? huskyDenyQwen() : hookedWithOrigin();
  const { repo, setUp } = hooked;
  repo.commit('chore: agent env\n', { '.qwen/.env': 'AITRAIL=0\nGIT_CONFIG_COUNT=1\n' }, setUp);
  // Qwen Code has loaded it; then the work tree's copy goes (or changes), the deletion not staged.
  change(repo.dir);
  repo.write('q.ts', 'qwen\n');
  repo.git(['add', 'q.ts']);
  return hooked;
}

const deleted = (dir: string) => rmSync(join(dir, '.qwen/.env'));

describe("a committed .env deleted from the work tree after the agent loaded it", () => {
  for (const [name, change] of [['deleted', deleted], ['deleted, its folder too', (dir: string) => rmSync(join(dir, '.qwen'), { recursive: true })]] as const) {
    it(`${name}: Qwen Code's AITRAIL=0 does not switch the hooks off`, () => {
      const { repo, env } = plantedThenChanged(change);
      const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL: '0' }) });
      // Before: exit 0, no trailer (hooks off), read as a person's commit at push, in CI, on the server.
      expect(made.code, made.stderr).toBe(1);
      expect(made.stderr).toContain('AITRAIL=0 ignored: a .env file this repository commits sets AITRAIL');
      expect(made.stderr).toContain('model-denied');
    });
  }

  it("husky's block: the same for a deleted one", () => {
    const { repo, env } = plantedThenChanged(deleted, true);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL: '0' }) });
    expect(made.code, made.stderr).not.toBe(0);
    expect(made.stderr).toContain('AITRAIL=0 ignored');
  });

  it('pre-push names the hook switch of a committed .env deleted from the work tree (what every clone gets)', () => {
    const { repo, env } = plantedThenChanged(deleted);
    expect(tryGit(repo.dir, ['commit', '-q', '--no-verify', '-m', 'feat: mine'], { env }).code).toBe(0);
    const pushed = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
    expect(pushed.stderr).toContain('a .env this repository commits sets GIT_CONFIG_COUNT (.qwen/.env):');
  });

  it("a person's own AITRAIL=0 with an unrelated committed .env, edited or not: honoured, no node start", () => {
    const { repo, env, started } = hookedRepo();
    repo.commit('chore: env\n', { '.env': 'LOG_LEVEL=info\n' }, { ...env, AITRAIL: '0' });
    writeFileSync(join(repo.dir, '.env'), 'LOG_LEVEL=debug\n');
    const before = readFileSync(started, 'utf8');
    const made = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'feat: mine'], { env: { ...env, AITRAIL: '0' } });
    expect(made.code, made.stderr).toBe(0);
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});

// Node's dotenv (Gemini CLI, Qwen Code; replayed with dotenv 17) takes `\s*` between a name and its
// `=`, a line feed included: `AITRAIL\n=0` loads AITRAIL=0, and `git grep` reads line by line, so
// the name's line held no `=` and the shims read no assignment. python-dotenv reads no value there.
describe('a name whose = is on a following line (Node dotenv reads it)', () => {
  for (const [name, text, variable, value] of [
    ['AITRAIL, = on the next line', 'LOG_LEVEL=info\nAITRAIL\n=0\n', 'AITRAIL', '0'],
    ['AITRAIL and blanks, = after an empty line', 'AITRAIL \t\n\n = 0\n', 'AITRAIL', '0'],
    ['AITRAIL_MODEL, = on the next line', 'AITRAIL_MODEL\n=anthropic/claude-opus-4.6\n', 'AITRAIL_MODEL', 'anthropic/claude-opus-4.6'],
  ] as const) {
    it(`${name}: ignored as planted`, () => {
      const hooked = hookedWithOrigin();
      const { repo, env, setUp } = hooked;
      repo.commit('chore: agent env\n', { '.qwen/.env': text }, setUp);
      repo.write('q.ts', 'qwen\n');
      repo.git(['add', 'q.ts']);
      const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { [variable]: value }) });
      // Before: AITRAIL=0 made the commit with the hooks off (exit 0, no trailer); AITRAIL_MODEL named Claude.
      expect(made.code, made.stderr).toBe(1);
      expect(made.stderr).toContain(`${variable}${variable === 'AITRAIL' ? '=0' : ''} ignored`);
    });
  }

  it("husky's block: the same", () => {
    const { repo, env, setUp } = huskyDenyQwen();
    repo.commit('chore: agent env\n', { '.qwen/.env': 'AITRAIL\n=0\n' }, setUp);
    repo.write('q.ts', 'qwen\n');
    repo.git(['add', 'q.ts']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL: '0' }) });
    expect(made.code, made.stderr).not.toBe(0);
    expect(made.stderr).toContain('AITRAIL=0 ignored');
  });

  it("a person's AITRAIL=0 where the .env names AITRAIL_X at a line's end, or AITRAIL inside a word: honoured", () => {
    const { repo, env, setUp } = hookedWithOrigin();
    repo.commit('chore: env\n', { '.env': 'X=1 # see MY_AITRAIL\nAITRAILS\n' }, setUp);
    const made = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'feat: mine'], { env: { ...env, AITRAIL: '0' } });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).not.toContain('ignored');
  });
});

