// row 885: the exact family judge (row 870) fell back on its probe ids when it could not read a glob's expression or
// its walk passed its limit: POSIX classes picomatch writes with `\x21-\x7E` or `\t` (`[[:graph:]]`, `[[:space:]]`) were
// not read, so `deny: ["anthropic/claude-opus-2[[:graph:]]"]` (Opus 20-29) and `allow: ["!anthropic/claude-opus-[2][[:space:][:digit:]]"]`
// (every model but those) passed Claude Code's `opus`, as did a deny whose walk passed 2,000 states. Committed for real
// through the installed hooks, then judged by `check` and a server's pre-receive.
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, claudeHome, hooked } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

const claude = claudeHome;
const deny = (globs: string): string => `policy:\n  deny: ${globs}\n`;
const allow = (globs: string): string => `policy:\n  allow: ${globs}\n  unknownModel: deny\n`;
const OPUS = 'feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus\n';
const far = `anthropic/claude-opus-*1${'?'.repeat(40)}`;

describe('a family id judged exactly under POSIX classes, and refused where the judge cannot decide (row 885)', () => {
  it("commit-msg: Claude Code's opus under a deny of Opus 20-29 written with a POSIX class is refused; another vendor's leaves it", () => {
    const graph = commit(hooked(deny('["anthropic/claude-opus-2[[:graph:]]"]')), claude('opus'));
    expect(graph.status, graph.stderr).toBe(1);
    expect(graph.stderr).toContain('anthropic/claude-opus-2[[:graph:]]');
    const other = commit(hooked(deny('["qwen/[[:graph:]]*", "openai/*"]')), claude('opus'));
    expect(other.status, other.stderr).toBe(0);
    expect(other.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
  });

  it('check and pre-receive: such denies and negated allows refuse the family; honest lists pass it', () => {
    for (const config of [deny('["anthropic/claude-opus-[2][[:space:][:digit:]]"]'), deny(JSON.stringify([far])), allow('["!anthropic/claude-opus-[2][[:space:][:digit:]]"]')]) {
      const server = policyServer(config);
      expectEachRefused(server.remote, server.work, { opus: OPUS, alias: 'feat: b\n\nAssisted-by: claude-code:opus\n' });
    }
    for (const config of [allow('["anthropic/*"]'), allow('["anthropic/claude-opus-[1-9]*"]'), deny('["qwen/*"]'), deny('["anthropic/claude-sonnet-2[[:graph:]]"]'), allow('["anthropic/claude-opus-[[:graph:]]*"]')]) {
      expectEachPasses(policyServer(config).work, [OPUS]);
    }
  });
});
