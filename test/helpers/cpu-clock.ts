/**
 * Milliseconds of CPU (user + system) this process has used: a clock for "linear time" bounds that
 * other processes on a loaded machine, or the other test files running in parallel, cannot stretch
 * the way they stretch wall time.
 */
export function cpuClock(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
