export interface ProgressSpinner {
  /** New text; shown at most every 80 ms unless `now`. */
  update(text: string, now?: boolean): void;
  stop(): void;
}

import { fstatSync } from 'node:fs';

/**
 * Whether `fd` can be a terminal: a pipe or a file is not (a terminal is a character device), told
 * without process.stderr, whose first use builds a stream over the pipe (node's net and the
 * streams, ~5 ms of every report whose stderr a pipe reads: CI, hooks, scripts).
 */
function mayBeTerminal(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/**
 * An ora spinner on stderr, only on a terminal that reports a width: a pty with no window size
 * (`script`, some CI runners) reports 0 columns and sends ora into an endless clear loop.
 * `null` anywhere else (pipes, CI logs): no spinner there.
 */
export async function progressSpinner(text: string): Promise<ProgressSpinner | null> {
  if (!mayBeTerminal(2) || !process.stderr.isTTY || (process.stderr.columns ?? 0) <= 0) return null;
  const { default: ora } = await import('ora');
  const active = ora({ stream: process.stderr, text }).start();
  let last = 0;
  return {
    update(next, now = false) {
      const at = Date.now();
      if (!now && at - last <= 80) return;
      last = at;
      active.text = next;
    },
    stop: () => void active.stop(),
  };
}
