#!/usr/bin/env node
// Thin bin: everything lives in dist/. CommonJS (bin/package.json), so that a run never starts
// node's ES module loader: `aitrail hook …` runs on every commit, and goes straight to its own
// bundled file with V8's code cache (dist/bundle/loader.cjs, itself compiled with its own code
// cache; scripts/bundle.mjs); every other command to the bundled CLI (dist/bundle/cli.cjs), the
// same way; `aitrail checkpoint …` (every edit an agent makes) to its own bundle
// (dist/bundle/checkpoint.cjs), the same way too. A package built without bundles runs
// dist/cli/entry.js.
'use strict';
const { join } = require('node:path');

const argv = process.argv.slice(2);
const bundles = join(__dirname, '..', 'dist', 'bundle');

/**
 * The bundle loader, or null (a package built without it). Compiled as the loader compiles the
 * bundles, with V8's code cache (`loader.cjs.cache` beside it, written by the loader at the end of
 * a run that had none or whose cache V8 rejected): require() of it, node's module resolution for
 * one file, cost every hook ~2 ms.
 */
function loader() {
  const file = join(bundles, 'loader.cjs');
  // A node started with NODE_OPTIONS (a V8 flag there makes V8 reject a cache made without it) has its own, as the bundles do (src/cli/bundle-loader.ts cacheFileFor).
  const cacheFile = (process.env.NODE_OPTIONS ?? '').trim() !== '' ? `${file}.node-options.cache` : `${file}.cache`;
  try {
    const fs = process.getBuiltinModule('node:fs');
    const vm = process.getBuiltinModule('node:vm');
    const source = fs.readFileSync(file, 'latin1');
    let cachedData;
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
    const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
    const compiled = { exports: {} };
    script.runInThisContext()(compiled.exports, require, compiled, file, bundles);
    const exported = compiled.exports;
    // Not where it cannot be written (a global install by another user, a read-only file system): serializing it for nothing cost each run (src/cli/bundle-loader.ts cacheWritable).
    if ((cachedData === undefined || script.cachedDataRejected) && typeof exported.writeCodeCache === 'function' && (typeof exported.cacheWritable !== 'function' || exported.cacheWritable(bundles))) {
      process.once('exit', () => exported.writeCodeCache(script.createCachedData(), cacheFile));
    }
    return exported;
  } catch {
    return null;
  }
}

/** A bundled run, or null when there is none to run (no bundle, a name that is not a hook). */
function bundled(run) {
  try {
    return run(loader());
  } catch {
    return null;
  }
}

function internalError(prefix, code, what = '') {
  return (error) => {
    process.stderr.write(`${prefix}: internal error${what}: ${error instanceof Error ? error.message : String(error)}\n`);
    return code;
  };
}

/**
 * A hook or checkpoint run that ended well ends the process at once: all it printed went out
 * synchronously through the file descriptor (src/io/write-fd.ts) and it awaited all it started, so
 * nothing is pending; waiting for node's event loop to wind down cost each run ~2 ms. Any other
 * end (an error, a refusal) goes the usual way.
 */
const finished = (code) => (code === 0 ? process.exit(0) : code);

async function run() {
  if (argv[0] === 'hook' && argv[1] !== undefined && argv[1] !== '--help' && argv[1] !== '-h') {
    const hook = bundled((bundle) => bundle.runBundledHook(argv.slice(1), bundles));
    if (hook) return hook.then(finished, internalError('aitrail', 3));
  }
  // `aitrail checkpoint …` runs on every edit an agent makes: its own bundle, never failing the agent.
  if (argv[0] === 'checkpoint' && !argv.includes('--help') && !argv.includes('-h')) {
    const checkpoint = bundled((bundle) => bundle.runBundledCheckpoint(argv.slice(1), bundles));
    if (checkpoint) return checkpoint.then(finished, internalError('aitrail checkpoint', 0, ', nothing recorded'));
  }
  const cli = bundled((bundle) => bundle.runBundledCli(argv, bundles));
  if (cli) return cli.catch(internalError('aitrail', 3));
  const { main } = await import('../dist/cli/entry.js');
  return main(argv);
}

run().then((code) => {
  process.exitCode = code;
});
