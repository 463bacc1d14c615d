import { hookOptions } from './hook-options.js';

type Exports = { runHook?: (argv: string[]) => Promise<number> };

/** The code cache after a run holds every function the run compiled; written beside the bundle, never half (temporary file, rename). */
function writeCache(fs: typeof import('node:fs'), data: Buffer, cacheFile: string): void {
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
 * Run `aitrail hook …` from `<dir>/<name>.cjs`: one self-contained CommonJS file per hook
 * (scripts/bundle-hooks.mjs), compiled with V8's code cache `<name>.cjs.cache` beside it (written
 * after the first run, and again whenever V8 rejects it: another node, another build). A hook then
 * loads two files and compiles almost nothing (the bundles hold no dynamic import: a script from
 * the cache could not run one). Node's builtins only, read on use. Returns null
 * when there is no such file (a name that is not a hook, a package built without bundles): the
 * caller runs the CLI instead.
 */
export function runBundledHook(argv: string[], dir: string): Promise<number> | null {
  const name = hookOptions(argv).argv[0];
  if (name === undefined || !/^[a-z][a-z-]*$/.test(name)) return null;
  const fs = process.getBuiltinModule('node:fs');
  const vm = process.getBuiltinModule('node:vm');
  const file = `${dir}/${name}.cjs`;
  let source: string;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const cacheFile = `${file}.cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module: { exports: Exports } = { exports: {} };
  const require = process.getBuiltinModule('node:module').createRequire(file);
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, require, module, file, dir);
  const run = module.exports.runHook;
  if (typeof run !== 'function') return null;
  const result = run(argv);
  if (cachedData && !script.cachedDataRejected) return result;
  return result.then((code) => {
    writeCache(fs, script.createCachedData(), cacheFile);
    return code;
  });
}
