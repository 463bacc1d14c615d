import { hookOptions } from '../hooks/hook-options.js';
import { COMMAND_NAMES } from './command-names.js';

type Run = (argv: string[]) => Promise<number>;

/** The code cache after a run holds every function the run compiled; written beside the bundle, never half (temporary file, rename). */
function writeCache(fs: typeof import('node:fs'), data: Buffer | string, cacheFile: string): void {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temp, data, { flag: 'wx' });
    fs.renameSync(temp, cacheFile);
  } catch {
    // A read-only install: every run compiles, nothing else changes.
    try {
      fs.rmSync(temp, { force: true });
    } catch {
      // nothing was written
    }
  }
}

/**
 * Whether this process may write files in `dir`, the bundle's folder. A package installed by another
 * user (a global install by root, run by each developer) or on a read-only file system: serializing
 * a code cache (createCachedData, ~0.5 MB for a hook) only for the write to fail cost every run
 * of such an install a few ms of CPU more, the bundle's and the loader's, on top of compiling it all.
 */
export function cacheWritable(dir: string): boolean {
  const fs = process.getBuiltinModule('node:fs');
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** writeCache for bin/aitrail.js, which compiles this loader with its own code cache (loader.cjs.cache). */
export function writeCodeCache(data: Buffer, cacheFile: string): void {
  writeCache(process.getBuiltinModule('node:fs'), data, cacheFile);
}

/**
 * How many runs after the code cache was written each write it again, widened: V8 keeps in it the
 * functions the first run compiled, and an agent's own commit (markers, its message lines, a
 * warning) runs other functions than a commit naming its model, which then compiled them on every
 * run (~5 ms of a commit-msg hook). A run naming its model (AITRAIL_MODEL) keeps a cache of its own
 * (row 1208: `hookCacheBase`), widened by its own runs alone; the other cache is widened by every other run. Counted in
 * `<cache>-runs` beside it, removed by the last of these runs: after them a run only reads.
 */
export const WIDENING_RUNS = 8;

/** Runs left to widen `cacheFile` (its `-runs` file), 0 when there is none. */
function wideningLeft(fs: typeof import('node:fs'), cacheFile: string): number {
  const runs = `${cacheFile}-runs`;
  try {
    if (fs.statSync(runs, { throwIfNoEntry: false }) === undefined) return 0;
    const left = Number(fs.readFileSync(runs, 'latin1'));
    return Number.isInteger(left) && left > 0 && left <= WIDENING_RUNS ? left : 0;
  } catch {
    return 0;
  }
}

/** Write `left` into `<cache>-runs`, or remove it at 0. Best effort, as the cache itself. */
function setWideningLeft(fs: typeof import('node:fs'), cacheFile: string, left: number): void {
  const runs = `${cacheFile}-runs`;
  try {
    if (left > 0) fs.writeFileSync(runs, String(left));
    else fs.unlinkSync(runs);
  } catch {
    // read-only install, or already gone
  }
}

/**
 * The code paths the cache `cacheFile` was made with (`<cache>-paths`, one a line: the bundle's
 * codePaths() of the runs that wrote it); none when there is no such file.
 */
function cachedPaths(fs: typeof import('node:fs'), cacheFile: string): string[] {
  try {
    return fs.readFileSync(`${cacheFile}-paths`, 'latin1').split('\n').filter((name) => name !== '');
  } catch {
    return [];
  }
}

/** This run's code paths (the bundle's codePaths()), names of lower-case letters and hyphens only. */
function runPaths(exported: Record<string, unknown>): string[] {
  const paths = exported.codePaths;
  if (typeof paths !== 'function') return [];
  const names: unknown = paths();
  return Array.isArray(names) ? names.filter((name): name is string => typeof name === 'string' && /^[a-z][a-z-]{0,40}$/.test(name)) : [];
}

/** What a bundle's source is compiled inside: CommonJS's function, and __aitrail_dir (see compileBundle). */
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname, __aitrail_dir) {';
const WRAP_TAIL = '\n})';

/**
 * The bundle `file`'s source inside its wrapper (WRAP_HEAD, WRAP_TAIL), read into one buffer with room for
 * both and made one string: with the wrapper joined to the read string in JavaScript (a rope V8 then
 * flattens), reading and compiling commit-msg's 600 KB with its cache took ~1.1 ms more of CPU (that step
 * alone, medians of 40 interleaved runs, three times: 8.2-9.0 vs 6.9-7.7 ms). ASCII, as every bundle is (scripts/bundle.mjs fails a build that is not):
 * read as latin1, the same string, with no UTF-8 decoding. Throws what the file system throws.
 */
export function readWrapped(file: string): string {
  const fs = process.getBuiltinModule('node:fs');
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(WRAP_HEAD.length + size + WRAP_TAIL.length);
    buffer.write(WRAP_HEAD, 0, 'latin1');
    let at = WRAP_HEAD.length;
    while (at < WRAP_HEAD.length + size) {
      const read = fs.readSync(fd, buffer, at, WRAP_HEAD.length + size - at, null);
      if (read === 0) break;
      at += read;
    }
    buffer.write(WRAP_TAIL, at, 'latin1');
    return buffer.toString('latin1', 0, at + WRAP_TAIL.length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The self-contained CommonJS file `file` (`wrapped`: its source inside its wrapper, readWrapped, read by the caller) compiled with the V8 code
 * cache `cacheFile` when there is one (V8 may reject it: `script.cachedDataRejected`). One way of compiling
 * for every bundle: a hook's, the CLI's, checkpoint's (runBundle) and a hook's rare file (src/io/rare-bundle.ts).
 */
export function compileBundle(file: string, wrapped: string, cacheFile: string): { script: import('node:vm').Script; cachedData: Buffer | undefined } {
  const fs = process.getBuiltinModule('node:fs');
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // __aitrail_dir (WRAP_HEAD): the bundle's folder under a name no bundled module declares (a module's own
  // top-level __dirname or require, kept by an unminified build, would hide the wrapper's).
  const script = new (process.getBuiltinModule('node:vm').Script)(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  return { script, cachedData };
}

/**
 * Run the compiled bundle `script` of the file `file` as CommonJS: its exports. node's builtins
 * straight (all a hook requires when it loads); `own(id)` first for ids of the package's own making
 * (a rare file's `aitrail-hot:` modules; undefined for any other id); a real require() (packages:
 * js-yaml, cosmiconfig, husky, yargs' files) made on first use, not on every run (~0.6 ms).
 */
export function runCompiled(script: import('node:vm').Script, file: string, own?: (id: string) => unknown): Record<string, unknown> {
  const dir = file.slice(0, file.lastIndexOf('/'));
  let host: NodeJS.Require | undefined;
  const real = () => (host ??= process.getBuiltinModule('node:module').createRequire(file));
  const require = Object.assign((id: string): unknown => own?.(id) ?? process.getBuiltinModule(id) ?? real()(id), {
    resolve: (id: string, options?: { paths?: string[] }) => real().resolve(id, options),
  });
  const module: { exports: Record<string, unknown> } = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, dir, dir);
  return module.exports;
}

/**
 * Run `exported(argv)` of the self-contained CommonJS file `file` (scripts/bundle.mjs), compiled
 * with the V8 code cache `cacheFile` (written after the first run, again whenever V8 rejects it:
 * another node, another build; widened by the WIDENING_RUNS runs after it; never after a run the
 * bundle's `typicalRun()` calls untypical). A run then loads two files and compiles almost
 * nothing: no ES module loader, no resolving. The bundles hold no dynamic import (a script
 * compiled from the cache could not run one in node 20). Node's builtins only, read on use.
 * Returns null when the file cannot be read or does not export that function: the caller runs the
 * module tree instead.
 */
function runBundle(file: string, cacheFile: string, exported: string, argv: string[]): Promise<number> | null {
  const fs = process.getBuiltinModule('node:fs');
  let wrapped: string;
  try {
    wrapped = readWrapped(file);
  } catch {
    return null;
  }
  const { script, cachedData } = compileBundle(file, wrapped, cacheFile);
  const dir = file.slice(0, file.lastIndexOf('/'));
  const exports = runCompiled(script, file);
  const run = exports[exported];
  if (typeof run !== 'function') return null;
  const result = (run as Run)(argv);
  const accepted = cachedData !== undefined && !script.cachedDataRejected;
  const left = accepted ? wideningLeft(fs, cacheFile) : WIDENING_RUNS;
  return result.then((code) => {
    // A run that did once-only work (src/io/code-cache-hint.ts, exported by the bundle) leaves the cache to the next run.
    const typical = exports.typicalRun;
    if (typeof typical === 'function' && typical() === false) return code;
    // A path the cache was never made with (read only by a run that took one): widened once more, as in the first runs.
    const paths = runPaths(exports);
    const known = accepted && paths.length > 0 ? cachedPaths(fs, cacheFile) : [];
    const newPath = paths.some((name) => !known.includes(name));
    if (left === 0 && !newPath) return code;
    if (!cacheWritable(dir)) return code;
    writeCache(fs, script.createCachedData(), cacheFile);
    if (left > 0) setWideningLeft(fs, cacheFile, accepted ? left - 1 : WIDENING_RUNS);
    // The paths of a cache made from this one hold its own; a cache made afresh (none, or rejected) only this run's.
    if (newPath || !accepted) writeCache(fs, [...new Set([...(accepted ? known : []), ...paths])].join('\n'), `${cacheFile}-paths`);
    return code;
  });
}

/**
 * The code cache's file for a run of this node: `<base>.cache`, or `<base>.node-options.cache` when
 * NODE_OPTIONS is set (git and the shims start node with no option of their own). V8 rejects a cache made under other
 * flags (`--max-old-space-size`, which many set in NODE_OPTIONS for their builds, is one): a person who
 * commits from a terminal with NODE_OPTIONS and from an editor or agent without had every switch
 * reject the cache, compile the whole run lazily and write it again (then widen it again, WIDENING_RUNS
 * more writes). Two files, one per kind of start: the usual switch costs nothing, and the files stay
 * two whatever the options (two different option sets still take turns in the second).
 */
export function cacheFileFor(base: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env.NODE_OPTIONS ?? '').trim() !== '' ? `${base}.node-options.cache` : `${base}.cache`;
}

/**
 * The code cache's base name for a hook run: `<dir>/<hook>.cjs`, or `<dir>/<hook>.cjs.model-named` when the
 * environment names the model (AITRAIL_MODEL). One cache widened by both kinds of commit (WIDENING_RUNS, `-paths`)
 * held what an agent's own commit compiles (its message lines, markers, the unknown-model warning), which every
 * commit naming its model then deserialized for nothing: commit-msg's cache 697 KB against 523 KB made by such
 * commits only, ~2 ms of CPU a run (80 interleaved runs of each, paired medians; row 1208), while a cache of the
 * named commits only cost an agent's own commit ~6 ms (compiling its functions on every run). Decided before the
 * run from one variable: a wrong guess costs compiling, never a verdict (a code cache holds compiled code of the
 * same source, V8 checks it).
 */
export function hookCacheBase(dir: string, name: string, env: NodeJS.ProcessEnv = process.env): string {
  return (env.AITRAIL_MODEL ?? '').trim() !== '' ? `${dir}/${name}.cjs.model-named` : `${dir}/${name}.cjs`;
}

/**
 * `aitrail hook …` from `<dir>/<hook>.cjs`: one file per hook, the dispatcher's runner with that
 * hook's handler only, and its code cache `<hook>.cjs.cache` (hookCacheBase, cacheFileFor). Null for a name that is not a hook.
 */
export function runBundledHook(argv: string[], dir: string): Promise<number> | null {
  const name = hookOptions(argv).argv[0];
  if (name === undefined || !/^[a-z][a-z-]*$/.test(name)) return null;
  return runBundle(`${dir}/${name}.cjs`, cacheFileFor(hookCacheBase(dir, name)), 'runHook', argv);
}

/** `aitrail checkpoint …` (every edit an agent makes) from `<dir>/checkpoint.cjs`, with its code cache `checkpoint.cjs.cache`. */
export function runBundledCheckpoint(argv: string[], dir: string): Promise<number> | null {
  return runBundle(`${dir}/checkpoint.cjs`, cacheFileFor(`${dir}/checkpoint.cjs`), 'runCheckpointCommand', argv);
}

/**
 * Every other command from `<dir>/cli.cjs` (the whole CLI, yargs and all, in one file), with one
 * code cache per command (`cli.<command>.cache`; `cli.cache` for help, version and mistakes):
 * V8 caches what a run compiled, and `log` compiles other functions than `blame`.
 */
export function runBundledCli(argv: string[], dir: string): Promise<number> | null {
  const command = (COMMAND_NAMES as readonly string[]).includes(argv[0] ?? '') ? `.${argv[0]}` : '';
  return runBundle(`${dir}/cli.cjs`, cacheFileFor(`${dir}/cli${command}`), 'main', argv);
}
