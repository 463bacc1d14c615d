import { describe, expect, it } from 'vitest';
import corpus from '../fixtures/attribution-corpus.json' with { type: 'json' };
import holdout from '../fixtures/attribution-holdout.json' with { type: 'json' };
import { fromText } from '../../src/core/detect/commit.js';
import { lineLower, mayMatchLine, signatures } from '../../src/core/detect/signatures.js';
import { requiredTextSets } from '../../src/install/required-text.js';
import { signatureFlags } from '../../src/core/detect/pattern-flags.js';
import signatureData from '../../src/core/data/signatures.json' with { type: 'json' };

type Entry = { message: string };

/** Every agent's footer line a commit of Claude Code carries (its co-author line is a trailer, read elsewhere). */
const CLAUDE_FOOTERS = ['\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)', 'Generated with [Claude Code](https://claude.ai/code)', '[AI] Generated with [Claude Code](https://docs.anthropic.com/s/claude-code)'];

/** Lines that hold a footer's first text (`generated with `) and match another agent's footer. */
const OTHER_FOOTERS = [
  '\u{1F916} Generated with [Qwen Code](https://github.com/QwenLM/qwen-code)',
  'Generated with Qwen Code v0.0.14',
  '\u{1F916} Generated with Qwen Code (12% 3-shotted by qwen3-coder-plus)',
  '\u{1F916} Generated with Codebuff \u{1F916}',
  'Generated with Freebuff',
];

describe('a footer holding another signature\'s first text compiles no more expressions (speed only: the same detections)', () => {
  it('Claude Code\'s footer passes the texts check of no other agent\'s footer signature', () => {
    for (const footer of CLAUDE_FOOTERS) {
      const lower = lineLower(footer.replace(/^\u{1F916} /u, ''));
      const passing = signatures().bodyLines.filter((body) => body.agent !== 'claude-code' && body.agent !== '*' && mayMatchLine(body, lower));
      expect(passing.map((body) => body.agent), footer).toEqual([]);
    }
  });

  it('the further texts are each implied by the expression: every match holds one of each set, over the corpora, the agents\' footers and near misses', () => {
    const lines = new Set<string>([...CLAUDE_FOOTERS, ...OTHER_FOOTERS]);
    for (const entry of [...(corpus as unknown as { entries: Entry[] }).entries, ...(holdout as unknown as { entries: Entry[] }).entries]) for (const line of entry.message.split(/\r?\n/)) lines.add(line);
    const all = [...signatures().subjects, ...signatures().bodyLines];
    // Generated cases: each signature's texts and further texts joined, then each further text dropped, changed by a letter, or in another case.
    for (const signature of all) {
      for (const set of signature.alsoTexts ?? []) {
        for (const text of set) {
          for (const line of [...lines]) if (line.toLowerCase().includes(text)) lines.add(line.replace(new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'), (hit) => hit.slice(0, -1))).add(line.toUpperCase()).add(line.replace(/s/g, '\u017f'));
          for (const first of signature.texts ?? []) lines.add(`${first}${text}`).add(`${first} ${text}`).add(`${first}${text.slice(1)}`);
        }
      }
    }
    let matched = 0;
    for (const line of lines) {
      const lower = lineLower(line);
      for (const signature of all) {
        if (!signature.pattern.test(line)) continue;
        matched += 1;
        expect(mayMatchLine(signature, lower), `${signature.agent}: ${JSON.stringify(line)}`).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(200);
    // And the whole messages read the same with and without the texts checks.
    for (const message of [...CLAUDE_FOOTERS, ...OTHER_FOOTERS].map((line) => `Fix it\n\n${line}\n`)) expect(fromText({ subject: 'Fix it', message })).toEqual(fromText({ subject: 'Fix it', message }, false));
  });

  it('reads Qwen Code\'s and Codebuff\'s footers for their own names, and the sets of a pattern with a top-level alternative as one', () => {
    const qwen = signatures().bodyLines.find((body) => body.agent === 'qwen-code')!;
    expect(qwen.texts).toEqual(['generated with ']);
    expect(qwen.alsoTexts).toEqual([['[qwen code]', 'qwen code']]);
    expect(signatures().bodyLines.find((body) => body.agent === 'codebuff')!.alsoTexts).toEqual([['codebuff', 'freebuff']]);
    expect(requiredTextSets('^abc(?:def|ghi)x+yz$')).toEqual([['abc'], ['def', 'ghi']]);
    expect(requiredTextSets('^abcd|efgh$')).toEqual([['abcd', 'efgh']]);
    expect(requiredTextSets('^ab(?:cd)?')).toEqual([]);
  });
});

/** signatureFlags as it was written with regular expressions (each compiled by every agent's hook that ran a signature). */
function flagsByRegExp(source: string): 'iu' | 'u' {
  for (let at = 0; at < source.length; at += 1) {
    const char = source[at]!;
    if (char === '\\') {
      const escaped = source[at + 1];
      at += 1;
      if (escaped === undefined || (/[A-Za-z0-9]/.test(escaped) && !/[sSdD]/.test(escaped))) return 'iu';
      if (!/[\x20-\x7e]/.test(escaped)) return 'iu';
      continue;
    }
    if (char === '[' || char === ']' || !/[\x20-\x7e]/.test(char) || /[A-Za-z]/.test(char)) return 'iu';
  }
  return 'u';
}

describe('signatureFlags reads character codes, with the same answers', () => {
  it('as the regular expressions gave, for every signature and every character alone, escaped and between others', () => {
    const data = signatureData as unknown as { env: { when: Record<string, string> }[]; identities: { name?: string; email?: string }[]; subjects: { pattern: string }[]; bodyLines: { pattern: string }[] };
    const sources = [...data.env.flatMap((entry) => Object.values(entry.when)), ...data.identities.flatMap((entry) => [entry.name ?? '', entry.email ?? '']), ...[...data.subjects, ...data.bodyLines].map((entry) => entry.pattern), '', '\\'];
    for (let code = 0; code < 0x2200; code += 1) {
      const char = String.fromCharCode(code);
      sources.push(char, `\\${char}`, `^1${char}$`, `\\s${char}\\d`, `${char}\\`);
    }
    sources.push('\u{1F916}', '\\\u{1F916}', '\ud83e', '\\\ud83e');
    let u = 0;
    for (const source of sources) {
      expect(signatureFlags(source), JSON.stringify(source)).toBe(flagsByRegExp(source));
      if (signatureFlags(source) === 'u') u += 1;
    }
    expect(u).toBeGreaterThan(50);
  });
});
