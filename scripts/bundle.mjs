#!/usr/bin/env node
// Build step: what bin/aitrail.js runs, in dist/bundle/. Hooks run on every commit and the CLI in
// every CI job (and ~1,000 times in this package's tests), so a run loads two files and compiles
// almost nothing:
// - loader.cjs (src/cli/bundle-loader.ts), which bin/aitrail.js requires;
// - <hook>.cjs, one self-contained CommonJS file per hook (no ES module loading: no resolve, link
//   and evaluate steps per module), run by the loader with V8's code cache (<hook>.cjs.cache, <hook>.cjs.model-named.cache for a run naming its model,
//   written on the first run). Code a hook only needs when something is wrong (a violation, a cold
//   config cache) is in its file but only compiled when called. Heavy libraries stay external and
//   are imported lazily by the code that needs them;
// - cli.cjs, every other command: the CLI with its libraries (yargs, ora… are ES
//   modules: loading them as such cost more CPU than most commands), one code cache per command;
// - checkpoint.cjs for `aitrail checkpoint` (run on every edit an agent makes), the same way as a
//   hook: CommonJS with its code cache (as an ES module it paid node's ES module loader and compiled
//   everything on every run).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = 'dist/bundle';
// The hooks the dispatcher knows (`'<name>': () => import('./<name>.js')`).
const dispatch = readFileSync(new URL('../src/hooks/dispatch.ts', import.meta.url), 'utf8');
const hooks = [...dispatch.matchAll(/import\('\.\/([a-z-]+)\.js'\)/g)].map((match) => match[1]);
if (hooks.length === 0) throw new Error('bundle: no hook found in src/hooks/dispatch.ts');

// One entry per hook: the dispatcher's runner with that hook's handler only, and typicalRun().
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
        // Whether this run's compiled code is worth a code cache (src/io/code-cache-hint.ts, read by the loader).
        // And the code paths it took (codePaths: the loader widens the cache for a path it was never made with).
        "export { typicalRun, codePaths } from '../io/code-cache-hint.js';",
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
  define: { 'import.meta.url': '__aitrail_meta.url' },
  // `await import('js-yaml')` (a cold config cache) becomes require(): a script compiled from V8's
  // code cache has no dynamic import callback in node 20, and these libraries ship CommonJS.
  supported: { 'dynamic-import': false },
  // Made when first read (a hook reads it only off its usual path): pathToFileURL on every load cost each run ~0.2 ms.
  banner: { js: 'var __aitrail_meta = { get url() { return process.getBuiltinModule("node:url").pathToFileURL(__filename).href; } };' },
};
// The CLI bundle holds its libraries, but for husky, which copies its `husky` script from beside
// its own index.js. The config readers (js-yaml, cosmiconfig's Explorer) are in every bundle (configReaders below).
// husky is an ES module that node >= 20.19 loads through require(), which the bundle's
// `import('husky')` becomes; require() returns its module namespace, whose default is husky's.
const huskyByRequire = {
  name: 'husky-by-require',
  setup(builder) {
    builder.onResolve({ filter: /^husky$/ }, (args) => (args.namespace === 'husky-by-require' ? { path: 'husky', external: true } : { path: 'husky', namespace: 'husky-by-require' }));
    builder.onLoad({ filter: /.*/, namespace: 'husky-by-require' }, () => ({ contents: 'module.exports = require("husky").default;', loader: 'js' }));
  },
};
// yargs' shim reads its locale files (`<yargs>/locales`) from import.meta.url: the installed
// yargs' (__aitrail_yargs_url in the banner), not the bundle's; and node:assert only when it asserts.
const yargsShimUrl = {
  name: 'yargs-shim-url',
  setup(builder) {
    builder.onLoad({ filter: /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) throw new Error('bundle: yargs\' shim no longer reads import.meta.url: check scripts/bundle.mjs');
      // node:assert (~2 ms to load) for yargs' own consistency checks, which run on every command and
      // pass: each decided as node:assert decides it (Object.is), node:assert loaded only to throw its own error.
      const assertImport = "import { notStrictEqual, strictEqual } from 'assert'";
      if (!source.includes(assertImport)) throw new Error('bundle: yargs\' shim no longer imports assert as it did: check scripts/bundle.mjs');
      const lazyAssert = [
        "const notStrictEqual = (actual, expected, ...rest) => { if (Object.is(actual, expected)) process.getBuiltinModule('node:assert').notStrictEqual(actual, expected, ...rest); };",
        "const strictEqual = (actual, expected, ...rest) => { if (!Object.is(actual, expected)) process.getBuiltinModule('node:assert').strictEqual(actual, expected, ...rest); };",
      ].join('\n');
      // The terminal's width, read only when help is laid out: process.stdout's first use builds a
      // stream over the pipe or terminal (node's net or tty and the streams, ~5 ms of every command).
      const columns = "stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null";
      if (!source.includes(columns)) throw new Error('bundle: yargs\' shim no longer reads the columns as it did: check scripts/bundle.mjs');
      const lazyColumns = "get stdColumns() { return typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null; }";
      return { contents: source.replace(assertImport, lazyAssert).replace(columns, lazyColumns).replaceAll('import.meta.url', '__aitrail_yargs_url()'), loader: 'js' };
    });
  },
};
// string-width (yargs' and cliui's) builds an Intl.Segmenter and Unicode-property regexps when it
// loads: ~50 ms of every command, for help text that is only laid out when printed. Loaded on first use.
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(builder) {
    builder.onResolve({ filter: /^string-width$/ }, async (args) => {
      if (args.pluginData?.real) return undefined;
      const real = await builder.resolve(args.path, { kind: 'require-call', resolveDir: args.resolveDir, pluginData: { real: true } });
      if (real.errors.length > 0) return { errors: real.errors };
      return { path: real.path, namespace: 'lazy-string-width' };
    });
    builder.onLoad({ filter: /.*/, namespace: 'lazy-string-width' }, (args) => ({
      resolveDir: args.path.slice(0, args.path.lastIndexOf('/')),
      loader: 'js',
      contents: `let real; export default function stringWidth(text, options) { real ??= require(${JSON.stringify(args.path)}).default; return real(text, options); }`,
    }));
  },
};
// debug, if a library brings it, tries `require('supports-color')` when it loads: whatever a project has
// hoisted (supports-color 9 is an ES module) would be loaded on every command, for colours of
// debug output aitrail never turns on.
const noSupportsColor = {
  name: 'no-supports-color',
  setup(builder) {
    builder.onResolve({ filter: /^supports-color$/ }, () => ({ path: 'supports-color', namespace: 'no-supports-color' }));
    builder.onLoad({ filter: /.*/, namespace: 'no-supports-color' }, () => ({ contents: 'module.exports = null;', loader: 'js' }));
  },
};
const cliBanner = [
  commonJs.banner.js,
  // The installed yargs' folder: the node_modules folders up from the bundle (__aitrail_dir, given
  // by the loader: a bundled module's own top-level __dirname cannot hide it), as node searches them
  // for a package name (require.resolve's exports handling cost every command ~5 ms); else require.resolve.
  'function __aitrail_yargs_dir() { const path = process.getBuiltinModule("node:path"), fs = process.getBuiltinModule("node:fs"); for (let dir = __aitrail_dir; ; dir = path.dirname(dir)) { try { if (path.basename(dir) !== "node_modules" && fs.statSync(path.join(dir, "node_modules", "yargs", "package.json"), { throwIfNoEntry: false })?.isFile()) return path.join(dir, "node_modules", "yargs"); } catch {} if (path.dirname(dir) === dir) return path.dirname(require.resolve("yargs/package.json")); } }',
  'function __aitrail_yargs_url() { return process.getBuiltinModule("node:url").pathToFileURL(process.getBuiltinModule("node:path").join(__aitrail_yargs_dir(), "lib/platform-shims/esm.mjs")).href; }',
].join('\n');

// What a run needs to read a config file on a cold config cache (a hook's first run after a
// change, `init`, and check and pre-receive, which read a committed config on every run) is inside
// each bundle, so its functions are in that bundle's code cache: js-yaml (required from its package
// it cost ~21 ms, resolving and reading its ~20 files; from one file beside the bundles ~7 ms,
// compiling it on every run) and cosmiconfig's Explorer with env-paths (~10 ms from its package).
// cosmiconfig's loaders for code (import-fresh, parse-json, typescript: required inside the
// loaders aitrail replaces, src/config/explorer.ts) stay outside, never loaded. smol-toml (a Codex or
// Kimi commit reads its config.toml: `await import`, run on first need) is inside too: required from
// the bundle, node took the project's node_modules/smol-toml, which the repository chooses (row 892).
const INLINE = ['js-yaml', 'cosmiconfig/dist/Explorer.js', 'env-paths', 'smol-toml'];
const NEVER_LOADED = ['typescript', 'import-fresh', 'parse-json'];
const configReaders = {
  name: 'config-readers',
  setup(builder) {
    const resolveFrom = createRequire(`${root}package.json`);
    const names = [...INLINE, ...NEVER_LOADED].map((name) => name.replace(/[.\/]/g, '\\$&'));
    builder.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) =>
      NEVER_LOADED.includes(args.path) ? { path: args.path, external: true } : { path: resolveFrom.resolve(args.path) });
  },
};

// picomatch (path rules' globs) and re2js (`detect.rules`) are required on first need
// (src/core/policy/glob-matcher.ts, src/config/rule-pattern.ts), through createRequire in the module
// tree, which esbuild cannot follow: every run that judged a path rule (check, pre-push, pre-receive,
// commit-msg) resolved picomatch in node_modules and compiled its six files (~5 ms of CPU), none of it
// in a code cache; and node resolved them from the bundle's folder up, so with aitrail installed in a
// project it took the project's node_modules/re2js, which the repository chooses (an `overrides` entry,
// a dependency of that name: its code run in the hook, row 892). In the bundles the same call is a
// plain require(), which esbuild bundles as a module run on its first require: still loaded only on
// first need, its functions now in the bundle's code cache, and nothing resolved in node_modules.
const LAZY_REQUIRED = [
  ['picomatch', /[\\/]src[\\/]core[\\/]policy[\\/]glob-matcher\.ts$/],
  ['re2js', /[\\/]src[\\/]config[\\/]rule-pattern\.ts$/],
];
const lazyRequired = {
  name: 'lazy-required',
  setup(builder) {
    const resolveFrom = createRequire(`${root}package.json`);
    for (const [name, file] of LAZY_REQUIRED) {
      const call = `process.getBuiltinModule('node:module').createRequire(import.meta.url)('${name}')`;
      builder.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: resolveFrom.resolve(name) }));
      builder.onLoad({ filter: file }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes(call)) throw new Error(`bundle: ${args.path.slice(root.length)} no longer loads ${name} as it did: check scripts/bundle.mjs`);
        return { contents: source.replace(call, `require('${name}')`), loader: 'ts' };
      });
    }
  },
};

// Each hook in two files (src/io/rare-bundle.ts): `<hook>.cjs`, what a usual run runs, and `<hook>.rare.cjs`,
// the modules the hook imports dynamically (`import('./x.js')` in src/) for its rare paths: a cold config
// cache, a violation, an amend or a reword, path rules. A run loads the hook's file and its code cache
// only; the first rare path loads the rare file, with its own code cache. An agent's settings readers
// (an agent's own commit reads them on every commit) stay in the hook's file. Three builds a hook:
// 1. the hook's file with every such import made a call of rareModule (its modules: the rare ones);
// 2. the rare file, every module the hook's file holds taken from it (`aitrail-hot:<source path>`);
// 3. the hook's file again, now handing those modules to the rare file (setShared), each made on first use.
const RARE_BUNDLE = `${root}src/io/rare-bundle.ts`;
// The hooks split so: the message hooks, which every commit runs and whose usual run is a commit's
// message judged. The others' usual run is itself behind an `import()` (a human's commit or push stops before it).
const SPLIT = ['prepare-commit-msg', 'commit-msg'];
// The modules in the rare file: those each imports only off the usual path. Not the config's loader
// (src/config/load.ts: prepare-commit-msg reads the config cache through it), an agent's settings readers, or
// the staged commit's judgment (src/enforce/judge-staged.ts: a warning, an agent's commit of unknown model, path rules),
// nor the error report (src/errors/report-error.ts: a rare file that cannot be read is reported by it, not left a stack trace).
const RARE = new Set([
  'src/config/explorer.ts',
  'src/config/parse-config-text.ts',
  'src/config/validate.ts',
  'src/config/lookalike-places.ts',
  'src/git/staged-paths.ts',
  'src/git/shown-message.ts',
  'src/hooks/amended-attributions.ts',
  'src/hooks/reworded-attributions.ts',
]);
const relative = (path) => (path.startsWith(root) ? path.slice(root.length) : path);
async function buildHook(hook, split) {
  const rare = new Set();
  const splitOut = {
    name: 'rare-split',
    setup(builder) {
      builder.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (!split || args.kind !== 'dynamic-import' || args.pluginData?.rare || !relative(args.importer).startsWith('src/')) return undefined;
        const found = await builder.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { rare: true } });
        if (found.errors.length > 0) return { errors: found.errors };
        const path = relative(found.path);
        if (!RARE.has(path)) return undefined;
        rare.add(path);
        return { path, namespace: 'aitrail-rare' };
      });
      // re2js (`detect.rules` only, required on first need: src/config/rule-pattern.ts), ~150 KB, in the rare file too.
      builder.onResolve({ filter: /^re2js$/ }, (args) => {
        if (!split || args.pluginData?.rare) return undefined;
        rare.add('re2js');
        return { path: 're2js', namespace: 'aitrail-rare' };
      });
      builder.onLoad({ filter: /.*/, namespace: 'aitrail-rare' }, (args) => ({
        resolveDir: root,
        loader: 'js',
        // __filename: the hook's file, as the loader runs it.
        contents: `module.exports = require(${JSON.stringify(RARE_BUNDLE)}).rareModule(__filename, ${JSON.stringify(args.path)});`,
      }));
    },
  };
  const hotEntry = (sharedPaths) => ({
    name: 'hot-entry',
    setup(builder) {
      builder.onResolve({ filter: /^hot-entry:/ }, () => ({ path: hook, namespace: 'hot-entry' }));
      builder.onLoad({ filter: /.*/, namespace: 'hot-entry' }, () => ({
        resolveDir: root,
        loader: 'ts',
        contents: [
          `export * from ${JSON.stringify(`hook-entry:${hook}`)};`,
          ...(sharedPaths.length === 0 ? [] : [`import { setShared } from ${JSON.stringify(RARE_BUNDLE)};`, `setShared({ ${sharedPaths.map((path) => `${JSON.stringify(path)}: () => require(${JSON.stringify(`${root}${path}`)})`).join(', ')} });`]),
        ].join('\n'),
      }));
    },
  });
  const hotBuild = (sharedPaths) => build({ ...commonJs, metafile: true, entryPoints: { [hook]: 'hot-entry:' }, outdir: out, plugins: [hotEntry(sharedPaths), splitOut, configReaders, lazyRequired, hookEntries] });
  const first = await hotBuild([]);
  if (process.env.AITRAIL_BUNDLE_META) writeFileSync(`${process.env.AITRAIL_BUNDLE_META}/${hook}.json`, JSON.stringify(first.metafile));
  if (rare.size === 0) return;
  const hot = new Set(Object.keys(first.metafile.inputs).filter((path) => path.startsWith('src/')));
  const shared = new Set();
  const rareEntry = {
    name: 'rare-entry',
    setup(builder) {
      builder.onResolve({ filter: /^rare-entry:/ }, () => ({ path: hook, namespace: 'rare-entry' }));
      builder.onLoad({ filter: /.*/, namespace: 'rare-entry' }, () => ({
        resolveDir: root,
        loader: 'ts',
        // Each rare module made on its first import, as `import()` makes it.
        contents: `export function load(path: string): unknown {\n  switch (path) {\n${[...rare].sort().map((path) => `    case ${JSON.stringify(path)}: return require(${JSON.stringify(path.startsWith('src/') ? `${root}${path}` : path)});`).join('\n')}\n  }\n  throw new Error(\`aitrail: no rare module \${path}: rebuild the package\`);\n}\n`,
      }));
      builder.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.hot || args.namespace === 'rare-entry' && args.path.startsWith('rare-entry:')) return undefined;
        if (args.kind === 'entry-point') return undefined;
        const found = await builder.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { hot: true } });
        if (found.errors.length > 0 || found.external) return undefined;
        const path = relative(found.path);
        if (!hot.has(path)) return undefined;
        shared.add(path);
        return { path: `aitrail-hot:${path}`, external: true };
      });
    },
  };
  const rareBuild = await build({ ...commonJs, metafile: true, entryPoints: { [`${hook}.rare`]: 'rare-entry:' }, outdir: out, plugins: [rareEntry, configReaders, lazyRequired] });
  const second = await hotBuild([...shared].sort());
  // The hook's file holds what it held (the modules it shares were in it), and the rare file none of them.
  const hotAgain = new Set(Object.keys(second.metafile.inputs).filter((path) => path.startsWith('src/')));
  if ([...hot].some((path) => !hotAgain.has(path)) || [...hotAgain].some((path) => !hot.has(path))) throw new Error(`bundle: ${hook}.cjs changed when it shared its modules: check scripts/bundle.mjs`);
  const both = Object.keys(rareBuild.metafile.inputs).filter((path) => hot.has(path));
  if (both.length > 0) throw new Error(`bundle: ${hook}.rare.cjs holds modules ${hook}.cjs holds (${both.join(', ')}): two instances of their state`);
}

// Old files (and their code caches) must not ship.
rmSync(new URL(`../${out}`, import.meta.url), { recursive: true, force: true });
await build({ ...commonJs, entryPoints: { loader: 'src/cli/bundle-loader.ts' }, outdir: out });
await build({ ...commonJs, packages: undefined, banner: { js: cliBanner }, entryPoints: { cli: 'src/cli/entry.ts' }, outdir: out, plugins: [configReaders, lazyRequired, yargsShimUrl, lazyStringWidth, noSupportsColor, huskyByRequire] });
for (const hook of hooks) await buildHook(hook, SPLIT.includes(hook));
await build({ ...commonJs, entryPoints: { checkpoint: 'src/checkpoint/checkpoint-entry.ts' }, outdir: out, plugins: [configReaders, lazyRequired] });

// Every bundle is ASCII (esbuild escapes strings, not the characters of a regular expression's
// source): the loader reads them as latin1, which is the same string for ASCII only.
for (const name of readdirSync(new URL(`../${out}`, import.meta.url))) {
  if (!name.endsWith('.cjs')) continue;
  const bytes = readFileSync(new URL(`../${out}/${name}`, import.meta.url));
  const at = bytes.findIndex((byte) => byte > 0x7f);
  if (at !== -1) throw new Error(`bundle: ${out}/${name} is not ASCII (byte ${at}: ${JSON.stringify(bytes.subarray(Math.max(0, at - 40), at + 8).toString('utf8'))}); write the character as an escape (\\u…) in its source`);
}

// The build's id (dist/build-id.json): a hash of every file under src/ (detection code and its data)
// and the version. blame's caches key on it (src/report/blame-report.ts buildId), so a build whose
// detection changed without a new version never reads what an older build cached.
const hash = createHash('sha256');
hash.update(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
const sources = readdirSync(new URL('../src', import.meta.url), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => `${entry.parentPath ?? entry.path}/${entry.name}`.slice(root.length))
  .sort();
for (const file of sources) hash.update(`\0${file}\0`).update(readFileSync(`${root}${file}`));
writeFileSync(new URL('../dist/build-id.json', import.meta.url), `${JSON.stringify({ id: hash.digest('hex').slice(0, 32) })}\n`);
