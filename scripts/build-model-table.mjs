#!/usr/bin/env node
// Regenerates src/core/data/model-table.generated.json from src/core/data/models.json (run after
// editing the catalog; `npm run build` first). The table maps every normalised alias to its id.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const { buildModelTable } = await import('../dist/core/catalog.js');
const out = fileURLToPath(new URL('../src/core/data/model-table.generated.json', import.meta.url));
writeFileSync(out, `${JSON.stringify([...buildModelTable().entries()])}\n`);
console.log(`wrote ${out}`);
