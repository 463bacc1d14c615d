import { execFileSync, spawnSync as nodeSpawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIRECT_MAJORS, spawnSync, spawnSyncDirect, spawnSyncPublic, type SyncRun, type SyncRunOptions } from '../../src/git/spawn-sync.js';
import { streamGit } from '../../src/git/exec.js';
import { makeRepo, TEST_GIT_ENV } from '../helpers/gitdir.js';

// src/git/spawn-sync.ts runs the hooks' git commands through node's spawn_sync binding, without
// loading node:child_process, on the node majors it lists. Each case below runs the same command
// both ways and asks for the same result; then fresh node processes show which way a hook takes.

const major = Number(process.versions.node.split('.')[0]);
const direct = DIRECT_MAJORS.includes(major);
const repo = makeRepo();
const base: SyncRunOptions = { cwd: repo.dir, env: TEST_GIT_ENV, input: '', maxBuffer: 1024 * 1024 * 1024 };

/** What a run gave, in a form two runs can be compared by. */
function outcome(run: SyncRun) {
  const error = run.error as (Error & { code?: unknown; syscall?: unknown; path?: unknown; spawnargs?: unknown }) | undefined;
  return {
    status: run.status,
    signal: run.signal,
    stdout: run.stdout.toString('latin1'),
    stderr: run.stderr.toString('latin1'),
    error: error ? { message: error.message, code: error.code, syscall: error.syscall, path: error.path, spawnargs: error.spawnargs } : undefined,
  };
}

/** The command run both ways: the same outcome, which is returned. */
function both(file: string, args: string[], options: Partial<SyncRunOptions> = {}) {
  const settings = { ...base, ...options };
  const viaBinding = spawnSyncDirect(file, args, settings);
  const viaPublic = outcome(spawnSyncPublic(file, args, settings));
  if (direct) {
    expect(viaBinding, 'the direct path runs on this node').not.toBeNull();
    expect(outcome(viaBinding!)).toEqual(viaPublic);
  } else {
    expect(viaBinding).toBeNull();
  }
  return viaPublic;
}

describe('spawnSync: node spawn_sync binding and node:child_process give the same result', () => {
  it('stdout, stderr and the exit status of git, in a work tree and a folder with spaces and unicode', () => {
    expect(both('git', ['--version']).stdout).toMatch(/^git version /);
    const failed = both('git', ['rev-parse', '--verify', '--quiet', 'no-such-ref']);
    expect(failed.status).toBe(1);
    const fatal = both('git', ['rev-parse', '--verify', 'no-such-ref']);
    expect(fatal.status).toBe(128);
    expect(fatal.stderr).toMatch(/fatal/);
    const folder = join(repo.dir, 'a folder — é', '-x');
    mkdirSync(folder, { recursive: true });
    expect(both('git', ['rev-parse', '--show-prefix'], { cwd: folder }).stdout).toBe(`${Buffer.from('a folder — é/-x/').toString('latin1')}\n`);
  });

  it('input on stdin and outputs larger than a pipe holds, byte for byte', () => {
    const bytes = Buffer.concat([randomBytes(3 * 1024 * 1024), Buffer.from('\0 é \r\n')]);
    const oid = both('git', ['hash-object', '-w', '--stdin'], { input: bytes }).stdout.trim();
    expect(oid).toBe(execFileSync('git', ['hash-object', '--stdin'], { cwd: repo.dir, env: TEST_GIT_ENV, input: bytes }).toString('utf8').trim());
    expect(Buffer.from(both('git', ['cat-file', 'blob', oid]).stdout, 'latin1').equals(bytes)).toBe(true);
    // A string input is UTF-8, as node's spawnSync makes it.
    expect(both('git', ['hash-object', '--stdin'], { input: 'é\n' }).stdout.trim()).toBe(execFileSync('git', ['hash-object', '--stdin'], { input: Buffer.from('é\n', 'utf8'), env: TEST_GIT_ENV }).toString('utf8').trim());
  });

  it('arguments as given (spaces, newlines, leading dashes, unicode) and the environment as given (undefined values left out)', () => {
    const args = ['-c', 'printf "[%s]\\n" "$@"; printf "%s|%s" "${AITRAIL_T1-unset}" "${AITRAIL_T2-unset}"', 'sh', 'a b', 'line\nbreak', '--flag', '-', 'ü 🙂', ''];
    const env = { ...TEST_GIT_ENV, AITRAIL_T1: 'x=y\tz é', AITRAIL_T2: undefined };
    expect(both('sh', args, { env }).stdout).toBe(Buffer.from('[a b]\n[line\nbreak]\n[--flag]\n[-]\n[ü 🙂]\n[]\nx=y\tz é|unset').toString('latin1'));
  });

  it('a process killed by a signal: no status, the signal by name', () => {
    const killed = both('sh', ['-c', 'kill -TERM $$']);
    expect(killed).toMatchObject({ status: null, signal: 'SIGTERM' });
  });

  it('failures to start: the same errors (code, syscall, message)', () => {
    expect(both('aitrail-no-such-program', ['x']).error).toMatchObject({ code: 'ENOENT', message: 'spawnSync aitrail-no-such-program ENOENT', spawnargs: ['x'] });
    expect(both('git', ['--version'], { cwd: join(repo.dir, 'no-such-folder') }).error).toMatchObject({ code: 'ENOENT' });
    expect(both('git', ['--version'], { env: { ...TEST_GIT_ENV, PATH: '/nonexistent' } }).error).toMatchObject({ code: 'ENOENT' });
  });

  it('an output over maxBuffer: the process is killed, with the same error', () => {
    // `yes` never stops by itself, so the kill always comes first (a short output may end before it: a race, both ways).
    const settings = { ...base, maxBuffer: 1024 };
    const runs = [spawnSyncPublic('yes', [], settings), ...(direct ? [spawnSyncDirect('yes', [], settings)!] : [])];
    for (const run of runs) {
      expect(outcome(run)).toMatchObject({ status: null, signal: 'SIGTERM', error: { code: 'ENOBUFS', message: 'spawnSync yes ENOBUFS' } });
      expect(run.stdout.length).toBeGreaterThan(0);
    }
  });

  it('a NUL in the program, an argument, the folder or the environment: the public API runs, and refuses it as before', () => {
    const cases: Array<[string, string[], Partial<SyncRunOptions>]> = [
      ['git', ['rev-parse', 'HEAD\0--help'], {}],
      ['git\0x', ['--version'], {}],
      ['git', ['--version'], { cwd: `${repo.dir}\0x` }],
      ['git', ['--version'], { env: { ...TEST_GIT_ENV, AITRAIL_T: 'a\0b' } }],
      ['git', ['--version'], { env: { ...TEST_GIT_ENV, 'AITRAIL\0T': 'a' } }],
    ];
    for (const [file, args, options] of cases) {
      expect(spawnSyncDirect(file, args, { ...base, ...options })).toBeNull();
      expect(() => spawnSync(file, args, { ...base, ...options })).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_VALUE' }));
    }
  });
});

describe('which way a hook process runs git', () => {
  const exec = resolve('dist/git/exec.js');
  // A fresh node runs the gateway's runGitSync and says whether node:child_process got loaded.
  const probe = `import(${JSON.stringify(exec)}).then(({ runGitSync }) => { const out = runGitSync(['rev-parse', '--is-inside-work-tree'], { cwd: process.cwd() }).trim(); console.log(out + ' ' + process.moduleLoadList.includes('NativeModule child_process')); })`;
  const run = (flags: string[], env: NodeJS.ProcessEnv = {}) => {
    const result = nodeSpawnSync(process.execPath, [...flags, '-e', probe], { cwd: repo.dir, env: { ...TEST_GIT_ENV, ...env }, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
  };

  it.runIf(direct)('on this node, without loading node:child_process', () => {
    expect(run([])).toEqual({ status: 0, stdout: 'true false', stderr: '' });
  });

  it('with pending deprecations on (flag, NODE_OPTIONS, NODE_PENDING_DEPRECATION=1): through node:child_process, and no deprecation warning', () => {
    expect(run(['--pending-deprecation'])).toEqual({ status: 0, stdout: 'true true', stderr: '' });
    expect(run([], { NODE_OPTIONS: '--pending-deprecation' })).toEqual({ status: 0, stdout: 'true true', stderr: '' });
    expect(run([], { NODE_PENDING_DEPRECATION: '1' })).toEqual({ status: 0, stdout: 'true true', stderr: '' });
  });

  it('under the permission model: through node:child_process', () => {
    const result = run(['--experimental-permission', '--allow-fs-read=*', '--allow-child-process', '--no-warnings']);
    expect(result).toEqual({ status: 0, stdout: 'true true', stderr: '' });
  });
});

describe('streamGit `whole` (a few commits\' log read by one synchronous run)', () => {
  const history = makeRepo();
  for (let index = 1; index <= 40; index += 1) history.commit(`commit ${index}\n\n${'body line\n'.repeat(index)}`, { [`f${index}.txt`]: `${index}\n` });
  const collect = async (chunks: AsyncIterable<Buffer>) => {
    const all: Buffer[] = [];
    for await (const chunk of chunks) all.push(chunk);
    return { text: Buffer.concat(all).toString('utf8'), chunks: all.length };
  };
  const args = ['log', '-z', '--format=%H%x00%B', '--name-only'];

  it('gives what the stream gives, in one chunk; past its limit it streams again, whole', async () => {
    const streamed = await collect(streamGit(args, { cwd: history.dir }));
    expect(streamed.text).toBe(execFileSync('git', args, { cwd: history.dir, env: TEST_GIT_ENV, encoding: 'utf8' }));
    expect(await collect(streamGit(args, { cwd: history.dir, whole: true }))).toEqual({ text: streamed.text, chunks: 1 });
    // 64 bytes cannot hold it: git is stopped and run again as a stream, and nothing is lost or doubled.
    expect((await collect(streamGit(args, { cwd: history.dir, whole: true, wholeLimit: 64 }))).text).toBe(streamed.text);
    // With input on stdin, both times.
    const shas = streamed.text.split('\0').filter((token) => /^[0-9a-f]{40}$/.test(token)).slice(0, 5);
    const named = ['log', '-z', '--format=%H', '--no-walk=unsorted', '--stdin'];
    const expected = `${shas.join('\0')}\0`;
    for (const wholeLimit of [64, undefined]) {
      expect((await collect(streamGit(named, { cwd: history.dir, whole: true, input: `${shas.join('\n')}\n`, ...(wholeLimit ? { wholeLimit: 8 } : {}) }))).text).toBe(expected);
    }
  });

  it('fails as the stream fails: a GitError with git\'s message; an exit code the caller accepts is no failure', async () => {
    for (const whole of [true, false]) {
      await expect(collect(streamGit(['log', 'no-such-rev', '--'], { cwd: history.dir, whole }))).rejects.toMatchObject({ name: 'GitError', exitCode: 128, message: expect.stringContaining('no-such-rev') });
      await expect(collect(streamGit(['grep', '-e', 'no such text anywhere', 'HEAD'], { cwd: history.dir, whole, okCodes: [1] }))).resolves.toEqual({ text: '', chunks: 0 });
    }
  });
});
