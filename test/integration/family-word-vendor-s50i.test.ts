// Session 50 helper i: review of helper f's detection changes (rows 946..949).
// row 959: row 947 read `Gemini/AI <…>` as Google's account, but `Claude/AI <…>`, `Claude/Assistant <…>`,
//   `Kimi/AI <…>` were read before it as a model id of a made-up vendor (`claude/ai`, `kimi/ai`): a family's word
//   (`claude`, `kimi`, `llama`, `grok`, `gpt`) was kept as a vendor the catalog does not know, so `AI-Model: llama/my-tune`,
//   `grok/x`, `Co-authored-by: Claude/AI <…>` passed `deny: ["meta-llama/*", "x-ai/*", "anthropic/*"]`, and a person's
//   `Claude/Lee <…>` read as AI. Fails without the fix.
import { describe, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';

describe("a family's word before a slash is no vendor (row 959)", () => {
  it("reads the family's vendor, the account's name, or a person", () => {
    expectLog([
      ['fix a\n\nCo-authored-by: Claude/AI <c@example.com>\n', ['claude-ai:anthropic/unknown']],
      ['fix b\n\nCo-authored-by: Claude/Assistant <c@example.com>\n', ['claude-code:anthropic/unknown']],
      ['fix c\n\nCo-authored-by: Kimi/AI <k@example.com>\n', ['unknown:moonshotai/unknown']],
      ['fix d\n\nAI-Model: llama/my-tune\n', ['unknown:meta-llama/unknown']],
      ['fix e\n\nAI-Model: grok/x\n', ['unknown:x-ai/unknown']],
      ['fix f\n\nAI-Model: claude/foo\n', ['unknown:anthropic/unknown']],
      // As before: a vendor the catalog does not know is kept; a known model is read; a person stays a person.
      ['fix g\n\nAI-Model: acme/coder-2\n', ['unknown:acme/coder-2']],
      ['fix h\n\nAI-Model: claude/opus-4.6\n', ['unknown:anthropic/claude-opus-4.6']],
      ['fix i\n\nCo-authored-by: Claude/Lee <c@example.com>\n', []],
    ]);
  });

  it("is refused under a deny of the family's vendor by check and pre-receive; a person passes", () => {
    const { remote, work } = policyServer('policy:\n  deny: ["anthropic/*", "meta-llama/*", "x-ai/*", "moonshotai/*"]\n');
    expectEachRefused(remote, work, {
      claude: 'feat: a\n\nCo-authored-by: Claude/AI <c@example.com>\n',
      kimi: 'feat: b\n\nCo-authored-by: Kimi/AI <k@example.com>\n',
      llama: 'feat: c\n\nAI-Model: llama/my-tune\n',
      grok: 'feat: d\n\nAI-Model: grok/x\n',
    });
    expectEachPasses(work, ['feat: e\n\nCo-authored-by: Claude/Lee <c@example.com>\n']);
  }, 180_000);
});
