// row 1017: row 979 carries an undone commit's git-ai note after a reset onto a sibling only for the files the new
// commit holds as the old tip did. A note written for another commit (copied by an unhooked amend or rebase: its line
// numbers name no line) is composed commit-wide (foreign-sources.ts), its files as written, whether the new commit
// changes them or not: after the branch was squash-merged upstream, `git reset --hard origin/main` and the person's own
// commit of another file, the old tip's files (identical upstream) made the person's commit Claude's, every line.
// Real repository, the hooks `aitrail init` installs, a git-ai note written by hand, the real CLI.
import { describe, expect, it } from 'vitest';
import type { TestRepo } from '../helpers/gitdir.js';
import { gitRun } from '../helpers/hooks.js';
import { aiNote as note, deniedCommits, notedAgentFeature } from '../helpers/reset-notes.js';

function git(repo: TestRepo, args: string[]): string {
  const result = gitRun(repo.dir, args);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

/** notedAgentFeature with the agent's note as an unhooked rebase leaves it: written for another commit (the one rebased away). */
function copiedNoteFeature(): TestRepo {
  const repo = notedAgentFeature();
  const gone = 'e'.repeat(40);
  const copied = note(repo, 'HEAD').replace(/"base_commit_sha": "[0-9a-f]{40}"/, `"base_commit_sha": "${gone}"`);
  expect(copied).toContain(gone);
  expect(gitRun(repo.dir, ['notes', '--ref=ai', 'add', '-f', '-m', copied, 'HEAD']).status).toBe(0);
  return repo;
}

function commitOwnFile(repo: TestRepo): void {
  repo.write('c.txt', 'mine\n');
  git(repo, ['add', 'c.txt']);
  git(repo, ['commit', '-q', '-m', 'feat: my own']);
}

describe('a reset onto a sibling after the branch landed upstream: a note written for another commit is not carried onto the person’s commit (row 1017)', () => {
  it('feature squash-merged on main, git reset --hard main, the person’s own file committed: no note, check passes', () => {
    const repo = copiedNoteFeature();
    // Upstream lands the branch as one commit (a squash merge): main's a.txt and b.txt are the old tip's.
    git(repo, ['checkout', '-q', 'main']);
    git(repo, ['checkout', 'feature', '--', 'a.txt', 'b.txt']);
    git(repo, ['commit', '-q', '-m', 'feat: the agent’s lines (#1)']);
    git(repo, ['checkout', '-q', 'feature']);
    git(repo, ['reset', '-q', '--hard', 'main']);
    commitOwnFile(repo);
    // Before row 1017: a.txt and b.txt's entries as written, base_commit_sha all zeros (every line Claude's), check refused.
    expect(note(repo, 'HEAD')).toBe('');
    expect(deniedCommits(repo)).toEqual([]);
  });

  it('the same after a reset back (row 931): git reset --hard HEAD~1, the person’s own file: no note', () => {
    const repo = copiedNoteFeature();
    git(repo, ['reset', '-q', '--hard', 'HEAD~1']);
    commitOwnFile(repo);
    expect(note(repo, 'HEAD')).toBe('');
    expect(deniedCommits(repo)).toEqual([]);
  });

  it('still carried where the commit holds the agent’s files: git reset --soft main (main moved on), git commit: commit-wide, check refuses', () => {
    const repo = copiedNoteFeature();
    git(repo, ['checkout', '-q', 'main']);
    commitOwnFile(repo);
    git(repo, ['checkout', '-q', 'feature']);
    git(repo, ['reset', '-q', '--soft', 'main']);
    git(repo, ['commit', '-q', '-m', 'feat: squashed onto main']);
    expect(note(repo, 'HEAD')).toMatch(/^a\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\nb\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n[^]*"base_commit_sha": "0{40}"/);
    expect(deniedCommits(repo)).toEqual([git(repo, ['rev-parse', 'HEAD']).trim().slice(0, 12)]);
  });
});
