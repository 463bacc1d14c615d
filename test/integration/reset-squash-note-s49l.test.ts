// row 931: `git reset --soft HEAD~2 && git commit` (the squash idiom) after an agent's commit: git
// copies no note, so the agent's lines read as the person's in `blame`, and `check` passed the new
// commit under a deny of the agent's model. git-ai rebuilds the undone commits' attributions at a
// backward reset so the next commit keeps them (git-ai-project/git-ai
// `src/authorship/rewrite_reset.rs`, `reconstruct_working_log_after_backward_reset`). Real
// repository, the hooks `aitrail init` installs, the agent's edit through `aitrail checkpoint`.
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode } from '../fixtures/agent-payloads.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { aitrail, gitRun } from '../helpers/hooks.js';

const BASE = 'alpha\nbravo\ncharlie\n';
const AGENT = 'alpha\nbravo\nx1\nx2\ncharlie\n';

/** main: the policy (Claude denied) and src/app.ts, hooks installed; feature: Claude Code's edit committed by the person, then the person's own line. */
function agentThenPerson(): TestRepo {
  const repo = makeRepo();
  repo.commit('base', { '.aitrailrc.yml': 'policy:\n  deny: ["anthropic/*"]\n  undeclared: allow\n', 'src/app.ts': BASE });
  const init = aitrail(repo.dir, ['init', '--mode', 'git']);
  expect(init.status, init.stderr).toBe(0);
  repo.git(['checkout', '-q', '-b', 'feature']);
  const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
  writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
  const edit = { file: join(repo.dir, 'src/app.ts'), relative: 'src/app.ts', cwd: repo.dir, old: 'bravo', replacement: 'bravo\nx1\nx2', transcript };
  expect(checkpoint(repo.dir, 'claude-code', claudeCode.pre(edit)).status).toBe(0);
  repo.write('src/app.ts', AGENT);
  expect(checkpoint(repo.dir, 'claude-code', claudeCode.post(edit)).status).toBe(0);
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-q', '-m', 'feat: the agent’s lines']);
  expect(note(repo, 'HEAD')).toContain('3-4');
  repo.write('src/app.ts', `${AGENT}mine\n`);
  git(repo, ['commit', '-q', '-am', 'feat: my line']);
  return repo;
}

function git(repo: TestRepo, args: string[]): string {
  const result = gitRun(repo.dir, args);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
}

const note = (repo: TestRepo, rev: string) => gitRun(repo.dir, ['notes', '--ref', 'ai', 'show', rev]).stdout;

const blame = (repo: TestRepo) => {
  const result = aitrail(repo.dir, ['blame', 'src/app.ts', '--format', 'json', '--no-cache']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout).totals as Record<string, unknown>;
};

describe('the first commit after a reset keeps the notes of the commits it undid (931)', () => {
  it.each([['--soft'], ['--mixed']])('git reset %s HEAD~2, then a commit: the agent’s lines stay the agent’s, and check refuses them', (mode) => {
    const repo = agentThenPerson();
    git(repo, ['reset', '-q', mode, 'HEAD~2']);
    if (mode === '--mixed') git(repo, ['add', '-A']);
    git(repo, ['commit', '-q', '-m', 'feat: squashed']);
    const text = note(repo, 'HEAD');
    expect(text).toMatch(/^src\/app\.ts\n {2}s_[0-9a-f]{14}::t_[0-9a-f]{14} 3-4\n---\n/);
    expect(text).toContain(`"base_commit_sha": "${git(repo, ['rev-parse', 'HEAD']).trim()}"`);
    expect(blame(repo)).toMatchObject({ lines: 6, ai: 2, human: 4, byModel: { 'anthropic/claude-opus-4.6': 2 } });
    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.status, check.stderr).toBe(1);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ rule: 'model-denied', model: 'anthropic/claude-opus-4.6' })]);
    // The next commit is no reset's: it gets no note.
    repo.write('src/app.ts', `${AGENT}mine\nmore\n`);
    git(repo, ['commit', '-q', '-am', 'feat: more']);
    expect(note(repo, 'HEAD')).toBe('');
  });

  it('a reset --hard, the person’s own lines committed: no note', () => {
    const repo = agentThenPerson();
    git(repo, ['reset', '-q', '--hard', 'HEAD~2']);
    repo.write('src/app.ts', `${BASE}theirs\n`);
    git(repo, ['commit', '-q', '-am', 'feat: my own']);
    expect(note(repo, 'HEAD')).toBe('');
    expect(blame(repo)).toMatchObject({ ai: 0 });
  });
});

/** A git-ai note (one AI line of a.txt) on `rev`. */
function addNote(repo: TestRepo, rev: string): void {
  const metadata = { schema_version: 'authorship/3.0.0', base_commit_sha: repo.git(['rev-parse', rev]), prompts: {}, sessions: { s_0123456789abcd: { agent_id: { tool: 'claude', id: 'x', model: 'claude-opus-4-6' } } } };
  repo.git(['notes', '--ref=ai', 'add', '-f', '-m', `a.txt\n  s_0123456789abcd::t_0123456789abcd 1\n---\n${JSON.stringify(metadata, null, 2)}`, rev]);
}

describe('what the reset gate costs a person (931)', () => {
  it('no process without a note; with notes, one `tail` on the first commit after a merge and none after; node only after a reset', () => {
    const { repo, env, started } = hookedRepo();
    // A `tail` on PATH that notes each start (the shim's PATH keeps absolute folders outside the work tree).
    const bin = env.PATH!.slice(0, env.PATH!.indexOf(':'));
    const tails = join(bin, '..', 'tails');
    const real = spawnSync('sh', ['-c', 'command -v tail'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(bin, 'tail'), `#!/bin/sh\nprintf 'tail\\n' >>'${tails}'\nexec '${real}' "$@"\n`);
    chmodSync(join(bin, 'tail'), 0o755);
    let tick = 0;
    const run = (args: string[]) => {
      writeFileSync(started, '');
      writeFileSync(tails, '');
      tick += 1;
      const result = spawnSync('git', args, { cwd: repo.dir, env: { ...env, GIT_AUTHOR_DATE: `@${1780000000 + tick} +0000`, GIT_COMMITTER_DATE: `@${1780000000 + tick} +0000` }, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return { node: readFileSync(started, 'utf8').split('\n').filter(Boolean), tail: readFileSync(tails, 'utf8').split('\n').filter(Boolean).length };
    };
    const commit = (message: string) => run(['commit', '-q', '--allow-empty', '-m', message]);
    commit('one');
    commit('two');
    // No git-ai note anywhere: a reset and the commit after it start nothing.
    run(['reset', '-q', '--soft', 'HEAD~1']);
    expect(commit('after a reset, no note')).toEqual({ node: [], tail: 0 });
    addNote(repo, 'HEAD~1');
    // A `git reset` that unstages (HEAD to HEAD: nothing undone) starts no node either.
    run(['reset', '-q']);
    expect(commit('after an unstaging reset')).toEqual({ node: [], tail: 1 });
    expect(commit('and again')).toEqual({ node: [], tail: 0 });
    // Notes exist: a merge writes ORIG_HEAD too; the first commit after it pays one `tail` (not a reset), the next nothing.
    addNote(repo, 'HEAD');
    repo.git(['branch', 'side', 'HEAD~1']);
    repo.git(['checkout', '-q', 'side']);
    commit('side');
    repo.git(['checkout', '-q', '-']);
    run(['merge', '-q', '--no-ff', '--no-edit', 'side']);
    expect(commit('after a merge')).toEqual({ node: [], tail: 1 });
    expect(commit('and again')).toEqual({ node: [], tail: 0 });
    // A person's reset: node looks at the undone commits' notes (none here: no note written), once.
    run(['reset', '-q', '--soft', 'HEAD~1']);
    expect(commit('after a reset')).toEqual({ node: ['hook post-commit'], tail: 1 });
    expect(note(repo, 'HEAD')).toBe('');
    expect(commit('and again')).toEqual({ node: [], tail: 0 });
    // The shim's mark is never written through a link planted in its place.
    const outside = join(tempDir('aitrail-outside-'), 'kept.txt');
    writeFileSync(outside, 'kept\n');
    const mark = join(repo.dir, '.git', 'aitrail', 'fast-path', 'reset-seen');
    rmSync(mark);
    symlinkSync(outside, mark);
    run(['merge', '-q', '--no-ff', '--no-edit', 'side']);
    repo.git(['branch', '-f', 'side', 'HEAD~1']);
    run(['checkout', '-q', 'side']);
    commit('side again');
    run(['checkout', '-q', '-']);
    run(['merge', '-q', '--no-ff', '--no-edit', 'side']);
    expect(commit('after a merge, the mark a link')).toEqual({ node: [], tail: 1 });
    expect(readFileSync(outside, 'utf8')).toBe('kept\n');
  });
});

describe('a forged reflog or ORIG_HEAD carries nothing that is not there (931)', () => {
  it('a reset line naming a commit that does not descend from the new commit’s parent, or another parent, carries no note', () => {
    const repo = agentThenPerson();
    const agentCommit = git(repo, ['rev-parse', 'HEAD~1']).trim();
    git(repo, ['checkout', '-q', 'main']);
    // Another line of history: main moves on, the agent's commit no longer descends from its tip.
    repo.write('other.txt', 'o\n');
    git(repo, ['add', 'other.txt']);
    git(repo, ['commit', '-q', '-m', 'main moves']);
    const tip = git(repo, ['rev-parse', 'HEAD']).trim();
    const stamp = `${Math.floor(Date.now() / 1000)} +0000`;
    // An attacker's lines: a reset from the agent's commit to main's tip, ORIG_HEAD freshly written.
    appendFileSync(join(repo.dir, '.git', 'logs', 'HEAD'), `${agentCommit} ${tip} A <a@example.com> ${stamp}\treset: moving to HEAD~2\n`);
    writeFileSync(join(repo.dir, '.git', 'ORIG_HEAD'), `${agentCommit}\n`);
    repo.write('src/app.ts', AGENT);
    git(repo, ['commit', '-q', '-am', 'the same text, typed by the person']);
    expect(note(repo, 'HEAD')).toBe('');
    // A reset line to a commit that is not this commit's parent.
    const parent = git(repo, ['rev-parse', 'HEAD']).trim();
    appendFileSync(join(repo.dir, '.git', 'logs', 'HEAD'), `${agentCommit} ${tip} A <a@example.com> ${stamp}\treset: moving to HEAD~2\n`);
    writeFileSync(join(repo.dir, '.git', 'ORIG_HEAD'), `${agentCommit}\n`);
    repo.write('src/app.ts', `${AGENT}more\n`);
    git(repo, ['commit', '-q', '-am', 'again']);
    expect(parent).not.toBe(tip);
    expect(note(repo, 'HEAD')).toBe('');
  });

  it('a later commit after the reset carries too, as git-ai does (row 950: before it, only the first did)', () => {
    const repo = agentThenPerson();
    git(repo, ['reset', '-q', '--mixed', 'HEAD~2']);
    repo.write('other.txt', 'mine\n');
    git(repo, ['add', 'other.txt']);
    git(repo, ['commit', '-q', '-m', 'first: my file only']);
    expect(note(repo, 'HEAD')).toBe('');
    git(repo, ['commit', '-q', '-am', 'second: the agent’s lines']);
    expect(note(repo, 'HEAD')).toMatch(/^src\/app\.ts\n {2}s_[0-9a-f]{14}::t_[0-9a-f]{14} 3-4\n---\n/);
  });

  it('an amend right after the reset: post-rewrite carries the amended commit’s note, post-commit adds nothing and says nothing', () => {
    const repo = agentThenPerson();
    git(repo, ['reset', '-q', '--soft', 'HEAD~1']);
    const amend = gitRun(repo.dir, ['commit', '-q', '--amend', '-m', 'feat: the agent’s lines and mine']);
    expect(amend.status, amend.stderr).toBe(0);
    expect(amend.stderr).toBe('');
    expect(note(repo, 'HEAD')).toMatch(/^src\/app\.ts\n {2}s_[0-9a-f]{14}::t_[0-9a-f]{14} 3-4\n---\n/);
    expect(blame(repo)).toMatchObject({ lines: 6, ai: 2 });
  });
});
