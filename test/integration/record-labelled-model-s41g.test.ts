// Red team (session 41, helper g): a model value written `word:model`, the trailer's own
// `AGENT:MODEL` pasted as the model (`AITRAIL_MODEL=qwen-code:qwen3-coder-plus`, as the README shows
// the trailer) or a `provider:model` id (Pydantic AI's and the AI SDK registry's form,
// `groq:qwen-qwq-32b`), was read as no model: the commit recorded `unknown` and passed commit-msg
// under `deny: ["qwen/*"]` (`aitrail use` refuses the same text with exit 2). Committed for real
// through the installed hooks with the agent's own environment. Failed before the fix in
// src/core/detect/env-findings.ts (modelOrUnknown).
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';

describe('a model value written word:model', () => {
  it('is the model after the colon, refused under deny qwen/*', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const cases: [NodeJS.ProcessEnv, RegExp][] = [
      [{ AITRAIL_MODEL: 'qwen-code:qwen3-coder-plus' }, /qwen\/qwen3-coder-plus[^\n]*is denied/],
      [{ CLAUDECODE: '1', ANTHROPIC_MODEL: 'groq:qwen-qwq-32b' }, /qwen\/qwq-32b \(via claude-code\) is denied/],
      // The word names Qwen Code: its own ids are read with it as the agent (row 570).
      [{ GOOSE_TERMINAL: '1', GOOSE_MODEL: 'qwen-code:coder-model' }, /qwen\/unknown \(via goose\) is denied/],
    ];
    for (const [env, denied] of cases) {
      const made = agentCommit(repo, env);
      expect(made.status, `${JSON.stringify(env)}: ${made.message}`).toBe(1);
      expect(made.stderr).toMatch(denied);
    }
  });

  it('an allowed model so written is its own model; a word and a colon before no model stays unknown', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const claude = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-code:claude-opus-4-6' });
    expect(claude.status, claude.stderr).toBe(0);
    expect(claude.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
    const other = agentCommit(repo, { CLAUDECODE: '1', ANTHROPIC_MODEL: 'team:house-model' });
    expect(other.status, other.stderr).toBe(0);
    expect(other.message).toBe('feat: parser\n\nAssisted-by: claude-code:unknown\n');
  });
});
