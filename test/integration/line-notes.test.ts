import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalModel } from '../../src/core/catalog.js';
import { parseAuthorshipLog } from '../../src/core/notes/parse-authorship-log.js';
import { claudeCode, codex, cursor, geminiCli, type EditCase } from '../fixtures/agent-payloads.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { aitrail, gitRun, hookEnv } from '../helpers/hooks.js';

const BASE = 'alpha\nbravo\ncharlie\n';
const AGENT_LINES = 'bravo\nx1\nx2\nx3\nx4';

/** A repository with aitrail's hooks (git mode) and one commit of src/app.ts. */
function setup(): TestRepo {
  // Made once per file and copied (test/helpers/hooked-repo.ts): init's node run once, not per test.
  return copiedRepo('line-notes', () => {
    const repo = makeRepo();
    repo.commit('base', { 'src/app.ts': BASE });
    const init = aitrail(repo.dir, ['init', '--mode', 'git']);
    expect(init.status, init.stderr).toBe(0);
    return repo;
  });
}

function editCase(repo: TestRepo, transcript: string): EditCase {
  return { file: join(repo.dir, 'src/app.ts'), relative: 'src/app.ts', cwd: repo.dir, old: 'bravo', replacement: AGENT_LINES, transcript };
}

/** The agent's edit, replayed: its pre hook (if it has one), the file written, its post hook. */
function agentEdits(repo: TestRepo, agent: string): string {
  const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
  const edit = editCase(repo, transcript);
  let model: string;
  const run = (payload: unknown) => {
    const result = checkpoint(repo.dir, agent, payload);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  };
  const write = () => repo.write('src/app.ts', BASE.replace('bravo', AGENT_LINES));
  switch (agent) {
    case 'claude-code':
      writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
      model = claudeCode.model;
      run(claudeCode.pre(edit));
      write();
      run(claudeCode.post(edit));
      break;
    case 'gemini-cli':
      writeFileSync(transcript, geminiCli.transcript(geminiCli.model));
      model = geminiCli.model;
      run(geminiCli.pre(edit));
      write();
      run(geminiCli.post(edit));
      break;
    case 'cursor':
      model = cursor.model;
      write();
      run(cursor.post(edit));
      break;
    default:
      model = codex.model;
      run(codex.pre(edit));
      write();
      run(codex.post(edit));
  }
  return model;
}

function noteOf(repo: TestRepo, rev = 'HEAD'): string {
  return repo.git(['notes', '--ref=ai', 'show', rev], { raw: true });
}

/** The note's files as `path: ranges` per key kind, and its one session record. */
function summary(text: string) {
  const parsed = parseAuthorshipLog(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const files = Object.fromEntries([...parsed.log.files].map(([path, entries]) => [path, entries.map((entry) => `${entry.kind}:${entry.ranges.join(',')}`)]));
  return { files, sessions: [...parsed.log.sessions.values()] };
}

function blameTotals(repo: TestRepo) {
  const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout).totals;
}

const TOOL: Record<string, string> = { 'claude-code': 'claude', 'gemini-cli': 'gemini', cursor: 'cursor', codex: 'codex' };

describe('line by line: agent checkpoints → post-commit note (refs/notes/ai)', () => {
  it.each(['claude-code', 'gemini-cli', 'cursor', 'codex'])('%s: the note marks exactly the agent lines nobody changed; blame counts them', (agent) => {
    const repo = setup();
    const model = agentEdits(repo, agent);
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toHaveLength(1);
    // A person edits one agent line and adds one of their own.
    repo.write('src/app.ts', 'alpha\nbravo\nx1\nx2 by hand\nx3\nx4\ncharlie\nhuman line\n');
    const commit = gitRun(repo.dir, ['commit', '-qam', 'Add the x lines']);
    expect(commit.status, commit.stderr).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']);
    const text = noteOf(repo);
    const key = /\n {2}(s_[0-9a-f]{14})::t_[0-9a-f]{14} /.exec(text)![1]!;
    expect(text.replace(/::t_[0-9a-f]{14}/, '::t_TRACE')).toBe(
      `src/app.ts\n  ${key}::t_TRACE 3,5-6\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: head, prompts: {}, sessions: { [key]: { agent_id: { tool: TOOL[agent], id: JSON.stringify(agentSession(agent)).slice(1, -1), model } } } }, null, 2)}\n`,
    );
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toEqual([]);
    const id = canonicalModel(model)!;
    expect(blameTotals(repo)).toEqual({ lines: 8, ai: 3, human: 5, byModel: { [id]: 3 }, byAgent: { [agent]: 3 }, lineLevel: 5 });
  });
});

function agentSession(agent: string): string {
  const edit = { file: '', relative: '', cwd: '', old: '', replacement: '', transcript: '' };
  switch (agent) {
    case 'claude-code':
      return claudeCode.pre(edit).session_id;
    case 'gemini-cli':
      return geminiCli.pre(edit).session_id;
    case 'cursor':
      return cursor.post(edit).conversation_id;
    default:
      return codex.pre(edit).session_id;
  }
}

/** A commit whose note marks x1, x3, x4 (lines 3, 5, 6) as Claude Code's. */
function aiCommit(repo: TestRepo): void {
  agentEdits(repo, 'claude-code');
  repo.write('src/app.ts', 'alpha\nbravo\nx1\nx2 by hand\nx3\nx4\ncharlie\n');
  const commit = gitRun(repo.dir, ['commit', '-qam', 'Add the x lines']);
  expect(commit.status, commit.stderr).toBe(0);
  expect(summary(noteOf(repo)).files).toEqual({ 'src/app.ts': ['session:3,3,5,6'] });
}

/** A later Claude Code session, on another model, adds y1 after charlie (checkpointed before and after). */
function laterAgentEdit(repo: TestRepo): void {
  const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
  writeFileSync(transcript, claudeCode.transcript('claude-sonnet-4-5'));
  const edit = { ...editCase(repo, transcript), old: 'charlie', replacement: 'charlie\ny1' };
  const later = { session_id: 'a1b2c3d4-later' };
  expect(checkpoint(repo.dir, 'claude-code', { ...claudeCode.pre(edit), ...later }).status).toBe(0);
  repo.write('src/app.ts', 'alpha\nbravo\nx1\nx2 by hand\nx3\nx4\ncharlie\ny1\n');
  expect(checkpoint(repo.dir, 'claude-code', { ...claudeCode.post(edit), ...later }).status).toBe(0);
}

describe('notes survive history edits', () => {
  it('amend: the note follows the lines (a line added above shifts them; an AI line a person changes becomes theirs)', () => {
    const repo = setup();
    aiCommit(repo);
    repo.write('src/app.ts', 'top\nalpha\nbravo\nx1\nx2 by hand\nx3 changed\nx4\ncharlie\n');
    const amend = gitRun(repo.dir, ['commit', '-q', '--amend', '-a', '--no-edit']);
    expect(amend.status, amend.stderr).toBe(0);
    const text = noteOf(repo);
    expect(summary(text).files).toEqual({ 'src/app.ts': ['session:4,4,7,7'] });
    expect(text).toContain(`"base_commit_sha": "${repo.git(['rev-parse', 'HEAD'])}"`);
    expect(blameTotals(repo)).toMatchObject({ lines: 8, ai: 2, human: 6, byAgent: { 'claude-code': 2 } });
  });

  it('amend with new agent lines: the old note carried and the new checkpoint composed into one note', () => {
    const repo = setup();
    aiCommit(repo);
    laterAgentEdit(repo);
    const amend = gitRun(repo.dir, ['commit', '-q', '--amend', '-a', '--no-edit']);
    expect(amend.status, amend.stderr).toBe(0);
    const note = summary(noteOf(repo));
    expect(note.files).toEqual({ 'src/app.ts': ['session:3,3,5,6', 'session:8,8'] });
    expect(note.sessions.map((session) => session.model).sort()).toEqual(['claude-opus-4-6', 'claude-sonnet-4-5']);
    expect(blameTotals(repo)).toMatchObject({ ai: 4, byModel: { 'anthropic/claude-opus-4.6': 3, 'anthropic/claude-sonnet-4.5': 1 } });
  });

  it('the copy of a new note post-rewrite reads (last-note) is kept only when the commit can be rewritten: not for a plain commit, for an amend', () => {
    const repo = setup();
    const lastNote = join(repo.dir, '.git', 'aitrail', 'last-note');
    aiCommit(repo);
    // git's HEAD reflog says `commit: Add the x lines`: nothing will carry this note.
    expect(existsSync(lastNote)).toBe(false);
    laterAgentEdit(repo);
    const amend = gitRun(repo.dir, ['commit', '-q', '--amend', '-a', '--no-edit']);
    expect(amend.status, amend.stderr).toBe(0);
    expect(readFileSync(lastNote, 'utf8').split('\n')[0]).toBe(repo.git(['rev-parse', 'HEAD']));
    expect(summary(noteOf(repo)).files).toEqual({ 'src/app.ts': ['session:3,3,5,6', 'session:8,8'] });
  });

  it.each([
    ['no HEAD reflog (core.logAllRefUpdates=false)', { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.logAllRefUpdates', GIT_CONFIG_VALUE_0: 'false' }],
    // git names the amend after GIT_REFLOG_ACTION when it is set: `commit: …` here, as a plain commit would read.
    ['GIT_REFLOG_ACTION=commit around the amend', { GIT_REFLOG_ACTION: 'commit' }],
  ])('amend with new agent lines and %s: the new note is still composed with the old one', (_name, env) => {
    const repo = setup();
    if ('GIT_CONFIG_COUNT' in env) {
      repo.git(['config', 'core.logAllRefUpdates', 'false']);
      rmSync(join(repo.dir, '.git', 'logs'), { recursive: true, force: true });
    }
    aiCommit(repo);
    laterAgentEdit(repo);
    const amend = gitRun(repo.dir, ['commit', '-q', '--amend', '-a', '--no-edit'], env);
    expect(amend.status, amend.stderr).toBe(0);
    expect(existsSync(join(repo.dir, '.git', 'logs', 'HEAD'))).toBe(!('GIT_CONFIG_COUNT' in env));
    expect(summary(noteOf(repo)).files).toEqual({ 'src/app.ts': ['session:3,3,5,6', 'session:8,8'] });
  });

  it('rebase onto a main that changed the file above the lines: line numbers recomputed, counts unchanged', () => {
    const repo = setup();
    repo.git(['checkout', '-q', '-b', 'feature']);
    aiCommit(repo);
    const before = noteOf(repo);
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main moves on', { 'src/app.ts': 'header 1\nheader 2\nalpha\nbravo\ncharlie\n' }, hookEnv());
    repo.git(['checkout', '-q', 'feature']);
    const rebase = gitRun(repo.dir, ['rebase', '-q', 'main']);
    expect(rebase.status, rebase.stderr).toBe(0);
    expect(repo.git(['show', 'HEAD:src/app.ts'])).toBe('header 1\nheader 2\nalpha\nbravo\nx1\nx2 by hand\nx3\nx4\ncharlie');
    const after = noteOf(repo);
    expect(summary(after).files).toEqual({ 'src/app.ts': ['session:5,5,7,8'] });
    // Same keys and records; only the line numbers and the base commit moved.
    expect(after.replace(/"base_commit_sha": "[0-9a-f]+"/, '').replace(' 5,7-8', ' 3,5-6')).toBe(before.replace(/"base_commit_sha": "[0-9a-f]+"/, ''));
    expect(blameTotals(repo)).toMatchObject({ lines: 9, ai: 3, byAgent: { 'claude-code': 3 } });
  });

  it('a rebase with nothing to move keeps the copy git made (notes.rewriteRef), byte for byte but the base commit', () => {
    const repo = setup();
    repo.git(['checkout', '-q', '-b', 'feature']);
    aiCommit(repo);
    const before = noteOf(repo);
    repo.git(['checkout', '-q', 'main']);
    repo.commit('unrelated', { 'README.md': 'readme\n' }, hookEnv());
    repo.git(['checkout', '-q', 'feature']);
    expect(gitRun(repo.dir, ['rebase', '-q', 'main']).status).toBe(0);
    expect(noteOf(repo).replace(/"base_commit_sha": "[0-9a-f]+"/, '')).toBe(before.replace(/"base_commit_sha": "[0-9a-f]+"/, ''));
  });
});

describe('notes survive a squashing rebase', () => {
  it('rebase -i fixup of two noted commits: the one commit gets the lines of both', () => {
    const repo = setup();
    repo.git(['checkout', '-q', '-b', 'feature']);
    aiCommit(repo);
    // A second agent edit, in a commit of its own.
    laterAgentEdit(repo);
    expect(gitRun(repo.dir, ['commit', '-qam', 'y1']).status).toBe(0);
    expect(summary(noteOf(repo)).files).toEqual({ 'src/app.ts': ['session:8,8'] });
    const rebase = gitRun(repo.dir, ['rebase', '-q', '-i', 'main'], { GIT_SEQUENCE_EDITOR: "sed -i -e '2s/^pick/fixup/'" });
    expect(rebase.status, rebase.stderr).toBe(0);
    expect(repo.git(['rev-list', '--count', 'main..HEAD'])).toBe('1');
    const note = summary(noteOf(repo));
    expect(note.files).toEqual({ 'src/app.ts': ['session:3,3,5,6', 'session:8,8'] });
    expect(blameTotals(repo)).toMatchObject({ ai: 4, byModel: { 'anthropic/claude-opus-4.6': 3, 'anthropic/claude-sonnet-4.5': 1 } });
  });
});

describe('notes follow a cherry-pick', () => {
  /** A feature commit with a note (its id returned), and main moved on to `main` (the file there). */
  function featureAndMain(repo: TestRepo, main: string): string {
    repo.git(['checkout', '-q', '-b', 'feature']);
    aiCommit(repo);
    const picked = repo.git(['rev-parse', 'HEAD']);
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main moves on', { 'src/app.ts': main }, hookEnv());
    return picked;
  }

  it('the picked commit\'s note is carried to the new commit, at its lines there (git copies no note on a cherry-pick)', () => {
    const repo = setup();
    const picked = featureAndMain(repo, 'header\nalpha\nbravo\ncharlie\n');
    const pick = gitRun(repo.dir, ['cherry-pick', picked]);
    expect(pick.status, pick.stderr).toBe(0);
    expect(repo.git(['show', 'HEAD:src/app.ts'])).toBe('header\nalpha\nbravo\nx1\nx2 by hand\nx3\nx4\ncharlie');
    expect(summary(noteOf(repo)).files).toEqual({ 'src/app.ts': ['session:4,4,6,7'] });
    expect(blameTotals(repo)).toMatchObject({ lines: 8, ai: 3, byAgent: { 'claude-code': 3 } });
  });

  /** A feature commit with a note, and main where picking it conflicts (a line of main's own after bravo). */
  function conflictingPick(repo: TestRepo): string {
    const picked = featureAndMain(repo, 'header\nalpha\nbravo\nMAIN\ncharlie\n');
    expect(gitRun(repo.dir, ['cherry-pick', picked]).status).not.toBe(0);
    repo.write('src/app.ts', 'header\nalpha\nbravo\nx1\nx2 by hand\nx3\nx4\nMAIN\ncharlie\n');
    repo.git(['add', 'src/app.ts']);
    return picked;
  }

  // git's `git commit` removes CHERRY_PICK_HEAD before post-commit runs: prepare-commit-msg keeps the picked commit for it.
  it.each([
    ['a conflict resolved, then git cherry-pick --continue', ['cherry-pick', '--continue']],
    ['a conflict resolved, then git commit', ['commit', '-q', '--no-edit']],
  ])('%s: the picked commit\'s note is carried too', (_name, finish) => {
    const repo = setup();
    conflictingPick(repo);
    const done = gitRun(repo.dir, finish, { GIT_EDITOR: 'true' });
    expect(done.status, done.stderr).toBe(0);
    expect(summary(noteOf(repo)).files).toEqual({ 'src/app.ts': ['session:4,4,6,7'] });
    expect(existsSync(join(repo.dir, '.git', 'aitrail', 'pick-source'))).toBe(false);
  });

  it('cherry-pick -e (its commit goes through git commit): the note is carried', () => {
    const repo = setup();
    const picked = featureAndMain(repo, 'header\nalpha\nbravo\ncharlie\n');
    const pick = gitRun(repo.dir, ['cherry-pick', '-e', picked], { GIT_EDITOR: 'true' });
    expect(pick.status, pick.stderr).toBe(0);
    expect(summary(noteOf(repo)).files).toEqual({ 'src/app.ts': ['session:4,4,6,7'] });
  });

  it('a pick left unfinished never lends its note to a later commit on the same HEAD', () => {
    const repo = setup();
    conflictingPick(repo);
    // The pick's commit is started, then abandoned (an empty message): prepare-commit-msg has kept the picked commit.
    expect(gitRun(repo.dir, ['commit', '-q'], { GIT_EDITOR: editorEmptying() }).status).not.toBe(0);
    expect(existsSync(join(repo.dir, '.git', 'aitrail', 'pick-source'))).toBe(true);
    expect(gitRun(repo.dir, ['cherry-pick', '--abort']).status).toBe(0);
    repo.write('src/app.ts', 'header\nalpha\nbravo\nMAIN\ncharlie\nby hand\n');
    const human = gitRun(repo.dir, ['commit', '-qam', 'A person\'s own change']);
    expect(human.status, human.stderr).toBe(0);
    expect(gitRun(repo.dir, ['notes', '--ref=ai', 'list', 'HEAD']).stdout).toBe('');
    expect(existsSync(join(repo.dir, '.git', 'aitrail', 'pick-source'))).toBe(false);
  });
});

/** An editor that empties the message: git aborts the commit. */
function editorEmptying(): string {
  const path = join(tempDir('aitrail-editor-'), 'empty.sh');
  writeFileSync(path, '#!/bin/sh\n: >"$1"\n', { mode: 0o755 });
  return path;
}
