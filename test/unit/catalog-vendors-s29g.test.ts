// The catalog's Chinese and Western vendors beyond the sixteen it knew (ByteDance, Baidu, StepFun,
// Kwaipilot, inclusionAI, 01.AI, InternLM; Amazon, Microsoft, IBM, Cohere, AI21, AllenAI): their
// models as agents declare them read as `vendor/model`, so a vendor's deny matches; the ordinary
// words in those names (`step`, `phi`, `nova`, `command`, `seed`, `ling`) stay a person's prose.
import { describe, expect, it } from 'vitest';
import { canonicalModel, knownVendors } from '../../src/core/catalog.js';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectCommit } from '../../src/core/detect.js';
import { modelMatcher } from '../../src/core/policy/glob-matcher.js';
import type { Identity } from '../../src/core/types.js';

type Case = readonly [input: string, expected: string];

const chinese: Case[] = [
  ['doubao-seed-code', 'bytedance/doubao-seed-code'],
  ['doubao-seed-code-preview-251028', 'bytedance/doubao-seed-code'],
  ['doubao-seed-1.6', 'bytedance/seed-1.6'],
  ['doubao-seed-1-6-250615', 'bytedance/seed-1.6'],
  ['doubao-seed-1-6-flash-250828', 'bytedance/seed-1.6-flash'],
  ['doubao-seed-1-6-thinking-250715', 'bytedance/seed-1.6-thinking'],
  ['volcengine/doubao-seed-1-6-250615', 'bytedance/seed-1.6'],
  ['openrouter/bytedance-seed/seed-1.6', 'bytedance/seed-1.6'],
  ['bytedance-seed/Seed-OSS-36B-Instruct', 'bytedance/seed-oss-36b-instruct'],
  ['seed-coder-8b', 'bytedance/seed-coder-8b-instruct'],
  ['ByteDance-Seed/Seed-Coder-8B-Instruct', 'bytedance/seed-coder-8b-instruct'],
  ['ernie-4.5-turbo', 'baidu/ernie-4.5-turbo'],
  ['ernie-4.5-turbo-128k', 'baidu/ernie-4.5-turbo'],
  ['ernie-x1', 'baidu/ernie-x1'],
  ['ernie-x1-turbo-32k', 'baidu/ernie-x1-turbo'],
  ['openrouter/baidu/ernie-4.5-300b-a47b', 'baidu/ernie-4.5-300b-a47b'],
  ['baidu/ERNIE-4.5-21B-A3B-PT', 'baidu/ernie-4.5-21b-a3b'],
  ['step-3', 'stepfun-ai/step3'],
  ['openrouter/stepfun-ai/step3', 'stepfun-ai/step3'],
  ['kat-coder-pro', 'kwaipilot/kat-coder-pro'],
  ['openrouter/kwaipilot/kat-coder-pro:free', 'kwaipilot/kat-coder-pro'],
  ['ling-1t', 'inclusionai/ling-1t'],
  ['inclusionAI/Ling-1T', 'inclusionai/ling-1t'],
  ['yi-coder-9b', '01-ai/yi-coder-9b'],
  ['01-ai/Yi-Coder-9B-Chat', '01-ai/yi-coder-9b'],
  ['ollama/yi-coder:9b', '01-ai/yi-coder-9b'],
  ['internlm3-8b', 'internlm/internlm3-8b-instruct'],
  ['internlm/internlm3-8b-instruct', 'internlm/internlm3-8b-instruct'],
];

const western: Case[] = [
  ['nova-pro', 'amazon/nova-pro-v1'],
  ['bedrock/amazon.nova-pro-v1:0', 'amazon/nova-pro-v1'],
  ['bedrock/us.amazon.nova-pro-v1:0', 'amazon/nova-pro-v1'],
  ['openrouter/amazon/nova-pro-v1', 'amazon/nova-pro-v1'],
  ['phi-4', 'microsoft/phi-4'],
  ['ollama/phi4:14b', 'microsoft/phi-4'],
  ['granite-3.3-8b', 'ibm-granite/granite-3.3-8b-instruct'],
  ['ollama/granite3.3:8b', 'ibm-granite/granite-3.3-8b-instruct'],
  ['command-a-03-2025', 'cohere/command-a'],
  ['bedrock/cohere.command-r-plus-v1:0', 'cohere/command-r-plus'],
  ['jamba-1.7-large', 'ai21/jamba-large-1.7'],
  ['bedrock/ai21.jamba-1-5-large-v1:0', 'ai21/jamba-1.5-large'],
  ['olmo-2-32b', 'allenai/olmo-2-0325-32b-instruct'],
  ['allenai/OLMo-2-0325-32B-Instruct', 'allenai/olmo-2-0325-32b-instruct'],
];

describe('catalog: vendors the catalog did not know read as vendor/model', () => {
  it.each([...chinese, ...western])('%s → %s', (input, expected) => {
    expect(canonicalModel(input, {}, { isModel: true })).toBe(expected);
  });

  it('knows each vendor, and a new versioned member of a distinctive family', () => {
    for (const vendor of ['bytedance', 'baidu', 'stepfun-ai', 'kwaipilot', 'inclusionai', '01-ai', 'internlm', 'amazon', 'microsoft', 'ibm-granite', 'cohere', 'ai21', 'allenai']) {
      expect(knownVendors()).toContain(vendor);
    }
    expect(canonicalModel('doubao-seed-2.0-pro', {}, { isModel: true })).toBe('bytedance/doubao-seed-2.0-pro');
    expect(canonicalModel('ernie-5.0', {}, { isModel: true })).toBe('baidu/ernie-5.0');
    // A glob naming the vendor as OpenRouter's other id does (`bytedance-seed/`) is the vendor's.
    expect(modelMatcher(['bytedance-seed/*'])('bytedance/doubao-seed-code')).toBe('bytedance-seed/*');
  });

  it('an ordinary word alone, or with a number it does not name a model with, is no model', () => {
    for (const word of ['step', 'ling', 'yi', 'nova', 'phi', 'command', 'granite', 'seed', 'spark', 'jamba', 'ernie', 'doubao', 'step 4', 'seed 42', 'phi-4 support', 'Ernie Banks']) {
      expect(canonicalModel(word), word).toBeNull();
    }
  });
});

const human: Identity = { name: 'Jane Doe', email: 'jane@example.com' };
function detect(message: string): string[] {
  return detectCommit(commitSignals({ message, author: human, committer: human })).map((a) => `${a.agent}:${a.model}`);
}

describe('detectCommit: these names only where a model is declared', () => {
  it('a declared model names its vendor', () => {
    expect(detect('x\n\nAssisted-by: opencode:doubao-seed-code\n')).toEqual(['opencode:bytedance/doubao-seed-code']);
    expect(detect('x\n\nAssisted-by: aider:ernie-x1\n')).toEqual(['aider:baidu/ernie-x1']);
    expect(detect('x\n\nAssisted-by: aider:bedrock/us.amazon.nova-pro-v1:0\n')).toEqual(['aider:amazon/nova-pro-v1']);
    // A plain-word name written with spaces is read as all of a declared value or pair.
    expect(detect('x\n\nAssisted-by: Nova Pro\n')).toEqual(['unknown:amazon/nova-pro-v1']);
    expect(detect('x\n\nAssisted-by: opencode:Step 3\n')).toEqual(['opencode:stepfun-ai/step3']);
    expect(detect('x\n\nCo-authored-by: phi-4 <bot@example.com>\n')).toEqual(['unknown:microsoft/phi-4']);
  });

  it('a plain-word name inside more words of a declared value is not read', () => {
    expect(detect('x\n\nAssisted-by: Claude (step 3 of the plan)\n')).toEqual(['claude-code:unknown']);
    expect(detect('x\n\nAssisted-by: Claude Code (step 3)\n')).toEqual(['claude-code:unknown']);
  });

  it("a person's subject and body with these words stay a person's", () => {
    for (const message of [
      'step 3: add phi-4 support\n',
      'nova pro: command a retries\n\nStep 3 of the plan: seed 42, ling 1t export, yi coder 9b fixture, granite 3.3 8b,\njamba 1.7 large and olmo 2 32b docs; ernie x1 parser.\n',
      'Phi-4 support\n\nCo-authored-by: Nova Pro <nova@example.com>\n',
      'x\n\nCo-authored-by: Qwen Yi <qwen.yi@example.com>\nCo-authored-by: Ernie Banks <ernie@example.com>\n',
    ]) {
      expect(detect(message), message).toEqual([]);
    }
  });
});
