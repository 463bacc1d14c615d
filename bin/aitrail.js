#!/usr/bin/env node
// Thin bin: everything lives in dist/. `aitrail hook …` runs on every commit, so it goes straight
// to the bundled hook dispatcher (scripts/bundle-hooks.mjs); every other command through the CLI.
const argv = process.argv.slice(2);
if (argv[0] === 'hook' && argv[1] !== undefined && argv[1] !== '--help' && argv[1] !== '-h') {
  const hooks = await import('../dist/hooks-bundle/index.js').catch(() => null);
  if (hooks) {
    process.exitCode = await hooks.runHook(argv.slice(1)).catch((error) => {
      process.stderr.write(`aitrail: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      return 3;
    });
  }
}
// `aitrail checkpoint …` runs on every edit an agent makes: the same bundled fast path, never failing the agent.
if (argv[0] === 'checkpoint' && !argv.includes('--help') && !argv.includes('-h')) {
  const checkpoint = await import('../dist/hooks-bundle/checkpoint.js').catch(() => null);
  if (checkpoint) {
    process.exitCode = await checkpoint.runCheckpointCommand(argv.slice(1)).catch((error) => {
      process.stderr.write(`aitrail checkpoint: internal error, nothing recorded: ${error instanceof Error ? error.message : String(error)}\n`);
      return 0;
    });
  }
}
if (process.exitCode === undefined) {
  const { main } = await import('../dist/cli/entry.js');
  process.exitCode = await main(argv);
}
