import { writeFd } from './write-fd.js';

let closed = false;

/**
 * What a command prints on stdout, written through the file descriptor (writeFd, waiting for a
 * slow reader as long as it reads): process.stdout's first use builds a stream over the pipe or
 * terminal (node's net or tty and the streams, ~5 ms of every command whose output a pipe reads).
 * `aitrail log | head`: once the reader has gone (EPIPE), nothing more is written; streaming
 * commands check stdoutClosed() and stop, and the command ends with its own exit code.
 */
export function writeStdout(text: string): void {
  if (closed || text === '') return;
  // A Windows console takes text through the stream (UTF-16 to the console API); bytes written to
  // its descriptor would show any non-ASCII character garbled.
  if (process.platform === 'win32') {
    process.stdout.write(text);
    return;
  }
  if (!writeFd(1, text, { patient: true })) closed = true;
}

/** True once a write to stdout failed because its reader went away. */
export function stdoutClosed(): boolean {
  return closed;
}

/**
 * What still writes through process.stdout (yargs' help and version) must not die on a closed pipe
 * with a stack trace either: the stream, when something first makes it, gets a listener that drops
 * a failed write (EPIPE, or ENOSPC/EIO of a file, as writeStdout drops them): thrown from the
 * listener, it ended `--version >/dev/full` in an uncaught exception printing the bundle's source,
 * exit 1 (yargs' process.exit() used to end the run first, exit 0). Made lazily, so a run that never
 * prints through it never builds it.
 */
export function ignoreClosedStdout(): void {
  const descriptor = Object.getOwnPropertyDescriptor(process, 'stdout');
  const make = descriptor?.get;
  const guard = (stream: NodeJS.WriteStream) =>
    stream.on('error', () => {
      closed = true;
    });
  if (descriptor === undefined || make === undefined || descriptor.configurable !== true) {
    guard(process.stdout);
    return;
  }
  Object.defineProperty(process, 'stdout', {
    configurable: true,
    enumerable: descriptor.enumerable ?? true,
    get() {
      Object.defineProperty(process, 'stdout', descriptor);
      return guard(make.call(process) as NodeJS.WriteStream);
    },
  });
}
