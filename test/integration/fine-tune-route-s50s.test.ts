// Session 50 helper s: final review of today's detection changes (rows 946, 947, 948, 949, 958, 959).
// row 973: row 948 read a fine-tune's whole id (`ft:<base>:<owner>:<suffix>:<id>`) as its base alone, but not
//   behind a route (LiteLLM's and aider's `openai/ft:gpt-4o:acme:qwen3-coder:abc`): read whole, that id named a
//   made-up `openai/ft` beside the owner's suffix as `qwen/unknown`, so a team denying `qwen/*` had its OpenAI
//   fine-tune refused at every layer. Fails without the fix.
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

const ROUTED = 'feat: a\n\nAI-Model: openai/ft:gpt-4o:acme:qwen3-coder:abc\n';
const ROUTED_ASSISTED = 'feat: b\n\nAssisted-by: openrouter/openai/ft:gpt-4o-mini-2024-07-18:acme:qwen:9abc\n';

describe("a fine-tune's id behind a route names its base alone (row 973)", () => {
  it('reads no made-up openai/ft and no suffix vendor; a vendor written before the id is still read', () => {
    expectLog([
      [ROUTED, ['unknown:openai/gpt-4o']],
      [ROUTED_ASSISTED, ['unknown:openai/gpt-4o-mini']],
      // Row 958 behind a route: a base the catalog does not know is still AI.
      ['feat: c\n\nAI-Model: openai/ft:davinci-002:personal::7qn4BCMz\n', ['unknown:openai/davinci-002']],
      // Row 948 as it was, without a route.
      ['feat: d\n\nAI-Model: ft:gpt-4o-mini:acme:qwen:abc\n', ['unknown:openai/gpt-4o-mini']],
    ]);
  });

  it('passes deny qwen/* and is refused by deny openai/*; Qwen written as the vendor is refused by deny qwen/*', () => {
    const { work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectEachPasses(work, [ROUTED, ROUTED_ASSISTED]);
    const denied = policyServer('policy:\n  deny: ["openai/*"]\n');
    expectEachRefused(denied.remote, denied.work, { routed: ROUTED }, (found) => expect(found).toEqual(['openai/gpt-4o']));
    const qwen = policyServer('policy:\n  deny: ["qwen/*"]\n');
    expectEachRefused(qwen.remote, qwen.work, { vendor: 'feat: e\n\nAI-Model: qwen/ft:gpt-4o:acme:x:abc\n' }, (found) => expect(found).toContain('qwen/unknown'));
  }, 180_000);
});
