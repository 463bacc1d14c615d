// Review, session 48 helper j (row 883): row 864 reads an agent named without a model with the
// model its own signatures give (`Assisted-by: Qwen Code` → `qwen-code:qwen/unknown`). Where another
// trailer names the model the agent ran (`AI-Model: gpt-4o`; the companion pair `Agent: qwen-code` /
// `Agent-Model: gpt-4o`), that default was kept beside it, so an honest Qwen Code commit on GPT-4o was
// refused under `deny: ["qwen/*"]` by check and pre-receive (before 864 it read
// `qwen-code:openai/gpt-4o` alone). This test failed before its fix (commit.ts fromTrailers, Mention.alone).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

describe('an agent named alone beside a trailer naming its model (row 883)', () => {
  it('passes a deny of the default vendor when the model named is another vendor\'s; alone it is still refused', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*", "moonshotai/*"]\n');
    expectEachPasses(work, [
      'feat: a\n\nAgent: qwen-code\nAgent-Model: gpt-4o\n',
      'feat: b\n\nAssisted-by: Qwen Code\nAI-Model: gpt-4o\n',
      'feat: c\n\nAssisted-by: Kimi Code\nAssisted-by: deepseek-v3\n',
    ]);
    expectEachRefused(remote, work, {
      alone: 'feat: d\n\nAssisted-by: Qwen Code\n',
      vendorToo: 'feat: e\n\nAgent: qwen-code\nAgent-Model: gpt-4o\nAssisted-by: Qwen\n',
      qwenModel: 'feat: f\n\nAssisted-by: Qwen Code\nAI-Model: qwen3-coder\n',
    }, (found, name) => expect(found.some((model) => model.startsWith('qwen/')), name).toBe(true));
  }, 120_000);

  it('log reads the model named, as before row 864', () => {
    expectLog([
      ['feat: a\n\nAgent: qwen-code\nAgent-Model: gpt-4o\n', ['qwen-code:openai/gpt-4o']],
      ['feat: b\n\nAssisted-by: Qwen Code\nModel: openai/gpt-4o\n', ['qwen-code:openai/gpt-4o']],
      ['feat: c\n\nAssisted-by: Qwen Code\n', ['qwen-code:qwen/unknown']],
    ]);
  });
});
