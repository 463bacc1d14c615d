import { describe, expect, it } from 'vitest';
import { QWEN_NOTE_LIMIT, qwenNoteGenerators, withQwenNote } from '../../src/core/notes/qwen-attribution.js';

const note = (fields: Record<string, unknown>) => JSON.stringify({ version: 1, generator: 'Qwen-Coder', files: {}, summary: {}, ...fields });

describe('qwenNoteGenerators', () => {
  it("reads the generator of Qwen Code's shape, with git's line break after it", () => {
    expect(qwenNoteGenerators(`${note({})}\n`)).toEqual(['Qwen-Coder']);
    expect(qwenNoteGenerators(note({ generator: 'gpt-4o' }))).toEqual(['gpt-4o']);
  });

  it('a generator in a nested object (a file named generator) is not the note\'s', () => {
    expect(qwenNoteGenerators(note({ files: { generator: 'x', 'a.ts': { generator: 'claude-opus-4-1' } } }))).toEqual(['Qwen-Coder']);
  });

  it('every top-level generator counts (JSON.parse keeps the last), at most 8, each cut to 4096 characters', () => {
    expect(qwenNoteGenerators('{"version":1,"generator":"a","files":{},"summary":{},"generator":"b"}')).toEqual(['a', 'b']);
    const many = `{"version":1,${Array.from({ length: 20 }, (_, at) => `"generator":"m${at}"`).join(',')},"files":{},"summary":{}}`;
    expect(qwenNoteGenerators(many)).toHaveLength(8);
    expect(qwenNoteGenerators(note({ generator: 'q'.repeat(10_000) }))?.[0]).toHaveLength(4096);
  });

  it('anything else is no Qwen Code note', () => {
    for (const text of ['', 'null', '1', '"x"', '[]', '{', note({ version: '1' }), note({ generator: null }), note({ files: null }), note({ summary: [] }), `${note({})}${' '.repeat(QWEN_NOTE_LIMIT)}`]) {
      expect(qwenNoteGenerators(text), text.slice(0, 80)).toBeNull();
    }
  });
});

describe('withQwenNote', () => {
  it('adds qwen-code with the model, never removes; the same model gains the evidence and the whole commit', () => {
    const declared = { agent: 'claude-code', model: 'anthropic/claude-opus-4.6', evidence: ['trailer'], declared: true };
    expect(withQwenNote([declared], ['Qwen-Coder'])).toEqual([declared, { agent: 'qwen-code', model: 'qwen/unknown', evidence: ['note refs/notes/ai-attribution: Qwen Code generator "Qwen-Coder"'], declared: false }]);
    const narrow = { agent: 'qwen-code', model: 'qwen/unknown', evidence: ['note refs/notes/ai: …'], declared: false, paths: ['a.ts'] };
    expect(withQwenNote([narrow], ['Qwen-Coder'])).toEqual([{ agent: 'qwen-code', model: 'qwen/unknown', evidence: ['note refs/notes/ai: …', 'note refs/notes/ai-attribution: Qwen Code generator "Qwen-Coder"'], declared: false }]);
  });

  it("Qwen-Coder (qwen/unknown) joins the Qwen model the commit declares; another vendor's model stays apart", () => {
    const declared = { agent: 'qwen-code', model: 'qwen/qwen3-coder-plus', evidence: ['trailer Assisted-by: qwen-code:qwen/qwen3-coder-plus'], declared: true };
    expect(withQwenNote([declared], ['Qwen-Coder'])).toEqual([{ ...declared, evidence: [...declared.evidence, 'note refs/notes/ai-attribution: Qwen Code generator "Qwen-Coder"'] }]);
    expect(withQwenNote([declared], ['gpt-4o']).map((attribution) => attribution.model)).toEqual(['qwen/qwen3-coder-plus', 'openai/gpt-4o']);
    expect(withQwenNote([{ ...declared, agent: 'aider' }], ['Qwen-Coder']).map((attribution) => `${attribution.agent}:${attribution.model}`)).toEqual(['aider:qwen/qwen3-coder-plus', 'qwen-code:qwen/unknown']);
  });

  it('deeply nested JSON is no note and no crash', () => {
    expect(qwenNoteGenerators(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeNull();
    expect(qwenNoteGenerators(`{"version":1,"generator":"g","files":${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)},"summary":{}}`)).toEqual(['g']);
  });

  it('a generator no catalog reads is the unknown model; its evidence is quoted and cut', () => {
    const [found] = withQwenNote([], ['\u0007'.repeat(300)]);
    expect(found?.model).toBe('unknown');
    expect(found?.evidence[0]).not.toMatch(/[\u0000-\u001f]/);
  });
});
