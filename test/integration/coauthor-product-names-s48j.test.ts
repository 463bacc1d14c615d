// Review, session 48 helper j (row 882): a product's or model family's name on a co-author line,
// at an address of no agent's, read as a person's because its first word is also a first name
// (personNames: `Claude`, `Kimi`, `Gemini`). `Co-authored-by: Kimi Code <bot@example.com>`, `Gemini
// Pro <…>`, `Claude Opus <…>`, `Claude Sonnet <…>` read as no AI at all, so `check` and pre-receive
// passed them under a deny of their vendor, while `Qwen Code <…>` and `Claude Opus 4.6 <…>` were
// refused. This test failed before its fix (mentions.ts productNamed, declared-value.ts productName).
// People whose later word is a name stay people (`Claude Dupont`, `Kimi Raikkonen`).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';

const MODELS: Record<string, string> = { kimiCode: 'moonshotai/unknown', geminiPro: 'google/gemini-pro', claudeOpus: 'anthropic/claude-opus', claudeSonnet: 'anthropic/claude-sonnet' };

describe("a product's name on a co-author line whose first word is a first name (row 882)", () => {
  it('is refused under a deny of its vendor by check and pre-receive; people keep their names', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["moonshotai/*", "google/*", "anthropic/*"]\n');
    expectEachRefused(remote, work, {
      kimiCode: 'feat: a\n\nCo-authored-by: Kimi Code <bot@example.com>\n',
      geminiPro: 'feat: b\n\nCo-authored-by: Gemini Pro <bot@example.com>\n',
      claudeOpus: 'feat: c\n\nCo-authored-by: Claude Opus <bot@example.com>\n',
      claudeSonnet: 'feat: d\n\nCo-Authored-By: Claude Sonnet <agent@example.org>\n',
    }, (found, name) => expect(found, name).toContain(MODELS[name]));
    expectEachPasses(work, [
      'feat: e\n\nCo-authored-by: Claude Dupont <claude@example.com>\n',
      'feat: f\n\nCo-authored-by: Kimi Raikkonen <kimi@example.com>\n',
      'feat: g\n\nCo-authored-by: Claude <claude@example.com>\n',
      'feat: h\n\nCo-authored-by: Google Cloud <cloud@example.com>\n',
    ]);
  }, 120_000);

  it('log names the agent or family a product name gives, and no one for a person', () => {
    expectLog([
      ['feat: a\n\nCo-authored-by: Kimi Code <bot@example.com>\n', ['kimi-code:moonshotai/unknown']],
      ['feat: b\n\nCo-authored-by: Gemini Pro <bot@example.com>\n', ['unknown:google/gemini-pro']],
      ['feat: c\n\nCo-authored-by: Claude Opus <bot@example.com>\n', ['unknown:anthropic/claude-opus']],
      ['feat: d\n\nCo-authored-by: Claude Code <bot@example.com>\n', ['claude-code:unknown']],
      ['feat: e\n\nCo-authored-by: Gemini CLI <bot@example.com>\n', ['gemini-cli:unknown']],
      ['feat: f\n\nCo-authored-by: Claude Dupont <claude@example.com>\n', []],
      ['feat: g\n\nCo-authored-by: Devin Booker <devin@example.com>\n', []],
      ['feat: h\n\nCo-authored-by: Mistral AI <team@example.com>\n', []],
      ['feat: i\n\nCo-authored-by: Claude van Damme <c@example.com>\n', []],
      // A family word as a surname at the person's own mailbox (test/unit/detect.test.ts' Fable case).
      ['feat: j\n\nCo-authored-by: Claude Fable <claude.fable@example.fr>\n', []],
    ]);
  });

  it('is refused at commit by the installed hooks', () => {
    const repo = hooked('policy:\n  deny: ["google/*"]\n');
    const refused = agentCommit(repo, hookEnv({}), 'feat: parser\n\nCo-authored-by: Gemini Pro <bot@example.com>\n');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/model-denied[\s\S]*google\/gemini-pro/);
  });
});
