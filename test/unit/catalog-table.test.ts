import { describe, expect, it, vi } from 'vitest';
import { buildFixedNames, buildModelTable } from '../../src/core/catalog.js';
import fixed from '../../src/core/data/model-fixed-names.generated.json' with { type: 'json' };
import { normaliseModelName } from '../../src/core/model-name.js';
import table from '../../src/core/data/model-table.generated.json' with { type: 'json' };
import tag from '../../src/core/data/catalog-tag.generated.json' with { type: 'json' };
import starts from '../../src/core/data/model-starts.generated.json' with { type: 'json' };
import { buildModelStarts } from '../../src/core/model-words.js';
import { catalogTag } from '../../scripts/catalog-tag.mjs';

describe('precomputed model table', () => {
  it('equals the table built from models.json (regenerate: npm run build && node scripts/build-model-table.mjs)', () => {
    expect(table).toEqual([...buildModelTable().entries()]);
    expect(table.length).toBeGreaterThan(200);
  });

  it('every key is its own normalised name (catalog.ts skips normaliseModelName for them)', () => {
    for (const [key] of table as [string, string][]) expect(normaliseModelName(key), key).toEqual({ key, sized: key });
  });

  it('the first letters of catalog names equal those built from the new table (regenerate: npm run build && node scripts/build-model-table.mjs)', () => {
    expect(starts).toEqual(buildModelStarts());
    expect(starts).toEqual(expect.arrayContaining(['claude', 'gpt', 'qwen', 'opus', 'anthropic', 'openrouter']));
  });

  it('the family words and vendor names taken as their own normalised name are those normaliseModelName leaves as they are (regenerate as above)', () => {
    expect(fixed).toEqual(buildFixedNames());
    expect(fixed).toEqual(expect.arrayContaining(['claude', 'qwen', 'openai']));
    for (const word of fixed) expect(normaliseModelName(word), word).toEqual({ key: word, sized: word });
  });

  it('the catalog tag is the hash of what normalisation reads (regenerate: npm run build && node scripts/build-model-table.mjs)', () => {
    expect(tag.tag).toBe(catalogTag());
  });
});

/** A fresh catalog module (its own primed names), as a new process has it. */
async function freshCatalog(): Promise<typeof import('../../src/core/catalog.js')> {
  vi.resetModules();
  return import('../../src/core/catalog.js');
}

describe('alias names kept by the config cache', () => {
  const aliases = {
    'internal-llm': 'acme/internal-llm-2',
    'Our Big Model': 'Claude Opus 4.6',
    'gpt-4o': 'acme/proxy-4o',
    'Opus 4.6 (work)': 'acme/opus-work',
    'deepseek_r1:14b': 'acme/r1-small',
    ['x'.repeat(300)]: 'acme/long',
    'ok\nkey': 'acme/b',
  } as Record<string, string>;
  const inputs = [
    'internal-llm', 'INTERNAL LLM', 'openrouter/internal-llm', 'our big model', 'Our-Big-Model', 'GPT-4o', 'openai/gpt-4o', 'gpt-4o-2024-08-06',
    'anthropic/claude-opus-4.6', 'Claude Opus 4.6', 'opus-4.6', 'deepseek-r1:14b', 'ollama/deepseek-r1:14b', 'qwen/qwen3-coder', 'Qwen3-Coder-480B-A35B-Instruct', 'acme/unknown-1',
  ];

  it('a process primed with them answers exactly as one that normalises every alias itself', async () => {
    const cold = await freshCatalog();
    const names = cold.aliasModelNames(aliases);
    expect(names.map(([key]) => key)).toEqual(expect.arrayContaining(['internal-llm', 'our big model', 'opus 4.6 (work)', 'deepseek_r1:14b']));
    const expected = inputs.map((input) => cold.canonicalModel(input, aliases, { isModel: true }));
    expect(expected).toContain('acme/internal-llm-2');
    expect(expected).toContain('acme/proxy-4o');
    const warm = await freshCatalog();
    warm.primeModelNames(aliases, JSON.parse(JSON.stringify(names)));
    expect(inputs.map((input) => warm.canonicalModel(input, aliases, { isModel: true }))).toEqual(expected);
  });

  it('names for keys that are not the config\'s aliases, table keys, or malformed entries are never taken', async () => {
    const warm = await freshCatalog();
    const poisoned = [
      ['qwen3 coder', { key: 'claude-opus-4.6', sized: 'claude-opus-4.6' }],
      ['qwen3-coder', { key: 'claude-opus-4.6', sized: 'claude-opus-4.6' }],
      ['internal-llm', { key: '../x', sized: 'x' }],
      ['internal-llm', 'claude-opus-4.6'],
      'junk',
    ];
    warm.primeModelNames({ 'internal-llm': 'acme/internal-llm-2', 'qwen3-coder': 'qwen/qwen3-coder' }, poisoned);
    expect(warm.canonicalModel('Qwen3 Coder', {})).toBe('qwen/qwen3-coder');
    expect(warm.canonicalModel('qwen/qwen3-coder', {})).toBe('qwen/qwen3-coder');
    expect(warm.canonicalModel('internal-llm', { 'internal-llm': 'acme/internal-llm-2' })).toBe('acme/internal-llm-2');
    warm.primeModelNames({}, 'not a list');
  });
});
