// Session 53 helper f (row 1085): a vendor's word beside its agent's name on a co-author line with an
// address of no agent's (`Co-authored-by: OpenAI Codex <codex@ai.local>`, a public AGENTS.md's identity for
// Codex, stored file 58277023641) read `unknown:openai/unknown`: the person's reading of the name found the
// vendor alone and stopped, so the agent was lost (log, blame and the undeclared warning named no agent),
// where the same words with no address, `AI-Agent: OpenAI Codex` and `Assisted-by: Anthropic Claude`
// (row 932), read `codex:openai/unknown`. The product's reading is now asked when the person's names no
// agent. The log block failed before the fix (declared-value.ts readCoAuthor).
import { describe, expect, it } from 'vitest';
import { expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

describe("a vendor beside its agent's name at an address of no agent's (row 1085)", () => {
  it('log names the agent with the vendor, as without the address; people and a vendor alone as before', () => {
    expectLog([
      ['fix: a\n\nCo-authored-by: OpenAI Codex <codex@ai.local>\n', ['codex:openai/unknown']],
      ['fix: b\n\nCo-authored-by: OpenAI Codex <x@example.com>\n', ['codex:openai/unknown']],
      ['fix: c\n\nCo-authored-by: Anthropic Claude <claude@example.com>\n', ['claude-code:anthropic/unknown']],
      ['fix: d\n\nCo-authored-by: Google Jules <x@example.com>\n', ['jules:google/unknown']],
      ['fix: e\n\nCo-authored-by: OpenAI Codex <noreply@openai.com>\n', ['codex:unknown']],
      ['fix: f\n\nCo-authored-by: Alibaba Qwen <x@example.com>\n', ['unknown:qwen/unknown']],
      ['fix: g\n\nCo-authored-by: Claude Martin <claude@example.com>\n', []],
      ['fix: h\n\nCo-authored-by: Codex <codex@ai.local>\n', []],
    ]);
  }, 120_000);

  it('check and pre-receive still refuse it under a deny of the vendor', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["openai/*"]\n');
    expectEachRefused(remote, work, { codex: 'fix: a\n\nCo-authored-by: OpenAI Codex <codex@ai.local>\n' }, (found) => expect([...new Set(found)]).toEqual(['openai/unknown']));
  }, 120_000);
});
