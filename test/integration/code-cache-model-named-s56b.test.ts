// Session 56 helper b (row 1208): a hook's V8 code cache was one file widened by every kind of commit, so a commit
// naming its model (AITRAIL_MODEL) deserialized on every run what an agent's own commit had compiled (commit-msg: 697 KB
// against 523 KB, ~2 ms of CPU a run, measured with 80 interleaved runs of each); found by timing the hook with each cache.
// Now a run whose environment names the model has its own cache (`<hook>.cjs.model-named.cache`), and an agent's
// commit keeps the other one: neither widens the other's, and both runs give the same verdicts as before.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFileFor, hookCacheBase, WIDENING_RUNS } from '../../src/cli/bundle-loader.js';
import { makeRepo, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { privateBundle, RUN_BUNDLED_HOOK } from '../helpers/private-bundle.js';

const NAMED = 'Add a feature\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n';
const AGENT = 'Add a feature\n\n\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\nAssisted-by: claude-code:unknown\n';
const OLD = new Date(1_000_000_000_000);

const cleanups: Array<() => void> = [];
afterAll(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe('a hook run naming its model has a code cache of its own (row 1208)', () => {
  it('the cache base: `.model-named` when AITRAIL_MODEL is set, else the hook\'s file; NODE_OPTIONS adds its own suffix after it', () => {
    expect(hookCacheBase('/b', 'commit-msg', {})).toBe('/b/commit-msg.cjs');
    expect(hookCacheBase('/b', 'commit-msg', { AITRAIL_MODEL: '  ' })).toBe('/b/commit-msg.cjs');
    expect(hookCacheBase('/b', 'commit-msg', { CLAUDECODE: '1' })).toBe('/b/commit-msg.cjs');
    expect(hookCacheBase('/b', 'commit-msg', { AITRAIL_MODEL: 'anthropic/claude-opus-4.6' })).toBe('/b/commit-msg.cjs.model-named');
    expect(cacheFileFor(hookCacheBase('/b', 'prepare-commit-msg', { AITRAIL_MODEL: 'x/y' }), { NODE_OPTIONS: '--max-old-space-size=8192' })).toBe('/b/prepare-commit-msg.cjs.model-named.node-options.cache');
  });

  it('commits naming their model and an agent\'s own commits each write and then only read their own cache; every run passes', { timeout: 120_000 }, () => {
    const repo = makeRepo();
    repo.commit('one', { a: '1' });
    const dir = privateBundle(cleanups);
    const commitMsg = (text: string, env: NodeJS.ProcessEnv): void => {
      writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), text);
      const run = spawnSync(process.execPath, ['-e', RUN_BUNDLED_HOOK, dir, 'commit-msg', '.git/COMMIT_EDITMSG'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, ...env }, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
    };
    const named = join(dir, 'commit-msg.cjs.model-named.cache');
    const agent = join(dir, 'commit-msg.cjs.cache');
    const modelEnv = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
    // Past the widening runs (the first loads the config from its files and writes nothing).
    for (let run = 0; run < WIDENING_RUNS + 2; run += 1) commitMsg(NAMED, modelEnv);
    expect(existsSync(named)).toBe(true);
    expect(existsSync(`${named}-runs`)).toBe(false);
    expect(existsSync(agent)).toBe(false);
    // An agent's own commit leaves the named commits' cache as it was, and makes its own.
    utimesSync(named, OLD, OLD);
    commitMsg(AGENT, { CLAUDECODE: '1' });
    expect(existsSync(agent)).toBe(true);
    expect(statSync(named).mtimeMs).toBe(OLD.getTime());
    for (let run = 0; run < WIDENING_RUNS + 1; run += 1) commitMsg(AGENT, { CLAUDECODE: '1' });
    expect(existsSync(`${agent}-runs`)).toBe(false);
    // What the named commits' cache holds is less than what an agent's commit compiles.
    expect(statSync(named).size).toBeLessThan(statSync(agent).size);
    // From now on each kind only reads its own.
    utimesSync(agent, OLD, OLD);
    commitMsg(NAMED, modelEnv);
    commitMsg(AGENT, { CLAUDECODE: '1' });
    expect(statSync(named).mtimeMs).toBe(OLD.getTime());
    expect(statSync(agent).mtimeMs).toBe(OLD.getTime());
  });
});
