// Review of rows 726 and 760: only the last `--settings` on Claude Code's command line was read,
// but the hooks cannot tell whether that one is an option at all: in
// `claude --settings '{"model": "qwen3-coder-plus"}' --append-system-prompt --settings '{"model": "claude-opus-4-7"}'`
// commander gives the prompt option `--settings` as its text and the last JSON is the prompt, so the
// session runs on Qwen while the hooks read Opus. Every earlier `--settings` is now read beside.
// Committed for real by a program named `claude`.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { tempDir } from '../helpers/gitdir.js';

const GATEWAY = hookEnv({ HOME: tempDir('aitrail-home-'), CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://llm-gateway.example.com', ANTHROPIC_MODEL: undefined, CLAUDE_CODE_SESSION_ID: undefined });

describe('an earlier --settings, which commander may be the one to keep', () => {
  it('inline JSON or a file naming qwen3-coder-plus before an unknown option and another --settings: refused', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const file = join(tempDir('aitrail-flag-settings-'), 'gateway.json');
    writeFileSync(file, '{"model": "qwen3-coder-plus"}');
    for (const args of [
      ['--settings', '{"model": "qwen3-coder-plus"}', '--append-system-prompt', '--settings', '{"model": "claude-opus-4-7"}'],
      ['--settings', file, '--append-system-prompt', '--settings', '{}'],
      ['--settings', '{"fallbackModel": "qwen3-coder-plus"}', '--append-system-prompt', '--settings', '{"model": "claude-opus-4-7"}'],
    ]) {
      const result = runAgent(repo, agentBin('claude'), args, GATEWAY);
      expect(result.status, `${args.join(' ')}: ${result.message}`).toBe(1);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus \(via claude-code\) is denied/);
    }
  });

  it('what held: two --settings on allowed models record both, the last in force first', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const result = runAgent(repo, agentBin('claude'), ['--settings', '{"model": "claude-sonnet-4-6"}', '--settings', '{"model": "claude-opus-4-7"}', '-p', 'fix it'], GATEWAY);
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.7\nAssisted-by: claude-code:anthropic/claude-sonnet-4.6\n');
  });
});
