import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate.js';

describe('"$schema" in a config (editor completion)', () => {
  it('is accepted, any string', () => {
    for (const value of ['./node_modules/aitrail/schema.json', 'https://example.com/s.json', '']) {
      expect(validateConfig({ $schema: value, policy: { deny: ['qwen/*'] } }, '.aitrailrc.json').problems).toEqual([]);
    }
  });

  it('must be a string', () => {
    expect(validateConfig({ $schema: 5 }, '.aitrailrc.json').problems).toEqual([expect.objectContaining({ path: '/$schema', found: '5' })]);
  });

  it('the shipped schema.json at the package root describes it', () => {
    const schema = JSON.parse(readFileSync(new URL('../../schema.json', import.meta.url), 'utf8')) as { properties: Record<string, { type?: string }> };
    expect(schema.properties.$schema?.type).toBe('string');
    expect(Object.keys(schema.properties)).toEqual(['$schema', 'trailer', 'policy', 'detect', 'blame', 'notes']);
  });
});
