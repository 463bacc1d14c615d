// Row 912: Claude Code on Claude Platform on AWS (`CLAUDE_CODE_USE_ANTHROPIC_AWS=1`, with
// `ANTHROPIC_AWS_WORKSPACE_ID`) sends every request to `https://aws-external-anthropic.{region}.api.aws`, the region
// resolved as Bedrock's, unless `ANTHROPIC_AWS_BASE_URL` names another (code.claude.com claude-platform-on-aws).
// `AWS_REGION=localhost:4000/x` makes that host `aws-external-anthropic.localhost`, a server on this machine that runs
// anything under Claude's names, yet the settings' `opus` was recorded as Anthropic's: row 881 read the region for
// Bedrock and Mantle only. Committed for real through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { STRICT } from '../helpers/local-gateway.js';

/** Claude Code's environment with `"model": "opus"` in `~/.claude/settings.json`, on Claude Platform on AWS in `region`. */
const platform = (region: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  HOME: homeWith({ '.claude/settings.json': '{"model": "opus"}' }),
  CLAUDECODE: '1',
  ANTHROPIC_BASE_URL: undefined,
  ANTHROPIC_MODEL: undefined,
  ANTHROPIC_AWS_BASE_URL: undefined,
  CLAUDE_CODE_USE_ANTHROPIC_AWS: '1',
  ANTHROPIC_AWS_WORKSPACE_ID: 'wrkspc_01ABCDEFGHIJKLMN',
  AWS_REGION: region,
  ...extra,
});

describe('Claude Code on Claude Platform on AWS with a crafted region (row 912)', () => {
  it('AWS_REGION or AWS_DEFAULT_REGION that is no region: claude-code:unknown, refused', () => {
    const refused = agentCommit(hooked(STRICT), platform('localhost:4000/x'));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('AWS_REGION="localhost:4000/x" (not a region');
    expect(refused.stderr).not.toMatch(/model: anthropic\//);
    const byDefault = agentCommit(hooked(STRICT), platform('', { AWS_DEFAULT_REGION: 'x@127.0.0.1:4000/' }));
    expect(byDefault.status, byDefault.stderr).toBe(1);
    expect(byDefault.stderr).toContain('not a region');
  });

  it('careless truth: a real region, or a base URL set (the region then unused), keeps the name', () => {
    const kept = agentCommit(hooked('policy:\n  deny: ["qwen/*"]\n'), platform('us-east-1'));
    expect(kept.status, kept.stderr).toBe(0);
    expect(kept.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
    const based = agentCommit(hooked('policy:\n  deny: ["qwen/*"]\n'), platform('localhost:4000/x', { ANTHROPIC_AWS_BASE_URL: 'https://anthropic-proxy.example.com' }));
    expect(based.status, based.stderr).toBe(0);
    expect(based.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
  });
});
