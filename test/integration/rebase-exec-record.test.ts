// `git rebase --exec <cmd>` exports GIT_CHERRY_PICK_HELP to the command (git 2.39), the variable
// that tells prepare-commit-msg (node and the shim's replay gate) that a rebase is replaying
// commits: an agent's commit made by an exec step was recorded with no trailer at all.
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('a commit an exec step of a rebase makes is recorded', () => {
  it('hooks from aitrail init record the agent of a commit made by `git rebase --exec`, and still record nothing for the picks', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.commit('start\n', { 'a.txt': 'a\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Human one'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Human two'], { env }).code).toBe(0);
    const exec = "echo fixed >> a.txt && AITRAIL_MODEL=anthropic/claude-opus-4.6 AITRAIL_AGENT=claude-code git commit -q -am 'Agent fix'";
    const rebase = tryGit(repo.dir, ['rebase', '-q', '-i', '--exec', exec, 'HEAD~2'], { env: { ...env, GIT_SEQUENCE_EDITOR: 'true', GIT_EDITOR: 'true' } });
    expect(rebase.code, rebase.stderr).toBe(0);
    const log = repo.git(['log', '--format=%s|%(trailers:key=Assisted-by,valueonly,separator=%x2C)', '-4']).split('\n');
    expect(log).toEqual(['Agent fix|claude-code:anthropic/claude-opus-4.6', 'Human two|', 'Agent fix|claude-code:anthropic/claude-opus-4.6', 'Human one|']);
  });
});
