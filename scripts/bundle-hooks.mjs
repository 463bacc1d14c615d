#!/usr/bin/env node
// Build step: bundle the hook path (`aitrail hook …`) into dist/hooks-bundle/ (one entry, a chunk per hook).
// Hooks run on every commit: loading ~60 small ES modules costs more than the hook's work, so
// the hot path is a couple of files. Heavy libraries stay external and are still imported lazily, only by
// the code that needs them (a cold config cache, the push hooks).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Chunk names are content hashes: clear the old ones so the package ships only this build's.
rmSync(new URL('../dist/hooks-bundle', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // Two entries sharing chunks: the git hooks, and `aitrail checkpoint` (run on every agent edit).
  entryPoints: { index: 'src/hooks/dispatch.ts', checkpoint: 'src/checkpoint/checkpoint-entry.ts' },
  // Each hook's handler becomes its own chunk (the dispatcher imports them lazily), so a commit
  // hook never compiles the push hooks' code. Minified: less source for V8 to compile per commit.
  outdir: 'dist/hooks-bundle',
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  splitting: true,
  minify: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  legalComments: 'none',
  logLevel: 'warning',
});
