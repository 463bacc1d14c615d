/**
 * Synchronous process runs for the hooks, without loading node:child_process when that is safe.
 *
 * node:child_process pulls in net, dgram and the streams when it loads: ~6 ms of every hook that
 * runs git (post-commit runs it twice, and its whole budget is 1.5x `node -e 0`, ~70 ms here),
 * before the first process even starts. Its spawnSync is a thin validation layer over node's own
 * `spawn_sync` binding, which costs ~0.1 ms to reach. This module calls that binding directly,
 * with the options node's spawnSync would give it, only where that is known to be exact:
 * - a node major whose binding this package is tested against (DIRECT_MAJORS: the option and result
 *   shapes are node's internals, so a new major runs the public API until it is tested);
 * - POSIX (Windows resolves programs and quotes arguments in ways the public layer handles);
 * - `process.binding` reachable without a warning: not under the permission model (it throws, and
 *   the public API runs), not with pending deprecations turned on (it would print DEP0111);
 * - no NUL byte in the program, an argument, the directory or the environment (C strings would cut
 *   them short; the public API refuses them with its own error, so it runs for those).
 * Anything else runs node:child_process's spawnSync, whose results are the same shape.
 */

/** What a run gave: node's spawnSync result, reduced to what the gateway reads. */
export interface SyncRun {
  status: number | null;
  signal: string | null;
  stdout: Buffer;
  stderr: Buffer;
  error?: Error;
}

export interface SyncRunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  input: string | Buffer;
  maxBuffer: number;
}

/** Node majors whose `spawn_sync` binding this module is tested against (test/integration/spawn-sync.test.ts runs in CI). */
export const DIRECT_MAJORS: readonly number[] = [20];

interface SpawnSyncBinding {
  spawn(options: object): { status?: unknown; signal?: unknown; output?: unknown; error?: unknown };
}

const NUL = '\0';

function pendingDeprecation(): boolean {
  if (process.env.NODE_PENDING_DEPRECATION === '1') return true;
  const flag = (text: string) => text === '--pending-deprecation';
  return process.execArgv.some(flag) || (process.env.NODE_OPTIONS ?? '').split(/\s+/).some(flag);
}

let binding: SpawnSyncBinding | null | undefined;

/** node's `spawn_sync` binding when calling it directly is exact here (see the module comment), else null. */
function directBinding(): SpawnSyncBinding | null {
  if (binding !== undefined) return binding;
  binding = null;
  const major = Number(process.versions.node.split('.')[0]);
  if (!DIRECT_MAJORS.includes(major) || process.platform === 'win32' || pendingDeprecation()) return binding;
  if ((process as { permission?: unknown }).permission !== undefined) return binding;
  try {
    const found = (process as unknown as { binding?: (name: string) => unknown }).binding?.('spawn_sync') as SpawnSyncBinding | undefined;
    if (found && typeof found.spawn === 'function') binding = found;
  } catch {
    // Not reachable (a policy, a build without it): the public API runs.
  }
  return binding;
}

/** The environment as node's spawnSync passes it on (`KEY=value`, undefined values left out), or null when a NUL is in it. */
function envPairs(env: NodeJS.ProcessEnv): string[] | null {
  const pairs: string[] = [];
  for (const key in env) {
    const value = env[key];
    if (value === undefined) continue;
    if (key.includes(NUL) || value.includes(NUL)) return null;
    pairs.push(`${key}=${value}`);
  }
  return pairs;
}

/** An errno from the binding as the Error node's spawnSync builds (`spawnSync git ENOENT`, code, errno, syscall, path). */
function errnoError(errno: number, file: string, args: readonly string[]): Error {
  const { getSystemErrorName } = process.getBuiltinModule('node:util');
  let code: string;
  try {
    code = getSystemErrorName(errno);
  } catch {
    code = `Unknown system error ${errno}`;
  }
  const syscall = `spawnSync ${file}`;
  return Object.assign(new Error(`${syscall} ${code}`), { errno, code, syscall, path: file, spawnargs: [...args] });
}

/** The binding's result read as node's spawnSync reads it; a shape it never gives is an error, not a guess. */
function readResult(raw: ReturnType<SpawnSyncBinding['spawn']>, file: string, args: readonly string[]): SyncRun {
  const output = Array.isArray(raw.output) ? (raw.output as unknown[]) : null;
  const stdout = output?.[1];
  const stderr = output?.[2];
  const status = typeof raw.status === 'number' ? raw.status : null;
  const signal = typeof raw.signal === 'string' ? raw.signal : null;
  const empty = Buffer.alloc(0);
  if (typeof raw.error === 'number' && raw.error !== 0) {
    return { status, signal, stdout: Buffer.isBuffer(stdout) ? stdout : empty, stderr: Buffer.isBuffer(stderr) ? stderr : empty, error: errnoError(raw.error, file, args) };
  }
  if (!Buffer.isBuffer(stdout) || !Buffer.isBuffer(stderr) || (status === null && signal === null)) {
    return { status, signal, stdout: empty, stderr: empty, error: new Error(`spawnSync ${file}: node's spawn_sync binding returned an unexpected result`) };
  }
  return { status, signal, stdout, stderr };
}

/**
 * Run `file args` through node's `spawn_sync` binding, or return null when that is not exact here
 * (the caller runs the public API). Exported for the differential test.
 */
export function spawnSyncDirect(file: string, args: readonly string[], options: SyncRunOptions): SyncRun | null {
  const direct = directBinding();
  if (!direct) return null;
  if (file.includes(NUL) || options.cwd.includes(NUL) || args.some((arg) => typeof arg !== 'string' || arg.includes(NUL))) return null;
  const pairs = envPairs(options.env);
  if (!pairs) return null;
  const input = typeof options.input === 'string' ? Buffer.from(options.input, 'utf8') : options.input;
  const argv = [file, ...args];
  const raw = direct.spawn({
    file,
    args: argv,
    cwd: options.cwd,
    envPairs: pairs,
    detached: false,
    windowsHide: false,
    windowsVerbatimArguments: false,
    maxBuffer: options.maxBuffer,
    // Readable for the child: what node's spawnSync makes of `input` (an empty input closes stdin at once).
    stdio: [
      { type: 'pipe', readable: true, writable: false, ...(input.length > 0 ? { input } : {}) },
      { type: 'pipe', readable: false, writable: true },
      { type: 'pipe', readable: false, writable: true },
    ],
  });
  return readResult(raw, file, args);
}

/** Run `file args` through node:child_process's spawnSync. Exported for the differential test. */
export function spawnSyncPublic(file: string, args: readonly string[], options: SyncRunOptions): SyncRun {
  const result = process.getBuiltinModule('node:child_process').spawnSync(file, [...args], {
    cwd: options.cwd,
    env: options.env,
    input: options.input,
    maxBuffer: options.maxBuffer,
  });
  // No output at all when the process never started: empty, as the direct path gives it.
  const empty = Buffer.alloc(0);
  return { status: result.status, signal: result.signal, stdout: result.stdout ?? empty, stderr: result.stderr ?? empty, ...(result.error ? { error: result.error } : {}) };
}

/** Run `file args` synchronously: stdin from `input`, stdout and stderr captured whole. */
export function spawnSync(file: string, args: readonly string[], options: SyncRunOptions): SyncRun {
  return spawnSyncDirect(file, args, options) ?? spawnSyncPublic(file, args, options);
}
