// The fast readings of values agents and aitrail write on every commit (src/core/detect/fixed-values.ts)
// against the general reading they stand in for: the same result on their whole domain, and no fast
// reading where the value differs by a character or a configured alias could read it otherwise.
import { describe, expect, it } from 'vitest';
import { canonicalModel, knownModels, knownVendors, readModelName } from '../../src/core/catalog.js';
import { parseCoAuthor, parseDeclaredValues, readCoAuthor, readDeclaredValues } from '../../src/core/detect/declared-value.js';
import { knownCoAuthorLine, ownTrailerPair } from '../../src/core/detect/fixed-values.js';
import { capitalised, joints, letterRuns, onlyLetters } from '../../src/core/detect/letters.js';
import { signatures } from '../../src/core/detect/signatures.js';

const agents = [...new Set(signatures().agentNames.values())];
const models = [...knownModels(), ...knownVendors().map((vendor) => `${vendor}/unknown`), 'unknown'];

describe('aitrail\'s own trailer value (`agent:model`)', () => {
  it('every known agent with every model of the table, `<vendor>/unknown` or `unknown`: the fast pair is what the general reading gives', () => {
    expect(agents.length).toBeGreaterThan(50);
    expect(models.length).toBeGreaterThan(150);
    let read = 0;
    for (const agent of agents) {
      for (const model of models) {
        const value = `${agent}:${model}`;
        expect(ownTrailerPair(value), value).toEqual({ agent, model });
        expect(readDeclaredValues(value), value).toEqual([{ agent, model }]);
        read += 1;
      }
    }
    expect(read).toBe(agents.length * models.length);
  });

  it.each([
    'claude-code:anthropic/claude-opus-4.6 ',
    ' claude-code:anthropic/claude-opus-4.6',
    'Claude-Code:anthropic/claude-opus-4.6',
    'claude-code:anthropic/claude-opus-4.6,qwen/qwen3-coder',
    'claude-code:anthropic/claude-opus-4.6 qwen3-coder',
    'claude-code:anthropic/claude-opus-4.6qwen',
    'claude-code:qwen3-coder',
    'claude-code:qwen/qwen3-coder-next-gen',
    'claude-code:acme/internal-llm-2',
    'claude-code:unknown:qwen/unknown',
    'claude-code:anthropic/claude-opus-4.6\nqwen-code:qwen/qwen3-coder',
    'not-an-agent:anthropic/claude-opus-4.6',
    'claude code:anthropic/claude-opus-4.6',
    'claude-code:anthropic/claude-opus-4.6\u200b',
    'claude-code:ａnthropic/claude-opus-4.6',
    'claude-code:anthropic/claude-opus-4.6)',
  ])('%j is read in full, not as a pair', (value) => {
    expect(ownTrailerPair(value)).toBeNull();
    expect(parseDeclaredValues(value)).toEqual(readDeclaredValues(value));
  });

  it('an alias whose name is in the value turns the fast reading off; the result is the general reading\'s', () => {
    const cases: [string, Record<string, string>][] = [
      ['claude-code:anthropic/claude-opus-4.6', { 'claude-opus-4.6': 'qwen/qwen3-coder' }],
      ['claude-code:anthropic/claude-opus-4.6', { opus: 'deepseek/deepseek-v3' }],
      ['claude-code:anthropic/claude-opus-4.6', { 'Claude Opus 4.6': 'qwen/qwen3-coder' }],
      ['claude-code:unknown', { 'claude code': 'qwen/qwen3-coder' }],
      ['claude-code:unknown', { UNKNOWN: 'qwen/qwen3-coder' }],
      // A name with a character outside ASCII (a Cyrillic е, a fullwidth letter): the general reading decides.
      ['claude-code:anthropic/claude-opus-4.6', { 'оpus': 'qwen/qwen3-coder' }],
      ['claude-code:anthropic/claude-opus-4.6', { '日本': 'qwen/qwen3-coder' }],
      ['claude-code:anthropic/claude-opus-4.6', { '---': 'qwen/qwen3-coder' }],
    ];
    for (const [value, aliases] of cases) {
      expect(ownTrailerPair(value, aliases), JSON.stringify(aliases)).toBeNull();
      expect(parseDeclaredValues(value, aliases)).toEqual(readDeclaredValues(value, aliases));
    }
    // An alias named nowhere in the value leaves the pair fast, and right.
    const aliases = { 'internal-llm': 'acme/internal-llm-2' };
    expect(ownTrailerPair('claude-code:anthropic/claude-opus-4.6', aliases)).toEqual({ agent: 'claude-code', model: 'anthropic/claude-opus-4.6' });
    expect(readDeclaredValues('claude-code:anthropic/claude-opus-4.6', aliases)).toEqual([{ agent: 'claude-code', model: 'anthropic/claude-opus-4.6' }]);
  });
});

describe('a model of the table written as its own id (canonicalModel)', () => {
  it('is itself, as the general reading gives it, in every context', () => {
    for (const id of knownModels()) {
      for (const context of [{}, { isModel: true }, { isModel: true, strict: true }]) {
        expect(readModelName(id, {}, context), id).toBe(id);
        expect(canonicalModel(id, {}, context), id).toBe(id);
      }
    }
  });

  it('beside an alias whose name is in it, is read in full: the alias wins as it always did', () => {
    const cases: Record<string, string>[] = [{ 'anthropic/claude-opus-4.6': 'qwen/qwen3-coder' }, { 'claude-opus-4.6': 'qwen/qwen3-coder' }, { 'Opus 4.6': 'qwen/qwen3-coder' }, { 'оpus': 'qwen/qwen3-coder' }];
    for (const aliases of cases) expect(canonicalModel('anthropic/claude-opus-4.6', aliases), JSON.stringify(aliases)).toBe(readModelName('anthropic/claude-opus-4.6', aliases));
    expect(canonicalModel('anthropic/claude-opus-4.6', { 'anthropic/claude-opus-4.6': 'qwen/qwen3-coder' })).toBe('qwen/qwen3-coder');
    expect(canonicalModel('anthropic/claude-opus-4.6', { 'internal-llm': 'acme/internal-llm-2' })).toBe('anthropic/claude-opus-4.6');
  });
});

describe('agents\' own co-author lines (signatures.json coAuthorLines)', () => {
  it('each is read as the general reading reads it, names an agent, and is a fresh copy', () => {
    const lines = signatures().coAuthorLines;
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const fast = knownCoAuthorLine(line);
      expect(fast, line).toEqual(readCoAuthor(line));
      expect(fast?.every((mention) => mention.agent !== 'unknown'), line).toBe(true);
      fast?.push({ agent: 'x', model: 'y' });
      expect(knownCoAuthorLine(line)).toEqual(readCoAuthor(line));
    }
  });

  it('a line that differs by a character, or beside an alias named in it, is read in full', () => {
    for (const line of ['Claude <noreply@anthropic.com> ', 'claude <noreply@anthropic.com>', 'Claude <noreply@anthropic.co>', 'Claude Opus 4.6 <noreply@anthropic.com>', 'Claude, Qwen3-Coder <noreply@anthropic.com>']) {
      expect(knownCoAuthorLine(line), line).toBeNull();
      expect(parseCoAuthor(line)).toEqual(readCoAuthor(line));
    }
    const aliases = { claude: 'qwen/qwen3-coder' };
    expect(knownCoAuthorLine('Claude <noreply@anthropic.com>', aliases)).toBeNull();
    expect(parseCoAuthor('Claude <noreply@anthropic.com>', aliases)).toEqual(readCoAuthor('Claude <noreply@anthropic.com>', aliases));
  });
});

describe('letter patterns without Unicode tables for ASCII text (src/core/detect/letters.ts)', () => {
  // Every ASCII character, and words of them: the ASCII pattern and the Unicode one agree.
  const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
  const words = ['Qwen', 'QwenCoder', 'qwen3-coder', 'DeepSeek_Coder', 'claude.opus', 'gpt-4o', 'aB', 'Ab', 'AB', 'ab', 'a1B', 'x-Y_z.W', '', 'Patsy', 'PATSY', 'patsy', ...ascii];
  it.each(words)('%j', (word) => {
    expect([...word.matchAll(letterRuns(word))].map((match) => [match.index, match[0]])).toEqual([...word.matchAll(/\p{L}+/gu)].map((match) => [match.index, match[0]]));
    expect(onlyLetters(word)).toBe(/^\p{L}+$/u.test(word));
    expect(capitalised(word)).toBe(/^\p{Lu}\p{Ll}*$/u.test(word));
    expect(word.split(joints(word))).toEqual(word.split(/[-_.]|(?<=\p{Ll})(?=\p{Lu})/gu));
    expect([...word.matchAll(joints(word))].map((match) => match.index)).toEqual([...word.matchAll(/[-_.]|(?<=\p{Ll})(?=\p{Lu})/gu)].map((match) => match.index));
  });
  it('outside ASCII the Unicode patterns are used', () => {
    expect([...'ÉmileZoé'.matchAll(joints('ÉmileZoé'))].map((match) => match.index)).toEqual([5]);
    expect(capitalised('Émile')).toBe(true);
    expect(onlyLetters('Qwén')).toBe(true);
    expect([...'Qwén 3'.matchAll(letterRuns('Qwén 3'))].map((match) => match[0])).toEqual(['Qwén']);
  });
});
