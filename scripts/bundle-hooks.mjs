#!/usr/bin/env node
// Build step: bundle the hook path (`aitrail hook …`) into one file, dist/hooks.bundle.js.
// Hooks run on every commit: loading ~60 small ES modules costs more than the hook's work, so
// the hot path is one file. Heavy libraries stay external and are still imported lazily, only by
// the code that needs them (a cold config cache, the push hooks).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['src/hooks/dispatch.ts'],
  outfile: 'dist/hooks.bundle.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  legalComments: 'none',
  logLevel: 'warning',
});
