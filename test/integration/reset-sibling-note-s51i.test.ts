// row 979: rows 931 and 950 carried an agent's git-ai notes over `git reset --soft/--mixed` only
// when the reset's target was an ancestor of the old tip. `git reset --soft main` once main moved on
// (a reset onto a sibling), then `git commit`, re-committed the agent's lines with no note: `blame`
// gave them to the person and `check` passed them under a deny. git-ai carries nothing into that
// commit either (git-ai-project/git-ai `src/commands/hooks/reset_hooks.rs`,
// handle_reset_preserve_working_dir: "Forward reset or unrelated history", its working log deleted).
// Real repository, the hooks `aitrail init` installs, a git-ai note written by hand, the real CLI.
import { describe, expect, it } from 'vitest';
import type { TestRepo } from '../helpers/gitdir.js';
import { gitRun } from '../helpers/hooks.js';
import { aiNote as note, deniedCommits, notedAgentFeature } from '../helpers/reset-notes.js';

/** main: the policy (Claude denied), a.txt and b.txt, hooks installed, then the person's c.txt; feature (from the base): the agent's commit (noted). */
function agentBesideMain(): TestRepo {
  const repo = notedAgentFeature();
  git(repo, ['checkout', '-q', 'main']);
  repo.write('c.txt', 'c\n');
  git(repo, ['add', 'c.txt']);
  git(repo, ['commit', '-q', '-m', 'main moved on']);
  git(repo, ['checkout', '-q', 'feature']);
  return repo;
}

function git(repo: TestRepo, args: string[]): string {
  const result = gitRun(repo.dir, args);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const denied = deniedCommits;

const short = (repo: TestRepo, rev: string) => git(repo, ['rev-parse', rev]).trim().slice(0, 12);

describe('a reset onto a sibling, then commits: the undone notes carried where the commit holds the old tip’s file (row 979)', () => {
  it('git reset --soft main (main moved on), then git commit: both AI lines keep Claude’s note, check refuses', () => {
    const repo = agentBesideMain();
    git(repo, ['reset', '-q', '--soft', 'main']);
    git(repo, ['commit', '-q', '-m', 'feat: squashed onto main']);
    // Before row 979: no note, check passed the commit.
    expect(note(repo, 'HEAD')).toMatch(/^a\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\nb\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
    expect(denied(repo)).toEqual([short(repo, 'HEAD')]);
  });

  it('git reset --soft main, a commit of a.txt, then the rest: each commit keeps its file’s AI line (the chain of row 950)', () => {
    const repo = agentBesideMain();
    git(repo, ['reset', '-q', '--soft', 'main']);
    git(repo, ['commit', '-q', '-m', 'part', '--', 'a.txt']);
    expect(note(repo, 'HEAD')).toMatch(/^a\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
    git(repo, ['commit', '-q', '-am', 'rest']);
    expect(note(repo, 'HEAD')).toMatch(/^b\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
    expect(denied(repo).sort()).toEqual([short(repo, 'HEAD~1'), short(repo, 'HEAD')].sort());
  });

  it('git reset --hard main, the person’s own work: no note (a file not the old tip’s is never carried), and a forward reset carries nothing', () => {
    const repo = agentBesideMain();
    const agent = git(repo, ['rev-parse', 'HEAD']).trim();
    git(repo, ['reset', '-q', '--hard', 'main']);
    repo.write('a.txt', 'a\nmine\nagent a\n');
    git(repo, ['commit', '-q', '-am', 'feat: my own']);
    expect(note(repo, 'HEAD')).toBe('');
    expect(denied(repo)).toEqual([]);
    // A reset forward (the old tip an ancestor of the target): nothing undone, nothing carried.
    git(repo, ['checkout', '-q', '-b', 'later', agent]);
    git(repo, ['checkout', '-q', '-b', 'ahead']);
    repo.write('d.txt', 'd\n');
    git(repo, ['add', 'd.txt']);
    git(repo, ['commit', '-q', '-m', 'ahead']);
    git(repo, ['checkout', '-q', 'later']);
    git(repo, ['reset', '-q', '--soft', 'ahead']);
    repo.write('e.txt', 'agent a\n');
    git(repo, ['add', 'e.txt']);
    git(repo, ['commit', '-q', '-m', 'mine']);
    expect(note(repo, 'HEAD')).toBe('');
  });
});

describe('a reset --hard, then the old tip’s files restored: carried, which is why a --hard reset is not told apart (task s51i, question 2)', () => {
  it('git reset --hard HEAD~1 && git checkout ORIG_HEAD -- a.txt b.txt, then a commit: Claude’s lines keep the note, check refuses', () => {
    // git-ai drops its working log at --hard (reset_hooks.rs handle_reset_hard); git logs every mode
    // alike (`reset: moving to`), so dropping here would also drop this restore of the agent's lines.
    const repo = notedAgentFeature();
    git(repo, ['reset', '-q', '--hard', 'HEAD~1']);
    git(repo, ['checkout', 'ORIG_HEAD', '--', 'a.txt', 'b.txt']);
    git(repo, ['commit', '-q', '-m', 'feat: mine, really']);
    expect(note(repo, 'HEAD')).toMatch(/^a\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\nb\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
    expect(denied(repo)).toEqual([short(repo, 'HEAD')]);
  });
});
