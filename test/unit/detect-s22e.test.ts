import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/attribution-corpus.json' with { type: 'json' };
import holdout from '../fixtures/attribution-holdout.json' with { type: 'json' };
import { detectCommit } from '../../src/core/detect/commit.js';
import { modelNamedAuthor, parseCoAuthor } from '../../src/core/detect/declared-value.js';
import { modelAuthorTexts } from '../../src/install/fast-path-signals.js';
import type { CommitSignals, Identity } from '../../src/core/types.js';

type Entry = { id: string; author: Identity; committer?: Identity; message: string; label?: { ai?: boolean } };

const read = (author: Identity, message = 'Fix the parser\n') => {
  const signals: CommitSignals = { subject: message.split('\n')[0] ?? '', message, author, committer: author, trailers: [] };
  return detectCommit(signals).map((a) => `${a.agent}:${a.model}`);
};

/** Authors named exactly as a model, at addresses no agent's signature knows (row 257). */
const MODEL_AUTHORS: [Identity, string][] = [
  [{ name: 'Qwen3-Coder', email: 'qwen3-coder@example.com' }, 'unknown:qwen/qwen3-coder'],
  [{ name: 'DeepSeek-V3', email: 'bot@corp.example' }, 'unknown:deepseek/deepseek-v3'],
  [{ name: 'GPT-5', email: 'gpt5@internal.example' }, 'unknown:openai/gpt-5'],
  [{ name: 'Claude Opus 4.5', email: 'ai@company.example' }, 'unknown:anthropic/claude-opus-4.5'],
  [{ name: 'Gemini 2.5 Pro', email: 'gemini@team.example' }, 'unknown:google/gemini-2.5-pro'],
  [{ name: 'qwen/qwen3-coder', email: 'ci@corp.example' }, 'unknown:qwen/qwen3-coder'],
  [{ name: 'Anthropic: Claude Sonnet 4.5', email: 'ci@corp.example' }, 'unknown:anthropic/claude-sonnet-4.5'],
  [{ name: 'Kimi K2', email: 'ci@corp.example' }, 'unknown:moonshotai/kimi-k2'],
  [{ name: 'GLM-4.6', email: 'ci@corp.example' }, 'unknown:z-ai/glm-4.6'],
  [{ name: 'Qwen3-Coder (bot)', email: 'ci@corp.example' }, 'unknown:qwen/qwen3-coder'],
  // Fullwidth letters fold (NFKC), as everywhere else.
  [{ name: 'Ｑｗｅｎ３-Coder', email: 'ci@corp.example' }, 'unknown:qwen/qwen3-coder'],
];

/** People: a model's or a vendor's word in a person's name, a login with a number, a model inside a person's name. */
const PEOPLE: Identity[] = [
  { name: 'Gemini Smith', email: 'gemini.smith@example.com' },
  { name: 'Claude Martin', email: 'claude.martin@example.fr' },
  { name: 'Claude', email: 'claude@dupont.fr' },
  { name: 'Grok', email: 'grok@example.com' },
  { name: 'grokfan', email: 'grokfan@example.com' },
  { name: 'grok42', email: '42+grok42@users.noreply.github.com' },
  { name: 'claude99', email: 'claude99@example.com' },
  { name: 'Gemini 1985', email: 'gemini1985@example.com' },
  { name: 'kimi2', email: 'kimi2@example.com' },
  { name: 'Opus Team', email: 'opus@example.com' },
  { name: 'Sonnet', email: 'poet@example.com' },
  { name: 'Sonnet Jones 2', email: 'sj@example.com' },
  { name: 'Claude Martin 2', email: 'cm2@example.com' },
  { name: 'Jane Doe (gpt-5)', email: 'jane@example.com' },
  { name: 'GPT-5 Fan', email: 'fan@example.com' },
  { name: 'Llama 3 Team', email: 'team@example.com' },
  { name: 'o3', email: 'o3@example.com' },
  { name: 'Codex 2', email: 'codex2@example.com' },
  { name: 'Composer 2', email: 'composer@example.com' },
  { name: 'Mimosa 2', email: 'mimosa@example.com' },
  { name: 'Qwen Li', email: 'qwen.li@example.com' },
];

describe('row 257: an author named exactly as a model', () => {
  it('is read as that model, as the same identity on a co-author line is', () => {
    for (const [author, expected] of MODEL_AUTHORS) {
      expect(read(author), author.name).toEqual([expected]);
      const coAuthor = parseCoAuthor(`${author.name} <${author.email}>`).map((m) => `${m.agent}:${m.model}`);
      expect(coAuthor, `co-author ${author.name}`).toEqual([expected]);
    }
  });

  it('a person stays a person: names with a model\'s word, a number, or a model inside them', () => {
    for (const person of PEOPLE) expect(read(person), person.name).toEqual([]);
  });

  it('no author or committer of the corpus and the holdout changes its verdict; only names labelled AI are read as a model', () => {
    const entries = [...(corpus as unknown as { entries: Entry[] }).entries, ...(holdout as unknown as { entries: Entry[] }).entries];
    expect(entries.length).toBeGreaterThan(500);
    const people: string[] = [];
    for (const entry of entries) {
      for (const identity of [entry.author, entry.committer]) {
        if (!identity) continue;
        if (modelNamedAuthor(identity.name).length > 0 && entry.label?.ai !== true) people.push(`${entry.id}: ${identity.name}`);
      }
    }
    expect(people).toEqual([]);
  });

  it('the generated texts are modelAuthorTexts(), and every model author holds one and a digit (what the shims look for)', () => {
    const generated = JSON.parse(readFileSync(new URL('../../src/core/data/fast-path-texts.generated.json', import.meta.url), 'utf8')) as { modelAuthor: string[] };
    expect(generated.modelAuthor).toEqual(modelAuthorTexts());
    expect(generated.modelAuthor).toEqual(expect.arrayContaining(['qwen', 'gpt', 'claude', 'gemini', 'deepseek', 'kimi', 'glm', 'grok']));
    for (const [author] of MODEL_AUTHORS.filter(([a]) => /^[\x20-\x7e]*$/.test(a.name))) {
      const lower = author.name.toLowerCase();
      expect(/\d/.test(lower) && generated.modelAuthor.some((text) => lower.includes(text)), author.name).toBe(true);
    }
  });
});
