#!/usr/bin/env node
// Thin bin: everything lives in dist/. CommonJS (bin/package.json), so that a hook run never starts
// node's ES module loader: `aitrail hook …` runs on every commit, and goes straight to its own
// bundled file with V8's code cache (dist/hooks-bundle/loader.cjs, scripts/bundle-hooks.mjs);
// `aitrail checkpoint …` (every edit an agent makes) to its bundle; every other command through the CLI.
'use strict';
const { join } = require('node:path');

const argv = process.argv.slice(2);
const bundles = join(__dirname, '..', 'dist', 'hooks-bundle');

/** The bundled hook's run, or null (no bundle: a package built without it, a name that is not a hook). */
function bundledHook() {
  try {
    return require(join(bundles, 'loader.cjs')).runBundledHook(argv.slice(1), bundles);
  } catch {
    return null;
  }
}

async function run() {
  if (argv[0] === 'hook' && argv[1] !== undefined && argv[1] !== '--help' && argv[1] !== '-h') {
    const hook = bundledHook();
    if (hook) {
      return hook.catch((error) => {
        process.stderr.write(`aitrail: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        return 3;
      });
    }
  }
  // `aitrail checkpoint …` runs on every edit an agent makes: its own bundle, never failing the agent.
  if (argv[0] === 'checkpoint' && !argv.includes('--help') && !argv.includes('-h')) {
    const checkpoint = await import('../dist/hooks-bundle/checkpoint.js').catch(() => null);
    if (checkpoint) {
      return checkpoint.runCheckpointCommand(argv.slice(1)).catch((error) => {
        process.stderr.write(`aitrail checkpoint: internal error, nothing recorded: ${error instanceof Error ? error.message : String(error)}\n`);
        return 0;
      });
    }
  }
  const { main } = await import('../dist/cli/entry.js');
  return main(argv);
}

run().then((code) => {
  process.exitCode = code;
});
