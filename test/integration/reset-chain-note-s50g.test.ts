// rows 950, 951: row 931 carried an agent's git-ai notes over `git reset --soft/--mixed` only
// into the first commit after it, and only when the reflog said `reset: moving to`. git-ai rebuilds
// its working log at a backward reset (git-ai-project/git-ai `src/commands/hooks/reset_hooks.rs`,
// handle_reset_preserve_working_dir: whatever the wrapper's reflog says) and that log carries what a
// commit leaves to the next. Real repository, the hooks `aitrail init` installs, a git-ai note
// written by hand (two files, one AI line each), the real CLI's `check`.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { aitrail, gitRun } from '../helpers/hooks.js';
import { aiNote as note, deniedCommits, hookedAgentCommit, notedAgentFeature, noteTwoFiles } from '../helpers/reset-notes.js';

/** main: the policy (Claude denied), a.txt and b.txt, hooks installed; feature: the agent's commit (noted), then the person's c.txt. */
function agentThenPerson(): TestRepo {
  const repo = notedAgentFeature();
  repo.write('c.txt', 'mine\n');
  git(repo, ['add', 'c.txt']);
  git(repo, ['commit', '-q', '-m', 'feat: my file']);
  return repo;
}

function git(repo: TestRepo, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = gitRun(repo.dir, args, env);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const denied = deniedCommits;

describe('the second and later commits after a reset keep the undone notes (row 950)', () => {
  it.each([['--soft'], ['--mixed']])('git reset %s HEAD~2, a commit of a.txt, then a commit of the rest: each keeps its AI line, check refuses both', (mode) => {
    const repo = agentThenPerson();
    git(repo, ['reset', '-q', mode, 'HEAD~2']);
    git(repo, ['commit', '-q', '-m', 'part', '--', 'a.txt']);
    expect(note(repo, 'HEAD')).toMatch(/^a\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
    git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'rest']);
    // Before row 950: no note, Claude's line of b.txt read as the person's.
    expect(note(repo, 'HEAD')).toMatch(/^b\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
    const heads = [git(repo, ['rev-parse', 'HEAD~1']).trim().slice(0, 12), git(repo, ['rev-parse', 'HEAD']).trim().slice(0, 12)];
    expect(denied(repo).sort()).toEqual(heads.sort());
    // The person's next commit gets no note.
    repo.write('c.txt', 'mine\nmore\n');
    git(repo, ['commit', '-q', '-am', 'more']);
    expect(note(repo, 'HEAD')).toBe('');
  });
});

describe('a reset run under GIT_REFLOG_ACTION carries the undone notes too (row 951)', () => {
  it('GIT_REFLOG_ACTION=wip git reset --soft HEAD~2 (git logs `wip: updating HEAD`), then a commit: the note is carried', () => {
    const repo = agentThenPerson();
    git(repo, ['reset', '-q', '--soft', 'HEAD~2'], { GIT_REFLOG_ACTION: 'wip' });
    expect(readFileSync(`${repo.dir}/.git/logs/HEAD`, 'utf8')).toMatch(/\twip: updating HEAD\n$/);
    git(repo, ['commit', '-q', '-m', 'squashed']);
    expect(note(repo, 'HEAD')).toMatch(/^a\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\nb\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
    expect(denied(repo)).toEqual([git(repo, ['rev-parse', 'HEAD']).trim().slice(0, 12)]);
  });

  it('a commit whose subject ends in `: updating HEAD` is no reset', () => {
    const repo = agentThenPerson();
    git(repo, ['commit', '-q', '--allow-empty', '-m', 'chore: updating HEAD']);
    git(repo, ['commit', '-q', '--allow-empty', '-m', 'next']);
    expect(note(repo, 'HEAD')).toBe('');
  });
});

describe('an amend right after the reset keeps the undone notes (row 952)', () => {
  it('the person’s commit, the agent’s on it; git reset --soft HEAD~1 and git commit --amend: the agent’s lines stay the agent’s', () => {
    const repo = makeRepo();
    repo.commit('base', { '.aitrailrc.yml': 'policy:\n  deny: ["anthropic/*"]\n  undeclared: allow\n', 'a.txt': 'a\n', 'b.txt': 'b\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
    git(repo, ['checkout', '-q', '-b', 'feature']);
    repo.write('c.txt', 'mine\n');
    git(repo, ['add', 'c.txt']);
    git(repo, ['commit', '-q', '-m', 'feat: my file']);
    repo.write('a.txt', 'a\nagent a\n');
    repo.write('b.txt', 'b\nagent b\n');
    git(repo, ['commit', '-q', '-am', 'feat: the agent’s lines']);
    noteTwoFiles(repo, 'HEAD');
    git(repo, ['reset', '-q', '--soft', 'HEAD~1']);
    const amend = gitRun(repo.dir, ['commit', '-q', '--amend', '-m', 'feat: mine and the agent’s']);
    expect(amend.status, amend.stderr).toBe(0);
    // Before row 952: no note (post-rewrite carried the amended commit's, which had none).
    expect(note(repo, 'HEAD')).toMatch(/^a\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\nb\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
    expect(denied(repo)).toEqual([git(repo, ['rev-parse', 'HEAD']).trim().slice(0, 12)]);
  });
});

describe('what carrying into later commits costs a person (rows 950, 951)', () => {
  it('node at each commit only while a reset of noted commits has not landed; none once the noted files are the old tip’s or the reflog moves on', () => {
    const { repo, run } = hookedAgentCommit();
    // A reset, then the work in two commits (the person's own file in the second): node at both, and no more once the noted files are the undone tip's.
    run(['reset', '-q', '--soft', 'HEAD~1']);
    expect(run(['commit', '-q', '-m', 'part', '--', 'a.txt'])).toEqual(['hook post-commit']);
    repo.write('mine.txt', 'mine\n');
    run(['add', 'mine.txt']);
    expect(run(['commit', '-q', '-m', 'rest'])).toEqual(['hook post-commit']);
    expect(note(repo, 'HEAD')).toMatch(/^b\.txt\n/);
    expect(run(['commit', '-q', '--allow-empty', '-m', 'after'])).toEqual([]);
    // Under GIT_REFLOG_ACTION the same; part of the work left, the reflog moving on (a checkout) ends it after one look.
    run(['reset', '-q', '--mixed', 'HEAD~3'], { GIT_REFLOG_ACTION: 'wip' });
    expect(run(['commit', '-q', '-m', 'part', '--', 'a.txt'])).toEqual(['hook post-commit']);
    expect(note(repo, 'HEAD')).toMatch(/^a\.txt\n/);
    run(['checkout', '-q', '-b', 'elsewhere']);
    expect(run(['commit', '-q', '--allow-empty', '-m', 'one'])).toEqual(['hook post-commit']);
    expect(run(['commit', '-q', '--allow-empty', '-m', 'two'])).toEqual([]);
  });
});
