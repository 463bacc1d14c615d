import { spawnSync, type SyncRun } from './spawn-sync.js';

/**
 * node:child_process, loaded on the first spawn: it pulls in net, dgram and the streams, which a
 * commit hook that spawns nothing (most of them) should not pay for at startup.
 */
export const childProcess = () => process.getBuiltinModule('node:child_process');

/** A git command failed: carries the arguments, exit status and git's own stderr. */
export class GitError extends Error {
  constructor(
    message: string,
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GitError';
  }
}

export interface GitOptions {
  /** Repository (or work tree) directory; always explicit. */
  cwd: string;
  /** Written to git's stdin. */
  input?: string | Buffer;
  /** Extra environment on top of process.env. */
  env?: Record<string, string | undefined>;
  /** Exit codes that are not failures (default: only 0). */
  okCodes?: number[];
  /**
   * Read objects as stored: replace refs (`refs/replace/*`) and grafts (`info/grafts`) ignored.
   * Every enforcement read asks for it; reports keep git's defaults (people graft on purpose).
   */
  asStored?: boolean;
  /**
   * Read the repository's commit-graph, without its changed-path Bloom filters: only for a report's
   * read after verifiedCommitGraph said yes (src/git/commit-graph-reads.ts). Every other run reads
   * no graph (withoutCommitGraph).
   */
  verifiedGraph?: boolean;
}

/** Which objects a read sees: as stored (enforcement) or through replace refs and grafts (git's default). */
export interface ObjectView {
  asStored?: boolean;
}

const BASE_ENV = { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } as const;
/**
 * For a command that reads the index only to list it (never the work tree): git runs the
 * `core.fsmonitor` hook of the machine's or repository's config on every index read, a program
 * aitrail has no need of (`diff --cached`, `ls-files` answer from the index alone).
 */
export const NO_FSMONITOR: readonly string[] = ['-c', 'core.fsmonitor=false'];
/** A graft file path that can never exist (`/dev/null` is not a directory): no grafts, no deprecation hint. */
const AS_STORED_ENV = { GIT_NO_REPLACE_OBJECTS: '1', GIT_GRAFT_FILE: '/dev/null/aitrail-no-grafts' } as const;

/**
 * git's `-c` settings of the environment (GIT_CONFIG_PARAMETERS, what `git -c` hands its children)
 * with `core.commitGraph=false` last, so it wins over any config file and any earlier `-c`. git
 * reads a commit's tree and parents from a commit-graph file before the commit object, and never
 * checks the file on read: whoever can write `.git/objects/info/commit-graph` (a CI step before
 * `check`, an agent on a developer's machine) or an alternate's made a denied commit change no
 * file (`files: (no files changed)`), or cut a parent out of the history judged. Every git process
 * aitrail runs, enforcement and reports alike (README 807): `check` and `log` cost the same
 * without it (a 20,000-commit history). The one exception, a report's `git blame` once `git
 * commit-graph verify` passed (GitOptions.verifiedGraph, src/git/commit-graph-reads.ts, README
 * 837): without the graph a whole-tree `blame --no-cache` cost ~50 % more CPU.
 */
function withoutCommitGraph(given: string | undefined): string {
  return lastly(given, NO_COMMIT_GRAPH);
}
/** `settings` after the environment's own `-c` settings, so they win. */
function lastly(given: string | undefined, settings: string): string {
  return given === undefined || given.trim() === '' ? settings : `${given} ${settings}`;
}
const NO_COMMIT_GRAPH = "'core.commitgraph=false'";
/**
 * A verified graph's reads: git's own `core.commitGraph` decides, and the changed-path Bloom
 * filters, which `git commit-graph verify` never checks, stay unread (`changedPathsVersion` is the
 * name git >= 2.45 reads first; an older git ignores it).
 */
const VERIFIED_GRAPH_READS = "'commitgraph.readchangedpaths=false' 'commitgraph.changedpathsversion=0'";

/** The environment git runs in for `options` (also for the rare caller that spawns a long-lived git itself). */
export function gitEnvironment(options: GitOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...BASE_ENV, ...options.env, ...(options.asStored ? AS_STORED_ENV : {}) };
  env.GIT_CONFIG_PARAMETERS = options.verifiedGraph === true ? lastly(env.GIT_CONFIG_PARAMETERS, VERIFIED_GRAPH_READS) : withoutCommitGraph(env.GIT_CONFIG_PARAMETERS);
  // git's test-suite switch reads the commit-graph whatever core.commitGraph says (README 850).
  delete env.GIT_TEST_COMMIT_GRAPH;
  return env;
}

/** The git command `args` run (`blame` of `-c diff.algorithm=myers blame …`): what a failure names. */
function commandOf(args: readonly string[]): string {
  let at = 0;
  while (args[at] === '-c' || args[at]?.startsWith('--git-dir=') === true) at += args[at] === '-c' ? 2 : 1;
  return args[at] ?? '';
}

function failure(args: readonly string[], code: number | null, stderr: string, cause?: unknown): GitError {
  const first = stderr.trim().split('\n')[0] || `exit code ${code}`;
  return new GitError(`git ${commandOf(args)} failed: ${first}`, args, code, stderr, { cause });
}

/** Run git and return its whole stdout (untrimmed: NUL-separated output stays intact). */
export async function runGit(args: readonly string[], options: GitOptions): Promise<string> {
  return (await runGitRaw(args, options)).toString('utf8');
}

/**
 * Run git and return its whole stdout as bytes (blob contents, whose sizes count bytes). The run is
 * synchronous under the promise (runGitRawSync): an asynchronous spawn cost a command's node
 * process ~0.7 ms more CPU a run than a synchronous one and loaded node:child_process with net and
 * the streams (~4 ms), while its whole output is awaited either way. Runs that overlap for speed
 * (git blame per file, a long log) stream through streamGit.
 */
export function runGitRaw(args: readonly string[], options: GitOptions): Promise<Buffer> {
  try {
    return Promise.resolve(runGitRawSync(args, options));
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Synchronous variant for hooks, where startup cost matters more than concurrency (src/git/spawn-sync.ts: no node:child_process where that is exact). */
export function runGitSync(args: readonly string[], options: GitOptions): string {
  return runGitRawSync(args, options).toString('utf8');
}

/** runGitSync's bytes (blob contents, whose sizes count bytes). */
export function runGitRawSync(args: readonly string[], options: GitOptions): Buffer {
  return outputOf(args, options, spawnSync('git', args, { cwd: options.cwd, env: gitEnvironment(options), input: options.input ?? '', maxBuffer: 1024 * 1024 * 1024 }));
}

/** A synchronous run's stdout, or its GitError (it did not start, or exited with a code `options` does not accept). */
function outputOf(args: readonly string[], options: GitOptions, result: SyncRun): Buffer {
  if (result.error) throw failure(args, null, String(result.error), result.error);
  const code = result.status;
  if (code === 0 || (code !== null && options.okCodes?.includes(code))) return result.stdout;
  throw failure(args, code, result.stderr.toString('utf8'));
}

/** Past this much output a `whole` run (streamGit) is run again as a stream. */
export const WHOLE_OUTPUT_LIMIT = 64 * 1024 * 1024;

/**
 * Stream git's stdout as raw chunks (large outputs: blame, long logs). The promise of the
 * iterator's end rejects with a GitError when git exits non-zero. `whole`: the caller expects
 * little output (a few commits' log): git runs synchronously and its output comes as one chunk,
 * without node:child_process and its streams; past WHOLE_OUTPUT_LIMIT (`wholeLimit`) it is run again as a stream.
 */
export async function* streamGit(args: readonly string[], options: GitOptions & { whole?: boolean; wholeLimit?: number }): AsyncGenerator<Buffer> {
  if (options.whole === true) {
    const result = spawnSync('git', args, { cwd: options.cwd, env: gitEnvironment(options), input: options.input ?? '', maxBuffer: options.wholeLimit ?? WHOLE_OUTPUT_LIMIT });
    if ((result.error as NodeJS.ErrnoException | undefined)?.code !== 'ENOBUFS') {
      const output = outputOf(args, options, result);
      if (output.length > 0) yield output;
      return;
    }
  }
  const child = childProcess().spawn('git', args, { cwd: options.cwd, env: gitEnvironment(options), stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdin.on('error', () => {});
  child.stdin.end(options.input ?? '');
  const err: Buffer[] = [];
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const closed = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  try {
    for await (const chunk of child.stdout) yield chunk as Buffer;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await closed;
  if (code !== 0 && !(code !== null && options.okCodes?.includes(code))) {
    throw failure(args, code, Buffer.concat(err).toString('utf8'));
  }
}

/** A record longer than splitRecords' `cap`, dropped as it was read: its length, in bytes of UTF-8. */
export interface LongRecord {
  tooLong: number;
}

/**
 * Split a stream of chunks into records separated by `separator` (one character: NUL or newline).
 * A record may span many chunks (an 8 MB commit message): its pieces are kept and only new text
 * is searched, so a long record costs linear time, not a rescan of everything held so far. With
 * `cap`: a record longer than `cap` bytes (its text in UTF-8) is not kept but counted, and given as
 * a LongRecord (a 200 MB commit message held whole ran a report out of memory).
 */
export function splitRecords(chunks: AsyncIterable<Buffer>, separator: string): AsyncGenerator<string>;
export function splitRecords(chunks: AsyncIterable<Buffer>, separator: string, cap: number): AsyncGenerator<string | LongRecord>;
export async function* splitRecords(chunks: AsyncIterable<Buffer>, separator: string, cap = Infinity): AsyncGenerator<string | LongRecord> {
  if (separator.length !== 1) throw new Error('splitRecords: the separator must be one character');
  const decoder = new TextDecoder('utf8');
  let held: string[] = [];
  // With a cap: the UTF-8 bytes of the record read so far, once it spans a chunk (a record within one chunk is short).
  let bytes = 0;
  let dropping = false;
  const measured = (piece: string): number => (cap === Infinity || (held.length === 0 && !dropping && piece.length * 3 <= cap) ? 0 : Buffer.byteLength(piece, 'utf8'));
  function* feed(text: string): Generator<string | LongRecord> {
    let start = 0;
    for (let index = text.indexOf(separator); index !== -1; index = text.indexOf(separator, start)) {
      const piece = text.slice(start, index);
      const total = bytes + measured(piece);
      if (dropping || total > cap) yield { tooLong: total };
      else {
        held.push(piece);
        yield held.length === 1 ? (held[0] ?? '') : held.join('');
      }
      held = [];
      bytes = 0;
      dropping = false;
      start = index + 1;
    }
    if (start < text.length) {
      const piece = text.slice(start);
      if (cap !== Infinity) bytes += Buffer.byteLength(piece, 'utf8');
      if (bytes > cap) {
        dropping = true;
        held = [];
      } else held.push(piece);
    }
  }
  for await (const chunk of chunks) yield* feed(decoder.decode(chunk, { stream: true }));
  yield* feed(decoder.decode());
  if (dropping) yield { tooLong: bytes };
  else if (held.length > 0) yield held.join('');
}
