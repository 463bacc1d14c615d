// Declared values and co-author lines that read as another model than the one named, or as AI where
// people were named: `Allen AI` was `unknown:unknown`, `Cohere Command R+` was `command-r` (the `+` cut
// as a list's), `Claude, step 3` was StepFun's, `Tencent Cloud team` a vendor's AI, and a known model
// followed by one word became a new model of its vendor (`Claude Sonnet 4.5 refactor` was
// `anthropic/claude-sonnet-4.5-refactor`, past a deny of `anthropic/claude-sonnet-4.5`).
import { describe, expect, it } from 'vitest';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectCommit } from '../../src/core/detect.js';
import type { Identity } from '../../src/core/types.js';

const human: Identity = { name: 'Jane Doe', email: 'jane@example.com' };
function detect(message: string): string[] {
  return detectCommit(commitSignals({ message, author: human, committer: human })).map((a) => `${a.agent}:${a.model}`);
}
const declared = (value: string) => detect(`x\n\nAssisted-by: ${value}\n`);

describe('a declared model is read as the model named', () => {
  it.each([
    // Allen AI (Ai2) makes OLMo and Tülu: its name written in two words is the vendor.
    ['Allen AI', 'unknown:allenai/unknown'],
    ['Allen AI OLMo 2', 'unknown:allenai/olmo-2'],
    ['AI2 OLMo 2', 'unknown:allenai/olmo-2'],
    ['OLMo-2-32B', 'unknown:allenai/olmo-2-0325-32b-instruct'],
    ['allenai/olmo-2', 'unknown:allenai/olmo-2'],
    ['allenai/Llama-3.1-Tulu-3-8B', 'unknown:allenai/llama-3.1-tulu-3-8b'],
    ['tulu3:70b', 'unknown:allenai/llama-3.1-tulu-3-70b'],
    ['Tulu 3', 'unknown:allenai/tulu-3'],
    // Cohere's `R+` is `command-r-plus`, not a list of `Command R` and nothing.
    ['Cohere Command R+', 'unknown:cohere/command-r-plus'],
    ['Command R+', 'unknown:cohere/command-r-plus'],
    ['command-r+', 'unknown:cohere/command-r-plus'],
    ['Command R+ (08-2024)', 'unknown:cohere/command-r-plus'],
    ['Cohere Command R+ 08-2024', 'unknown:cohere/command-r-plus-08-2024'],
    ['Command R7B', 'unknown:cohere/command-r7b-12-2024'],
    ['command-a-03-2025', 'unknown:cohere/command-a'],
    ['Command A Vision', 'unknown:cohere/command-a-vision'],
    ['c4ai-command-r-plus', 'unknown:cohere/command-r-plus'],
    ['CohereForAI/c4ai-command-r-plus-08-2024', 'unknown:cohere/command-r-plus-08-2024'],
    ['CohereLabs/c4ai-command-a-03-2025', 'unknown:cohere/command-a'],
    ['c4ai-command-r-v01', 'unknown:cohere/command-r'],
    ['Granite Code 34B', 'unknown:ibm-granite/granite-34b-code-instruct'],
    ['Microsoft Phi-4 reasoning', 'unknown:microsoft/phi-4-reasoning'],
    // A known model then one word: the model, not a new one of its vendor.
    ['Claude Sonnet 4.5 refactor', 'unknown:anthropic/claude-sonnet-4.5'],
    ['Claude Opus 4.5 suggestions', 'unknown:anthropic/claude-opus-4.5'],
    ['GPT-5 Review', 'unknown:openai/gpt-5'],
    ['Gemini 2.5 Pro helped', 'unknown:google/gemini-2.5-pro'],
    ['GPT-5.6 review', 'unknown:openai/gpt-5.6'],
    ['Qwen3 Team', 'unknown:qwen/qwen3'],
    // A new model's capitalised variant name is still read (as `GPT-5.6 Luna` is).
    ['GPT-5.6 Zephyr', 'unknown:openai/gpt-5.6-zephyr'],
  ])('Assisted-by: %s → %s', (value, expected) => {
    expect(declared(value)).toEqual([expected]);
  });
});

describe("a plan's step beside a named model is no model", () => {
  it.each([
    ['Claude, step 3', 'claude-code:unknown'],
    ['step 3, Claude', 'claude-code:unknown'],
    ['Codex, step 3', 'codex:unknown'],
    ['Qwen3-Coder; seed 42', 'unknown:qwen/qwen3-coder'],
    ['Gemini, phi 4', 'gemini-cli:unknown'],
    // Alone, or beside an agent that names no maker, or with its vendor or as one word, it is still the model.
    ['Step 3', 'unknown:stepfun-ai/step3'],
    ['opencode, step 3', 'opencode:stepfun-ai/step3'],
    ['Claude, step-3', 'claude-code:stepfun-ai/step3'],
    ['Claude, StepFun Step 3', 'claude-code:stepfun-ai/step3'],
    ['Claude, Command A', 'claude-code:cohere/command-a'],
  ])('Assisted-by: %s → %s', (value, expected) => {
    expect(declared(value)).toEqual([expected]);
  });
});

describe("a company's team of people is people", () => {
  it('declared teams of a company whose name is written for much else are no AI', () => {
    for (const value of ['Tencent Cloud team', 'the Tencent Cloud team', 'Google Cloud team', 'Microsoft Research team', 'Baidu team', 'Ai2 team', 'Daniel Stenberg, Tencent Cloud team', 'Jane Doe, Xiaomi Security folks', 'Amazon Web Services folks']) {
      expect(declared(value), value).toEqual([]);
    }
    expect(detect('x\n\nGenerated-by: Tencent Cloud team\n')).toEqual([]);
  });

  it('a team named after a model, an agent or an AI lab, or a company alone, is still that AI', () => {
    expect(declared('Tencent Cloud')).toEqual(['unknown:tencent/unknown']);
    expect(declared('Tencent Hunyuan team')).toEqual(['unknown:tencent/unknown']);
    expect(declared('IBM Granite team')).toEqual(['unknown:ibm-granite/unknown']);
    expect(declared('Tencent AI Lab team')).toEqual(['unknown:tencent/unknown']);
    expect(declared('Qwen Team')).toEqual(['unknown:qwen/unknown']);
    expect(declared('OpenAI team')).toEqual(['unknown:openai/unknown']);
    expect(declared('Microsoft Copilot team')).toEqual(['copilot:unknown']);
    expect(declared('Tencent CodeBuddy team')).toEqual(['codebuddy:unknown']);
    // Under a key that names AI, a team is a product's name, as one person's name is.
    expect(detect('x\n\nAI-Assistant: Tencent Cloud team\n')).toEqual(['unknown:tencent/unknown']);
  });
});

describe('people named like models stay people', () => {
  it('co-author lines, reviewers and declared names', () => {
    for (const message of [
      'x\n\nCo-authored-by: Gemini Smith <gemini.smith@example.org>\n',
      'x\n\nCo-authored-by: Claude Monet <c@x.org>\n',
      'x\n\nReviewed-by: Nova Lee <nova@example.org>\n',
      'x\n\nCo-authored-by: Allen Ai <allen.ai@example.com>\n',
      'x\n\nCo-authored-by: Tulu Singh <tulu@example.in>\n',
      'x\n\nReviewed-by: Sonnet Jones <sonnet@example.com>\n',
      'x\n\nAcked-by: Opus Fischer <opus@example.at>\n',
      'x\n\nAssisted-by: Allen Smith\n',
      'x\n\nAssisted-by: Step Hanson\n',
      'x\n\nHelped-by: Tencent Cloud team\n',
      'fix: grok the parser\n\nA sonnet, an opus and a haiku walk into step 3 of the plan.\n',
    ]) {
      expect(detect(message), message).toEqual([]);
    }
  });
});
