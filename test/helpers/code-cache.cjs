'use strict';
// Preloaded (NODE_OPTIONS=--require) into the tests' pnpm processes (test/helpers/pnpm.ts pnpmEnv): V8's compiled
// code of a big CommonJS file (pnpm is one 8.5 MB bundle, dist/pnpm.cjs) kept in the run's folder
// (TEST_CODE_CACHE) and given back to the next process that loads the same bytes, as node 22's
// NODE_COMPILE_CACHE does (node 20 has none). Each pnpm process compiled it afresh: ~0.18 s of its ~0.55 s of
// CPU an install (pnpm 9.15, node 20, measured). The code run is the same: only its compilation is skipped.
// CPU of npx vitest run and its children, interleaved, the six files with pnpm processes (shim-pnpm-file-dep-s43d,
// -store-dir-s43t, -hoisted-s43l, shim-copied-package-s44x, shim-tool-path-s43t, pnpm-git-lock-s48g) in one run:
// 34.77, 33.94 -> 27.99, 28.21 s (session 50). npm (many small files) and yarn 1 gained nothing from it: not used there.
// Smaller files, and a node without the main context's import() for vm (vm.constants), are compiled as node does.
const Module = require('node:module');
const vm = require('node:vm');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const dir = process.env.TEST_CODE_CACHE;
const dynamicImport = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
const BIG = 1 << 20;

if (dir && dynamicImport !== undefined) {
  const compile = Module.prototype._compile;
  Module.prototype._compile = function (content, filename) {
    if (content.length < BIG) return compile.call(this, content, filename);
    const file = path.join(dir, crypto.createHash('sha256').update(`${process.version}\0${filename}\0`).update(content).digest('hex'));
    let cachedData;
    try {
      cachedData = fs.readFileSync(file);
    } catch {
      // not made yet
    }
    const script = new vm.Script(Module.wrap(content), { filename, cachedData, importModuleDynamically: dynamicImport });
    if (cachedData === undefined || script.cachedDataRejected) {
      // After the run, when the functions it compiled are in the code too.
      process.once('exit', () => {
        try {
          fs.mkdirSync(dir, { recursive: true });
          fs.writeFileSync(`${file}.${process.pid}`, script.createCachedData());
          fs.renameSync(`${file}.${process.pid}`, file);
        } catch {
          // another process's, or none: the next compiles afresh
        }
      });
    }
    const module = this;
    const require = (id) => module.require(id);
    require.resolve = (request, options) => Module._resolveFilename(request, module, false, options);
    require.resolve.paths = (request) => Module._resolveLookupPaths(request, module);
    require.main = process.mainModule;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    return script.runInThisContext({ displayErrors: true }).call(module.exports, module.exports, require, module, filename, path.dirname(filename));
  };
}
