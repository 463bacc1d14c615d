// Row 463's limit: git's rebase variables planted by a committed `.env` at a `break` stop (no
// `stopped-sha` there) or a stop after a failed `exec`. git writes `rebase-merge/author-script` for
// each commit it replays and removes it as each step begins: a commit made where there is none is new
// work. Real repositories, the hooks of the real `aitrail init`, the rebases run by the real git, a
// real bare server with pre-receive for the `--no-verify` push.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentEdit, noteOf } from '../helpers/agent-edits.js';
import { aitrail } from '../helpers/cli.js';
import { installHooks, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const PLANTED = { GIT_REFLOG_ACTION: 'rebase (pick)', GIT_CHERRY_PICK_HELP: 'x' };
const QWEN_TRAILER = 'Assisted-by: qwen-code:qwen/qwen3-coder';

/** Qwen Code's `git commit`: its marker and model, a committed .env's variables loaded over them. */
function qwenCode(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, HOME: tempDir('aitrail-home-'), ...PLANTED, QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' };
}

/** A hooked repository (deny qwen, a committed .env planting git's variables), stopped by `todo` in `git rebase -i --force-rebase HEAD~2`. */
function stopped(todo: string) {
  const { repo, env, started } = hookedRepo();
  const setUp = { ...env, AITRAIL: '0', GIT_AUTHOR_DATE: '@1700000000 +0000' };
  repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'tools/.env': 'GIT_REFLOG_ACTION="rebase (pick)"\nGIT_CHERRY_PICK_HELP=x\n', 'src/x.ts': 'one\ntwo\n' }, setUp);
  const base = repo.git(['rev-parse', 'HEAD']);
  repo.commit('one\n', { 'one.txt': '1\n' }, setUp);
  repo.commit('two\n', { 'two.txt': '2\n' }, setUp);
  const begun = tryGit(repo.dir, ['rebase', '-q', '-i', '--force-rebase', 'HEAD~2'], { env: { ...setUp, GIT_SEQUENCE_EDITOR: todo, GIT_EDITOR: 'true' } });
  expect(existsSync(join(repo.dir, '.git/rebase-merge')), begun.stderr).toBe(true);
  expect(existsSync(join(repo.dir, '.git/rebase-merge/stopped-sha'))).toBe(false);
  expect(existsSync(join(repo.dir, '.git/rebase-merge/author-script'))).toBe(false);
  return { repo, env, started, base };
}

describe("a commit at a `break` stop under git's planted rebase variables", () => {
  it("Qwen Code's `--no-verify` commit is recorded, so check and pre-receive refuse it; git's picks after it stay replays", () => {
    const { repo, env, base } = stopped("sed -i -e '1a break'");
    repo.write('new.txt', 'qwen\n');
    repo.git(['add', 'new.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', '--no-verify', '-m', 'feat: qwen at the break'], { env: qwenCode(env) });
    expect(made.code, made.stderr).toBe(0);
    // Before: taken for git's replay, no trailer: check, pre-push and pre-receive read a person's commit.
    expect(repo.git(['log', '-1', '--format=%B'])).toBe(`feat: qwen at the break\n\n${QWEN_TRAILER}`);
    // The person resumes in the same terminal: git's own pick of `two` gets nothing from the environment.
    const rest = tryGit(repo.dir, ['rebase', '--continue'], { env: qwenCode({ ...env, GIT_EDITOR: 'true' }) });
    expect(rest.code, rest.stderr).toBe(0);
    expect(repo.git(['log', '--format=%s|%(trailers:key=Assisted-by,valueonly,separator=+)', `${base}..HEAD`]).split('\n')).toEqual([
      'two|',
      'feat: qwen at the break|qwen-code:qwen/qwen3-coder',
      'one|',
    ]);
    expect(aitrail(repo.dir, ['check', `${base}..HEAD`], { env }).code).toBe(1);
    // A real server with pre-receive, pushed with --no-verify.
    const server = makeRepo({ bare: true });
    repo.git(['remote', 'add', 'origin', server.dir]);
    expect(tryGit(repo.dir, ['push', '-q', '--no-verify', 'origin', `${base}:refs/heads/main`], { env }).code).toBe(0);
    installHooks(join(server.dir, 'hooks'), ['pre-receive']);
    const pushed = tryGit(repo.dir, ['push', '--no-verify', 'origin', 'HEAD:refs/heads/feature'], { env });
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain('qwen/qwen3-coder');
  });

  it("Claude Code's commit at the break keeps its trailer and gets its line-level note", () => {
    const { repo, env } = stopped("sed -i -e '1a break'");
    agentEdit(repo, 'src/x.ts', 'two\n', 'two\nthree\n');
    repo.git(['add', 'src/x.ts']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: three'], { env: { ...env, ...PLANTED, CLAUDECODE: '1', AITRAIL_MODEL: 'anthropic/claude-opus-4.6' } });
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('feat: three\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6');
    // Before: no trailer, and post-commit took it for a replay: no note, the checkpoint left pending.
    expect(noteOf(repo, 'HEAD').files).toEqual({ 'src/x.ts': ['3,3'] });
  });

  // Held before too (row 28's exec test reads the last step of rebase-merge/done): kept as a guard.
  it('a stop after a failed `exec`: the commit made there is recorded', () => {
    const { repo, env } = stopped("sed -i -e '1a exec false'");
    repo.write('new.txt', 'qwen\n');
    repo.git(['add', 'new.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', '--no-verify', '-m', 'feat: qwen after exec'], { env: qwenCode(env) });
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe(`feat: qwen after exec\n\n${QWEN_TRAILER}`);
  });

  it("a person's rebase run in an agent's terminal: git's picks and folds stay replays, and the shims start no node for the picks", () => {
    const { repo, env, started, base } = stopped("sed -i -e '1a break'");
    const before = readFileSync(started, 'utf8');
    const rest = tryGit(repo.dir, ['rebase', '--continue'], { env: qwenCode({ ...env, GIT_EDITOR: 'true' }) });
    expect(rest.code, rest.stderr).toBe(0);
    expect(readFileSync(started, 'utf8')).toBe(before);
    const again = tryGit(repo.dir, ['rebase', '-q', '-i', '--force-rebase', base], { env: qwenCode({ ...env, GIT_SEQUENCE_EDITOR: "sed -i -e '2s/^pick/squash/'", GIT_EDITOR: 'true' }) });
    expect(again.code, again.stderr).toBe(0);
    expect(repo.git(['log', '--format=%B', `${base}..HEAD`])).not.toContain('Assisted-by');
  });
});
