// Session 49, task k (issue 12 item 2): a person's first amend of a commit ran one `git log` in post-rewrite
// (aitrail_plain: does the replaced commit name an agent?). commit-msg of `git commit`, finding no AI signal,
// now also judges the commit as aitrail_plain would (src/install/fast-path.ts markedFunction) and keeps that
// for the post-commit of the same git process (keyed by pid, start time, boot id; author and author date),
// which keeps the new commit's id (keptCommitLines, `plain-commit`); post-rewrite after the amend reads it
// and starts nothing. Real commits and amends through the shims `init` installs, GIT_TRACE noting every git
// process (git puts its exec-path first on the hooks' PATH: a wrapper would not be run).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

function setup() {
  const { repo, env, started } = hookedRepo();
  const runs = join(tempDir('aitrail-git-runs-'), 'trace');
  const kept = join(repo.dir, '.git', 'aitrail', 'fast-path', 'plain-commit');
  const commit = (args: string[], extra: NodeJS.ProcessEnv = {}) => {
    writeFileSync(runs, '');
    writeFileSync(started, '');
    repo.write('a.txt', `${Math.random()}\n`);
    repo.git(['add', '-A']);
    const result = tryGit(repo.dir, ['commit', '-q', ...args], { env: { ...env, GIT_TRACE: runs, ...extra } });
    expect(result.code, result.stderr).toBe(0);
    const lines = readFileSync(runs, 'utf8').split('\n');
    return {
      gitLog: lines.filter((line) => / built-in: git log /.test(line)).length,
      started: readFileSync(started, 'utf8').split('\n').filter(Boolean),
      message: repo.git(['log', '-1', '--format=%B']).trim(),
    };
  };
  const keptIds = () => readFileSync(kept, 'utf8').split('\n').slice(1, 3);
  return { repo, commit, kept, keptIds };
}

describe("a person's first amend starts no process in post-rewrite (task s49k)", () => {
  it('a plain commit, then its amend, then an amend of that: no git log, no node', () => {
    const { repo, commit, keptIds } = setup();
    expect(commit(['-m', 'fix: the parser'])).toMatchObject({ gitLog: 0, started: [] });
    const first = repo.git(['rev-parse', 'HEAD']).trim();
    expect(keptIds()[0]).toBe(first);
    expect(commit(['--amend', '-m', 'fix: the parser, amended'])).toMatchObject({ gitLog: 0, started: [] });
    const second = repo.git(['rev-parse', 'HEAD']).trim();
    expect(keptIds()).toEqual([second, first]);
    expect(commit(['--amend', '--no-edit'])).toMatchObject({ gitLog: 0, started: [] });
  });

  it('an amend dropping what the amended commit declared still starts node, which records it again', () => {
    const { repo, commit, keptIds } = setup();
    const declared = commit(['-m', 'feat: parser\n\nCo-authored-by: Claude <noreply@anthropic.com>']);
    expect(declared.started.length).toBeGreaterThan(0);
    const made = repo.git(['rev-parse', 'HEAD']).trim();
    const amended = commit(['--amend', '-m', 'feat: parser, tidied']);
    expect(amended.started).toContain('hook post-rewrite amend');
    expect(amended.message).toMatch(/claude/i);
    // The commit with the trailer was never kept as plain.
    expect(keptIds()).not.toContain(made);
  });

  it('a message with a text only aitrail_plain reads (an identity text, `code`) is not kept: its amend reads the commit', () => {
    const { repo, commit, keptIds } = setup();
    expect(commit(['-m', 'refactor the code path']).started).toEqual([]);
    const made = repo.git(['rev-parse', 'HEAD']).trim();
    expect(keptIds()).not.toContain(made);
    expect(commit(['--amend', '-m', 'refactor again']).gitLog).toBeGreaterThan(0);
  });

  it("a mark under another git process's key, or another author date, keeps nothing", () => {
    const { repo, commit, keptIds } = setup();
    commit(['-m', 'fix: one']);
    const mark = join(repo.dir, '.git', 'aitrail', 'fast-path', 'plain-mark');
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    // A commit commit-msg does not judge (--no-verify), under a mark left by another process (a failed commit's), then one with an author date of another commit.
    writeFileSync(mark, `aitrail 0.1.0\n1 1 ${bootId}\nA U Thor <author@example.com>\n@1700000000 +0000\n`);
    commit(['--no-verify', '-m', 'refactor the code path']);
    expect(keptIds()).not.toContain(repo.git(['rev-parse', 'HEAD']).trim());
    expect(readFileSync(mark, 'utf8')).toBe('');
  });
});
