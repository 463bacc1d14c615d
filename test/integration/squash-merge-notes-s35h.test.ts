// A local `git merge --squash <branch>` then `git commit`: git copies no note to the squash commit,
// whose message quotes the branch's trailers, so `blame` gave every line of it to the model they
// name. The hooks now compose its git-ai note from the squashed commits' notes, as
// `aitrail notes squash` does by hand (and git-ai's own hooks do for a squash merge).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { commitFile, hookedRepo } from '../helpers/hooked-repo.js';
import { laterThanNow, type TestRepo } from '../helpers/gitdir.js';

const QWEN = { AITRAIL_MODEL: 'qwen/qwen3-coder', AITRAIL_AGENT: 'qwen-code' };

/**
 * main holds `a b c`; feature adds Qwen's two lines (its commit declares Qwen, its note gives it
 * lines 2-3) and then a person's three (`withNote: false`: Qwen's commit has no note).
 */
function branch(withNote = true) {
  const { repo, env, started } = hookedRepo();
  const human = { ...env, AITRAIL: '0' };
  commitFile(repo, human, 'a\nb\nc\n', 'base');
  repo.git(['checkout', '-q', '-b', 'feature']);
  const qwen = commitFile(repo, { ...env, ...QWEN }, 'a\nq1\nq2\nb\nc\n', 'qwen work');
  if (withNote) addNote(repo, qwen, gitAiNote({ 'f.txt': [session(NOTE_KEYS.qwen, '2-3')] }));
  commitFile(repo, human, 'a\nq1\nq2\nb\nh1\nh2\nc\nh3\n', 'human work');
  repo.git(['checkout', '-q', 'main']);
  return { repo, env, started };
}

function totals(repo: TestRepo) {
  const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).totals;
}

const noteOf = (repo: TestRepo, rev = 'HEAD') => tryGit(repo.dir, ['notes', '--ref=ai', 'show', rev]);

describe('a local squash merge gets the line-level note of what it squashed', () => {
  it.each([
    ["git's prepared message", ['commit', '-q', '--no-edit']],
    ['a message of its own (-m)', ['commit', '-q', '-m', 'Squash feature']],
    ['--no-verify', ['commit', '-q', '--no-verify', '--no-edit']],
  ])('%s: the squash commit\'s note gives Qwen its 2 lines, not all 5', (_name, commit) => {
    const { repo, env } = branch();
    expect(tryGit(repo.dir, ['merge', '-q', '--squash', 'feature'], { env }).code).toBe(0);
    const made = tryGit(repo.dir, commit, { env });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toBe('');
    const note = noteOf(repo);
    expect(note.code, note.stderr).toBe(0);
    expect(note.stdout).toMatch(/^f\.txt\n {2}s_5a5a5a5a5a5a5a::t_9f8e7d6c5b4a32 2-3\n---\n/);
    expect(totals(repo)).toMatchObject({ lines: 9, ai: 2, human: 7, byModel: { 'qwen/qwen3-coder': 2 } });
    // The note `aitrail notes squash` composes by hand is this very one.
    const parent = repo.git(['rev-parse', 'HEAD^']);
    const squash = aitrail(repo.dir, ['notes', 'squash', `${parent}..feature`, '--onto', 'HEAD']);
    expect(squash.code, squash.stderr).toBe(0);
    expect(squash.stdout + squash.stderr).toMatch(/already this one/);
    expect(existsSync(join(repo.dir, '.git', 'aitrail', 'squash-source'))).toBe(false);
  });

  it('a squashed commit that declares AI without a note keeps the commit-level word: no note, a warning', () => {
    const { repo, env } = branch(false);
    // A second agent commit with a note, so that one note exists to carry.
    repo.git(['checkout', '-q', 'feature']);
    const noted = commitFile(repo, { ...env, ...QWEN }, 'a\nq1\nq2\nb\nh1\nh2\nc\nh3\nq3\n', 'qwen again');
    addNote(repo, noted, gitAiNote({ 'f.txt': [session(NOTE_KEYS.qwen, '9')] }));
    repo.git(['checkout', '-q', 'main']);
    expect(tryGit(repo.dir, ['merge', '-q', '--squash', 'feature'], { env }).code).toBe(0);
    const made = tryGit(repo.dir, ['commit', '-q', '--no-edit'], { env });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stderr).toMatch(/got no line-level note: squashed commit [0-9a-f]{12} declares AI but has no git-ai note/);
    expect(noteOf(repo).code).not.toBe(0);
    expect(totals(repo)).toMatchObject({ lines: 10, ai: 6 });
  });

  it("git-ai's own note of the squash commit (its post-commit, chained first) is left as it is", () => {
    const { repo, env } = branch();
    const hook = join(repo.dir, '.git', 'hooks', 'post-commit');
    const gitAi = gitAiNote({ 'f.txt': [session(NOTE_KEYS.claude, '2')] });
    writeFileSync(`${hook}.aitrail-chained`, `#!/bin/sh\ngit notes --ref=ai add -f -F - HEAD <<'EOF'\n${gitAi}EOF\n`, { mode: 0o755 });
    expect(tryGit(repo.dir, ['merge', '-q', '--squash', 'feature'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '--no-edit'], { env }).code).toBe(0);
    expect(noteOf(repo).stdout).toBe(gitAi);
  });

  it('nothing kept lends its notes to a later commit, and a person starts no node for them', () => {
    const { repo, env, started } = branch();
    expect(tryGit(repo.dir, ['merge', '-q', '--squash', 'feature'], { env }).code).toBe(0);
    // The squash's commit is started, then abandoned (an empty message), and the squash undone.
    expect(tryGit(repo.dir, ['commit', '-q'], { env: { ...env, GIT_EDITOR: "sh -c ': >\"$1\"' -" } }).code).not.toBe(0);
    expect(existsSync(join(repo.dir, '.git', 'aitrail', 'squash-source'))).toBe(true);
    repo.git(['reset', '-q', '--hard']);
    repo.write('f.txt', 'a\nq1\nq2\nb\nc\n');
    repo.git(['add', 'f.txt']);
    const human = tryGit(repo.dir, ['commit', '-q', '-m', 'A person types the same two lines'], { env });
    expect(human.code, human.stderr).toBe(0);
    expect(noteOf(repo).code).not.toBe(0);
    expect(existsSync(join(repo.dir, '.git', 'aitrail', 'squash-source'))).toBe(false);
    // A person's next commit: no node at all.
    writeFileSync(started, '');
    repo.write('g.txt', 'g\n');
    repo.git(['add', 'g.txt']);
    // Past the second of the commits before (the same author in the same second is what an amend of an AI
    // commit looks like to the shims, .git/aitrail/ai-author): a fast machine makes them all in one.
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'Plain'], { env: { ...env, GIT_AUTHOR_DATE: laterThanNow() } }).code).toBe(0);
    expect(readFileSync(started, 'utf8')).toBe('');
  });

  it('a squash in a repository without notes starts no node after the commit', () => {
    const { repo, env, started } = branch();
    repo.git(['update-ref', '-d', 'refs/notes/ai']);
    expect(tryGit(repo.dir, ['merge', '-q', '--squash', 'feature'], { env }).code).toBe(0);
    writeFileSync(started, '');
    expect(tryGit(repo.dir, ['commit', '-q', '--no-edit'], { env }).code).toBe(0);
    expect(readFileSync(started, 'utf8')).not.toMatch(/post-commit/);
  });
});
