// A declared AI tool named as "<Company> <Product>" (`Assisted-by: IBM Granite`, `Cohere Command A`,
// `Baidu Comate`, `Tencent Hunyuan`) was two capitalised words, read as a person's name (curl's
// `Assisted-by: Daniel Gustafsson`); and `Command A` alone could not be read (`A` is no model word).
// The vendors' company names are vendor words in a declared value only (a person's line, a made-with
// line and a maker's tool stay no one's AI), an ordinary-word model right after its vendor's name is
// read (`Amazon Nova Pro`), and the agents these companies make read as the agent.
import { describe, expect, it } from 'vitest';
import { commitSignals } from '../../src/core/commit-signals.js';
import { detectCommit } from '../../src/core/detect.js';
import type { Identity } from '../../src/core/types.js';

const human: Identity = { name: 'Jane Doe', email: 'jane@example.com' };
function detect(message: string): string[] {
  return detectCommit(commitSignals({ message, author: human, committer: human })).map((a) => `${a.agent}:${a.model}`);
}

describe('a company and its product, declared, is that vendor (or its agent)', () => {
  it.each([
    ['Cohere Command A', 'unknown:cohere/command-a'],
    ['Command A', 'unknown:cohere/command-a'],
    ['Command A (03-2025)', 'unknown:cohere/command-a'],
    ['opencode:Command A', 'opencode:cohere/command-a'],
    ['Cohere Command R', 'unknown:cohere/command-r'],
    ['Cohere Command R Plus', 'unknown:cohere/command-r-plus'],
    ['Cohere', 'unknown:cohere/unknown'],
    ['IBM Granite', 'unknown:ibm-granite/unknown'],
    ['IBM Granite 3.3 8B', 'unknown:ibm-granite/granite-3.3-8b-instruct'],
    ['Baidu ERNIE', 'unknown:baidu/unknown'],
    ['Baidu Wenxin', 'unknown:baidu/unknown'],
    ['ByteDance Doubao', 'unknown:bytedance/unknown'],
    ['Microsoft Phi', 'unknown:microsoft/unknown'],
    ['Microsoft Phi 4', 'unknown:microsoft/phi-4'],
    ['Amazon Nova', 'unknown:amazon/unknown'],
    ['Amazon Nova Pro', 'unknown:amazon/nova-pro-v1'],
    ['AI21 Jamba', 'unknown:ai21/unknown'],
    ['Ai2 OLMo 2', 'unknown:allenai/olmo-2'],
    ['StepFun Step', 'unknown:stepfun-ai/unknown'],
    ['StepFun Step 3', 'unknown:stepfun-ai/step3'],
    ['Kwaipilot KAT', 'unknown:kwaipilot/unknown'],
    ['Kuaishou KAT-Coder', 'unknown:kwaipilot/unknown'],
    ['InclusionAI Ling', 'unknown:inclusionai/unknown'],
    ['InclusionAI Ling 1T', 'unknown:inclusionai/ling-1t'],
    ['01.AI Yi', 'unknown:01-ai/unknown'],
    ['零一万物', 'unknown:01-ai/unknown'],
    ['Shanghai AI Lab InternLM', 'unknown:internlm/unknown'],
    ['Tencent Hunyuan', 'unknown:tencent/unknown'],
    ['Xiaomi MiMo', 'unknown:xiaomi/unknown'],
    ['Meituan LongCat', 'unknown:meituan/unknown'],
    // Their agents: the agent, not the company's models (Comate, Trae and Copilot run other vendors' models too).
    ['Baidu Comate', 'comate:unknown'],
    ['Comate Zulu', 'comate:unknown'],
    ['文心快码', 'comate:unknown'],
    ['ByteDance Trae', 'trae:unknown'],
    ['MarsCode', 'trae:unknown'],
    ['Microsoft Copilot', 'copilot:unknown'],
    ['Amazon Kiro', 'kiro:unknown'],
    ['Amazon Q Developer', 'amazon-q:unknown'],
    ['Tencent CodeBuddy', 'codebuddy:unknown'],
    ['IBM Bob', 'ibm-bob:unknown'],
  ])('Assisted-by: %s → %s', (value, expected) => {
    expect(detect(`x\n\nAssisted-by: ${value}\n`)).toEqual([expected]);
  });

  it('beside a person, or a maker\'s tool that is no AI, only the AI is read', () => {
    expect(detect('x\n\nAssisted-by: Jane Doe, Cohere Command A\n')).toEqual(['unknown:cohere/command-a']);
    expect(detect('x\n\nGenerated-by: Microsoft Kiota, Claude\n')).toEqual(['claude-code:unknown']);
    expect(detect('x\n\nGenerated-by: Google protoc, qwen3-coder\n')).toEqual(['unknown:qwen/qwen3-coder']);
    expect(detect('x\n\nAssisted-by: Microsoft Phi, protoc\n')).toEqual(['unknown:microsoft/unknown']);
  });
});

describe('people, ordinary words and the companies\' other products stay no one\'s AI', () => {
  it('people named in a declared value or on a co-author line, and company names outside a declaration', () => {
    for (const message of [
      'x\n\nAssisted-by: Daniel Gustafsson\n',
      'x\n\nAssisted-by: Nova Smith\n',
      'x\n\nCo-authored-by: Nova Smith <nova@example.org>\n',
      'x\n\nCo-authored-by: Jane Doe <jane@microsoft.com>\n',
      'x\n\nCo-authored-by: Microsoft Open Source <opensource@microsoft.com>\n',
      'x\n\nCo-authored-by: Amazon Nova Pro <nova@example.org>\n',
      'x\n\nMade-with: Microsoft Visual Studio\n',
      'x\n\nMade-with: Amazon Web Services\n',
      'x\n\nBuilt-with: Tencent Cloud\n',
      'x\n\nGenerated-by: Microsoft Kiota\n',
      'x\n\nGenerated-by: Amazon Smithy\n',
      'ibm: fix\n\nRan it on IBM Cloud and Amazon EC2; Microsoft Teams call with the Cohere folks.\n',
    ]) {
      expect(detect(message), message).toEqual([]);
    }
    // An agent's whole product name on a co-author line is that agent, not a person (row 882): Baidu's agent at Baidu's address.
    expect(detect('x\n\nCo-authored-by: Baidu Comate <comate@baidu.com>\n')).toEqual(['comate:unknown']);
  });

  it("row 355's plain words are still read only where nothing but the name is meant", () => {
    expect(detect('x\n\nAssisted-by: Claude (step 3 of the plan)\n')).toEqual(['claude-code:unknown']);
    expect(detect('x\n\nAssisted-by: Cohere Step 3\n')).toEqual(['unknown:cohere/unknown']);
    expect(detect('x\n\nAssisted-by: Microsoft Nova Pro\n')).toEqual(['unknown:microsoft/unknown']);
  });
});
