'use strict';
// One long-lived node per vitest worker that runs `aitrail <command>` (the bundled CLI,
// dist/bundle/cli.cjs) for test/helpers/cli.ts, as a fresh `node bin/aitrail.js` would: each request
// evaluates the bundle afresh (every bundled module's state is new: yargs, the git gateway, caches),
// in the request's working directory, environment and argv, its stdout and stderr going to this
// process's descriptors 1 and 2 (files the caller reads and empties after each run; git's children
// inherit them as a fresh run's would), stdin /dev/null (an empty input) unless a hook client sent one. What is process-wide and
// not the bundle's is put back after each run: the environment, process.stdout's getter and its
// listeners, exit/signal listeners (exit listeners are run, as a fresh process runs them at exit).
// A run that leaves work pending (timers, children, streams) is waited for, as node waits at exit.
// Protocol: requests are JSON lines on argv[2] (a FIFO); each answer is a JSON line on argv[3], with
// what the run printed (stdout, stderr). The same server runs the hooks of the worker's test commits
// (AITRAIL_TEST_HOOKS, test/setup/hook-node.global-setup.ts): the `node` client first on the tests'
// PATH (test/helpers/hook-node.c) sends `bin/aitrail.js hook <hook> ...` to the socket argv[5] (its
// argv, directory, environment, pid, parent's pid, umask, and the stdin of pre-receive, pre-push and
// post-rewrite, read whole: fed to the run's reads of descriptor 0, feedStdin); the hook's
// bundle (dist/bundle/<hook>.cjs) is evaluated afresh and run as bin/aitrail.js runs it, with
// process.pid and process.ppid reading the client's (agent detection walks /proc from the parent),
// and what it printed and its exit code go back to the client. One run at a time, whichever comes
// first; a run whose environment changes how node starts (NODE_*, LC_*, TZ ...) is sent back to be
// run by the real node.
const fs = require('node:fs');
const vm = require('node:vm');
const path = require('node:path');
const { createRequire } = require('node:module');

const net = require('node:net');

const [, , requestFifo, answerFifo, bin, cpuFile, hookSocket, hookCount] = process.argv;
const bundles = path.join(path.dirname(bin), '..', 'dist', 'bundle');
const file = path.join(bundles, 'cli.cjs');
const source = fs.readFileSync(file, 'latin1');
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname, __aitrail_dir) {${source}\n})`, { filename: file });
let host;
const real = () => (host ??= createRequire(file));
const bundleRequire = Object.assign((id) => process.getBuiltinModule(id) ?? real()(id), {
  resolve: (id, options) => real().resolve(id, options),
});

const answers = fs.openSync(answerFifo, 'w');
const answer = (value) => fs.writeSync(answers, `${JSON.stringify(value)}\n`);
/** Each hook bundle (and checkpoint's) compiled once; evaluated afresh for every run. */
const hookScripts = new Map();
function hookScript(name) {
  if (!hookScripts.has(name)) {
    const hookFile = path.join(bundles, `${name}.cjs`);
    const hookSource = fs.readFileSync(hookFile, 'latin1');
    const hookRequire = Object.assign((id) => process.getBuiltinModule(id) ?? createRequire(hookFile)(id), {
      resolve: (id, options) => createRequire(hookFile).resolve(id, options),
    });
    hookScripts.set(name, { file: hookFile, require: hookRequire, script: new vm.Script(`(function (exports, require, module, __filename, __dirname, __aitrail_dir) {${hookSource}\n})`, { filename: hookFile }) });
  }
  return hookScripts.get(name);
}

const stdoutDescriptor = Object.getOwnPropertyDescriptor(process, 'stdout');
const stderrDescriptor = Object.getOwnPropertyDescriptor(process, 'stderr');
const EVENTS = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGPIPE', 'uncaughtException', 'unhandledRejection', 'warning'];
const baseListeners = new Map(EVENTS.map((event) => [event, process.listeners(event)]));
let crashed;
process.on('uncaughtException', (error) => {
  crashed = `uncaughtException: ${error && error.stack}`;
});
process.on('unhandledRejection', (error) => {
  crashed = `unhandledRejection: ${error && error.stack}`;
});
const ownListeners = new Map(EVENTS.map((event) => [event, process.listeners(event)]));
const startEnv = { ...process.env };

/** Runs waiting their turn: { kind: 'cli', request } or { kind: 'hook', request, socket }. */
const queue = [];
let wake;
const push = (item) => {
  queue.push(item);
  if (wake) wake();
};
let ended = false;
/** The server's own handles (the request FIFO, the hook socket and its connections): not a run's pending work. */
let ownHandles = 0;
const tick = () => new Promise((resolve) => setImmediate(resolve));
/** Until nothing but this server's own resources is left, as node waits for them before a fresh run exits. */
async function drain() {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await tick();
    const active = process.getActiveResourcesInfo().filter((kind) => kind !== 'Immediate');
    if (active.length <= ownHandles) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function setEnv(env) {
  for (const key of Object.keys(process.env)) if (!Object.hasOwn(env, key)) delete process.env[key];
  for (const [key, value] of Object.entries(env)) if (process.env[key] !== value) process.env[key] = value;
}

/** What node reads from its environment once, at start-up: a hook run that sets them otherwise is run by the real node. */
const STARTUP = /^(NODE_.*|UV_.*|LC_.*|LANG|LANGUAGE|TZ|ICU_.*|SSL_CERT_.*|OPENSSL_.*)$/;
const startsAlike = (env) => [...new Set([...Object.keys(env), ...Object.keys(startEnv)])].filter((key) => STARTUP.test(key)).every((key) => env[key] === startEnv[key]);
const ownPid = Object.getOwnPropertyDescriptor(process, 'pid');
const ownPpid = Object.getOwnPropertyDescriptor(process, 'ppid');
const outFile = path.join(path.dirname(requestFifo), 'stdout');
const errFile = path.join(path.dirname(requestFifo), 'stderr');
const ownUmask = process.umask();

/** A run's bundle and what it exports, evaluated afresh: the CLI's main, or a hook's runHook as bin/aitrail.js runs it. */
async function evaluate(request) {
  // bin/aitrail.js: `checkpoint` (not asking for help) from its own bundle, its runCheckpointCommand with the arguments
  // after `checkpoint`; an internal error says so and ends 0, as there (an agent's edit never fails because of aitrail).
  if (request.hook === undefined && request.argv[0] === 'checkpoint' && !request.argv.includes('--help') && !request.argv.includes('-h')) {
    const bundle = hookScript('checkpoint');
    const module = { exports: {} };
    bundle.script.runInThisContext()(module.exports, bundle.require, module, bundle.file, bundles, bundles);
    return module.exports.runCheckpointCommand(request.argv.slice(1)).catch((error) => {
      process.stderr.write(`aitrail checkpoint: internal error, nothing recorded: ${error instanceof Error ? error.message : String(error)}\n`);
      return 0;
    });
  }
  if (request.hook === undefined) {
    const module = { exports: {} };
    script.runInThisContext()(module.exports, bundleRequire, module, file, bundles, bundles);
    return module.exports.main(request.argv);
  }
  const hook = hookScript(request.hook);
  const module = { exports: {} };
  hook.script.runInThisContext()(module.exports, hook.require, module, hook.file, bundles, bundles);
  // bin/aitrail.js: the bundle's runHook with the arguments after `hook`; a run that ended well ends
  // the process at once (nothing pending: it awaited what it started).
  return module.exports.runHook(request.argv.slice(1));
}

async function run(request) {
  crashed = undefined;
  fs.truncateSync(outFile, 0);
  fs.truncateSync(errFile, 0);
  process.chdir(request.cwd);
  // Without the socket: a hook started by what this run starts (its git) runs in the real node, never
  // waiting on this server, busy with the run that waits for it.
  const { TEST_HOOK_SERVER: _socket, ...env } = request.env;
  setEnv(env);
  process.argv = [process.execPath, bin, ...request.argv];
  process.exitCode = undefined;
  if (request.pid !== undefined) {
    // Own properties node defines natively (an assignment to ppid is lost): replaced, put back after the run.
    delete process.pid;
    Object.defineProperty(process, 'pid', { ...ownPid, value: request.pid });
    delete process.ppid;
    Object.defineProperty(process, 'ppid', { ...ownPpid, value: request.ppid });
    process.umask(request.umask);
  }
  const ownStdin = request.stdin === undefined ? undefined : feedStdin(request.stdin);
  // What a run hangs on globalThis (src/git/run-end.ts's hand-offs: the notes listings to forget, the
  // cat-file batches to close, of this evaluation): gone with it, as with a fresh process.
  const ownSymbols = new Set(Object.getOwnPropertySymbols(globalThis));
  let code;
  try {
    code = await evaluate(request).catch((error) => {
      process.stderr.write(`aitrail: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      return 3;
    });
  } catch (error) {
    crashed = `threw: ${error && error.stack}`;
  }
  let drained;
  try {
    drained = await drain();
  } finally {
    ownStdin?.();
  }
  for (const symbol of Object.getOwnPropertySymbols(globalThis)) if (!ownSymbols.has(symbol)) delete globalThis[symbol];
  if (typeof code === 'number') process.exitCode = code;
  // A fresh process runs its exit listeners, then ends with process.exitCode.
  for (const listener of process.listeners('exit')) {
    if (!ownListeners.get('exit').includes(listener)) listener(process.exitCode ?? 0);
  }
  const exit = process.exitCode ?? 0;
  for (const event of EVENTS) {
    for (const listener of process.listeners(event)) if (!ownListeners.get(event).includes(listener)) process.removeListener(event, listener);
  }
  Object.defineProperty(process, 'stdout', stdoutDescriptor);
  Object.defineProperty(process, 'stderr', stderrDescriptor);
  for (const stream of [process.stdout, process.stderr]) {
    for (const listener of stream.listeners('error')) if (!baseStreamListeners.includes(listener)) stream.removeListener('error', listener);
  }
  process.exitCode = undefined;
  if (request.pid !== undefined) {
    delete process.pid;
    Object.defineProperty(process, 'pid', ownPid);
    delete process.ppid;
    Object.defineProperty(process, 'ppid', ownPpid);
    process.umask(ownUmask);
  }
  setEnv(startEnv);
  process.chdir(startCwd);
  const stdout = fs.readFileSync(outFile);
  const stderr = fs.readFileSync(errFile);
  return { code: exit, stdout, stderr, ...(crashed ? { crashed } : {}), ...(drained ? {} : { crashed: 'work left pending after 60 s' }) };
}

/**
 * A hook client's request (test/helpers/hook-node.c): NUL-ended fields after a 4-byte length, the
 * last one stdin's length (`-`: none read, the server's own /dev/null) and then stdin's bytes as they are.
 */
function hookRequest(bytes) {
  let at = 0;
  const next = () => {
    const end = bytes.indexOf(0, at);
    const value = bytes.toString('utf8', at, end);
    at = end + 1;
    return value;
  };
  const [cwd, pid, ppid, umask, argc] = [next(), next(), next(), next(), Number(next())];
  const argv = Array.from({ length: argc }, next);
  const count = Number(next());
  const env = {};
  for (let i = 0; i < count; i++) {
    const entry = next();
    const equals = entry.indexOf('=');
    if (equals > 0 && !Object.hasOwn(env, entry.slice(0, equals))) env[entry.slice(0, equals)] = entry.slice(equals + 1);
  }
  const stdinLength = next();
  const stdin = stdinLength === '-' ? undefined : Buffer.from(bytes.subarray(at, at + Number(stdinLength)));
  return { cwd, pid: Number(pid), ppid: Number(ppid), umask: Number(umask), argv, hook: argv[1], env, stdin };
}

/**
 * A served hook's stdin (pre-receive, pre-push, post-rewrite): `bytes`, for the run, read from
 * descriptor 0 as src/io/read-stdin.ts reads it (fs.readSync on 0, which the bundles look up on the
 * module at each call); every other descriptor read as ever. Returns what puts fs.readSync back.
 */
function feedStdin(bytes) {
  const ownReadSync = fs.readSync;
  let at = 0;
  fs.readSync = function readSync(fd, buffer, offsetOrOptions, length, position) {
    if (fd !== 0) return ownReadSync.apply(this, arguments);
    const options = typeof offsetOrOptions === 'object' && offsetOrOptions !== null ? offsetOrOptions : { offset: offsetOrOptions, length, position };
    const offset = options.offset ?? 0;
    const wanted = options.length ?? buffer.byteLength - offset;
    const n = Math.max(0, Math.min(wanted, bytes.length - at));
    bytes.copy(buffer, offset, at, at + n);
    at += n;
    return n;
  };
  return () => {
    fs.readSync = ownReadSync;
  };
}

const frame = (kind, data) => {
  const head = Buffer.alloc(5);
  head[0] = kind;
  head.writeUInt32LE(data.length, 1);
  return Buffer.concat([head, data]);
};

function listenForHooks() {
  if (!hookSocket) return;
  const server = net.createServer((socket) => {
    socket.unref();
    // Chunks kept until the whole request is in (a stdin of megabytes comes in many: joined once).
    const chunks = [];
    let got = 0;
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      got += chunk.length;
      if (got < 4) return;
      const head = chunks[0].length >= 4 ? chunks[0] : Buffer.concat(chunks);
      if (got < 4 + head.readUInt32LE(0)) return;
      const bytes = Buffer.concat(chunks);
      socket.removeAllListeners('data');
      push({ kind: 'hook', request: hookRequest(bytes.subarray(4, 4 + bytes.readUInt32LE(0))), socket });
    });
  });
  server.listen(hookSocket);
  server.unref();
}

function readRequests() {
  // The FIFO as a pipe socket: the one handle of its own this server keeps referenced (drain() counts it).
  const stream = new net.Socket({ fd: fs.openSync(requestFifo, 'r'), readable: true, writable: false });
  ownHandles = 1;
  let buffered = '';
  stream.on('data', (chunk) => {
    buffered += chunk.toString('utf8');
    for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
      const request = JSON.parse(buffered.slice(0, newline));
      // A CLI run's stdin (test/helpers/cli.ts, checkpoint's payload): base64 in the request, fed as a hook's is.
      if (typeof request.stdin === 'string') request.stdin = Buffer.from(request.stdin, 'base64');
      push({ kind: 'cli', request });
      buffered = buffered.slice(newline + 1);
    }
  });
  stream.on('end', () => {
    ended = true;
    if (wake) wake();
  });
}

const startCwd = process.cwd();
// Made now, so that a run's first use of them adds only its own listeners (removed after the run).
process.stdout;
process.stderr;
const baseStreamListeners = [...process.stdout.listeners('error'), ...process.stderr.listeners('error')];
void baseListeners;

(async () => {
  listenForHooks();
  answer({ ready: true });
  readRequests();
  for (;;) {
    if (queue.length === 0 && ended) break;
    if (queue.length === 0) {
      await new Promise((resolve) => (wake = resolve));
      wake = undefined;
      continue;
    }
    const item = queue.shift();
    if (item.kind === 'hook' && !startsAlike(item.request.env)) {
      item.socket.end(frame(4, Buffer.alloc(0)));
      continue;
    }
    let result;
    try {
      result = await run(item.request);
    } catch (error) {
      result = { code: -1, crashed: `server: ${error && error.stack}` };
    }
    if (item.kind === 'cli') {
      answer({ ...result, stdout: (result.stdout ?? Buffer.alloc(0)).toString('utf8'), stderr: (result.stderr ?? Buffer.alloc(0)).toString('utf8') });
      continue;
    }
    // Each hook run served, one a line: beside the socket (test/integration/hook-server-s45b.test.ts reads it), and in AITRAIL_TEST_HOOKS_COUNT=<file> when set.
    fs.appendFileSync(path.join(path.dirname(hookSocket), 'served'), `${item.request.hook}\n`);
    if (hookCount) fs.appendFileSync(hookCount, `${item.request.hook}\n`);
    const code = Buffer.alloc(4);
    code.writeInt32LE(result.crashed ? 125 : result.code);
    const crash = result.crashed ? Buffer.from(`hook-node: test hook server: ${result.crashed} (AITRAIL_TEST_HOOKS=spawn runs without it)\n`) : Buffer.alloc(0);
    item.socket.end(Buffer.concat([frame(1, result.stdout ?? Buffer.alloc(0)), frame(2, Buffer.concat([result.stderr ?? Buffer.alloc(0), crash])), frame(3, code)]));
  }
  // AITRAIL_TEST_CLI_CPU=<file> (given by cli.ts): this server's CPU and its children's (git), in clock ticks, for
  // measurements: nothing in the test run waits for it, so no other count holds it.
  if (cpuFile) {
    const fields = fs.readFileSync('/proc/self/stat', 'latin1').replace(/^.*\) /s, '').split(' ');
    const ticks = [11, 12, 13, 14].map((at) => Number(fields[at]));
    fs.appendFileSync(cpuFile, `${ticks.join(' ')}\n`);
  }
  process.exit(0);
})();
