import { spawnSync as nodeSpawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startEarly } from '../../src/git/spawn-early.js';
import { DIRECT_MAJORS } from '../../src/git/spawn-sync.js';
import { startNoteWrite, writeNote } from '../../src/git/write-note.js';
import { claudeCode } from '../fixtures/agent-payloads.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { makeRepo, TEST_GIT_ENV } from '../helpers/gitdir.js';

// src/git/spawn-early.ts starts the post-commit hook's `git notes add` before its note is composed,
// through node's process/pipe/stream bindings, on the node majors spawn-sync.ts lists. Each case
// runs a real process; the notes cases compare with writeNote, which runs git when the text is known.

const major = Number(process.versions.node.split('.')[0]);
const direct = DIRECT_MAJORS.includes(major);
const options = (cwd: string) => ({ cwd, env: TEST_GIT_ENV });

describe.runIf(direct)('startEarly: a process started before its input is known', () => {
  const repo = makeRepo();

  it('fed later: the process reads the whole input; its stderr and exit status come back (inputs and outputs larger than a pipe holds)', async () => {
    // 1 MB through stdin and back on stderr: the write and the read must both make progress while the child runs.
    const input = Buffer.from(`${'é — line\n'.repeat(90_000)}\0end`, 'utf8');
    const run = startEarly('sh', ['-c', 'cat >&2; exit 3'], options(repo.dir));
    expect(run).not.toBeNull();
    const result = await run!.feed(input);
    expect(result.status).toBe(3);
    expect(result.signal).toBeNull();
    expect(result.stderr.equals(input)).toBe(true);
  });

  it('arguments and environment as given, in the folder given', async () => {
    const run = startEarly('sh', ['-c', 'printf "[%s]" "$@" "$PWD" "${AITRAIL_T-unset}" >&2', 'sh', 'a b', 'line\nbreak', '--flag', 'ü'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, AITRAIL_T: 'x=y é' } });
    const result = await run!.feed('');
    expect(result.stderr.toString('utf8')).toBe(`[a b][line\nbreak][--flag][ü][${repo.dir}][x=y é]`);
    expect(result.status).toBe(0);
  });

  it('a child that is gone before it is fed (nobody reads its stdin): its exit status, no hang, no crash', async () => {
    const run = startEarly('sh', ['-c', 'echo gone >&2; exit 7'], options(repo.dir));
    await new Promise((done) => setTimeout(done, 200));
    const result = await run!.feed(Buffer.alloc(1 << 20, 97));
    expect(result).toMatchObject({ status: 7, signal: null });
    expect(result.stderr.toString()).toBe('gone\n');
  });

  it('cancelled: killed unfed, and the promise settles', async () => {
    const marker = resolve(repo.dir, 'fed');
    const run = startEarly('sh', ['-c', `cat >/dev/null && : > '${marker}'`], options(repo.dir));
    await run!.cancel();
    await run!.cancel();
    expect(nodeSpawnSync('test', ['-e', marker]).status).toBe(1);
  });

  it('a program that does not exist, or a NUL in an argument: null (the caller runs it the usual way)', () => {
    expect(startEarly('aitrail-no-such-program', [], options(repo.dir))).toBeNull();
    expect(startEarly('git', ['a\0b'], options(repo.dir))).toBeNull();
    expect(startEarly('git', ['--version'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, X: 'a\0b' } })).toBeNull();
  });
});

describe.runIf(direct)('startNoteWrite: the note writeNote writes, with git started early', () => {
  it('the same note bytes, the same notes ref tree; an existing note is "exists" and left as it is', async () => {
    const early = makeRepo();
    const late = makeRepo();
    const texts = ['src/a.ts\n  s_1::t_2 1-2\n---\n{"schema_version":"authorship/3.0.0"}\n', 'unicode é/ü.ts\n  s_1::t_2 3\n---\n{}\n'];
    for (const repo of [early, late]) for (const [at, text] of texts.entries()) repo.commit(`c${at}`, { [`f${at}.txt`]: text }, { GIT_AUTHOR_DATE: '@1700000000 +0000', GIT_COMMITTER_DATE: '@1700000000 +0000' });
    const heads = [early.git(['rev-parse', 'HEAD~1']), early.git(['rev-parse', 'HEAD'])];
    expect(late.git(['rev-parse', 'HEAD'])).toBe(heads[1]);
    const env = { GIT_COMMITTER_DATE: '@1700000100 +0000', GIT_AUTHOR_DATE: '@1700000100 +0000' };
    const saved = { ...process.env };
    Object.assign(process.env, TEST_GIT_ENV, env);
    try {
      for (const [at, text] of texts.entries()) {
        const pending = startNoteWrite(early.dir, 'refs/notes/ai', heads[at]!);
        expect(pending).not.toBeNull();
        expect(await pending!.write(text)).toEqual({ status: 'written' });
        expect(writeNote(late.dir, 'refs/notes/ai', heads[at]!, text)).toEqual({ status: 'written' });
      }
      expect(early.git(['rev-parse', 'refs/notes/ai^{tree}'])).toBe(late.git(['rev-parse', 'refs/notes/ai^{tree}']));
      expect(early.git(['notes', '--ref=ai', 'show', heads[0]!], { raw: true })).toBe(texts[0]);
      // Over an existing note: "exists", the note unchanged.
      const again = startNoteWrite(early.dir, 'refs/notes/ai', heads[1]!);
      expect(await again!.write('other\n')).toEqual({ status: 'exists' });
      expect(early.git(['notes', '--ref=ai', 'show', heads[1]!], { raw: true })).toBe(texts[1]);
      // A text git's clean-up would change (a leading blank line): the blob path, byte for byte.
      const head = early.commit('c3');
      const odd = '\n\nodd  \n';
      expect(await startNoteWrite(early.dir, 'refs/notes/ai', head)!.write(odd)).toEqual({ status: 'written' });
      expect(early.git(['cat-file', 'blob', `refs/notes/ai:${head}`], { raw: true })).toBe(odd);
      // Cancelled: nothing written, no notes commit made.
      const tip = early.git(['rev-parse', 'refs/notes/ai']);
      const last = early.commit('c4');
      await startNoteWrite(early.dir, 'refs/notes/ai', last)!.cancel();
      expect(early.git(['rev-parse', 'refs/notes/ai'])).toBe(tip);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });

  it('a git that fails: the same GitError as writeNote', async () => {
    const repo = makeRepo();
    const head = repo.commit('c');
    const bad = 'refs/notes/a..b';
    let early: unknown;
    let late: unknown;
    try {
      await startNoteWrite(repo.dir, bad, head)!.write('a note\n');
    } catch (error) {
      early = error;
    }
    try {
      writeNote(repo.dir, bad, head, 'a note\n');
    } catch (error) {
      late = error;
    }
    expect(early).toBeInstanceOf(Error);
    expect(early).toMatchObject({ name: 'GitError', message: (late as Error).message, exitCode: (late as { exitCode: number }).exitCode });
  });
});

describe('the post-commit hook: the note from an agent checkpoint, git notes add started early or not', () => {
  /** An agent edit (checkpointed as Claude Code's hooks send it) committed, then `aitrail hook post-commit` in `env`: the note and what node loaded. */
  function agentCommit(env: NodeJS.ProcessEnv) {
    const repo = makeRepo();
    const dates = { GIT_AUTHOR_DATE: '@1700000000 +0000', GIT_COMMITTER_DATE: '@1700000000 +0000' };
    repo.commit('base', { 'src/app.ts': 'one\ntwo\nthree\n' }, dates);
    const file = join(repo.dir, 'src', 'app.ts');
    const transcript = join(repo.dir, '.git', 'transcript.jsonl');
    writeFileSync(transcript, claudeCode.transcript(claudeCode.model));
    const edit = { file, relative: 'src/app.ts', cwd: repo.dir, old: 'two\n', replacement: 'two\nagent line\n', transcript };
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.pre(edit)).status).toBe(0);
    writeFileSync(file, 'one\ntwo\nagent line\nthree\n');
    expect(checkpoint(repo.dir, 'claude-code', claudeCode.post(edit)).status).toBe(0);
    // Committed with the hooks off, the same dates in every run: the same commit id.
    repo.commit('agent change', {}, dates);
    // The hook's module run by a fresh node, as post-commit runs it: it reports whether node's process bindings or node:child_process were loaded.
    const probe = `import(${JSON.stringify(resolve('dist/hooks/post-commit.js'))}).then(async ({ handler }) => { await handler([], { cwd: process.cwd(), env: process.env }); const loaded = process.moduleLoadList; console.log(JSON.stringify({ early: loaded.includes('Internal Binding process_wrap'), childProcess: loaded.includes('NativeModule child_process') })); })`;
    const run = nodeSpawnSync(process.execPath, ['-e', probe], { cwd: repo.dir, env: { ...TEST_GIT_ENV, ...env }, encoding: 'utf8' });
    expect(run.status).toBe(0);
    return { loaded: JSON.parse(run.stdout) as { early: boolean; childProcess: boolean }, stderr: run.stderr, head: repo.git(['rev-parse', 'HEAD']), note: repo.git(['notes', '--ref=ai', 'show', 'HEAD'], { raw: true }) };
  }

  it('the same note either way; on this node the early way, without node:child_process', () => {
    const early = agentCommit({});
    // Pending deprecations on: no direct binding, both git processes through node:child_process, one after the other.
    const late = agentCommit({ NODE_PENDING_DEPRECATION: '1' });
    expect(early.head).toBe(late.head);
    // The key's t_ part hashes the checkpoint's time: the rest byte for byte.
    const keyless = (note: string) => note.replace(/::t_[0-9a-f]+ /g, '::t_ ');
    expect(keyless(early.note)).toBe(keyless(late.note));
    expect(early.note).toMatch(/^src\/app\.ts\n {2}s_[0-9a-f]+::t_[0-9a-f]+ 3\n---\n/);
    expect(early.stderr).toBe('');
    expect(late.loaded.childProcess).toBe(true);
    expect(early.loaded).toEqual(direct ? { early: true, childProcess: false } : { early: false, childProcess: true });
  });
});
