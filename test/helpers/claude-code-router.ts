import { expect } from 'vitest';

/** Claude Code's environment at claude-code-router (`url`, ccr's default port unless given) in `home`, its model variables unset. */
export function ccrEnv(home: string, url = 'http://127.0.0.1:3456', extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { HOME: home, CLAUDECODE: '1', ANTHROPIC_BASE_URL: url, ANTHROPIC_AUTH_TOKEN: 'test', ANTHROPIC_MODEL: undefined, CLAUDE_CONFIG_DIR: undefined, CLAUDE_CODE_SESSION_ID: undefined, CLAUDE_CODE_SUBAGENT_MODEL: undefined, ANTHROPIC_DEFAULT_OPUS_MODEL: undefined, ANTHROPIC_DEFAULT_SONNET_MODEL: undefined, ...extra };
}

/** A commit refused as `claude-code:unknown` (never a Claude model) with `evidence` in the hook's output. */
export function refusedUnknown(result: { status: number | null; stderr: string }, evidence: string): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).toContain(evidence);
  expect(result.stderr).toContain('model: unknown (agent claude-code)');
  expect(result.stderr).not.toMatch(/model: anthropic/);
}
