import { spawnSync } from 'node:child_process';
import { BIN } from './cli.js';
import { treeCpuClock } from './cpu-clock.js';
import { TEST_GIT_ENV } from './gitdir.js';

export interface CpuTimedRun {
  status: number;
  stdout: string;
  stderr: string;
  /** Milliseconds of CPU of the process and of every process it reaped (treeCpuClock). */
  cpu: number;
}

/**
 * `spawnSync(command, args)` with the CPU it and its descendants used: the clock of a test's hang guard
 * or linear-time bound, which a loaded machine does not stretch (a CI run beside other jobs took 86 s of
 * wall for a 7 s `check`). TEST_HOOK_SERVER is dropped from its environment, so the hooks git runs
 * (a push's pre-receive, the commit hooks) start their own node as they do outside the tests, a
 * descendant of this process, rather than run in the worker's CLI server (test/helpers/hook-node.c).
 */
export function cpuTimed(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string | Buffer; cpuLimit?: number }): CpuTimedRun {
  const env = { ...options.env };
  delete env.TEST_HOOK_SERVER;
  // The hang guard a loaded machine cannot trip: `ulimit -t` (RLIMIT_CPU, inherited by each process it starts, each
  // killed by SIGXCPU past that many seconds of its own CPU), never spawnSync's wall `timeout`.
  const [file, argv] = options.cpuLimit === undefined ? [command, args] : ['sh', ['-c', `ulimit -t ${options.cpuLimit} && exec "$@"`, 'sh', command, ...args]];
  const started = treeCpuClock();
  const run = spawnSync(file, argv, { cwd: options.cwd, env, input: options.input ?? '', encoding: 'utf8', maxBuffer: 1 << 30 });
  const cpu = treeCpuClock() - started;
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr, cpu };
}

/** `aitrail <args>` spawned (never the worker's CLI server, whose CPU is another process's), with its CPU (cpuTimed). */
export function aitrailCpu(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string; cpuLimit?: number } = {}): CpuTimedRun {
  return cpuTimed(process.execPath, [BIN, ...args], { cwd, env: { ...TEST_GIT_ENV, ...options.env }, input: options.input, cpuLimit: options.cpuLimit });
}
