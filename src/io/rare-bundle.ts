/**
 * A hook's rare-path file (scripts/bundle.mjs): the modules a hook imports dynamically only off its
 * usual path (a cold config cache: the config's loaders, its validator; a violation's messages; an
 * amend or a reword; path rules), bundled apart from the hook's own file, `<hook>.cjs`, into
 * `<hook>.rare.cjs`, with its own V8 code cache. Every run of a hook read, and took from its code
 * cache, an entry for each of those modules' functions (esbuild hoists every module's functions to
 * the file's top level): ~40% of the file, ~2.6 ms of CPU of a commit naming its model.
 *
 * Only the bundles use this module: in them, each such `import()` is a call of rareModule (the
 * module tree, dist/, imports as written). The rare file gets the modules the hook's file holds
 * (`aitrail-hot:<source path>`) from the hook's file itself (setShared): one instance of each, its
 * state shared. Both files are the package's own, in the same folder; the code cache is written
 * beside it as the hook's is (src/cli/bundle-loader.ts): nothing here is read from a repository.
 */
import { cacheFileFor, cacheWritable, compileBundle, readWrapped, runCompiled, writeCodeCache } from '../cli/bundle-loader.js';
import { FileError, fileError } from './file-error.js';

type Load = (path: string) => unknown;

let shared: Record<string, () => unknown> = {};
const sharedModules = new Map<string, unknown>();
let load: Load | undefined;

/** The hook's file: each module the rare file imports from it, by its source path, made on first use. */
export function setShared(modules: Record<string, () => unknown>): void {
  shared = modules;
}

/** The rare file of the hook file `hookFile`, run once (with its code cache), its `load`. */
function rareFile(hookFile: string): Load {
  if (load !== undefined) return load;
  const file = hookFile.replace(/\.cjs$/, '.rare.cjs');
  const dir = file.slice(0, file.lastIndexOf('/'));
  const cacheFile = cacheFileFor(file);
  // ASCII, as every bundle (scripts/bundle.mjs checks it).
  let wrapped: string;
  try {
    wrapped = readWrapped(file);
  } catch (error) {
    // Missing or unreadable (a package copied in part, a hand-pruned node_modules): one line saying so, exit 3 (row 1153).
    throw fileError('read', file, error);
  }
  let compiled: ReturnType<typeof compileBundle>;
  try {
    compiled = compileBundle(file, wrapped, cacheFile);
  } catch (error) {
    // Truncated or damaged (an interrupted copy or install): not an "internal error" with V8's words only (row 1153).
    throw new FileError(file, undefined, `cannot load ${file}: the file is damaged (${error instanceof Error ? error.message : String(error)}); reinstall aitrail`, { cause: error });
  }
  const { script, cachedData } = compiled;
  // The modules of the hook's file (`aitrail-hot:<source path>`), each made once, on first use; undefined for any other id.
  const hot = (id: string): unknown => {
    if (!id.startsWith('aitrail-hot:')) return undefined;
    const path = id.slice('aitrail-hot:'.length);
    if (!sharedModules.has(path)) {
      const made = shared[path];
      if (made === undefined) throw new FileError(file, undefined, `cannot load ${file}: it asks for ${path}, which its hook's file does not hold (files of two builds); reinstall aitrail`);
      sharedModules.set(path, made());
    }
    return sharedModules.get(path);
  };
  const exports = runCompiled(script, file, hot);
  const exported = exports.load;
  if (typeof exported !== 'function') throw new FileError(file, undefined, `cannot load ${file}: it exports no load (damaged, or of another build); reinstall aitrail`);
  // A cache that was missing or that V8 rejected (another node, another build) is written at exit, as bin/aitrail.js writes the loader's.
  if ((cachedData === undefined || script.cachedDataRejected) && cacheWritable(dir)) process.once('exit', () => writeCodeCache(script.createCachedData(), cacheFile));
  load = exported as Load;
  return load;
}

/** The module `path` (its source path) of the rare file beside the hook file `hookFile`, as `import()` gives it. */
export function rareModule(hookFile: string, path: string): unknown {
  return rareFile(hookFile)(path);
}
