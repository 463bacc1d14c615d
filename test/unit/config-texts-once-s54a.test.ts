// Session 54 helper a (row 1121): commit-msg asked the config files two questions on every commit
// (core.commentChar / core.commentString, then i18n.commitEncoding; commit.cleanup when the message has
// comment lines) and read the three to five files git may read once per question (found by strace of
// one `aitrail hook commit-msg`: .git/config, ~/.gitconfig, /etc/gitconfig opened twice). Now one hook run
// reads each once (ConfigTexts), and every answer is the one a fresh read gives at that moment.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers/gitdir.js';
import { commentCharFor, commitEncodingFor, stripsComments, type ConfigTexts } from '../../src/hooks/comment-char.js';

function repoWithHome() {
  const repo = makeRepo();
  repo.commit('start\n', { 'a.txt': 'a\n' });
  const gitDir = join(repo.dir, '.git');
  const home = join(gitDir, 'home');
  mkdirSync(home);
  const env: NodeJS.ProcessEnv = { HOME: home, GIT_CONFIG_NOSYSTEM: '1', PATH: process.env.PATH, GIT_EDITOR: ':' };
  return { repo, gitDir, home, env };
}

describe('the message hooks read the config files once per run (row 1121)', () => {
  it('one read answers the comment prefix, the encoding and the cleanup: a file changed after it is not read again', () => {
    const { repo, gitDir, home, env } = repoWithHome();
    writeFileSync(join(home, '.gitconfig'), '[user]\n\tname = Someone\n');
    const texts: ConfigTexts = new Map();
    expect(commentCharFor(repo.dir, 'Add a feature\n', { gitDir, env, texts })).toBe('#');
    // The files the first question read, each kept: the repository's config, ~/.gitconfig (text); the others absent (null).
    expect(texts.get(join(gitDir, 'config'))).toContain('[core]');
    expect(texts.get(join(home, '.gitconfig'))).toBe('[user]\n\tname = Someone\n');
    expect(texts.get(join(gitDir, 'config.worktree'))).toBeNull();
    // Set after that read: the run's answers are those of the files as it read them (no second read)…
    execFileSync('git', ['config', 'i18n.commitEncoding', 'ISO-8859-1'], { cwd: repo.dir, env });
    execFileSync('git', ['config', 'commit.cleanup', 'strip'], { cwd: repo.dir, env });
    expect(commitEncodingFor(repo.dir, gitDir, env, texts)).toBeUndefined();
    expect(stripsComments(repo.dir, ';', env, 'Add\n; note\n', gitDir, texts)).toBe(false);
    // …and a new run (no texts kept) reads them again and answers as git does.
    expect(commitEncodingFor(repo.dir, gitDir, env)).toBe('ISO-8859-1');
    expect(stripsComments(repo.dir, ';', env, 'Add\n; note\n', gitDir)).toBe(true);
    expect(commitEncodingFor(repo.dir, gitDir, env, new Map())).toBe('ISO-8859-1');
  });

  it('a setting already there when the run reads is found by every question that shares the read', () => {
    const { repo, gitDir, env } = repoWithHome();
    execFileSync('git', ['config', 'i18n.commitEncoding', 'ISO-8859-1'], { cwd: repo.dir, env });
    execFileSync('git', ['config', 'core.commentChar', ';'], { cwd: repo.dir, env });
    const texts: ConfigTexts = new Map();
    expect(commentCharFor(repo.dir, 'Add a feature\n', { gitDir, env, texts })).toBe(';');
    expect(commitEncodingFor(repo.dir, gitDir, env, texts)).toBe('ISO-8859-1');
  });

  it('an include in a file read once: every question that shares the read answers as one that reads afresh', () => {
    const { repo, gitDir, env } = repoWithHome();
    writeFileSync(join(gitDir, 'more.gitconfig'), '[i18n]\n\tcommitEncoding = ISO-8859-1\n');
    execFileSync('git', ['config', 'include.path', join(gitDir, 'more.gitconfig')], { cwd: repo.dir, env });
    const texts: ConfigTexts = new Map();
    expect(commentCharFor(repo.dir, 'Add a feature\n', { gitDir, env, texts })).toBe(commentCharFor(repo.dir, 'Add a feature\n', { gitDir, env }));
    expect(commitEncodingFor(repo.dir, gitDir, env, texts)).toBe(commitEncodingFor(repo.dir, gitDir, env));
    expect(commitEncodingFor(repo.dir, gitDir, env, texts)).toBe('ISO-8859-1');
  });
});
