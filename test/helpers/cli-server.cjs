'use strict';
// One long-lived node per vitest worker that runs `aitrail <command>` (the bundled CLI,
// dist/bundle/cli.cjs) for test/helpers/cli.ts, as a fresh `node bin/aitrail.js` would: each request
// evaluates the bundle afresh (every bundled module's state is new: yargs, the git gateway, caches),
// in the request's working directory, environment and argv, its stdout and stderr going to this
// process's descriptors 1 and 2 (files the caller reads and empties after each run; git's children
// inherit them as a fresh run's would), stdin /dev/null (an empty input). What is process-wide and
// not the bundle's is put back after each run: the environment, process.stdout's getter and its
// listeners, exit/signal listeners (exit listeners are run, as a fresh process runs them at exit).
// A run that leaves work pending (timers, children, streams) is waited for, as node waits at exit.
// Protocol: requests are JSON lines on argv[2] (a FIFO); each answer is a JSON line on argv[3].
const fs = require('node:fs');
const vm = require('node:vm');
const path = require('node:path');
const { createRequire } = require('node:module');

const [, , requestFifo, answerFifo, bin, cpuFile] = process.argv;
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
const requests = fs.openSync(requestFifo, 'r');
const answer = (value) => fs.writeSync(answers, `${JSON.stringify(value)}\n`);

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

let buffered = '';
function nextRequest() {
  const chunk = Buffer.alloc(1 << 16);
  for (;;) {
    const newline = buffered.indexOf('\n');
    if (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      return JSON.parse(line);
    }
    const read = fs.readSync(requests, chunk, 0, chunk.length, null);
    if (read === 0) return null;
    buffered += chunk.toString('utf8', 0, read);
  }
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
/** Until nothing but this server's own resources is left, as node waits for them before a fresh run exits. */
async function drain() {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await tick();
    const active = process.getActiveResourcesInfo().filter((kind) => kind !== 'Immediate');
    if (active.length === 0) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function setEnv(env) {
  for (const key of Object.keys(process.env)) if (!Object.hasOwn(env, key)) delete process.env[key];
  for (const [key, value] of Object.entries(env)) if (process.env[key] !== value) process.env[key] = value;
}

async function run(request) {
  crashed = undefined;
  process.chdir(request.cwd);
  setEnv(request.env);
  process.argv = [process.execPath, bin, ...request.argv];
  process.exitCode = undefined;
  let code;
  try {
    const module = { exports: {} };
    script.runInThisContext()(module.exports, bundleRequire, module, file, bundles, bundles);
    code = await module.exports.main(request.argv).catch((error) => {
      process.stderr.write(`aitrail: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      return 3;
    });
  } catch (error) {
    crashed = `threw: ${error && error.stack}`;
  }
  const drained = await drain();
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
  setEnv(startEnv);
  process.chdir(startCwd);
  return { code: exit, ...(crashed ? { crashed } : {}), ...(drained ? {} : { crashed: 'work left pending after 60 s' }) };
}

const startCwd = process.cwd();
// Made now, so that a run's first use of them adds only its own listeners (removed after the run).
process.stdout;
process.stderr;
const baseStreamListeners = [...process.stdout.listeners('error'), ...process.stderr.listeners('error')];
void baseListeners;

(async () => {
  answer({ ready: true });
  for (;;) {
    const request = nextRequest();
    if (request === null) break;
    let result;
    try {
      result = await run(request);
    } catch (error) {
      result = { code: -1, crashed: `server: ${error && error.stack}` };
    }
    answer(result);
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
