import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { binaryMissingMessage } from '../../src/install/hook-messages.js';

/**
 * Row s48n-2: `.husky/aitrail.sh` held one ~14 KB run function per hook (eight), whose lines differ only in `h=` and in
 * words of their messages: one text per kind of hook now (blocking or not), each hook's words set by its own one-line
 * function. What each hook says is the same, byte for byte: replayed through real husky 9 set up by `init`, real git,
 * the real CLI, with no aitrail binary on PATH (each hook's "not found" message, blocking and not).
 */
describe('husky mode: one run function for the hooks that differ only in their messages (row s48n-2)', () => {
  it('aitrail.sh is ~150 KB, not ~250 KB; commit-msg, pre-push and prepare-commit-msg still say their own words', () => {
    const root = tempDir('aitrail-husky-size-');
    const repo = makeRepo({ dir: join(root, 'repo') });
    const env = envWithAitrailOnPath();
    repo.commit('chore: start\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': '{"name":"app","version":"1.0.0"}\n' }, { ...env, AITRAIL: '0' });
    expect(aitrail(repo.dir, ['init', '--mode', 'husky'], { env }).code).toBe(0);
    const lib = join(repo.dir, '.husky', 'aitrail.sh');
    // Before: 248,458 bytes (eight run functions); now: the two shared ones.
    expect(statSync(lib).size).toBeLessThan(170_000);
    expect(readFileSync(lib, 'utf8').match(/^aitrail_run_[0-9]+\(\) \{$/gm)).toHaveLength(2);

    // An agent's commit with no aitrail anywhere: prepare-commit-msg warns and goes on, commit-msg refuses, each in its words.
    const bare = join(root, 'server.git');
    tryGit(root, ['init', '-q', '--bare', bare]);
    tryGit(repo.dir, ['remote', 'add', 'origin', bare]);
    const none = { ...TEST_GIT_ENV, AITRAIL_MODEL: 'openai/gpt-5' };
    writeFileSync(join(repo.dir, 'a.txt'), 'a\n');
    tryGit(repo.dir, ['add', 'a.txt'], { env: none });
    const commit = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: none });
    expect(commit.code).not.toBe(0);
    const said = commit.stderr.split('\n');
    expect(said).toContain(`aitrail: ${binaryMissingMessage('prepare-commit-msg')}`);
    expect(said).toContain(`aitrail: ${binaryMissingMessage('commit-msg')}`);
    // pre-push: its own words (`push blocked`, `git push`), not commit-msg's.
    tryGit(repo.dir, ['commit', '-q', '--no-verify', '-m', 'feat: a'], { env: none });
    const push = tryGit(repo.dir, ['push', '-q', 'origin', 'HEAD:refs/heads/main'], { env: none });
    expect(push.code).not.toBe(0);
    expect(push.stderr.split('\n')).toContain(`aitrail: ${binaryMissingMessage('pre-push')}`);
    expect(tryGit(bare, ['rev-parse', '-q', '--verify', 'refs/heads/main']).code).not.toBe(0);
  });
});
