// Claude Code's command line names models a hook did not read: `--fallback-model <model>` (one
// model, or a comma-separated chain: the session's fallback chain, over every settings file's
// `fallbackModel`) and `--settings <file-or-json>` (a settings file or an inline JSON string, the
// `flagSettings` layer: after the managed settings, before the local, project and user files).
// `claude --fallback-model qwen3-coder-plus` or `claude --settings '{"model":"qwen3-coder-plus"}'`
// at a gateway was recorded as Claude (or `claude-code:unknown`), past `deny: ["qwen/*"]`.
// Committed for real through init's hooks by a program named `claude`.
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail, hookEnv } from '../helpers/hooks.js';

function hooked(): TestRepo {
  return copiedRepo('claude-command-line-settings-s45e', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    const init = aitrail(repo.dir, ['init', '--mode', 'git']);
    expect(init.status, init.stderr).toBe(0);
    return repo;
  });
}

const GATEWAY = hookEnv({ HOME: tempDir('aitrail-home-'), CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://llm-gateway.example.com' });

describe("Claude Code's --fallback-model and --settings", () => {
  it('a fallback model or chain naming qwen3-coder-plus on the command line: refused', () => {
    const repo = hooked();
    const claude = agentBin('claude');
    for (const args of [
      ['--fallback-model', 'qwen3-coder-plus'],
      ['--model', 'claude-opus-4-7', '--fallback-model=claude-sonnet-4-6,qwen3-coder-plus'],
      ['-p', '--fallback-model', 'claude-sonnet-4-6, qwen3-coder-plus', 'fix it'],
    ]) {
      const result = runAgent(repo, claude, args, { ...GATEWAY, ANTHROPIC_MODEL: 'claude-opus-4-7' });
      expect(result.status, `${args.join(' ')}: ${result.message}`).toBe(1);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus/);
    }
  });

  it('--settings naming qwen3-coder-plus as its model or fallback, inline JSON or a file: refused', () => {
    const repo = hooked();
    const claude = agentBin('claude');
    const file = join(tempDir('aitrail-flag-settings-'), 'gateway.json');
    writeFileSync(file, '{"model": "qwen3-coder-plus"}');
    for (const args of [
      ['--settings', '{"model": "qwen3-coder-plus"}'],
      ['--settings={"fallbackModel": ["qwen3-coder-plus"]}'],
      ['--settings', file],
    ]) {
      const result = runAgent(repo, claude, args, GATEWAY);
      expect(result.status, `${args.join(' ')}: ${result.message}`).toBe(1);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus/);
    }
  });
});

describe("Claude Code's --fallback-model and --settings: what held", () => {
  it('a Claude chain and a Claude --settings model are recorded; broken JSON names nothing; a person commits as before', () => {
    const repo = hooked();
    const claude = agentBin('claude');
    writeFileSync(join(repo.dir, 'local-settings.json'), '{"model": "claude-opus-4-7"}');
    const recorded = runAgent(repo, claude, ['--settings', 'local-settings.json', '--fallback-model', 'claude-sonnet-4-6'], GATEWAY);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toMatch(/Assisted-by: claude-code:anthropic\/claude-opus-4\.7/);
    expect(recorded.message).toMatch(/Assisted-by: claude-code:anthropic\/claude-sonnet-4\.6/);
    const broken = runAgent(repo, claude, ['--settings', '{"model": "qwen3-coder-plus"', '--model', 'claude-opus-4-7'], GATEWAY);
    expect(broken.status, broken.stderr).toBe(0);
    expect(broken.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.7\n');
    const person = runAgent(repo, agentBin('commit'), ['--settings', '{"model": "qwen3-coder-plus"}', '--fallback-model', 'qwen3-coder-plus'], hookEnv({ HOME: GATEWAY.HOME }));
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
  });
});

describe("Claude Code's --model: what held", () => {
  it('--model=qwen3-coder-plus and --model qwen3-coder-plus, and a `claude` shell wrapper passing them on: refused', () => {
    const repo = hooked();
    const wrapper = join(tempDir('aitrail-wrapper-'), 'claude');
    writeFileSync(wrapper, `#!/bin/sh\n${JSON.stringify(agentBin('claude-real'))} "$@"\nexit $?\n`);
    chmodSync(wrapper, 0o755);
    for (const [program, args] of [
      [agentBin('claude'), ['--model=qwen3-coder-plus']],
      [agentBin('claude'), ['--model', 'qwen3-coder-plus']],
      [wrapper, ['--fallback-model', 'qwen3-coder-plus']],
    ] as const) {
      const result = runAgent(repo, program, [...args], GATEWAY);
      expect(result.status, `${program} ${args.join(' ')}: ${result.message}`).toBe(1);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus/);
    }
  });
});
