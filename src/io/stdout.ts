let closed = false;

/**
 * `aitrail log | head`: the reader closed the pipe. Without a listener Node dies on the EPIPE
 * with a stack trace; instead stop writing (Node drops later writes; streaming commands check
 * stdoutClosed() and stop) and let the command end with its own exit code.
 */
export function ignoreClosedStdout(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
}

/** True once a write to stdout failed because its reader went away. */
export function stdoutClosed(): boolean {
  return closed;
}
