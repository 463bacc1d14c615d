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
    // Each value's readings beside what they must be, compared in one toEqual (the same deep equality per value;
    // an expect per value cost ~3/4 of the test's CPU: ~17,000 of them).
    const got: unknown[] = [];
    const want: unknown[] = [];
    for (const agent of agents) {
      for (const model of models) {
        const value = `${agent}:${model}`;
        got.push([value, ownTrailerPair(value), readDeclaredValues(value)]);
        want.push([value, { agent, model }, [{ agent, model }]]);
      }
    }
    expect(got).toEqual(want);
    expect(got.length).toBe(agents.length * models.length);
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

// An admin's alias is written as the admin's tools write the name (a dated API id, Bedrock's or Vertex's id,
// a router's `:free`, a `-latest`, Claude's older word order): the general reading normalises it before
// matching, so it reads the same model's canonical id as the alias says, and so must the fast reading.
function spellings(name: string): string[] {
  const dashed = name.replace(/(\d)\.(\d)/g, '$1-$2');
  const found = [`${name}-20260115`, `${dashed}-20260115`, `${name}-2026-01-15`, `${name}-latest`, `${name}:free`, `${name}:latest`, `${name}@20260115`, `us.anthropic.${dashed}-v1:0`, `${name}-thinking`, `${name}-high`, `${name}-fp8`, `${name}-q4-k-m`, name.toUpperCase(), name.replace(/-/g, ' '), name.replace(/-/g, '_'), `ft:${name}:acme::x1`];
  const tierFirst = /^claude-(opus|sonnet|haiku)-(\d+(?:\.\d+)?)$/.exec(name);
  if (tierFirst) found.push(`claude-${tierFirst[2]}-${tierFirst[1]}`, `${tierFirst[1]}-${tierFirst[2]}`, `Claude ${tierFirst[2]} ${tierFirst[1]}`);
  return found;
}

describe('an alias spelled otherwise than the value it reads', () => {
  it('aitrail\'s own pair: with an alias of any spelling of its model (or of any run of its words), the result is the general reading\'s', () => {
    // `detect.aliases: { "claude-opus-4-6-20260115": "qwen/qwen3-coder" }` (the gateway serves Qwen under Claude's dated id):
    // `Assisted-by: claude-code:anthropic/claude-opus-4.6` names Qwen there.
    expect(parseDeclaredValues('claude-code:anthropic/claude-opus-4.6', { 'claude-opus-4-6-20260115': 'qwen/qwen3-coder' })).toEqual([{ agent: 'claude-code', model: 'qwen/qwen3-coder' }]);
    expect(parseDeclaredValues('claude-code:anthropic/claude-opus-4.6', { 'Claude 4.6 Opus': 'qwen/qwen3-coder' })).toEqual([{ agent: 'claude-code', model: 'qwen/qwen3-coder' }]);
    const differ: string[] = [];
    for (const model of models) {
      const [vendor, name] = model.includes('/') ? model.split('/') as [string, string] : ['', model];
      const value = `claude-code:${model}`;
      const words = value.split(/[:/]/);
      const keys = [...spellings(name), ...(vendor ? [`${vendor} ${name}`, `${vendor}-${name}-latest`] : []), ...words.flatMap((_, at) => words.slice(at).map((__, end) => words.slice(at, at + end + 1).join(' ')))];
      for (const key of keys) {
        const aliases = { [key]: 'acme/denied-9' };
        if (JSON.stringify(parseDeclaredValues(value, aliases)) !== JSON.stringify(readDeclaredValues(value, aliases))) differ.push(`${value} ${key}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('a model id read whole (AITRAIL_MODEL, a model key\'s value): with an alias of any spelling of its name, what the id with a space after it reads (the general reading)', () => {
    // `detect.aliases: { "claude-opus-4-6-20260115": "qwen/qwen3-coder" }`: `AI-Model: anthropic/claude-opus-4.6` names Qwen there.
    expect(canonicalModel('anthropic/claude-opus-4.6', { 'claude-opus-4-6-20260115': 'qwen/qwen3-coder' })).toBe('qwen/qwen3-coder');
    const differ: string[] = [];
    for (const id of knownModels()) {
      const name = id.slice(id.indexOf('/') + 1);
      for (const key of spellings(name)) {
        const aliases = { [key]: 'acme/denied-9' };
        if (canonicalModel(id, aliases) !== canonicalModel(`${id} `, aliases)) differ.push(`${id} ${key}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('an agent\'s own co-author line: with an alias of any spelling of any run of its words, the result is the general reading\'s', () => {
    // `detect.aliases: { "claude-latest": "z-ai/glm-4.6" }` (Claude Code at Zhipu's endpoint): Claude's own line names GLM there.
    expect(parseCoAuthor('Claude <noreply@anthropic.com>', { 'claude-latest': 'z-ai/glm-4.6' })).toEqual(readCoAuthor('Claude <noreply@anthropic.com>', { 'claude-latest': 'z-ai/glm-4.6' }));
    const differ: string[] = [];
    for (const line of signatures().coAuthorLines) {
      const words = line.toLowerCase().split(/[^a-z0-9.[\]-]+/).filter((word) => word !== '');
      const runs = new Set(words.flatMap((_, at) => words.slice(at).map((__, end) => words.slice(at, at + end + 1).join(' '))));
      for (const key of [...runs].flatMap((run) => [run, ...spellings(run), `anthropic ${run}`, `openai ${run}`])) {
        const aliases = { [key]: 'acme/denied-9' };
        if (JSON.stringify(parseCoAuthor(line, aliases)) !== JSON.stringify(readCoAuthor(line, aliases))) differ.push(`${line} ${key}`);
      }
    }
    expect(differ).toEqual([]);
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
