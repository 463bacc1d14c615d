import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, closeSync, constants, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { tempDir, TEST_GIT_ENV } from './gitdir.js';

/** The built CLI (`npm test` builds first). */
export const BIN = fileURLToPath(new URL('../../bin/aitrail.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run `aitrail <args>` in `cwd` as a user would, with the test git environment.
 * AITRAIL_TEST_COUNT=<file> (off by default): each run's command word appended there, one a line, to count a test file's CLI runs.
 * The same server runs the hooks of the worker's test commits (test/setup/hook-node.global-setup.ts,
 * AITRAIL_TEST_HOOKS=spawn: a fresh node each, as before; AITRAIL_TEST_HOOKS_COUNT=<file>: each hook run
 * it took, one a line).
 * AITRAIL_TEST_CLI: how a run is made. `spawn`: a fresh `node bin/aitrail.js` each time. `server`
 * (the default): a command of the bundled CLI (log, blame, check, trend, status, init, uninstall, use,
 * notes, and help, version or a mistake) goes to one long-lived node per worker (test/helpers/cli-server.cjs),
 * which runs the bundled CLI afresh in the run's directory and environment with its output on its own
 * descriptors, and checkpoint from its own bundle with its payload on stdin; the rest (hook: its own bundle;
 * stdin given to another command, a short timeout, an environment that changes how node starts) is spawned. `diff`: both for the commands that only read (the others spawned), the spawned
 * result returned, each difference appended to AITRAIL_TEST_CLI_DIFF=<file> (the proof of the
 * server's equality over a run of the suite; the second run of a command finds what the first left,
 * a blame cache for one, and tests that count git processes see twice as many). AITRAIL_TEST_CLI_CPU=<file>: each server appends its
 * CPU and its children's there when it ends (clock ticks: user, system, children's user and
 * system), for measurements: nothing in the test run waits for a server, so no other count holds it.
 */
export function aitrail(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; timeout?: number } = {}): CliResult {
  if (process.env.AITRAIL_TEST_COUNT) appendFileSync(process.env.AITRAIL_TEST_COUNT, `${args[0] ?? ''}\n`);
  const env = { ...TEST_GIT_ENV, ...options.env };
  const mode = process.env.AITRAIL_TEST_CLI ?? 'server';
  if (mode === 'spawn' || !servable(cwd, args, env, options) || (mode === 'diff' && args.some((arg) => CHANGES.has(arg)))) return spawned(cwd, args, env, options);
  if (mode !== 'diff') return served(cwd, args, env, options.input) ?? spawned(cwd, args, env, options);
  const fresh = spawned(cwd, args, env, options);
  const server = served(cwd, args, env, options.input);
  if (server && process.env.AITRAIL_TEST_CLI_DIFF) {
    const same = server.code === fresh.code && server.stdout === fresh.stdout && server.stderr === fresh.stderr;
    const { testPath, currentTestName } = expect.getState();
    const test = { file: testPath, test: currentTestName };
    appendFileSync(process.env.AITRAIL_TEST_CLI_DIFF, `${JSON.stringify(same ? { same: true, ...test, args } : { same: false, ...test, cwd, args, fresh, server })}\n`);
  }
  return fresh;
}

function spawned(cwd: string, args: string[], env: NodeJS.ProcessEnv, options: { input?: string; timeout?: number }): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env,
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Commands that change the repository or its hooks: run twice (diff), they would not say the same; spawned then. */
const CHANGES = new Set(['init', 'uninstall', 'use', 'notes', 'hook', 'checkpoint']);
/**
 * What bin/aitrail.js runs with another bundle than the CLI's (dist/bundle/<hook>.cjs), ended its own way
 * (process.exit at once): never served by the CLI server. checkpoint is served: the server evaluates
 * dist/bundle/checkpoint.cjs as bin/aitrail.js does, its payload fed to its reads of stdin (a fresh node
 * each cost ~60 ms of CPU: session 52 a).
 */
const OWN_BUNDLE = new Set(['hook']);
let servedCount = 0;
/** How many runs of aitrail() the worker's server has answered so far (test/integration/cli-server-changes-s51a.test.ts). */
export function servedRuns(): number {
  return servedCount;
}
/** What node reads from its environment once, at start-up: a run that sets them differently needs its own node. */
const STARTUP = /^(NODE_.*|UV_.*|LC_.*|LANG|LANGUAGE|TZ|ICU_.*|SSL_CERT_.*|OPENSSL_.*)$/;
const SERVER = fileURLToPath(new URL('./cli-server.cjs', import.meta.url));

function servable(cwd: string, args: string[], env: NodeJS.ProcessEnv, options: { input?: string; timeout?: number }): boolean {
  // stdin given: checkpoint's only (its bundle reads descriptor 0 with readSync, which the server feeds); the rest spawned.
  if (((options.input ?? '') !== '' && args[0] !== 'checkpoint') || (options.timeout !== undefined && options.timeout < 30_000)) return false;
  // init, uninstall, use and notes are served too: the server runs them as bin/aitrail.js does (runBundledCli, the same
  // bundle, directory, environment, argv and exit listeners); a fresh node each cost ~55 ms of CPU more (session 51 a: ~1.3 a test file).
  if (args.some((arg) => OWN_BUNDLE.has(arg))) return false;
  if (!statSync(cwd, { throwIfNoEntry: false })?.isDirectory()) return false;
  const keys = new Set([...Object.keys(env), ...Object.keys(TEST_GIT_ENV)].filter((key) => STARTUP.test(key)));
  return [...keys].every((key) => (env[key] === undefined ? undefined : String(env[key])) === (TEST_GIT_ENV[key] === undefined ? undefined : String(TEST_GIT_ENV[key])));
}

interface Server {
  dir: string;
  pid: number | undefined;
  requests: number;
  answers: number;
  out: number;
  err: number;
  pending: string;
}
let server: Server | null | undefined;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** The next JSON line from the server, waiting for it (null: the server is gone, or never came within 60 s). */
function answer(state: Server, started: boolean): Record<string, unknown> | null {
  const chunk = Buffer.alloc(4096);
  const deadline = Date.now() + 60_000;
  for (;;) {
    const newline = state.pending.indexOf('\n');
    if (newline >= 0) {
      const line = state.pending.slice(0, newline);
      state.pending = state.pending.slice(newline + 1);
      return JSON.parse(line) as Record<string, unknown>;
    }
    let read: number;
    try {
      read = readSync(state.answers, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      read = -1;
    }
    if (read > 0) {
      state.pending += chunk.toString('utf8', 0, read);
      continue;
    }
    // 0: no writer, before the server opened its end or after it ended.
    if (read === 0 && started) return null;
    if (!started && Date.now() > deadline) return null;
    Atomics.wait(sleeper, 0, 0, 0.5);
  }
}

function startServer(): Server | null {
  const dir = mkdtempSync(join(tmpdir(), 'aitrail-cli-server-'));
  const requestFifo = join(dir, 'requests');
  const answerFifo = join(dir, 'answers');
  if (spawnSync('mkfifo', [requestFifo, answerFifo]).status !== 0) return null;
  const out = openSync(join(dir, 'stdout'), 'a+');
  const err = openSync(join(dir, 'stderr'), 'a+');
  // The hooks of this worker's test commits too (AITRAIL_TEST_HOOKS, test/setup/hook-node.global-setup.ts): on a socket beside the FIFOs.
  const hooks = process.env.TEST_HOOK_NODE ? join(dir, 'hooks.sock') : '';
  const args = [SERVER, requestFifo, answerFifo, BIN, process.env.AITRAIL_TEST_CLI_CPU ?? '', hooks, process.env.AITRAIL_TEST_HOOKS_COUNT ?? ''];
  const child = spawn(process.execPath, args, { cwd: dir, env: TEST_GIT_ENV, stdio: ['ignore', out, err] });
  child.unref();
  const answers = openSync(answerFifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const requests = openSync(requestFifo, 'r+');
  const state: Server = { dir, pid: child.pid, requests, answers, out, err, pending: '' };
  if (answer(state, false)?.ready !== true) {
    child.kill();
    return null;
  }
  // From now on a blocking read (the server holds its end open, so this open does not wait): a wait for
  // an answer costs no CPU. Polling the non-blocking end every 0.5 ms cost the worker ~75 ms of CPU a
  // second of waiting (a thrown EAGAIN each time). The server gone, the read says 0 (no writer left).
  state.answers = openSync(answerFifo, constants.O_RDONLY);
  closeSync(answers);
  // The server ends when this process has (its end of the request pipe closed): nothing here waits for it.
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  if (hooks !== '') {
    // The hook client (test/helpers/hook-node.c) finds the server through the environment every test commit is made in.
    process.env.TEST_HOOK_SERVER = hooks;
    TEST_GIT_ENV.TEST_HOOK_SERVER = hooks;
  }
  return state;
}

/**
 * Start the worker's server now (test/setup/temp-dirs.ts, before a file's tests), so that the hooks
 * of its first commits find it: with the hook client on PATH (AITRAIL_TEST_HOOKS not `spawn`).
 */
export function startServerForHooks(): void {
  if (process.env.TEST_HOOK_NODE && server === undefined) server = startServer();
}

/**
 * The CPU the worker's server has used so far, its children's that it waited for included (git, and
 * the hooks that git ran), in clock ticks (user+system, /proc/<pid>/stat), or 0 (no server, no /proc).
 * Read before and after a test file (test/setup/temp-dirs.ts, AITRAIL_TEST_FILE_CPU): the runs it
 * served for that file, CLI and hooks, since a worker runs one file at a time and every run it
 * serves is waited for by the file's own code or git before the file goes on.
 */
export function serverCpuTicks(): number {
  if (!server?.pid) return 0;
  try {
    const stat = readFileSync(`/proc/${server.pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ').slice(11, 15).map(Number).reduce((sum, value) => sum + value, 0);
  } catch {
    return 0;
  }
}

/** One run by the worker's CLI server (started on first use), or null when there is none. */
function served(cwd: string, args: string[], env: NodeJS.ProcessEnv, input = ''): CliResult | null {
  if (server === undefined) server = startServer();
  if (server === null) return null;
  writeSync(server.requests, `${JSON.stringify({ cwd, argv: args, env, ...(input === '' ? {} : { stdin: Buffer.from(input, 'utf8').toString('base64') }) })}\n`);
  const result = answer(server, true);
  if (result === null) {
    server = null;
    throw new Error('aitrail CLI server ended (AITRAIL_TEST_CLI=spawn runs without it)');
  }
  if (typeof result.crashed === 'string') throw new Error(`aitrail CLI server: ${result.crashed} (AITRAIL_TEST_CLI=spawn runs without it)`);
  servedCount += 1;
  return { code: result.code as number, stdout: result.stdout as string, stderr: result.stderr as string };
}

/**
 * The node the tests' `aitrail` wrappers run the built CLI with: the hook client (test/helpers/hook-node.c,
 * test/setup/hook-node.global-setup.ts), which sends a hook run to the worker's server and execs the
 * real node for anything else; the real node when there is none (AITRAIL_TEST_HOOKS=spawn).
 */
export function nodeForHooks(): string {
  return process.env.TEST_HOOK_NODE ? join(process.env.TEST_HOOK_NODE, 'node') : process.execPath;
}

/**
 * The test git environment with an `aitrail` on PATH that runs the built CLI, as `npm i -g aitrail`
 * leaves one: the hooks `aitrail init` installs find it there.
 */
export function envWithAitrailOnPath(): NodeJS.ProcessEnv {
  const bin = join(tempDir('aitrail-path-'), 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nexec '${nodeForHooks()}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  return { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}` };
}

/** What `aitrail check --format json` prints, as far as the tests read it. */
export interface CheckJson {
  ok: boolean;
  violations: { sha: string; rule: string; model: string; severity: string }[];
}

/** `aitrail check <range> --format json` in `dir`: its exit code and parsed report. */
export function checkJson(dir: string, range = 'main..feature'): { code: number; json: CheckJson } {
  const result = aitrail(dir, ['check', range, '--format', 'json']);
  return { code: result.code, json: JSON.parse(result.stdout) as CheckJson };
}

/**
 * What a run printed besides the error object a failed `--format json` run prints (`{"error": {…}}`,
 * row 1004): '' for that object alone, stdout as it is otherwise. For tests that hold a refused run to
 * print no report.
 */
export function reportOf(stdout: string): string {
  if (!stdout.startsWith('{')) return stdout;
  try {
    const parsed = JSON.parse(stdout) as Record<string, unknown>;
    const error = parsed.error as { exitCode?: unknown; message?: unknown } | undefined;
    return Object.keys(parsed).length === 1 && typeof error?.exitCode === 'number' && typeof error.message === 'string' ? '' : stdout;
  } catch {
    return stdout;
  }
}
