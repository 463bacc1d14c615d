import { cStrings, envPairs, nodeBinding, type SyncRun } from './spawn-sync.js';

/**
 * A process started before its input is known, so that its start (exec, git's setup: ~4 ms)
 * overlaps the work that computes the input; then fed it, or killed unfed.
 *
 * The post-commit hook runs two git processes one after the other: `cat-file` reads the commit,
 * then `notes add -F -` writes the note composed from what it read. Started early, `notes add`
 * sets itself up while `cat-file` runs, and blocks reading its stdin: git reads `-F -` whole before
 * it resolves the commit or takes any lock, so a process killed there has done nothing, and one
 * whose stdin closes empty writes no note (git removes the note it was not given, of which there is
 * none to remove).
 *
 * Through node's own `process_wrap`/`pipe_wrap`/`stream_wrap` bindings, on the same terms as the
 * direct `spawn_sync` path (src/git/spawn-sync.ts: a tested node major, POSIX, no pending
 * deprecations, no permission model, no NUL in the command or environment): node:child_process's
 * asynchronous spawn costs ~6 ms to load, more than the overlap saves. Null elsewhere: the caller
 * runs the process when its input is known, as before.
 */
export interface EarlyRun {
  /** Write `input` to stdin, close it, wait for the exit: status, signal and stderr (stdout is not kept). */
  feed(input: Buffer | string): Promise<SyncRun>;
  /** Kill it unfed (SIGKILL) and wait for it to go. */
  cancel(): Promise<void>;
}

interface StreamHandle {
  onread?: (buffer: ArrayBuffer) => void;
  readStart(): number;
  writeBuffer(request: object, data: Buffer): number;
  shutdown(request: object): number;
  close(): void;
}

interface Bindings {
  Process: new () => { onexit?: (status: number, signal: string) => void; spawn(options: object): number; kill(signal: number): number; close(): void };
  Pipe: new (type: number) => StreamHandle;
  PIPE_SOCKET: number;
  WriteWrap: new () => { handle?: unknown; oncomplete?: () => void; buffer?: Buffer };
  ShutdownWrap: new () => { handle?: unknown; oncomplete?: () => void };
  state: Int32Array;
  readBytes: number;
  offset: number;
}

let bindings: Bindings | null | undefined;

function reach(): Bindings | null {
  if (bindings !== undefined) return bindings;
  bindings = null;
  try {
    const processWrap = nodeBinding('process_wrap') as { Process?: Bindings['Process'] } | null;
    const pipeWrap = nodeBinding('pipe_wrap') as { Pipe?: Bindings['Pipe']; constants?: { SOCKET?: number } } | null;
    const streamWrap = nodeBinding('stream_wrap') as {
      WriteWrap?: Bindings['WriteWrap'];
      ShutdownWrap?: Bindings['ShutdownWrap'];
      streamBaseState?: Int32Array;
      kReadBytesOrError?: number;
      kArrayBufferOffset?: number;
    } | null;
    const { Process } = processWrap ?? {};
    const { Pipe, constants } = pipeWrap ?? {};
    const { WriteWrap, ShutdownWrap, streamBaseState, kReadBytesOrError, kArrayBufferOffset } = streamWrap ?? {};
    if (!Process || !Pipe || typeof constants?.SOCKET !== 'number' || !WriteWrap || !ShutdownWrap || !(streamBaseState instanceof Int32Array)) return bindings;
    if (typeof kReadBytesOrError !== 'number' || typeof kArrayBufferOffset !== 'number') return bindings;
    bindings = { Process, Pipe, PIPE_SOCKET: constants.SOCKET, WriteWrap, ShutdownWrap, state: streamBaseState, readBytes: kReadBytesOrError, offset: kArrayBufferOffset };
  } catch {
    // Not reachable: the caller runs the process later, the usual way.
  }
  return bindings;
}

/** Start `file args` with stdin held open, or null where that cannot be done exactly (see above). */
export function startEarly(file: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv }): EarlyRun | null {
  const node = reach();
  if (!node || !cStrings(file, args, options.cwd)) return null;
  const pairs = envPairs(options.env);
  if (!pairs) return null;
  const stdin = new node.Pipe(node.PIPE_SOCKET);
  const stderr = new node.Pipe(node.PIPE_SOCKET);
  const child = new node.Process();
  const chunks: Buffer[] = [];
  let exit: { status: number; signal: string } | null = null;
  let drained = false;
  let settle: (run: SyncRun) => void = () => {};
  const ended = new Promise<SyncRun>((resolve) => (settle = resolve));
  const finish = () => {
    if (!exit || !drained) return;
    const signal = exit.signal === '' ? null : exit.signal;
    settle({ status: signal === null ? exit.status : null, signal, stdout: Buffer.alloc(0), stderr: Buffer.concat(chunks) });
  };
  child.onexit = (status, signal) => {
    child.close();
    exit = { status, signal };
    finish();
  };
  const failed = child.spawn({
    file,
    args: [file, ...args],
    cwd: options.cwd,
    envPairs: pairs,
    detached: false,
    windowsHide: false,
    windowsVerbatimArguments: false,
    stdio: [
      { type: 'pipe', handle: stdin },
      { type: 'ignore' },
      { type: 'pipe', handle: stderr },
    ],
  });
  if (failed !== 0) {
    stdin.close();
    stderr.close();
    child.close();
    return null;
  }
  stderr.onread = (buffer) => {
    const read = node.state[node.readBytes]!;
    if (read > 0) chunks.push(Buffer.from(new Uint8Array(buffer, node.state[node.offset]!, read)));
    else if (read < 0) {
      // The end of stderr (or a read error: what was read is kept; the exit status tells).
      stderr.close();
      drained = true;
      finish();
    }
  };
  if (stderr.readStart() !== 0) {
    stderr.close();
    drained = true;
  }
  let used = false;
  return {
    feed(input) {
      if (used) throw new Error('startEarly: fed twice');
      used = true;
      const data = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
      const write = new node.WriteWrap();
      write.handle = stdin;
      write.buffer = data;
      write.oncomplete = () => {};
      // A child gone already (EPIPE) shows in its exit status; the shutdown is queued behind the write.
      stdin.writeBuffer(write, data);
      const shutdown = new node.ShutdownWrap();
      shutdown.handle = stdin;
      shutdown.oncomplete = () => stdin.close();
      if (stdin.shutdown(shutdown) !== 0) stdin.close();
      return ended;
    },
    async cancel() {
      if (used) return;
      used = true;
      if (!exit) child.kill(9);
      stdin.close();
      await ended;
    },
  };
}
