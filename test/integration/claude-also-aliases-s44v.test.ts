// Claude Code's aliases (`opus`, `fable`, `best`) are read through ANTHROPIC_DEFAULT_*_MODEL where the
// session's model names them (row 56, 676), but not where a model beside it did: the subagents'
// CLAUDE_CODE_SUBAGENT_MODEL, the picker's ANTHROPIC_CUSTOM_MODEL_OPTION (675) and the settings'
// fallbackModel chain (677) were read as the alias's own Claude model, so `fallbackModel: "opus"`
// beside ANTHROPIC_DEFAULT_OPUS_MODEL=qwen3-coder-plus was `anthropic/claude-opus`, past
// `deny: ["qwen/*"]`; and a chain padded with eight empty or non-string entries hid a ninth.
// Committed for real through init's hooks with the agent's environment.
import { describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail, gitRun, messageOf } from '../helpers/hooks.js';

function hooked(): TestRepo {
  return copiedRepo('claude-also-aliases-s44v', () => {
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    const init = aitrail(repo.dir, ['init', '--mode', 'git']);
    expect(init.status, init.stderr).toBe(0);
    return repo;
  });
}

function agentCommit(repo: TestRepo, env: NodeJS.ProcessEnv, settings?: string) {
  if (settings !== undefined) repo.write('.claude/settings.json', settings);
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const result = gitRun(repo.dir, ['commit', '-q', '-F', '-'], env, 'feat: parser\n');
  return { ...result, message: result.status === 0 ? messageOf(repo.dir) : '' };
}

const GATEWAY = { CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://llm-gateway.example.com', ANTHROPIC_MODEL: 'claude-sonnet-4-5' };

describe("Claude Code's aliases beside the session's model", () => {
  it('a subagent model, custom option or fallback naming an alias mapped to qwen3-coder-plus: refused', () => {
    const repo = hooked();
    const cases: [NodeJS.ProcessEnv, string?][] = [
      [{ CLAUDE_CODE_SUBAGENT_MODEL: 'opus', ANTHROPIC_DEFAULT_OPUS_MODEL: 'qwen3-coder-plus' }],
      [{ ANTHROPIC_CUSTOM_MODEL_OPTION: 'opus', ANTHROPIC_DEFAULT_OPUS_MODEL: 'qwen3-coder-plus' }],
      [{ ANTHROPIC_CUSTOM_MODEL_OPTION: 'fable', ANTHROPIC_DEFAULT_FABLE_MODEL: 'qwen3-coder-plus' }],
      [{ ANTHROPIC_DEFAULT_OPUS_MODEL: 'qwen3-coder-plus' }, '{"fallbackModel": "opus"}'],
      [{ ANTHROPIC_DEFAULT_FABLE_MODEL: 'qwen3-coder-plus' }, '{"fallbackModel": ["best"]}'],
      [{ ANTHROPIC_DEFAULT_FABLE_MODEL: 'qwen3-coder-plus' }, '{"fallbackModel": "fable[1m]"}'],
    ];
    for (const [env, settings] of cases) {
      const result = agentCommit(repo, { ...GATEWAY, ...env }, settings ?? '{}');
      expect(result.status, `${JSON.stringify(env)} ${settings}: ${result.message}`).toBe(1);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus/);
    }
  });

  it('a fallback chain padded with empty, non-string or repeated entries still names its ninth model: refused', () => {
    const repo = hooked();
    for (const padding of ['""', '1', '"claude-sonnet-4-5"']) {
      const settings = `{"model": "claude-opus-4-7", "fallbackModel": [${Array(8).fill(padding).join(', ')}, "qwen3-coder-plus"]}`;
      const result = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_BASE_URL: GATEWAY.ANTHROPIC_BASE_URL }, settings);
      expect(result.status, `${settings}: ${result.message}`).toBe(1);
      expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus/);
    }
  });

  it('what held: an unmapped alias beside the model is that Claude model, a mapped one a Claude id', () => {
    const repo = hooked();
    const unmapped = agentCommit(repo, { ...GATEWAY, ANTHROPIC_CUSTOM_MODEL_OPTION: 'opus' }, '{"fallbackModel": "haiku"}');
    expect(unmapped.status, unmapped.stderr).toBe(0);
    expect(unmapped.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\nAssisted-by: claude-code:anthropic/claude-opus\nAssisted-by: claude-code:anthropic/claude-haiku\n');
    const mapped = agentCommit(repo, { ...GATEWAY, CLAUDE_CODE_SUBAGENT_MODEL: 'opus', ANTHROPIC_DEFAULT_OPUS_MODEL: 'claude-opus-4-7' }, '{}');
    expect(mapped.status, mapped.stderr).toBe(0);
    expect(mapped.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\nAssisted-by: claude-code:anthropic/claude-opus-4.7\n');
  });
});
