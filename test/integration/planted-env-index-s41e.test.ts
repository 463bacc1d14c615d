// A committed `.env` that says AITRAIL=0 may also set GIT_INDEX_FILE (row 545's kind): the agents load
// every name of it into the environment of their `git add -A` and `git commit`, which then fill and
// commit an index of the agent's; with the `.env` in .gitignore that index never lists it, and git hands
// the hooks that index: the shims' ls-files -s and git grep of the committed `.env` files found none, and
// the planted switch was honoured (the commit also deletes the `.env`: the file on disk stays, loaded).
// Real repositories, the real `aitrail init`, Qwen Code's environment as it commits.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';
import { expectSwitchIgnored, hookedSubmodule, qwenCodeEnv } from '../helpers/planted-env-above.js';

describe('a committed .env that sets AITRAIL=0 and GIT_INDEX_FILE', () => {
  it("the repository's own .env (itself in .gitignore) naming an index of the agent's: Qwen Code's git add -A and git commit are refused, the switch named as ignored", () => {
    const { sub, env } = hookedSubmodule(makeRepo(), 'lib');
    expect(tryGit(sub, ['reset', '-q']).code).toBe(0);
    writeFileSync(join(sub, '.env'), 'AITRAIL=0\nGIT_INDEX_FILE=.agent-index\n');
    writeFileSync(join(sub, '.gitignore'), '.env\n.agent-index*\n');
    expect(tryGit(sub, ['add', '-f', '.env', '.gitignore']).code).toBe(0);
    expect(tryGit(sub, ['commit', '-q', '-m', 'chore: agent env'], { env }).code).toBe(0);
    const qwen = qwenCodeEnv(env, { GIT_INDEX_FILE: '.agent-index' });
    expect(tryGit(sub, ['add', '-A'], { env: qwen }).code).toBe(0);
    // Before: exit 0, no trailer (the index the hooks were handed lists no .env).
    expectSwitchIgnored(tryGit(sub, ['commit', '-q', '-m', 'feat: q'], { env: qwen }));
  });

  it("a person's commit -a and partial commit (git hands the hooks index.lock, next-index-*.lock) with AITRAIL_MODEL of their own and no committed .env: the model is theirs", () => {
    const { sub, env } = hookedSubmodule(makeRepo(), 'lib');
    expect(tryGit(sub, ['commit', '-q', '-m', 'chore: q'], { env }).code).toBe(0);
    for (const [args, file] of [[['-a'], 'q.ts'], [['-o', 'r.ts'], 'r.ts']] as const) {
      writeFileSync(join(sub, file), `${file}\nmore\n`);
      if (file === 'r.ts') expect(tryGit(sub, ['add', 'r.ts']).code).toBe(0);
      writeFileSync(join(sub, file), `${file}\nmore\nagain\n`);
      const made = tryGit(sub, ['commit', '-q', ...args, '-m', `feat: ${file}`], { env: { ...env, AITRAIL_MODEL: 'anthropic/claude-opus-4-6' } });
      expect(made.code, made.stderr).toBe(0);
      expect(made.stderr).not.toContain('ignored');
      expect(tryGit(sub, ['log', '-1', '--format=%B']).stdout).toMatch(/Assisted-by: .*anthropic\/claude-opus-4/);
    }
  });
});
