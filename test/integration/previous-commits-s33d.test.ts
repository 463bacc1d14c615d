// An agent's commit with a session (Claude Code's transcript, Codex's rollout, Gemini CLI's and Qwen
// Code's recordings) bounds the session's models by the previous commit's time: prepare-commit-msg
// and commit-msg each ran `git log -2 --first-parent HEAD` for it, the same answer twice per commit
// (~11 ms of CPU each: a git process). commit-msg now reads what prepare-commit-msg kept
// (<git dir>/aitrail/previous-commits) while HEAD, read from its files, is still the commit it names;
// anything else asks git as before. Real repositories, real git, real hooks.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previousCommitTime } from '../../src/git/commit-times.js';
import { headOidByFiles } from '../../src/git/head-by-files.js';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const KEPT = join('.git', 'aitrail', 'previous-commits');

/** A repository of two commits at known committer times. */
function twoCommits(): TestRepo {
  const repo = makeRepo();
  repo.commit('one\n', { 'a.txt': '1\n' }, { GIT_COMMITTER_DATE: '@1700000000 +0000' });
  repo.commit('two\n', { 'a.txt': '2\n' }, { GIT_COMMITTER_DATE: '@1700000100 +0000' });
  return repo;
}

const place = (repo: TestRepo, env: NodeJS.ProcessEnv = {}) => ({ gitDir: join(repo.dir, '.git'), env });

describe('the previous commit time, kept for the next hook of the same commit', () => {
  it('answers as git does (HEAD, or for an amend its first parent) and keeps git answer for HEAD', () => {
    const repo = twoCommits();
    const head = repo.git(['rev-parse', 'HEAD']);
    expect(previousCommitTime(repo.dir, undefined, place(repo))).toBe(1700000100);
    expect(readFileSync(join(repo.dir, KEPT), 'latin1')).toBe(`${head} 1700000100\n${repo.git(['rev-parse', 'HEAD~1'])} 1700000000\n`);
    expect(previousCommitTime(repo.dir, 'HEAD', place(repo))).toBe(1700000000);
    expect(previousCommitTime(repo.dir, head, place(repo))).toBe(1700000000);
    // Without a place: git only, nothing read or kept.
    rmSync(join(repo.dir, KEPT));
    expect(previousCommitTime(repo.dir)).toBe(1700000100);
    expect(() => readFileSync(join(repo.dir, KEPT))).toThrow();
  });

  it('reads what was kept while HEAD is the commit it names, and never once HEAD moved', () => {
    const repo = twoCommits();
    const head = repo.git(['rev-parse', 'HEAD']);
    expect(previousCommitTime(repo.dir, undefined, place(repo))).toBe(1700000100);
    // What is kept is what is read (the same HEAD): a changed time shows that no git ran.
    writeFileSync(join(repo.dir, KEPT), `${head} 1700000042\n`);
    expect(previousCommitTime(repo.dir, undefined, place(repo))).toBe(1700000042);
    // A new commit: HEAD names another commit, git is asked again and its answer kept.
    repo.commit('three\n', { 'a.txt': '3\n' }, { GIT_COMMITTER_DATE: '@1700000200 +0000' });
    expect(previousCommitTime(repo.dir, undefined, place(repo))).toBe(1700000200);
    expect(previousCommitTime(repo.dir, 'HEAD', place(repo))).toBe(1700000100);
    // HEAD moved back (a reset): the kept answer names another commit.
    repo.git(['reset', '-q', '--hard', head]);
    expect(previousCommitTime(repo.dir, undefined, place(repo))).toBe(1700000100);
  });

  it('asks git for a HEAD its files do not tell (packed ref, GIT_COMMON_DIR, unborn) and ignores a damaged record', () => {
    const repo = twoCommits();
    const head = repo.git(['rev-parse', 'HEAD']);
    repo.git(['pack-refs', '--all']);
    expect(headOidByFiles(join(repo.dir, '.git'), {})).toBeNull();
    mkdirSync(join(repo.dir, '.git', 'aitrail'), { recursive: true });
    writeFileSync(join(repo.dir, KEPT), `${head} 1700000042\n`);
    expect(previousCommitTime(repo.dir, undefined, place(repo))).toBe(1700000100);
    repo.commit('three\n', { 'a.txt': '3\n' }, { GIT_COMMITTER_DATE: '@1700000200 +0000' });
    const now = repo.git(['rev-parse', 'HEAD']);
    expect(headOidByFiles(join(repo.dir, '.git'), {})).toBe(now);
    expect(headOidByFiles(join(repo.dir, '.git'), { GIT_COMMON_DIR: join(repo.dir, '.git') })).toBeNull();
    for (const damaged of [`${now} 1700000042`, `${now} 1700000042\nnot a line\n`, `${now} -1\n`, `${now.toUpperCase()} 1700000042\n`, `${now} 1700000042\n${`${'0'.repeat(40)} 1\n`.repeat(32)}`]) {
      writeFileSync(join(repo.dir, KEPT), damaged);
      expect(previousCommitTime(repo.dir, undefined, place(repo)), damaged).toBe(1700000200);
    }
    const unborn = makeRepo();
    expect(headOidByFiles(join(unborn.dir, '.git'), {})).toBeNull();
    expect(previousCommitTime(unborn.dir, undefined, place(unborn))).toBeNull();
  });

  it('reads a detached HEAD and a linked worktree (its HEAD in its git dir, the branch in the common one)', () => {
    const repo = twoCommits();
    const first = repo.git(['rev-parse', 'HEAD~1']);
    const tree = join(tempDir(), 'linked');
    repo.git(['worktree', 'add', '-q', '-b', 'side', tree, first]);
    const linkedGitDir = join(repo.dir, '.git', 'worktrees', 'linked');
    expect(headOidByFiles(linkedGitDir, {})).toBe(first);
    expect(previousCommitTime(tree, undefined, { gitDir: linkedGitDir, env: {} })).toBe(1700000000);
    expect(readFileSync(join(linkedGitDir, 'aitrail', 'previous-commits'), 'latin1')).toBe(`${first} 1700000000\n`);
    repo.git(['checkout', '-q', '--detach', 'HEAD']);
    expect(headOidByFiles(join(repo.dir, '.git'), {})).toBe(repo.git(['rev-parse', 'HEAD']));
    // A branch name that is not the plain form is git's to read.
    writeFileSync(join(repo.dir, '.git', 'HEAD'), 'ref: refs/heads/../../HEAD\n');
    expect(headOidByFiles(join(repo.dir, '.git'), {})).toBeNull();
  });
});

describe("an agent's commit with a session runs git log for the previous commit once, not once per hook", () => {
  const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
  const assistant = (model: string, timestamp: string) =>
    `${JSON.stringify({ parentUuid: null, isSidechain: false, sessionId: SESSION, message: { model, role: 'assistant', content: [{ type: 'text', text: 'ok' }] }, type: 'assistant', uuid: 'u', timestamp })}\n`;

  it('records and refuses as before, with one `git log -2` in the whole commit', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    repo.commit('chore: previous\n', { 'previous.txt': 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: '2026-01-01T12:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T12:00:00Z' });
    const home = homeWith({ '.claude/settings.json': '{"model": "claude-sonnet-4-5"}', [`.claude/projects/-work-app/${SESSION}.jsonl`]: assistant('qwen3-coder', '2026-01-01T11:00:00.000Z') + assistant('claude-sonnet-4-5', '2026-01-01T13:00:00.000Z') });
    const trace = join(tempDir(), 'trace');
    mkdirSync(join(trace, '..'), { recursive: true });
    const base = hookEnv({ HOME: home, CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', CLAUDE_CODE_SESSION_ID: SESSION, GIT_TRACE: trace });
    const env = { ...base, PATH: `${agentsOnPath([{ name: 'claude', title: 'claude' }])}:${base.PATH ?? ''}` };
    // qwen3-coder answered before the previous commit: outside the window, the commit passes.
    const passed = commitThrough(repo, 'claude', [], env);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
    const logs = readFileSync(trace, 'utf8').match(/trace: built-in: git log -32 --first-parent /g) ?? [];
    expect(logs).toHaveLength(1);
  });
});

describe('what is kept says nothing about the next commit: a person\'s commit after it still starts no node', () => {
  it('an agent commits with its session (the previous commits kept), then a person commits: the shims decide without node', () => {
    const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const { repo, env, started } = hookedRepo();
    // A person's commit stamps the fast path.
    writeFileSync(join(repo.dir, 'a.txt'), 'person\n');
    expect(tryGit(repo.dir, ['commit', '-q', '-am', 'Person first'], { env }).code).toBe(0);
    const transcript = `${JSON.stringify({ type: 'assistant', timestamp: new Date().toISOString(), message: { model: 'claude-sonnet-4-5', role: 'assistant', content: [] } })}\n`;
    const home = homeWith({ [`.claude/projects/-work-app/${SESSION}.jsonl`]: transcript });
    writeFileSync(join(repo.dir, 'a.txt'), 'agent\n');
    const agent = tryGit(repo.dir, ['commit', '-q', '-am', 'Agent work'], { env: { ...env, HOME: home, CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', CLAUDE_CODE_SESSION_ID: SESSION } });
    expect(agent.code, agent.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('claude-code:anthropic/claude-sonnet-4.5');
    expect(readFileSync(join(repo.dir, KEPT), 'latin1')).toMatch(/^[0-9a-f]{40} \d+\n/);
    writeFileSync(started, '');
    writeFileSync(join(repo.dir, 'a.txt'), 'person again\n');
    // Another person (the same author within the same second is an amend to the shim's gate).
    const person = { ...env, GIT_AUTHOR_NAME: 'Other Human', GIT_AUTHOR_EMAIL: 'other@example.com' };
    expect(tryGit(repo.dir, ['commit', '-q', '-am', 'Person again'], { env: person }).code).toBe(0);
    expect(readdirSync(join(repo.dir, '.git', 'aitrail')).sort()).toContain('previous-commits');
    expect(readFileSync(started, 'utf8')).toBe('');
  });
});
