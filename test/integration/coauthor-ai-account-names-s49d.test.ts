// Session 49 helper d (row 913): a product's or model family's name with only an AI account's
// words beside it on a co-author line, at an address of no agent's, read as a person's. Real commits
// carry `Co-authored-by: Claude Assistant <claude@anthropic.com>` and `Kimi AI <ai@moonshot.cn>`
// (attribution corpus s49d entries); a project's gate lists `Codex Assistant`, `Copilot Assistant`,
// `Gemini Assistant` as AI co-authors. `Gemini AI`, `Kimi AI`, `Claude Assistant`, `Google Gemini`,
// `Copilot AI` read as no AI at all, so `check` and pre-receive passed them under a deny of their
// vendor. This test failed before its fix (mentions.ts aiAccountNamed, declared-value.ts productName).
// People and companies keep their names (`Claude Dupont`, `Kimi Ai`, `Mistral AI`, `Google AI`, `OpenHands Bot`).
import { describe, expect, it } from 'vitest';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { expectLog } from '../helpers/log-cases.js';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';

describe("an AI account's name on a co-author line: a product's name and AI, Assistant, Agent (row 913)", () => {
  it('log names the agent or vendor, and no one for people and companies', () => {
    expectLog([
      ['feat: a\n\nCo-authored-by: Gemini AI <gemini@google.com>\n', ['gemini-cli:google/unknown']],
      ['feat: b\n\nCo-Authored-By: Kimi AI <ai@moonshot.cn>\n', ['unknown:moonshotai/unknown']],
      ['feat: c\n\nCo-authored-by: Claude Assistant <claude@anthropic.com>\n', ['claude-code:anthropic/unknown']],
      ['feat: d\n\nCo-authored-by: Claude Assistant <helper@example.com>\n', ['claude-code:anthropic/unknown']],
      ['feat: e\n\nCo-authored-by: Google Gemini <gemini@example.com>\n', ['gemini-cli:google/unknown']],
      ['feat: f\n\nCo-authored-by: Copilot AI <copilot@example.com>\n', ['copilot:unknown']],
      ['feat: g\n\nCo-Authored-By: Codex Assistant <helper@example.com>\n', ['codex:openai/unknown']],
      ['feat: h\n\nCo-Authored-By: Devin Assistant <helper@example.com>\n', ['devin:unknown']],
      ['feat: i\n\nCo-authored-by: Kimi Ai <kimi.ai@example.com>\n', []],
      ['feat: j\n\nCo-authored-by: Mistral AI <team@example.com>\n', []],
      ['feat: k\n\nCo-authored-by: Google AI <ai@example.com>\n', []],
      ['feat: l\n\nCo-authored-by: Claude Dupont <claude@example.com>\n', []],
      ['feat: m\n\nCo-authored-by: Gemini <gemini@example.com>\n', []],
      ['feat: n\n\nCo-authored-by: OpenHands Bot <openhands@all-hands.dev>\n', []],
      ['feat: o\n\nCo-authored-by: Amp Team <team@example.com>\n', []],
      // No address (a gate's list, a Homey app's commit): the same reading.
      ['feat: p\n\nCo-authored-by: Gemini AI Agent\n', ['gemini-cli:google/unknown']],
      ['feat: q\n\nCo-authored-by: Kimi AI\n', ['unknown:moonshotai/unknown']],
      ['feat: r\n\nCo-authored-by: Claude Dupont\n', []],
    ]);
  });

  it('is refused under a deny of its vendor by check and pre-receive; people pass', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["moonshotai/*", "google/*"]\n');
    expectEachRefused(remote, work, {
      kimiAi: 'feat: a\n\nCo-Authored-By: Kimi AI <ai@moonshot.cn>\n',
      kimiAssistant: 'feat: b\n\nCo-authored-by: Kimi Assistant <bot@example.com>\n',
      googleGemini: 'feat: c\n\nCo-authored-by: Google Gemini <gemini@example.com>\n',
    }, (found, name) => expect(found, name).toContain(name === 'googleGemini' ? 'google/unknown' : 'moonshotai/unknown'));
    expectEachPasses(work, [
      'feat: d\n\nCo-authored-by: Kimi Ai <kimi.ai@example.com>\n',
      'feat: e\n\nCo-authored-by: Kimi Raikkonen <kimi@example.com>\n',
      'feat: f\n\nCo-authored-by: Google AI <ai@example.com>\n',
    ]);
  }, 120_000);

  it('is refused at commit by the installed hooks', () => {
    const repo = hooked('policy:\n  deny: ["moonshotai/*"]\n');
    const refused = agentCommit(repo, hookEnv({}), 'feat: parser\n\nCo-Authored-By: Kimi AI <ai@moonshot.cn>\n');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/model-denied[\s\S]*moonshotai\/unknown/);
  });
});
