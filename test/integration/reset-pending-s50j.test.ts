// row 960: after `git reset --mixed` of an agent's noted commit, a person who commits part of the
// work and throws the rest away paid a node start at each of the next 20 commits (the mark
// `.git/aitrail/fast-path/reset-pending` stayed while the noted files differed from the old tip's).
// git-ai (git-ai-project/git-ai `src/authorship/rewrite_reset.rs`) carries only lines still in the
// work: the mark now ends at the first commit whose index and work tree hold the noted files as the
// commit does. Real repository, the hooks `aitrail init` installs, an `aitrail` on PATH that notes
// each start, a git-ai note written by hand (a.txt modified, b.txt new: untracked after the reset).
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { aiNote, hookedAgentCommit, noteTwoFiles } from '../helpers/reset-notes.js';

/** hookedAgentCommit, then `git reset --mixed HEAD~1`: b.txt untracked, a.txt's change unstaged; `pending`: whether the mark is there. */
function undoneAgentCommit() {
  const { repo, run } = hookedAgentCommit();
  run(['reset', '-q', '--mixed', 'HEAD~1']);
  const pending = () => existsSync(join(repo.dir, '.git', 'aitrail', 'fast-path', 'reset-pending'));
  return { repo, run, pending };
}

describe('the reset carry ends once the rest of the undone work is thrown away (row 960)', () => {
  it('reset --mixed, a commit of a.txt, b.txt (untracked) deleted: node at the next commit once, then none', () => {
    const { repo, run, pending } = undoneAgentCommit();
    expect(run(['commit', '-q', '-m', 'part', '--', 'a.txt'])).toEqual(['hook post-commit']);
    expect(aiNote(repo, 'HEAD')).toMatch(/^a\.txt\n/);
    expect(pending()).toBe(true);
    rmSync(join(repo.dir, 'b.txt'));
    expect(run(['commit', '-q', '--allow-empty', '-m', 'one'])).toEqual(['hook post-commit']);
    expect(pending()).toBe(false);
    // Before row 960: node here and at each of the next 18 commits.
    expect(run(['commit', '-q', '--allow-empty', '-m', 'two'])).toEqual([]);
    expect(run(['commit', '-q', '--allow-empty', '-m', 'three'])).toEqual([]);
  });

  it('reset --mixed, a commit of b.txt, a.txt’s change checked out away: the same', () => {
    const { run, pending } = undoneAgentCommit();
    run(['add', 'b.txt']);
    expect(run(['commit', '-q', '-m', 'part'])).toEqual(['hook post-commit']);
    expect(pending()).toBe(true);
    run(['checkout', '-q', '--', 'a.txt']);
    expect(run(['commit', '-q', '--allow-empty', '-m', 'one'])).toEqual(['hook post-commit']);
    expect(pending()).toBe(false);
    expect(run(['commit', '-q', '--allow-empty', '-m', 'two'])).toEqual([]);
  });

  it('the rest still in the work (b.txt untracked): the mark stays and the commit that adds it carries its line', () => {
    const { repo, run, pending } = undoneAgentCommit();
    expect(run(['commit', '-q', '-m', 'part', '--', 'a.txt'])).toEqual(['hook post-commit']);
    expect(run(['commit', '-q', '--allow-empty', '-m', 'between'])).toEqual(['hook post-commit']);
    expect(pending()).toBe(true);
    run(['add', 'b.txt']);
    expect(run(['commit', '-q', '-m', 'rest'])).toEqual(['hook post-commit']);
    expect(aiNote(repo, 'HEAD')).toMatch(/^b\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
    expect(pending()).toBe(false);
    expect(run(['commit', '-q', '--allow-empty', '-m', 'after'])).toEqual([]);
  });
});

describe('a forged reflog line between a reset and the commit carries nothing (row 961)', () => {
  it('a reset line from another branch’s noted commit, a made-up `commit:` line to HEAD, the pending mark: the person’s identical line stays the person’s', () => {
    const { repo, env } = hookedRepo();
    const git = (args: string[]) => {
      const result = spawnSync('git', args, { cwd: repo.dir, env, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return result.stdout.trim();
    };
    const main = git(['symbolic-ref', '--short', 'HEAD']);
    git(['checkout', '-q', '-b', 'other']);
    git(['commit', '-q', '--allow-empty', '-m', 'o1']);
    repo.write('a.txt', 'a\nagent a\n');
    repo.write('b.txt', 'b\nagent b\n');
    git(['add', 'a.txt', 'b.txt']);
    git(['commit', '-q', '-m', 'agent']);
    noteTwoFiles(repo, 'HEAD', env);
    const [tip, target] = [git(['rev-parse', 'other']), git(['rev-parse', 'other~1'])];
    git(['checkout', '-q', main]);
    const head = git(['rev-parse', 'HEAD']);
    // What an insider writes into .git: a reset from the other branch's tip to its parent (no ancestor of HEAD), a commit line from there to HEAD, ORIG_HEAD, the mark.
    const gitDir = join(repo.dir, '.git');
    writeFileSync(join(gitDir, 'logs', 'HEAD'), `${readFileSync(join(gitDir, 'logs', 'HEAD'), 'utf8')}${tip} ${target} P <p@x> 1780000000 +0000\treset: moving to HEAD~1\n${target} ${head} P <p@x> 1780000001 +0000\tcommit: forged\n`);
    writeFileSync(join(gitDir, 'ORIG_HEAD'), `${tip}\n`);
    writeFileSync(join(gitDir, 'aitrail', 'fast-path', 'reset-pending'), '');
    repo.write('b.txt', 'b\nagent b\n');
    git(['add', 'b.txt']);
    git(['commit', '-q', '-m', 'mine']);
    // Before row 961: b.txt's line 2 noted as Claude's.
    expect(aiNote(repo, 'HEAD')).toBe('');
  });
});

describe('a reflog line with no message before the reset cuts no carry (row 962)', () => {
  it('`git update-ref` without -m (no tab in its line), then git reset --soft HEAD~1 and a commit: the agent’s lines stay the agent’s', () => {
    const { repo, run } = hookedAgentCommit();
    run(['commit', '-q', '--allow-empty', '-m', 'p2']);
    const branch = repo.git(['symbolic-ref', 'HEAD']);
    run(['update-ref', branch, 'HEAD~1']);
    expect(readFileSync(join(repo.dir, '.git', 'logs', 'HEAD'), 'utf8')).toMatch(/ [+-]\d{4}\n$/);
    run(['reset', '-q', '--soft', 'HEAD~1']);
    expect(run(['commit', '-q', '-m', 'squash'])).toEqual(['hook post-commit']);
    // Before row 962: no note (the reflog's last 21 lines read as none), Claude's lines read as the person's.
    expect(aiNote(repo, 'HEAD')).toMatch(/^a\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\nb\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
  });
});

describe('a script that runs both the reset and its commits under GIT_REFLOG_ACTION carries too (row 963)', () => {
  it('GIT_REFLOG_ACTION=wip exported: git reset --soft HEAD~1, a commit of a.txt, a commit of the rest (git logs `wip: part`, `wip: rest`): each keeps its AI line', () => {
    const { repo, run } = hookedAgentCommit();
    const wip = { GIT_REFLOG_ACTION: 'wip' };
    run(['reset', '-q', '--soft', 'HEAD~1'], wip);
    run(['commit', '-q', '-m', 'part', '--', 'a.txt'], wip);
    expect(readFileSync(join(repo.dir, '.git', 'logs', 'HEAD'), 'utf8')).toMatch(/\twip: updating HEAD\n[^\n]*\twip: part\n$/);
    // Before row 963: no note on either (only `commit: …` lines were read as commits).
    expect(aiNote(repo, 'HEAD')).toMatch(/^a\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
    run(['commit', '-q', '-m', 'rest'], wip);
    expect(aiNote(repo, 'HEAD')).toMatch(/^b\.txt\n {2}s_0123456789abcd::t_[0-9a-f]{14} 2\n---\n/);
  });

  it('the same variable set only at the commit, no reset before it: no note', () => {
    const { repo, run } = hookedAgentCommit();
    repo.write('c.txt', 'agent b\n');
    run(['add', 'c.txt']);
    run(['commit', '-q', '-m', 'updating HEAD'], { GIT_REFLOG_ACTION: 'wip' });
    run(['commit', '-q', '--allow-empty', '-m', 'next'], { GIT_REFLOG_ACTION: 'wip' });
    expect(aiNote(repo, 'HEAD~1')).toBe('');
    expect(aiNote(repo, 'HEAD')).toBe('');
  });
});
