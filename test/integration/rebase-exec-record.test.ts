// `git rebase --exec <cmd>` exports GIT_CHERRY_PICK_HELP to the command (git 2.39), the variable
// that tells prepare-commit-msg (node and the shim's replay gate) that a rebase is replaying
// commits: an agent's commit made by an exec step was recorded with no trailer at all.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAuthorshipLog } from '../../src/core/notes/parse-authorship-log.js';
import { claudeCode } from '../fixtures/agent-payloads.js';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

describe('a commit an exec step of a rebase makes is recorded', () => {
  it('hooks from aitrail init record the agent of a commit made by `git rebase --exec`, and still record nothing for the picks', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.commit('start\n', { 'a.txt': 'a\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Human one'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'Human two'], { env }).code).toBe(0);
    const exec = "echo fixed >> a.txt && AITRAIL_MODEL=anthropic/claude-opus-4.6 AITRAIL_AGENT=claude-code git commit -q -am 'Agent fix'";
    const rebase = tryGit(repo.dir, ['rebase', '-q', '-i', '--exec', exec, 'HEAD~2'], { env: { ...env, GIT_SEQUENCE_EDITOR: 'true', GIT_EDITOR: 'true' } });
    expect(rebase.code, rebase.stderr).toBe(0);
    const log = repo.git(['log', '--format=%s|%(trailers:key=Assisted-by,valueonly,separator=%x2C)', '-4']).split('\n');
    expect(log).toEqual(['Agent fix|claude-code:anthropic/claude-opus-4.6', 'Human two|', 'Agent fix|claude-code:anthropic/claude-opus-4.6', 'Human one|']);
  });
});

/**
 * An agent's Edit of src/app.ts as one shell command, as Claude Code's hooks make it: PreToolUse
 * (`aitrail checkpoint`), the file written (bravo → bravo, x1, x2), PostToolUse, then `git commit`.
 */
function agentCommitCommand(repo: TestRepo): string {
  const payloads = tempDir('aitrail-agent-payloads-');
  const transcript = join(payloads, 'session.jsonl');
  writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
  const edit = { file: join(repo.dir, 'src/app.ts'), relative: 'src/app.ts', cwd: repo.dir, old: 'bravo', replacement: 'bravo\nx1\nx2', transcript };
  writeFileSync(join(payloads, 'pre.json'), JSON.stringify(claudeCode.pre(edit)));
  writeFileSync(join(payloads, 'post.json'), JSON.stringify(claudeCode.post(edit)));
  writeFileSync(join(payloads, 'app.ts'), 'alpha\nbravo\nx1\nx2\ncharlie\n');
  return [
    `aitrail checkpoint --agent claude-code <'${payloads}/pre.json'`,
    `cp '${payloads}/app.ts' src/app.ts`,
    `aitrail checkpoint --agent claude-code <'${payloads}/post.json'`,
    "git commit -q -am 'Agent edit'",
  ].join(' && ');
}

/** A repository with src/app.ts, `humans` commits after it and aitrail's hooks (git mode). */
function setup(humans: string[], env: NodeJS.ProcessEnv): TestRepo {
  const repo = makeRepo();
  repo.commit('base\n', { 'src/app.ts': 'alpha\nbravo\ncharlie\n' });
  humans.forEach((subject, at) => repo.commit(`${subject}\n`, { [`h${at}.txt`]: `${at}\n` }));
  expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
  return repo;
}

/** `rev` has a git-ai note marking x1 and x2 as Claude Code's, no checkpoint is left, and `picks` have no note. */
function expectAgentNote(repo: TestRepo, env: NodeJS.ProcessEnv, rev: string, picks: string[]): void {
  const note = tryGit(repo.dir, ['notes', '--ref=ai', 'show', rev], { env });
  expect(note.code, note.stderr).toBe(0);
  const parsed = parseAuthorshipLog(note.stdout);
  if (!parsed.ok) throw new Error(parsed.error.message);
  expect(Object.fromEntries([...parsed.log.files].map(([path, entries]) => [path, entries.map((entry) => `${entry.kind}:${entry.ranges.join(',')}`)]))).toEqual({ 'src/app.ts': ['session:3,4'] });
  expect(note.stdout).toContain(`"tool": "claude"`);
  expect(note.stdout).toContain(`"model": "${claudeCode.model}"`);
  expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toEqual([]);
  for (const pick of picks) expect(tryGit(repo.dir, ['notes', '--ref=ai', 'show', pick], { env }).code, pick).not.toBe(0);
}

// post-commit took these commits for replays (a rebase under way: isReplay, and the shim's gate
// cleared its flag), so the agent's checkpoints were not turned into the commit's git-ai note and
// stayed pending for whatever commit came next.
describe('a commit an agent makes during a rebase gets its line-level note', () => {
  it('inside `git rebase -x`: the exec command checkpoints, edits and commits', () => {
    const env = envWithAitrailOnPath();
    const repo = setup(['Human'], env);
    const rebase = tryGit(repo.dir, ['rebase', '-q', '--exec', agentCommitCommand(repo), 'HEAD~1'], { env });
    expect(rebase.code, rebase.stderr).toBe(0);
    expect(repo.git(['log', '--format=%s', '-3']).split('\n')).toEqual(['Agent edit', 'Human', 'base']);
    expectAgentNote(repo, env, 'HEAD', ['HEAD~1']);
  });

  // A fresh `git commit` at the stop has none of git's replay variables (prepare-commit-msg records its trailer).
  it('at an `edit` stop of `git rebase -i`: checkpoint, edit, git commit, then git rebase --continue', () => {
    const env = envWithAitrailOnPath();
    const repo = setup(['Human one', 'Human two'], env);
    const stop = tryGit(repo.dir, ['rebase', '-q', '-i', '--force-rebase', 'HEAD~2'], { env: { ...env, GIT_SEQUENCE_EDITOR: "sed -i '1s/^pick/edit/'" } });
    expect(stop.code, stop.stderr).toBe(0);
    const agent = spawnSync('sh', ['-c', agentCommitCommand(repo)], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(agent.status, agent.stderr).toBe(0);
    const next = tryGit(repo.dir, ['rebase', '--continue'], { env: { ...env, GIT_EDITOR: 'true' } });
    expect(next.code, next.stderr).toBe(0);
    expect(repo.git(['log', '--format=%s', '-4']).split('\n')).toEqual(['Human two', 'Agent edit', 'Human one', 'base']);
    expectAgentNote(repo, env, 'HEAD~1', ['HEAD', 'HEAD~2']);
  });
});
