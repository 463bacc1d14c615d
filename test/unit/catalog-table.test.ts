import { describe, expect, it } from 'vitest';
import { buildModelTable } from '../../src/core/catalog.js';
import table from '../../src/core/data/model-table.generated.json' with { type: 'json' };

describe('precomputed model table', () => {
  it('equals the table built from models.json (regenerate: npm run build && node scripts/build-model-table.mjs)', () => {
    expect(table).toEqual([...buildModelTable().entries()]);
    expect(table.length).toBeGreaterThan(200);
  });
});
