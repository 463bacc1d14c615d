#!/usr/bin/env node
// Write the sh shims in hooks/ from their one template (src/install/shim-source.ts, built into dist/).
// test/unit/shims-generated.test.ts fails when hooks/ and the template disagree.
import { writeFileSync } from 'node:fs';
import { shimSource } from '../dist/install/shim-source.js';
import { CLIENT_HOOKS, SERVER_HOOKS } from '../dist/install/hook-names.js';

for (const hook of [...CLIENT_HOOKS, ...SERVER_HOOKS]) {
  writeFileSync(new URL(`../hooks/${hook}`, import.meta.url), shimSource(hook), { mode: 0o755 });
}
