// A person amends an agent's commit outside the agent: `git commit --amend -m "new message"` (or
// -F) writes a new message, so the agent's `Assisted-by` trailer went with the old one, and no agent
// variable was there to record it again: the amended commit, the agent's lines still in it, read
// as the person's in `log`, `blame` and `check`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const QWEN = { AITRAIL_MODEL: 'qwen/qwen3-coder', AITRAIL_AGENT: 'qwen-code' };
/** The agent committed a while ago: an amend keeps that author date, a new commit takes the time it is made. */
const EARLIER = { GIT_AUTHOR_DATE: '2026-11-30T10:00:00Z' };

/** A repository with aitrail's hooks and an `aitrail` on PATH that notes each start; a person's commit stamps the fast path. */
const setup = hookedRepo;

function commit(repo: TestRepo, env: NodeJS.ProcessEnv, args: string[], extra: NodeJS.ProcessEnv = {}): void {
  const made = tryGit(repo.dir, ['commit', '-q', ...args], { env: { ...env, ...extra } });
  expect(made.code, made.stderr).toBe(0);
}

/** The agent's commit: a line appended to a.txt, recorded by the hooks from the agent's variables. */
function agentCommit(repo: TestRepo, env: NodeJS.ProcessEnv, extra: NodeJS.ProcessEnv = EARLIER): void {
  writeFileSync(join(repo.dir, 'a.txt'), `${readFileSync(join(repo.dir, 'a.txt'), 'utf8')}agent line\n`);
  commit(repo, env, ['-am', 'Agent work'], { ...QWEN, ...extra });
  expect(trailers(repo)).toEqual(['qwen-code:qwen/qwen3-coder']);
}

const trailers = (repo: TestRepo, rev = 'HEAD') => repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly,separator=%x2C)', rev]).split(',').filter(Boolean);

describe('a person\'s amend of an agent\'s commit keeps the agent\'s models', () => {
  it('--amend -m and --amend -F: the new message gets the replaced commit\'s trailer, node starts past the fast path, and check refuses it', () => {
    const { repo, env, started } = setup();
    agentCommit(repo, env);
    writeFileSync(started, '');
    commit(repo, env, ['--amend', '-m', 'Parser, as reviewed']);
    expect(readFileSync(started, 'utf8')).toContain('hook prepare-commit-msg');
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('Parser, as reviewed\n\nAssisted-by: qwen-code:qwen/qwen3-coder');
    writeFileSync(join(repo.dir, 'msg.txt'), 'Parser, final\n\nSigned-off-by: Test Human <human@example.com>\n');
    commit(repo, env, ['--amend', '-F', 'msg.txt']);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('Parser, final\n\nSigned-off-by: Test Human <human@example.com>\nAssisted-by: qwen-code:qwen/qwen3-coder');
    writeFileSync(join(repo.dir, 'policy.yml'), 'policy:\n  deny: ["qwen/*"]\n');
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--config', 'policy.yml', '--format', 'json'], { env });
    expect(check.code, check.stderr).toBe(1);
    expect(check.stdout).toContain('qwen/qwen3-coder');
  });

  it('an amend that changes the content too, and one of a commit whose model is named by Claude\'s own co-author line', () => {
    const { repo, env } = setup();
    agentCommit(repo, env);
    writeFileSync(join(repo.dir, 'b.txt'), 'forgotten file\n');
    repo.git(['add', 'b.txt']);
    commit(repo, env, ['--amend', '-m', 'Parser and its test']);
    expect(trailers(repo)).toEqual(['qwen-code:qwen/qwen3-coder']);
    commit(repo, env, ['-q', '--allow-empty', '-m', 'Claude work\n\nCo-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>'], { GIT_AUTHOR_DATE: '2026-12-01T10:00:00Z' });
    commit(repo, env, ['--amend', '--allow-empty', '-m', 'Reworded']);
    expect(trailers(repo)).toEqual(['claude-code:anthropic/claude-opus-4.6']);
  });

  it('the person\'s own declaration in the new message is kept as written (a corrected model, `Assisted-by: none`)', () => {
    const { repo, env } = setup();
    agentCommit(repo, env);
    commit(repo, env, ['--amend', '-m', 'Parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder-plus']);
    expect(trailers(repo)).toEqual(['qwen-code:qwen/qwen3-coder-plus']);
    commit(repo, env, ['--amend', '-m', 'Parser, rewritten by hand\n\nAssisted-by: none']);
    expect(trailers(repo)).toEqual(['none']);
  });

  it('never a person\'s commit: a new commit after an agent\'s (at once, or with the same fixed dates), an amend of a person\'s commit', () => {
    const { repo, env, started } = setup();
    agentCommit(repo, env);
    commit(repo, env, ['--allow-empty', '-m', 'Person right after']);
    expect(trailers(repo)).toEqual([]);
    // Dates fixed by the environment (a script making reproducible history): not an amend.
    const fixed = { GIT_AUTHOR_DATE: '2026-11-30T10:00:00Z', GIT_COMMITTER_DATE: '2026-11-30T10:00:00Z' };
    agentCommit(repo, env, fixed);
    commit(repo, env, ['--allow-empty', '-m', 'Person, same fixed date'], fixed);
    expect(trailers(repo)).toEqual([]);
    // (Another past date: an author equal to the agent's commit to the second would be taken for an amend of it.)
    commit(repo, env, ['--allow-empty', '-m', 'Person work'], { GIT_AUTHOR_DATE: '2026-11-29T09:00:00Z' });
    writeFileSync(started, '');
    commit(repo, env, ['--amend', '--allow-empty', '-m', 'Person work, reworded']);
    expect(trailers(repo)).toEqual([]);
    // The shim reads HEAD itself: a person's amend of a person's commit starts no node.
    expect(readFileSync(started, 'utf8')).toBe('');
    const log = JSON.parse(aitrail(repo.dir, ['log', 'HEAD~1..HEAD', '--format', 'json'], { env }).stdout) as Array<{ ai: boolean }>;
    expect(log[0]?.ai).toBe(false);
  });
});
