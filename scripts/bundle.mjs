#!/usr/bin/env node
// Build step: the hook path (`aitrail hook …`) in dist/hooks-bundle/. Hooks run on every commit,
// so a hook run loads two files and compiles almost nothing:
// - loader.cjs (src/hooks/bundle-loader.ts), which bin/aitrail.js requires;
// - <hook>.cjs, one self-contained CommonJS file per hook (no ES module loading: no resolve, link
//   and evaluate steps per module), run by the loader with V8's code cache (<hook>.cjs.cache,
//   written on the first run). Code a hook only needs when something is wrong (a violation, a cold
//   config cache) is in its file but only compiled when called. Heavy libraries stay external and
//   are imported lazily by the code that needs them;
// - checkpoint.js for `aitrail checkpoint` (run on every edit an agent makes).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = 'dist/hooks-bundle';
// The hooks the dispatcher knows (`'<name>': () => import('./<name>.js')`).
const dispatch = readFileSync(new URL('../src/hooks/dispatch.ts', import.meta.url), 'utf8');
const hooks = [...dispatch.matchAll(/import\('\.\/([a-z-]+)\.js'\)/g)].map((match) => match[1]);
if (hooks.length === 0) throw new Error('bundle-hooks: no hook found in src/hooks/dispatch.ts');

// Node's built-in modules in the ES module bundle (checkpoint.js) through process.getBuiltinModule
// (Node >= 20.16), never `import`: the ES module face of a builtin reads every export up front
// (`import … from 'node:fs'` alone loads all of node's stream modules for fs.ReadStream). The
// CommonJS bundles `require()` them: a property is read only when the code uses it.
const builtinsOnUse = {
  name: 'builtins-on-use',
  setup(builder) {
    builder.onResolve({ filter: /^node:[a-z_/]+$/ }, (args) => ({ path: args.path, namespace: 'builtin' }));
    builder.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

// One entry per hook: the dispatcher's runner with that hook's handler only.
const hookEntries = {
  name: 'hook-entries',
  setup(builder) {
    builder.onResolve({ filter: /^hook-entry:/ }, (args) => ({ path: args.path.slice('hook-entry:'.length), namespace: 'hook-entry' }));
    builder.onLoad({ filter: /.*/, namespace: 'hook-entry' }, (args) => ({
      resolveDir: fileURLToPath(new URL('../src/hooks', import.meta.url)),
      loader: 'ts',
      contents: [
        `import { handler } from './${args.path}.js';`,
        "import { runHookWith } from './run-hook.js';",
        `export const runHook = (argv: string[]) => runHookWith(argv, { ${JSON.stringify(args.path)}: async () => ({ handler }) });`,
      ].join('\n'),
    }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  // Minified: less source for V8 to scan.
  minify: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  legalComments: 'none',
  logLevel: 'warning',
};
const commonJs = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // import.meta.url (the package's own files: package.json, re2js) from the file's own path.
  define: { 'import.meta.url': '__aitrail_url' },
  // `await import('js-yaml')` (a cold config cache) becomes require(): a script compiled from V8's
  // code cache has no dynamic import callback in node 20, and these libraries ship CommonJS.
  supported: { 'dynamic-import': false },
  banner: { js: 'var __aitrail_url = process.getBuiltinModule("node:url").pathToFileURL(__filename).href;' },
};
// Old files (and their code caches) must not ship.
rmSync(new URL(`../${out}`, import.meta.url), { recursive: true, force: true });
await build({ ...commonJs, entryPoints: { loader: 'src/hooks/bundle-loader.ts' }, outdir: out });
await build({ ...commonJs, entryPoints: Object.fromEntries(hooks.map((hook) => [hook, `hook-entry:${hook}`])), outdir: out, plugins: [hookEntries] });
await build({ ...common, format: 'esm', entryPoints: { checkpoint: 'src/checkpoint/checkpoint-entry.ts' }, outdir: out, plugins: [builtinsOnUse] });
