// The catalog's new vendors (row 354) named by a family word without a model (`Assisted-by: Doubao`)
// read as the vendor's unknown model, so a deny of the vendor matches; a person with such a first
// name (`Ernie`, `Olmo`) stays a person. Volcengine ark's dated ids of models it hosts for their own
// vendor (`deepseek-v3-1-250821`) read as that vendor's model.
import { describe, expect, it } from 'vitest';
import { canonicalModel } from '../../src/core/catalog.js';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectCommit } from '../../src/core/detect.js';
import type { Identity } from '../../src/core/types.js';

const human: Identity = { name: 'Jane Doe', email: 'jane@example.com' };
function detect(message: string): string[] {
  return detectCommit(commitSignals({ message, author: human, committer: human })).map((a) => `${a.agent}:${a.model}`);
}

describe('vendorWords: a family word of the new vendors names its vendor', () => {
  it.each([
    ['Doubao', 'unknown:bytedance/unknown'],
    ['豆包', 'unknown:bytedance/unknown'],
    ['opencode:ernie', 'opencode:baidu/unknown'],
    ['ERNIE', 'unknown:baidu/unknown'],
    ['文心一言', 'unknown:baidu/unknown'],
    ['opencode:KAT-Coder', 'opencode:kwaipilot/unknown'],
    ['InternLM', 'unknown:internlm/unknown'],
    ['aider:Jamba', 'aider:ai21/unknown'],
    ['OLMo', 'unknown:allenai/unknown'],
  ])('Assisted-by: %s → %s', (value, expected) => {
    expect(detect(`x\n\nAssisted-by: ${value}\n`)).toEqual([expected]);
  });

  it("a person's co-author line with such a first name, and a person's prose, name no AI", () => {
    for (const message of [
      'x\n\nCo-authored-by: Ernie <ernie@example.org>\n',
      'x\n\nCo-authored-by: Ernie Smith <ernie@example.org>\nCo-authored-by: Olmo Rossi <olmo@example.org>\n',
      'x\n\nCo-authored-by: Jamba <jamba@example.org>\n',
      'ernie: fix parser\n\nThanks Ernie for the review; the Doubao app and Jamba juice, olmo and internlm docs.\n',
    ]) {
      expect(detect(message), message).toEqual([]);
    }
  });

  it('ordinary words of the new vendors stay no vendor words', () => {
    for (const value of ['step', 'phi', 'nova', 'command', 'granite', 'yi', 'ling', 'seed']) {
      expect(detect(`x\n\nAssisted-by: ${value}\n`), value).toEqual(['unknown:unknown']);
    }
  });
});

describe("Volcengine ark's dated ids of other vendors' models", () => {
  it.each([
    ['deepseek-v3-1-250821', 'deepseek/deepseek-v3.1'],
    ['volcengine/deepseek-v3-1-250821', 'deepseek/deepseek-v3.1'],
    ['deepseek-r1-250528', 'deepseek/deepseek-r1-0528'],
    ['ark/DeepSeek-R1-250528', 'deepseek/deepseek-r1-0528'],
    ['deepseek-r1-250120', 'deepseek/deepseek-r1'],
    ['deepseek-v3-250324', 'deepseek/deepseek-v3-0324'],
    ['deepseek-v3-241226', 'deepseek/deepseek-v3'],
    ['deepseek-v3-2-251201', 'deepseek/deepseek-v3.2'],
    ['kimi-k2-250711', 'moonshotai/kimi-k2'],
    ['kimi-k2-250905', 'moonshotai/kimi-k2-0905'],
    ['kimi-k2-thinking-251104', 'moonshotai/kimi-k2-thinking'],
    ['kimi-k2-5-260127', 'moonshotai/kimi-k2.5'],
    ['glm-4-7-251222', 'z-ai/glm-4.7'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalModel(input, {}, { isModel: true })).toBe(expected);
  });

  it('other dated and numbered ids keep their reading', () => {
    for (const [input, expected] of [
      ['deepseek-r1-0528', 'deepseek/deepseek-r1-0528'],
      ['kimi-k2-0711-preview', 'moonshotai/kimi-k2'],
      ['claude-sonnet-4-20250514', 'anthropic/claude-sonnet-4'],
      ['qwen3-235b-a22b-instruct-2507', 'qwen/qwen3-235b-a22b-2507'],
      ['doubao-seed-1-6-250615', 'bytedance/seed-1.6'],
      // Six digits that are no ark date (month 34) are not read as one.
      ['deepseek-v3-123456', 'deepseek/deepseek-v3-123456'],
    ] as const) {
      expect(canonicalModel(input, {}, { isModel: true }), input).toBe(expected);
    }
  });
});
