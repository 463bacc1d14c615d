import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentEdit, commitAll, noteFiles } from '../helpers/agent-edits.js';
import { claudeCode, type EditCase } from '../fixtures/agent-payloads.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { aitrail } from '../helpers/cli.js';
import { gitRun } from '../helpers/hooks.js';
import { tempDir } from '../helpers/gitdir.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';

const claude = (ranges: string) => session(NOTE_KEYS.claude, ranges);

function blame(repo: TestRepo, args: string[] = []) {
  const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', ...args]);
  expect(result.code, result.stderr).toBe(0);
  return { report: JSON.parse(result.stdout), stderr: result.stderr };
}

describe('git-ai notes: red team', () => {
  it('an ignored revision whose AI attribution is only in its note is named in ignoredAi and warned about', () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.ts': 'one\ntwo\nthree\nfour\n' });
    // The agent rewrote lines 2-3; only the note says so (the message is silent).
    const ai = repo.commit('tidy', { 'a.ts': 'one\nTWO = 2\nTHREE = 3\nfour\n' });
    addNote(repo, ai, gitAiNote({ 'a.ts': [claude('2-3')] }));
    expect(blame(repo).report.totals).toMatchObject({ ai: 2, byAgent: { 'claude-code': 2 } });
    // Listed in the committed ignore-revs file (blame.ignoreRevsFile), its lines go to the base commit.
    repo.commit('ignore formatting', { '.git-blame-ignore-revs': `${ai}\n` });
    repo.git(['config', 'blame.ignoreRevsFile', '.git-blame-ignore-revs']);
    const { report, stderr } = blame(repo, ['--', 'a.ts']);
    expect(report.totals.ai).toBe(0);
    expect(report.ignoredAi).toEqual([ai]);
    expect(stderr).toMatch(/told to ignore 1 commit with AI attribution/);
    // A note that attests only a person's lines is no AI attribution.
    addNote(repo, ai, gitAiNote({ 'a.ts': [`${NOTE_KEYS.human} 2-3`] }));
    expect(blame(repo, ['--', 'a.ts']).report.ignoredAi).toBeUndefined();
  });
});

/** Lines long enough for git's rename detection to pair the files. */
const long = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix} line ${i + 1} with enough words to be the same file after a move`).join('\n') + '\n';

describe('notes carried through a rename', () => {
  const MARK = 'base line 3 with enough words to be the same file after a move\n';
  // Made once per file and copied (test/helpers/hooked-repo.ts): init's node run once, not per test.
  const setup = () =>
    copiedRepo('notes-redteam rename', () => {
      const repo = makeRepo();
      repo.commit('base', { 'src/old.ts': long('base', 8) });
      expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
      return repo;
    });

  it('rebase onto a main that renamed the file: the note follows the lines to the new path', () => {
    const repo = setup();
    repo.git(['checkout', '-q', '-b', 'feature']);
    agentEdit(repo, 'src/old.ts', MARK, `${MARK}ai one\nai two\n`);
    const before = commitAll(repo, 'agent lines');
    expect(noteFiles(repo, before)).toEqual({ 'src/old.ts': ['4,5'] });
    repo.git(['checkout', '-q', 'main']);
    expect(gitRun(repo.dir, ['mv', 'src/old.ts', 'src/new.ts']).status).toBe(0);
    commitAll(repo, 'rename');
    repo.git(['checkout', '-q', 'feature']);
    const rebase = gitRun(repo.dir, ['rebase', '-q', 'main']);
    expect(rebase.status, rebase.stderr).toBe(0);
    expect(repo.git(['ls-tree', '--name-only', '-r', 'HEAD'])).toBe('src/new.ts');
    expect(noteFiles(repo, 'HEAD')).toEqual({ 'src/new.ts': ['4,5'] });
    expect(blame(repo).report.totals).toMatchObject({ ai: 2, byAgent: { 'claude-code': 2 } });
  });

  it('cherry-pick onto a branch where the file was renamed: the note follows the lines to the new path', () => {
    const repo = setup();
    repo.git(['checkout', '-q', '-b', 'feature']);
    agentEdit(repo, 'src/old.ts', MARK, `${MARK}ai one\nai two\n`);
    const picked = commitAll(repo, 'agent lines');
    repo.git(['checkout', '-q', '-b', 'release', 'main']);
    expect(gitRun(repo.dir, ['mv', 'src/old.ts', 'src/new.ts']).status).toBe(0);
    commitAll(repo, 'rename');
    const pick = gitRun(repo.dir, ['cherry-pick', '-x', picked]);
    expect(pick.status, pick.stderr).toBe(0);
    expect(noteFiles(repo, 'HEAD')).toEqual({ 'src/new.ts': ['4,5'] });
  });

  it('notes squash: a branch that renames the file after the agent wrote in it keeps the agent lines in the squash commit', () => {
    const repo = setup();
    repo.git(['checkout', '-q', '-b', 'feature']);
    agentEdit(repo, 'src/old.ts', MARK, `${MARK}ai one\nai two\n`);
    commitAll(repo, 'agent lines');
    expect(gitRun(repo.dir, ['mv', 'src/old.ts', 'src/new.ts']).status).toBe(0);
    commitAll(repo, 'rename by hand');
    repo.git(['checkout', '-q', 'main']);
    expect(gitRun(repo.dir, ['merge', '-q', '--squash', 'feature']).status).toBe(0);
    commitAll(repo, 'feature (#2)');
    const result = aitrail(repo.dir, ['notes', 'squash', 'main~1..feature', '--onto', 'HEAD']);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(noteFiles(repo, 'HEAD')).toEqual({ 'src/new.ts': ['4,5'] });
  });
});

describe('checkpoints of a CRLF work tree (core.autocrlf)', () => {
  it.each([
    ['core.autocrlf=true', [['core.autocrlf', 'true']]],
    ['core.autocrlf=input', [['core.autocrlf', 'input']]],
    ['text eol=crlf in .gitattributes', []],
  ] as const)('%s: the agent lines written with CRLF are noted at their committed lines', (_name, config) => {
    const repo = makeRepo();
    for (const [key, value] of config) repo.git(['config', key, value]);
    if (config.length === 0) repo.commit('attributes', { '.gitattributes': '*.ts text eol=crlf\n' });
    repo.write('a.ts', 'one\r\ntwo\r\nthree\r\n');
    repo.git(['add', 'a.ts']);
    repo.git(['commit', '-qm', 'base']);
    expect(repo.git(['show', 'HEAD:a.ts'], { raw: true })).toBe('one\ntwo\nthree\n');
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    // The work tree file is CRLF (as checked out); the agent keeps its line endings.
    repo.write('a.ts', 'one\r\ntwo\r\nthree\r\n');
    const transcript = join(tempDir('aitrail-transcript-'), 'session.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const edit: EditCase = { file: join(repo.dir, 'a.ts'), relative: 'a.ts', cwd: repo.dir, old: 'two\r\n', replacement: 'two\r\nai one\r\nai two\r\n', transcript };
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.pre(edit)).stderr).toBe('');
    repo.write('a.ts', 'one\r\ntwo\r\nai one\r\nai two\r\nthree\r\n');
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.post(edit)).stderr).toBe('');
    const head = commitAll(repo, 'agent lines');
    expect(repo.git(['show', 'HEAD:a.ts'], { raw: true })).toBe('one\ntwo\nai one\nai two\nthree\n');
    expect(noteFiles(repo, head)).toEqual({ 'a.ts': ['3,4'] });
    // The file is committed whole: its checkpoint is consumed, not left to speak for a later commit.
    expect(readdirSync(join(repo.dir, '.git', 'aitrail', 'checkpoints'))).toEqual([]);
    expect(blame(repo).report.totals).toMatchObject({ ai: 2, byAgent: { 'claude-code': 2 } });
  });
});

describe('what a note says about lines, read as git-ai reads it', () => {
  it("git-ai's legacy `human` key marks a person's lines: never AI (a prompt record named `human` or not)", () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.ts': 'one\n' });
    const mixed = repo.commit('mixed', { 'a.ts': 'one\nai 1\nai 2\nmine 1\nmine 2\nmine 3\n' });
    addNote(repo, mixed, gitAiNote({ 'a.ts': [claude('2-3'), 'human 4-6'] }));
    expect(blame(repo).report.totals).toMatchObject({ lines: 6, ai: 2, human: 4, byAgent: { 'claude-code': 2 }, lineLevel: 5 });
    // A person's commit noted with only the sentinel is no AI commit for check.
    const own = repo.commit('mine', { 'a.ts': 'one\nai 1\nai 2\nmine 1\nmine 2\nmine 3\nmine 4\n' });
    addNote(repo, own, gitAiNote({ 'a.ts': ['human 7'] }));
    const check = aitrail(repo.dir, ['check', `${mixed}..${own}`, '--format', 'json']);
    expect(check.code, check.stderr).toBe(0);
    expect(JSON.parse(check.stdout).violations).toEqual([]);
  });

  it('a path written `./a.ts` or with quotes is the file a.ts; a quoted path with spaces or a CR line end is read', () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.ts': 'one\n', 'src/my file.ts': 'x\n' });
    const ai = repo.commit('agent', { 'a.ts': 'one\nai 1\nai 2\n', 'src/my file.ts': 'x\nai 3\n' });
    const text = gitAiNote({ './a.ts': [claude('2-3')], 'src/my file.ts': [claude('2')] }).replace('\n---', '\r\n---');
    addNote(repo, ai, text);
    expect(blame(repo).report.totals).toMatchObject({ lines: 5, ai: 3, byAgent: { 'claude-code': 3 } });
  });
});

describe('a record kept in another note', () => {
  it("an entry whose session record is only in another commit's note is read as that record's agent and model (git-ai looks it up with git grep), however many keys other notes leave out", () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.ts': 'one\n' });
    const first = repo.commit('first', { 'a.ts': 'one\nq 1\n' });
    addNote(repo, first, gitAiNote({ 'a.ts': [session(NOTE_KEYS.qwen, '2')] }));
    const second = repo.commit('second', { 'a.ts': 'one\nq 1\nq 2\nq 3\n' });
    // The second note uses the same session's key, its record left out (stored once, in the first note).
    const bare = JSON.parse(gitAiNote({ 'a.ts': [session(NOTE_KEYS.qwen, '3-4')] }).split('---\n')[1]!);
    bare.sessions = {};
    addNote(repo, second, `a.ts\n  ${session(NOTE_KEYS.qwen, '3-4')}\n---\n${JSON.stringify(bare, null, 2)}\n`);
    expect(blame(repo).report.totals).toMatchObject({ ai: 3, byModel: { 'qwen/qwen3-coder': 3 }, byAgent: { opencode: 3 } });
    const log = aitrail(repo.dir, ['log', `${first}..${second}`, '--format', 'json']);
    expect(log.code, log.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(log.stdout))).toContain('qwen/qwen3-coder');
    // A key no note holds a record for stays an unknown agent and model.
    const third = repo.commit('third', { 'a.ts': 'one\nq 1\nq 2\nq 3\nz\n' });
    addNote(repo, third, `a.ts\n  s_77777777777777::t_1 5\n---\n${JSON.stringify({ ...bare, sessions: {} })}\n`);
    expect(blame(repo).report.totals).toMatchObject({ ai: 4, byModel: { 'qwen/qwen3-coder': 3, unknown: 1 } });
  });
});
