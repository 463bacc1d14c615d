// Claude Code's ANTHROPIC_CUSTOM_MODEL_OPTION adds one model id to its /model picker (a gateway's
// model: code.claude.com model-config, "Add a custom model option"); a session switches to it with
// /model, so no ANTHROPIC_MODEL and no settings file names it. It was not read: the commit of a
// session at a gateway running `qwen3-coder-plus` so was `claude-code:unknown` (a warning), past
// `deny: ["qwen/*"]`. Now it is recorded beside the session's model, as CLAUDE_CODE_SUBAGENT_MODEL is.
// Committed for real through init's hooks with the agent's environment.
import { describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail, gitRun, messageOf } from '../helpers/hooks.js';

function hooked(): TestRepo {
  return copiedRepo('claude-custom-model-option', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    const init = aitrail(repo.dir, ['init', '--mode', 'git']);
    expect(init.status, init.stderr).toBe(0);
    return repo;
  });
}

function agentCommit(repo: TestRepo, env: NodeJS.ProcessEnv, message = 'feat: parser\n') {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const result = gitRun(repo.dir, ['commit', '-q', '-F', '-'], env, message);
  return { ...result, message: result.status === 0 ? messageOf(repo.dir) : '' };
}

const GATEWAY = { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://llm-gateway.example.com' };

describe("Claude Code's custom /model option", () => {
  it('ANTHROPIC_CUSTOM_MODEL_OPTION=qwen3-coder-plus: refused, with or without ANTHROPIC_MODEL', () => {
    const repo = hooked();
    for (const env of [{ ...GATEWAY }, { ...GATEWAY, ANTHROPIC_MODEL: 'claude-opus-4-7' }]) {
      const result = agentCommit(repo, { ...env, ANTHROPIC_CUSTOM_MODEL_OPTION: 'qwen3-coder-plus', ANTHROPIC_CUSTOM_MODEL_OPTION_NAME: 'Gateway Coder' });
      expect(result.status, result.message).toBe(1);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus/);
    }
  });

  it('what held: a Claude custom option is recorded as that model, and a shell with the variable but no agent is a person', () => {
    const repo = hooked();
    const claude = agentCommit(repo, { ...GATEWAY, ANTHROPIC_MODEL: 'claude-opus-4-7', ANTHROPIC_CUSTOM_MODEL_OPTION: 'claude-sonnet-4-5' });
    expect(claude.status, claude.stderr).toBe(0);
    expect(claude.message).toMatch(/Assisted-by: claude-code:anthropic\/claude-opus-4\.7/);
    const person = agentCommit(repo, { ANTHROPIC_CUSTOM_MODEL_OPTION: 'qwen3-coder-plus' }, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});

// Claude Code's `best` alias (Fable 5 where the account has it, else the latest Opus) and `fable`
// alias, with ANTHROPIC_DEFAULT_FABLE_MODEL beside the other family variables (code.claude.com
// model-config, 2026): `best` read as `anthropic/claude-opus` whatever ANTHROPIC_DEFAULT_OPUS_MODEL
// mapped it to, and `fable` as `anthropic/claude-fable` whatever ANTHROPIC_DEFAULT_FABLE_MODEL did.
describe("Claude Code's best and fable aliases at a gateway", () => {
  it('best with ANTHROPIC_DEFAULT_OPUS_MODEL or _FABLE_MODEL=qwen3-coder-plus, fable (and fable[1m]) with _FABLE_MODEL: refused', () => {
    const repo = hooked();
    for (const env of [
      { ANTHROPIC_MODEL: 'best', ANTHROPIC_DEFAULT_OPUS_MODEL: 'qwen3-coder-plus' },
      { ANTHROPIC_MODEL: 'best', ANTHROPIC_DEFAULT_FABLE_MODEL: 'qwen3-coder-plus' },
      { ANTHROPIC_MODEL: 'fable', ANTHROPIC_DEFAULT_FABLE_MODEL: 'qwen3-coder-plus' },
      { ANTHROPIC_MODEL: 'fable[1m]', ANTHROPIC_DEFAULT_FABLE_MODEL: 'qwen3-coder-plus' },
    ]) {
      const result = agentCommit(repo, { ...GATEWAY, ...env });
      expect(result.status, `${JSON.stringify(env)}: ${result.message}`).toBe(1);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus/);
    }
  });

  it('what held: opus with only a Fable mapping is Opus, and best unmapped is still Claude', () => {
    const repo = hooked();
    const opus = agentCommit(repo, { ...GATEWAY, ANTHROPIC_MODEL: 'opus', ANTHROPIC_DEFAULT_FABLE_MODEL: 'qwen3-coder-plus' });
    expect(opus.status, opus.stderr).toBe(0);
    expect(opus.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus\n');
    const best = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_MODEL: 'best' });
    expect(best.status, best.stderr).toBe(0);
    expect(best.message).toMatch(/Assisted-by: claude-code:anthropic\/claude-/);
  });
});

// Claude Code's `fallbackModel` setting (a model or a chain of up to three, code.claude.com
// model-config 2026): the turn's model when the main one is overloaded or unavailable. Only the
// settings' `model` was read, so `"fallbackModel": ["qwen3-coder-plus"]` beside `"model":
// "claude-opus-4-7"` was recorded as Claude alone, past `deny: ["qwen/*"]`.
describe("Claude Code's fallbackModel setting", () => {
  it('a fallback chain naming qwen3-coder-plus (a list or one model, beside ANTHROPIC_MODEL too): refused', () => {
    const repo = hooked();
    for (const [settings, env] of [
      ['{"model": "claude-opus-4-7", "fallbackModel": ["claude-sonnet-4-6", "qwen3-coder-plus"]}', {}],
      ['{"fallbackModel": "qwen3-coder-plus"}', { ANTHROPIC_MODEL: 'claude-opus-4-7' }],
    ] as const) {
      repo.write('.claude/settings.json', settings);
      const result = agentCommit(repo, { ...GATEWAY, ...env });
      expect(result.status, `${settings}: ${result.message}`).toBe(1);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus/);
    }
  });

  it('what held: a Claude fallback chain is recorded beside the model, and a person with the same settings commits as before', () => {
    const repo = hooked();
    repo.write('.claude/settings.json', '{"model": "claude-opus-4-7", "fallbackModel": ["claude-sonnet-4-6"]}');
    const claude = agentCommit(repo, { CLAUDECODE: '1' });
    expect(claude.status, claude.stderr).toBe(0);
    expect(claude.message).toMatch(/Assisted-by: claude-code:anthropic\/claude-opus-4\.7/);
    expect(claude.message).toMatch(/Assisted-by: claude-code:anthropic\/claude-sonnet-4\.6/);
    repo.write('.claude/settings.json', '{"fallbackModel": ["qwen3-coder-plus"]}');
    const person = agentCommit(repo, {}, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});
