// Row 615: every one-word family and company name the catalog gives a vendor a team denies for
// data residency (Qwen, DeepSeek, Moonshot, Z.ai, MiniMax) is a vendor word, so a declared value
// naming it without a model (`Assisted-by: ChatGLM`, `aider:qvq-max`) reads as `<vendor>/unknown`,
// which `deny: ["z-ai/*"]` matches. A word added to the catalog and not here fails this test.
import { describe, expect, it } from 'vitest';
import catalog from '../../src/core/data/models.json' with { type: 'json' };
import signatureData from '../../src/core/data/signatures.json' with { type: 'json' };

const DENIED_VENDORS = ['qwen', 'deepseek', 'moonshotai', 'z-ai', 'minimax'];
/**
 * Row 629: MiniMax's `abab` is also a run of hex digits (a session's UUID, a sha: `abab12cd-…`), which
 * the declared reading's vendor words find inside a word: a family only, read in its models' shape (`abab6.5s-chat`).
 */
const HEX_WORDS = ['abab'];

describe('vendorWords hold every one-word name of the denied vendors', () => {
  const vendors = catalog.vendors as Record<string, { families: string[]; names: string[] }>;
  const words = signatureData.vendorWords as Record<string, string>;
  it.each(DENIED_VENDORS)('%s', (vendor) => {
    const entry = vendors[vendor];
    expect(entry).toBeDefined();
    const oneWord = [vendor, ...(entry?.families ?? []), ...(entry?.names ?? [])].filter((word) => /^[a-z]+$/.test(word) && !HEX_WORDS.includes(word));
    expect(oneWord.filter((word) => words[word] !== vendor)).toEqual([]);
  });
  it('a word of hex letters alone is no vendor word', () => {
    expect(Object.keys(words).filter((word) => /^[a-f]+$/.test(word))).toEqual([]);
  });
});
