// row 854: an allow passed a family id (Claude Code's `opus`, `google/gemini-pro`) when it passed the catalog's
// versions and ONE later id (`claude-opus-999`): `["anthropic/claude-opus-4*", "anthropic/claude-opus-9*"]` passed `opus`
// though it refuses Opus 5, `[..."-4*", "-[5-9]*"]` (row 832's own example) though it refuses Opus 10, and
// `!anthropic/claude-opus-5*` (every model but Opus 5) though the alias runs Opus 5 once it is out. Committed for
// real through the installed hooks, then judged by `check` and a server's pre-receive.
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

function claude(model: string): NodeJS.ProcessEnv {
  const home = homeWith({ '.claude/settings.json': JSON.stringify({ model }) });
  return { HOME: home, CLAUDECODE: '1', ANTHROPIC_BASE_URL: undefined, ANTHROPIC_MODEL: undefined, CLAUDE_CONFIG_DIR: undefined, CLAUDE_CODE_SESSION_ID: undefined, ANTHROPIC_DEFAULT_OPUS_MODEL: undefined };
}

const allow = (globs: string): string => `policy:\n  allow: ${globs}\n  unknownModel: deny\n`;
const OPUS = 'feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus\n';

describe('an allow judged on every later version of a family, not one (row 854)', () => {
  it("commit-msg: Claude Code's opus under an allow that skips Opus 5 is refused, with the owner's way out; an allow of every leading digit passes it", () => {
    const gap = commit(hooked(allow('["anthropic/claude-opus-4*", "anthropic/claude-opus-9*"]')), claude('opus'));
    expect(gap.status, gap.stderr).toBe(1);
    expect(gap.stderr).toContain('names no version');
    expect(gap.stderr).toContain('"anthropic/claude-opus"');
    const every = commit(hooked(allow('["anthropic/claude-opus-4*", "anthropic/claude-opus-[5-9]*", "anthropic/claude-opus-[1-3]*"]')), claude('opus'));
    expect(every.status, every.stderr).toBe(0);
    expect(every.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
  });

  it('check and pre-receive: allows that leave out a later version refuse the family, glob lists, braces and negated globs alike', () => {
    const policies = [
      '["anthropic/claude-opus-4*", "anthropic/claude-opus-9*"]',
      '["anthropic/claude-opus-4*", "anthropic/claude-opus-[5-9]*"]',
      '["anthropic/claude-opus-{4,5,6,7,8,9,10,11,12,13}*"]',
      '["!anthropic/claude-opus-5*"]',
    ];
    for (const globs of policies) {
      const server = policyServer(allow(globs));
      expectEachRefused(server.remote, server.work, { opus: OPUS, alias: 'feat: b\n\nAssisted-by: claude-code:opus\n' });
    }
    const gemini = policyServer(allow('["google/gemini-[1-3]*", "google/gemini-9*"]'));
    expectEachRefused(gemini.remote, gemini.work, { pro: 'feat: c\n\nAssisted-by: gemini-cli:google/gemini-pro\n' });
    const deepseek = policyServer(allow('["deepseek/deepseek-v3*", "deepseek/deepseek-v9*"]'));
    expectEachRefused(deepseek.remote, deepseek.work, { chat: 'feat: d\n\nAssisted-by: aider:deepseek/deepseek-chat\n' });
  });

  it("path rules' allow too; allows that leave the version open pass the family", () => {
    const path = policyServer('policy:\n  paths:\n    - files: ["src/**"]\n      allow: ["anthropic/claude-opus-4*", "anthropic/claude-opus-9*"]\n');
    expectEachRefused(path.remote, path.work, { opus: OPUS }, (_, name, violations) => expect(violations.map((violation) => violation.rule), name).toContain('path-model-not-allowed'));
    for (const globs of ['["anthropic/claude-opus-[1-9]*"]', '["anthropic/claude-opus-4*", "anthropic/claude-opus-[5-9]*", "anthropic/claude-opus-[1-3]*"]', '["anthropic/claude-opus"]', '["!anthropic/claude-sonnet-*"]']) {
      expectEachPasses(policyServer(allow(globs)).work, [OPUS]);
    }
    expectEachPasses(policyServer(allow('["google/gemini-[1-3]*", "google/gemini-[4-9]*"]')).work, ['feat: e\n\nAssisted-by: gemini-cli:google/gemini-pro\n']);
  });
});
