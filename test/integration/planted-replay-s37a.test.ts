// A `.env` the repository commits, loaded by aider, Gemini CLI and Qwen Code into the environment of
// their `git commit` (row 430's loading), against what rows 441 and 430 left: git's cherry-pick
// variable outside a pick, git's rebase variables at a stop of an interactive rebase, and aitrail's
// own switches under husky. Real repositories, the hooks installed by the real `aitrail init`, the
// agent's environment as it would be set, the rebases run by the real git.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentEdit, noteOf } from '../helpers/agent-edits.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo, huskyDenyQwen } from '../helpers/hooked-repo.js';
import { tempDir } from '../helpers/gitdir.js';

/** Qwen Code's `git commit`: its own marker and model, the committed .env's variables loaded over them. */
function qwenCode(env: NodeJS.ProcessEnv, planted: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, HOME: tempDir('aitrail-home-'), ...planted, QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' };
}

const QWEN_TRAILER = 'Assisted-by: qwen-code:qwen/qwen3-coder';

describe("GIT_REFLOG_ACTION=cherry-pick from a committed .env", () => {
  it.each([['cherry-pick'], ['revert']])("%s: Gemini CLI's commit still gets its line-level note", (action) => {
    const { repo, env } = hookedRepo();
    const setUp = { ...env, AITRAIL: '0' };
    repo.commit('chore: env\n', { '.env': `GIT_REFLOG_ACTION=${action}\n`, 'src/x.ts': 'one\ntwo\n' }, setUp);
    agentEdit(repo, 'src/x.ts', 'two\n', 'two\nthree\n', 'gemini-cli');
    repo.git(['add', 'src/x.ts']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: three'], { env: { ...env, GEMINI_CLI: '1', GIT_REFLOG_ACTION: action } });
    expect(made.code, made.stderr).toBe(0);
    // Before: post-commit took the commit for git's own pick and wrote no note (the trailer was recorded).
    expect(noteOf(repo, 'HEAD').files).toEqual({ 'src/x.ts': ['3,3'] });
  });
});

describe("git's rebase variables from a committed .env at a stop of an interactive rebase", () => {
  /** A hooked repository whose committed .env plants `GIT_REFLOG_ACTION=rebase (pick)`, with two commits to rebase. */
  function stoppedAt(todo: string, conflict = false, options: string[] = []): { repo: ReturnType<typeof hookedRepo>['repo']; env: NodeJS.ProcessEnv; setUp: NodeJS.ProcessEnv } {
    const { repo, env } = hookedRepo();
    // Authored in the past: a commit made in the same second as the agent's, by the same author, may be taken for the one it amends.
    const setUp = { ...env, AITRAIL: '0', GIT_AUTHOR_DATE: '@1700000000 +0000' };
    repo.commit('chore: env\n', { 'tools/.env': 'GIT_REFLOG_ACTION="rebase (pick)"\n' }, setUp);
    repo.commit('one\n', { 'one.txt': '1\n' }, setUp);
    repo.commit('two\n', { 'two.txt': '2\n' }, setUp);
    if (conflict) {
      repo.git(['checkout', '-q', '-b', 'other', 'HEAD~2']);
      repo.commit('other\n', { 'one.txt': 'other\n' }, setUp);
      repo.git(['checkout', '-q', 'main']);
    }
    const started = tryGit(repo.dir, ['rebase', '-q', '-i', ...options, ...(conflict ? ['other'] : ['--force-rebase', 'HEAD~2'])], { env: { ...setUp, GIT_SEQUENCE_EDITOR: todo, GIT_EDITOR: 'true' } });
    expect(existsSync(join(repo.dir, '.git/rebase-merge/stopped-sha')), started.stderr).toBe(true);
    return { repo, env, setUp };
  }

  it("an edit stop: Qwen Code's own commit there is recorded, not taken for a replay; git's continue stays a replay", () => {
    const { repo, env } = stoppedAt("sed -i -e '1s/^pick/edit/'");
    repo.write('new.txt', 'qwen\n');
    repo.git(['add', 'new.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen at the stop'], { env: qwenCode(env, { GIT_REFLOG_ACTION: 'rebase (pick)' }) });
    expect(made.code, made.stderr).toBe(0);
    // Before: a "replay", recorded with no trailer; CI and pre-receive then saw a person's commit.
    expect(repo.git(['log', '-1', '--format=%B'])).toBe(`feat: qwen at the stop\n\n${QWEN_TRAILER}`);
    // An amend of the stopped commit by the agent, too.
    repo.write('new.txt', 'qwen 2\n');
    repo.git(['add', 'new.txt']);
    const amended = tryGit(repo.dir, ['commit', '-q', '--amend', '-m', 'feat: qwen amended'], { env: qwenCode(env, { GIT_REFLOG_ACTION: 'rebase (pick)' }) });
    expect(amended.code, amended.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe(`feat: qwen amended\n\n${QWEN_TRAILER}`);
    // git's own commits of the rest of the rebase replay: the agent's environment adds nothing to `two`.
    const rest = tryGit(repo.dir, ['rebase', '--continue'], { env: qwenCode({ ...env, GIT_EDITOR: 'true' }, {}) });
    expect(rest.code, rest.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('two');
  });

  it("a conflict stop: git's own commit at --continue (the stopped commit's author) stays a replay; a commit made there is new work", () => {
    const { repo, env, setUp } = stoppedAt('true', true);
    repo.write('one.txt', 'resolved\n');
    repo.git(['add', 'one.txt']);
    // git rebase --continue commits the resolved pick with the author git wrote in rebase-merge/author-script.
    const resumed = tryGit(repo.dir, ['rebase', '--continue'], { env: qwenCode({ ...env, GIT_EDITOR: 'true' }, { GIT_REFLOG_ACTION: 'rebase (pick)' }) });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(repo.git(['log', '-2', '--format=%B'])).toBe('two\n\none');

    // Again, with a commit of the agent's own at the conflict stop.
    repo.git(['checkout', '-q', '-b', 'again', 'ORIG_HEAD']);
    expect(tryGit(repo.dir, ['rebase', '-q', '-i', 'other'], { env: { ...setUp, GIT_SEQUENCE_EDITOR: 'true' } }).code).not.toBe(0);
    repo.write('one.txt', 'resolved\n');
    repo.git(['add', 'one.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen resolves'], { env: qwenCode(env, { GIT_REFLOG_ACTION: 'rebase (pick)' }) });
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe(`feat: qwen resolves\n\n${QWEN_TRAILER}`);
  });
  it("--reset-author-date: git's own commit at --continue (dated now, not the author-script's) stays a replay", () => {
    const { repo, env } = stoppedAt('true', true, ['--reset-author-date']);
    repo.write('one.txt', 'resolved\n');
    repo.git(['add', 'one.txt']);
    const resumed = tryGit(repo.dir, ['rebase', '--continue'], { env: qwenCode({ ...env, GIT_EDITOR: 'true' }, { GIT_REFLOG_ACTION: 'rebase (pick)' }) });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(repo.git(['log', '-2', '--format=%B'])).toBe('two\n\none');
  });
});

describe('aitrail switches from a committed .env under husky', () => {
  it("AITRAIL=0 in a committed .env no longer switches aitrail off for Qwen Code's commit; a person's own AITRAIL=0 still does", () => {
    const { repo, env, setUp } = huskyDenyQwen();
    repo.write('a.txt', 'one\n');
    repo.git(['add', 'a.txt']);
    // The person's own AITRAIL=0 (their shell, no committed .env sets it): the hooks are off.
    const own = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: own'], { env: qwenCode(env, { AITRAIL: '0' }) });
    expect(own.code, own.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('feat: own');

    repo.commit('chore: env\n', { '.qwen/.env': 'AITRAIL=0\nAITRAIL_QUIET=1\n' }, setUp);
    repo.write('a.txt', 'two\n');
    repo.git(['add', 'a.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen'], { env: qwenCode(env, { AITRAIL: '0', AITRAIL_QUIET: '1' }) });
    // Before: husky's block read AITRAIL=0 and ended, so the denied model's commit went in unrecorded.
    expect(made.code).not.toBe(0);
    expect(made.stderr).toContain('AITRAIL=0 ignored: a .env file this repository commits sets AITRAIL');
    expect(made.stderr).toContain('AITRAIL_QUIET ignored');
    expect(made.stderr).toContain('qwen');
  });
});
