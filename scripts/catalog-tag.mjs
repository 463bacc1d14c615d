// The tag of the model catalog's normalisation: a hash of the files normaliseModelName() reads its
// rules and data from. scripts/build-model-table.mjs writes it; test/unit/catalog-table.test.ts
// fails when the checked-in tag is not this.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const CATALOG_TAG_SOURCES = ['src/core/model-name.ts', 'src/core/model-data.ts', 'src/core/data/models.json'];

export function catalogTag(root = new URL('..', import.meta.url)) {
  const hash = createHash('sha256');
  for (const file of CATALOG_TAG_SOURCES) hash.update(`${file}\n`).update(readFileSync(new URL(file, root), 'utf8').replace(/\r\n/g, '\n'));
  return hash.digest('hex').slice(0, 16);
}
