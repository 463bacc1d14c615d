#!/usr/bin/env node
// Build step: bundle the hook path (`aitrail hook …`) into dist/hooks-bundle/: index.js (the
// dispatcher) and one self-contained file per hook; checkpoint.js for `aitrail checkpoint` (run on
// every edit an agent makes). Hooks run on every commit, and loading an ES
// module has a fixed cost (resolve, read, compile, link): a commit hook loads three files, never a
// shared chunk graph. Code a hook only needs when something is wrong (a violation, a cold config
// cache) is in its file but only compiled when called (V8 compiles functions lazily). Heavy
// libraries stay external and are imported lazily by the code that needs them.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = new URL('../dist/hooks-bundle', import.meta.url);
// The hooks the dispatcher loads (`'<name>': () => import('./<name>.js')`).
const dispatch = readFileSync(new URL('../src/hooks/dispatch.ts', import.meta.url), 'utf8');
const hooks = [...dispatch.matchAll(/import\('\.\/([a-z-]+)\.js'\)/g)].map((match) => match[1]);
if (hooks.length === 0) throw new Error('bundle-hooks: no hook found in src/hooks/dispatch.ts');

// Node's built-in modules through process.getBuiltinModule (Node >= 20.16), never `import`: the ES
// module face of a builtin reads every export up front (`import … from 'node:fs'` alone loads all
// of node's stream modules for fs.ReadStream), where a property is read only when the code uses it.
const builtinsOnUse = {
  name: 'builtins-on-use',
  setup(builder) {
    builder.onResolve({ filter: /^node:[a-z_/]+$/ }, (args) => ({ path: args.path, namespace: 'builtin' }));
    builder.onLoad({ filter: /.*/, namespace: 'builtin' }, (args) => ({ contents: `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  // Minified: less source for V8 to scan per commit.
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  legalComments: 'none',
  logLevel: 'warning',
};
// Old files (chunk names were content hashes) must not ship.
rmSync(out, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: ['src/hooks/dispatch.ts'],
  outfile: 'dist/hooks-bundle/index.js',
  plugins: [
    builtinsOnUse,
    {
      name: 'each-hook-its-own-file',
      setup(builder) {
        const own = new Set(hooks.map((hook) => `./${hook}.js`));
        builder.onResolve({ filter: /^\.\/[a-z-]+\.js$/ }, (args) => (args.importer.endsWith('dispatch.ts') && own.has(args.path) ? { path: args.path, external: true } : undefined));
      },
    },
  ],
});
const entries = { ...Object.fromEntries(hooks.map((hook) => [hook, `src/hooks/${hook}.ts`])), checkpoint: 'src/checkpoint/checkpoint-entry.ts' };
await build({ ...common, entryPoints: entries, outdir: 'dist/hooks-bundle', splitting: false, plugins: [builtinsOnUse] });
