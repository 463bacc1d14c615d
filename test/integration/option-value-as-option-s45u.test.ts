// An option the hooks do not know, whose value is the option they read (row 760): Claude Code's
// commander gives a value-taking option the next argument whatever it is, so in
// `claude --append-system-prompt --settings --settings '{"model": "qwen3-coder-plus"}'` the first
// `--settings` is the prompt's text and the second is the settings. The hooks, which know no option
// but the ones they read, took the first `--settings` as taking the second as its value, read
// `--settings` as a settings path (none) and skipped the JSON: `claude-code:unknown`, past
// `deny: ["qwen/*"]`; likewise `--fallback-model` and `--model`. Committed for real by a program named `claude`.
import { describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { tempDir } from '../helpers/gitdir.js';

const GATEWAY = hookEnv({ HOME: tempDir('aitrail-home-'), CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://llm-gateway.example.com', ANTHROPIC_MODEL: undefined, CLAUDE_CODE_SESSION_ID: undefined });

describe("an unknown option's value spelled as the option read", () => {
  it('--settings, --fallback-model and --model after an option taking them as its value: refused', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    for (const args of [
      ['--append-system-prompt', '--settings', '--settings', '{"model": "qwen3-coder-plus"}'],
      ['--append-system-prompt', '--fallback-model', '--fallback-model', 'qwen3-coder-plus'],
      ['--append-system-prompt', '--model', '--model', 'qwen3-coder-plus'],
    ]) {
      const result = runAgent(repo, agentBin('claude'), args, GATEWAY);
      expect(result.status, `${args.join(' ')}: ${result.message}`).toBe(1);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus \(via claude-code\) is denied/);
    }
  });

  it('what held: --model and --settings with their values as usual', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const plain = runAgent(repo, agentBin('claude'), ['--settings', '{"model": "claude-opus-4-7"}', '--fallback-model', 'claude-sonnet-4-6', '-p', 'fix it'], GATEWAY);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.7\nAssisted-by: claude-code:anthropic/claude-sonnet-4.6\n');
  });
});
