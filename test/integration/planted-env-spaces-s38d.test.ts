// A committed `.env` whose assignment starts after a character the agents' dotenv readers take as
// blank or as a line's end, but `git grep`'s `^[[:space:]]*` does not: a no-break space (U+00A0),
// a byte-order mark, an ideographic space, or a lone carriage return ending the line before (and a
// no-break space between the name and its `=`).
// Node's dotenv (Gemini CLI, Qwen Code) and python-dotenv (aider) both read `AITRAIL=0` in each.
// Real repositories, the hooks of the real `aitrail init`, git mode and husky's block.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedWithOrigin, huskyDenyQwen } from '../helpers/hooked-repo.js';
import { tempDir } from '../helpers/gitdir.js';

/** Qwen Code's `git commit`: its own marker and model, the committed .env's variables loaded over them. */
function qwenCode(env: NodeJS.ProcessEnv, planted: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, HOME: tempDir('aitrail-home-'), ...planted, QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' };
}

/** A hooked repository (deny qwen) committing `.qwen/.env` as `text`, with `q.ts` staged. */
function plantedEnvRepo(text: string, husky = false) {
  const hooked = husky ? huskyDenyQwen() : hookedWithOrigin();
  const { repo, setUp } = hooked;
  repo.commit('chore: agent env\n', { '.qwen/.env': text }, setUp);
  repo.write('q.ts', 'qwen\n');
  repo.git(['add', 'q.ts']);
  return hooked;
}

const FORMS: Array<[string, string]> = [
  ['a no-break space before it', 'LOG_LEVEL=info\n\u00a0AITRAIL=0\n'],
  ['a byte-order mark before it', '\ufeffAITRAIL=0\n'],
  ['an ideographic space before it', '\u3000AITRAIL=0\n'],
  ['a lone carriage return ending the line before', 'LOG_LEVEL=info\rAITRAIL=0\n'],
  ['a no-break space before its =', 'AITRAIL\u00a0=0\n'],
];

describe('AITRAIL=0 in a committed .env after a blank git grep does not read as one', () => {
  for (const [name, text] of FORMS) {
    it(`${name}: the hooks stay on for Qwen Code's commit`, () => {
      const { repo, env } = plantedEnvRepo(text);
      const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL: '0' }) });
      // Before: exit 0, the commit made with no trailer (hooks off), read as a person's everywhere after.
      expect(made.code, made.stderr).toBe(1);
      expect(made.stderr).toContain('AITRAIL=0 ignored: a .env file this repository commits sets AITRAIL');
      expect(made.stderr).toContain('model-denied');
    });
  }

  it("husky's block: a no-break space before AITRAIL=0 does not switch it off", () => {
    const { repo, env } = plantedEnvRepo('\u00a0AITRAIL=0\n', true);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL: '0' }) });
    expect(made.code, made.stderr).not.toBe(0);
    expect(made.stderr).toContain('AITRAIL=0 ignored');
  });

  it("AITRAIL_MODEL after a lone carriage return does not name the model", () => {
    const { repo, env } = plantedEnvRepo('X=1\rAITRAIL_MODEL=anthropic/claude-opus-4.6\n');
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL_MODEL: 'anthropic/claude-opus-4.6' }) });
    expect(made.code, made.stderr).toBe(1);
    expect(made.stderr).toContain('AITRAIL_MODEL ignored');
  });

  it("a person's own AITRAIL=0 still switches the hooks off where the .env names AITRAIL only inside a value", () => {
    const { repo, env } = plantedEnvRepo('NOTE=see_AITRAIL=docs\nMY_AITRAIL=1\n');
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: mine'], { env: qwenCode(env, { AITRAIL: '0' }) });
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('feat: mine');
  });

  it("pre-push names GIT_CONFIG_COUNT after a no-break space, and after a lone carriage return", () => {
    const { repo, env } = plantedEnvRepo('LOG_LEVEL=info\r\u00a0GIT_CONFIG_COUNT=1\nGIT_CONFIG_KEY_0=core.hooksPath\nGIT_CONFIG_VALUE_0=/dev/null\n');
    const planted = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.hooksPath', GIT_CONFIG_VALUE_0: '/dev/null' };
    // The limit row 442 names: git runs no hook for Qwen's commit.
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen'], { env: qwenCode(env, planted) }).code).toBe(0);
    const pushed = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
    // Before: git grep's `^[[:space:]]*` read no assignment there, so the person's push said nothing.
    expect(pushed.stderr).toContain('a .env this repository commits sets GIT_CONFIG_COUNT (.qwen/.env):');
  });
});

/** A hooked repository (deny qwen) committing `.qwen/.env` under `working-tree-encoding=IBM037`: `git add` stores the EBCDIC bytes read as IBM037 (accented letters, no `AITRAIL`), every checkout writes them back as the ASCII `text`. */
function encodedEnvRepo(text: string, husky = false) {
  const hooked = husky ? huskyDenyQwen() : hookedWithOrigin();
  const { repo, setUp } = hooked;
  repo.write('.gitattributes', '.qwen/.env working-tree-encoding=IBM037\n');
  repo.write('.qwen/.env', text);
  repo.git(['add', '.gitattributes', '.qwen/.env']);
  expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: agent env'], { env: setUp }).code).toBe(0);
  expect(tryGit(repo.dir, ['grep', '--cached', '-c', 'AITRAIL', '--', '.qwen/.env']).code).toBe(1);
  expect(readFileSync(join(repo.dir, '.qwen', '.env'), 'utf8')).toBe(text);
  repo.write('q.ts', 'qwen\n');
  repo.git(['add', 'q.ts']);
  return hooked;
}

describe('a committed .env whose checked-out text is not what the index holds (working-tree-encoding)', () => {
  it("AITRAIL=0 there does not switch the hooks off for Qwen Code's commit", () => {
    const { repo, env } = encodedEnvRepo('LOG_LEVEL=info\nAITRAIL=0\n');
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL: '0' }) });
    // Before: exit 0 and no trailer: git grep --cached read the index's IBM037-decoded text, not what Qwen Code loads.
    expect(made.code, made.stderr).toBe(1);
    expect(made.stderr).toContain('AITRAIL=0 ignored: a .env file this repository commits sets AITRAIL');
    expect(made.stderr).toContain('model-denied');
  });

  it("husky's block: the same", () => {
    const { repo, env } = encodedEnvRepo('AITRAIL=0\n', true);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL: '0' }) });
    expect(made.code, made.stderr).not.toBe(0);
    expect(made.stderr).toContain('AITRAIL=0 ignored');
  });

  it('pre-push names the hook switches it sets', () => {
    const { repo, env } = encodedEnvRepo('GIT_CONFIG_COUNT=1\nGIT_CONFIG_KEY_0=core.hooksPath\nGIT_CONFIG_VALUE_0=/dev/null\n');
    const planted = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.hooksPath', GIT_CONFIG_VALUE_0: '/dev/null' };
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen'], { env: qwenCode(env, planted) }).code).toBe(0);
    const pushed = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
    expect(pushed.stderr).toContain('a .env this repository commits sets GIT_CONFIG_COUNT (.qwen/.env):');
  });
});

describe('a committed .env spelt in another case', () => {
  // On a file system that ignores case (macOS, Windows: not this one) Qwen Code's `.qwen/.env` opens the committed `.qwen/.ENV`.
  it("AITRAIL=0 in .qwen/.ENV is taken as planted (git mode, husky's block), and pre-push names its hook switches", () => {
    for (const husky of [false, true]) {
      const hooked = husky ? huskyDenyQwen() : hookedWithOrigin();
      const { repo, env, setUp } = hooked;
      repo.commit('chore: agent env\n', { '.qwen/.ENV': 'AITRAIL=0\n', 'config/.Env.local': 'GIT_CONFIG_COUNT=1\n' }, setUp);
      repo.write('q.ts', 'qwen\n');
      repo.git(['add', 'q.ts']);
      const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: q'], { env: qwenCode(env, { AITRAIL: '0' }) });
      // Before: exit 0, no trailer: the pathspecs `**/.env` matched no `.ENV`.
      expect(made.code, made.stderr).not.toBe(0);
      expect(made.stderr).toContain('AITRAIL=0 ignored');
      if (!husky) {
        const pushed = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
        expect(pushed.stderr).toContain('a .env this repository commits sets GIT_CONFIG_COUNT (config/.Env.local):');
      }
    }
  });
});
