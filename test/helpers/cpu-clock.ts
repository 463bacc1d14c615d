import { readFileSync } from 'node:fs';
import { serverCpuTicks } from './cli.js';

/**
 * Milliseconds of CPU (user + system) this process has used: a clock for "linear time" bounds that
 * other processes on a loaded machine, or the other test files running in parallel, cannot stretch
 * the way they stretch wall time.
 */
export function cpuClock(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Milliseconds of CPU this process and the processes it has waited for have used: Linux adds to a
 * process's children's count (`/proc/self/stat`'s cutime and cstime, in USER_HZ ticks of 10 ms)
 * each child it reaps with the children that child reaped, so a `spawnSync` of `git commit` counts
 * git, the hooks it ran and the node processes they started. The clock for "bounded time" checks
 * of work done in spawned processes: a loaded machine stretches their wall time many times over
 * (a fresh-clone CI beside other jobs: 8 s limits passed at 13-17 s), never their CPU time.
 * The worker's CLI server's CPU and its children's are added (test/helpers/cli.ts serverCpuTicks): an
 * `aitrail()` it served, or the hooks of a test commit it ran (test/helpers/hook-node.c), used CPU in that
 * process, not in this one nor in any it reaped, so a bound on this clock alone never saw their work
 * (measured: a served `log` and `status`, 20 and 30 ms of the server's CPU, read as 1 ms here). The server serves this worker's file alone,
 * one run at a time, each waited for: its CPU between two readings is the runs made in between.
 */
export function treeCpuClock(): number {
  const stat = readFileSync('/proc/self/stat', 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return cpuClock() + (Number(fields[13]) + Number(fields[14]) + serverCpuTicks()) * 10;
}
