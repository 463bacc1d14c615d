#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.js in turn, each in its own process.
// `node bench/run.js hooks blame` runs only the files whose name contains one of the words.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.js'))
  .filter((name) => filters.length === 0 || filters.some((word) => name.includes(word)))
  .sort();
if (files.length === 0) {
  process.stderr.write(`no bench/*.bench.js file matches ${filters.join(', ') || '(any)'}\n`);
  process.exitCode = 2;
}
let failed = 0;
for (const name of files) {
  process.stdout.write(`\n== ${name} ==\n`);
  const result = spawnSync(process.execPath, [join(here, name)], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed += 1;
    process.stderr.write(`${name} failed (exit ${result.status ?? result.signal})\n`);
  }
}
if (failed > 0) process.exitCode = 1;
