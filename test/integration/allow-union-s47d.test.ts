// row 832: an allow of several globs was tried one glob at a time on a family id (row 816's
// limit): `allow: ["anthropic/claude-opus-4*", "anthropic/claude-opus-[5-9]*"]` (every Opus, now and
// later, between them) refused Claude Code's `opus`, which each glob alone does not wholly pass.
// Committed for real through the installed hooks, then judged by `check` and a server's pre-receive.
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

// Row 854: `-4*` and `-[5-9]*` alone leave out Opus 10 and later (the alias runs them once they are out): `-[1-3]*` takes them.
const UNION = 'policy:\n  allow: ["anthropic/claude-opus-4*", "anthropic/claude-opus-[5-9]*", "anthropic/claude-opus-[1-3]*"]\n  unknownModel: deny\n';

function claude(model: string): NodeJS.ProcessEnv {
  const home = homeWith({ '.claude/settings.json': JSON.stringify({ model }) });
  return { HOME: home, CLAUDECODE: '1', ANTHROPIC_BASE_URL: undefined, ANTHROPIC_MODEL: undefined, CLAUDE_CONFIG_DIR: undefined, CLAUDE_CODE_SESSION_ID: undefined, ANTHROPIC_DEFAULT_OPUS_MODEL: undefined };
}

describe('an allow of several globs judged together on a family id (row 832)', () => {
  it("Claude Code's opus under an allow whose globs pass every Opus between them: passes at commit; Sonnet still refused", () => {
    const repo = hooked(UNION);
    const opus = commit(repo, claude('opus'));
    expect(opus.status, opus.stderr).toBe(0);
    expect(opus.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
    const sonnet = commit(repo, claude('sonnet'));
    expect(sonnet.status, sonnet.stderr).toBe(1);
  });

  it('check and pre-receive: the union passes the family; globs that leave versions out (4.6 and 4.5 only) refuse it', () => {
    const { work } = policyServer(UNION);
    expectEachPasses(work, ['feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus\n']);
    const gap = policyServer('policy:\n  allow: ["anthropic/claude-opus-4.6", "anthropic/claude-opus-4.5"]\n');
    expectEachRefused(gap.remote, gap.work, { opus: 'feat: b\n\nAssisted-by: claude-code:anthropic/claude-opus\n' });
  });
});
