// row 870: a family id (Claude Code's `opus`, recorded `anthropic/claude-opus`; Gemini CLI's `google/gemini-pro`) was
// judged on a finite list of probe ids (the catalog's versions, 4.7…13.9, 999, `-1x`…`-9x`), so a deny reaching only
// versions past that list (`anthropic/claude-opus-2[0-9]*`: Opus 20 and later, which the alias runs once they are out)
// passed it, and a negated allow of them (`!anthropic/claude-opus-2[0-9]`: every model but Opus 20-29) passed it too.
// Committed for real through the installed hooks, then judged by `check` and a server's pre-receive.
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

function claude(model: string): NodeJS.ProcessEnv {
  const home = homeWith({ '.claude/settings.json': JSON.stringify({ model }) });
  return { HOME: home, CLAUDECODE: '1', ANTHROPIC_BASE_URL: undefined, ANTHROPIC_MODEL: undefined, CLAUDE_CONFIG_DIR: undefined, CLAUDE_CODE_SESSION_ID: undefined, ANTHROPIC_DEFAULT_OPUS_MODEL: undefined };
}

const deny = (globs: string): string => `policy:\n  deny: ${globs}\n`;
const allow = (globs: string): string => `policy:\n  allow: ${globs}\n  unknownModel: deny\n`;
const OPUS = 'feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus\n';
const PRO = 'feat: c\n\nAssisted-by: gemini-cli:google/gemini-pro\n';

describe('a family id judged on every version it can run, far ones too (row 870)', () => {
  it("commit-msg: Claude Code's opus under a deny of Opus 20+ is refused; a deny of another vendor leaves it", () => {
    const far = commit(hooked(deny('["anthropic/claude-opus-2[0-9]*"]')), claude('opus'));
    expect(far.status, far.stderr).toBe(1);
    expect(far.stderr).toContain('anthropic/claude-opus-2[0-9]*');
    const other = commit(hooked(deny('["qwen/*", "openai/*"]')), claude('opus'));
    expect(other.status, other.stderr).toBe(0);
    expect(other.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
  });

  it('check and pre-receive: denies of far versions and negated allows of them refuse the family; honest lists pass it', () => {
    for (const config of [deny('["anthropic/claude-opus-2[0-9]*"]'), deny('["anthropic/claude-opus-1[5-9]"]'), allow('["!anthropic/claude-opus-2[0-9]"]'), allow('["anthropic/claude-opus-[1-9]", "anthropic/claude-opus-[1-9].*"]')]) {
      const server = policyServer(config);
      expectEachRefused(server.remote, server.work, { opus: OPUS, alias: 'feat: b\n\nAssisted-by: claude-code:opus\n' });
    }
    const gemini = policyServer(deny('["google/gemini-3[0-9]*-pro*"]'));
    expectEachRefused(gemini.remote, gemini.work, { pro: PRO });
    for (const config of [allow('["anthropic/*"]'), allow('["anthropic/claude-opus-[1-9]*"]'), deny('["qwen/*"]'), deny('["anthropic/claude-sonnet-2[0-9]*"]'), deny('["*-preview"]')]) {
      expectEachPasses(policyServer(config).work, [OPUS]);
    }
    expectEachPasses(policyServer(allow('["google/gemini-[1-3]*", "google/gemini-[4-9]*"]')).work, [PRO]);
  });
});
