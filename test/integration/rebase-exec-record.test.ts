// `git rebase --exec <cmd>` exports GIT_CHERRY_PICK_HELP to the command (git 2.39), the variable
// that tells prepare-commit-msg (node and the shim's replay gate) that a rebase is replaying
// commits: an agent's commit made by an exec step was recorded with no trailer at all.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAuthorshipLog } from '../../src/core/notes/parse-authorship-log.js';
import { claudeCode } from '../fixtures/agent-payloads.js';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

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

// post-commit took the same commit for a replay (a rebase under way: isReplay, and the shim's gate
// cleared its flag), so the agent's checkpoints were not turned into the commit's git-ai note and
// stayed pending for whatever commit came next.
describe('a commit an exec step of a rebase makes gets its line-level note', () => {
  it('an agent that edits and commits inside `git rebase -x`: the note marks its lines, no checkpoint is left', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.commit('base\n', { 'src/app.ts': 'alpha\nbravo\ncharlie\n' });
    repo.commit('Human\n', { 'b.txt': 'b\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    // The agent's Edit, as Claude Code's hooks send it: PreToolUse, the file written, PostToolUse.
    const payloads = tempDir('aitrail-exec-payloads-');
    const transcript = join(payloads, 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const edit = { file: join(repo.dir, 'src/app.ts'), relative: 'src/app.ts', cwd: repo.dir, old: 'bravo', replacement: 'bravo\nx1\nx2', transcript };
    writeFileSync(join(payloads, 'pre.json'), JSON.stringify(claudeCode.pre(edit)));
    writeFileSync(join(payloads, 'post.json'), JSON.stringify(claudeCode.post(edit)));
    writeFileSync(join(payloads, 'app.ts'), 'alpha\nbravo\nx1\nx2\ncharlie\n');
    const exec = [
      `aitrail checkpoint --agent claude-code <'${payloads}/pre.json'`,
      `cp '${payloads}/app.ts' src/app.ts`,
      `aitrail checkpoint --agent claude-code <'${payloads}/post.json'`,
      "git commit -q -am 'Agent edit'",
    ].join(' && ');
    const rebase = tryGit(repo.dir, ['rebase', '-q', '--exec', exec, 'HEAD~1'], { env });
    expect(rebase.code, rebase.stderr).toBe(0);
    expect(repo.git(['log', '--format=%s', '-3']).split('\n')).toEqual(['Agent edit', 'Human', 'base']);
    const note = tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD'], { env });
    expect(note.code, note.stderr).toBe(0);
    const parsed = parseAuthorshipLog(note.stdout);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(Object.fromEntries([...parsed.log.files].map(([path, entries]) => [path, entries.map((entry) => `${entry.kind}:${entry.ranges.join(',')}`)]))).toEqual({ 'src/app.ts': ['session:3,4'] });
    expect(note.stdout).toContain(`"tool": "claude"`);
    expect(note.stdout).toContain(`"model": "${claudeCode.model}"`);
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toEqual([]);
    // Nothing for the commit the rebase picked.
    expect(tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD~1'], { env }).code).not.toBe(0);
  });
});

// The same at a stop of an interactive rebase (`edit`, `break`, a conflict): the agent's `git commit`
// there is a fresh process without git's replay variables (prepare-commit-msg records its trailer),
// but post-commit took it for a replay because rebase-merge/ was there.
describe('a commit an agent makes at a stop of an interactive rebase gets its line-level note', () => {
  it('edit stop: checkpoint, edit, git commit, git rebase --continue: the note marks its lines, the picks get none', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.commit('base\n', { 'src/app.ts': 'alpha\nbravo\ncharlie\n' });
    repo.commit('Human one\n', { 'b.txt': 'b\n' });
    repo.commit('Human two\n', { 'c.txt': 'c\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    const stop = tryGit(repo.dir, ['rebase', '-q', '-i', '--force-rebase', 'HEAD~2'], { env: { ...env, GIT_SEQUENCE_EDITOR: "sed -i '1s/^pick/edit/'" } });
    expect(stop.code, stop.stderr).toBe(0);
    const payloads = tempDir('aitrail-stop-payloads-');
    const transcript = join(payloads, 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const edit = { file: join(repo.dir, 'src/app.ts'), relative: 'src/app.ts', cwd: repo.dir, old: 'bravo', replacement: 'bravo\nx1\nx2', transcript };
    expect(aitrail(repo.dir, ['checkpoint', '--agent', 'claude-code'], { env, input: JSON.stringify(claudeCode.pre(edit)) }).code).toBe(0);
    repo.write('src/app.ts', 'alpha\nbravo\nx1\nx2\ncharlie\n');
    expect(aitrail(repo.dir, ['checkpoint', '--agent', 'claude-code'], { env, input: JSON.stringify(claudeCode.post(edit)) }).code).toBe(0);
    const commit = tryGit(repo.dir, ['commit', '-q', '-am', 'Agent edit'], { env });
    expect(commit.code, commit.stderr).toBe(0);
    const next = tryGit(repo.dir, ['rebase', '--continue'], { env: { ...env, GIT_EDITOR: 'true' } });
    expect(next.code, next.stderr).toBe(0);
    expect(repo.git(['log', '--format=%s', '-4']).split('\n')).toEqual(['Human two', 'Agent edit', 'Human one', 'base']);
    const note = tryGit(repo.dir, ['notes', '--ref=ai', 'show', 'HEAD~1'], { env });
    expect(note.code, note.stderr).toBe(0);
    const parsed = parseAuthorshipLog(note.stdout);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(Object.fromEntries([...parsed.log.files].map(([path, entries]) => [path, entries.map((entry) => `${entry.kind}:${entry.ranges.join(',')}`)]))).toEqual({ 'src/app.ts': ['session:3,4'] });
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toEqual([]);
    for (const pick of ['HEAD', 'HEAD~2']) expect(tryGit(repo.dir, ['notes', '--ref=ai', 'show', pick], { env }).code, pick).not.toBe(0);
  });
});
