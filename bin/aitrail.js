#!/usr/bin/env node
// Thin bin: everything lives in dist/. Hooks take a fast path that never loads yargs.
import { main } from '../dist/cli/entry.js';

process.exitCode = await main(process.argv.slice(2));
