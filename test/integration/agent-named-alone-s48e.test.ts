// Red team, session 48 helper e (row 864): Qwen Code named alone in a declared value. Qwen Code
// writes every Qwen model as `Qwen-Coder` (its sanitizeModelName: its co-author line, its
// attribution note's generator), and its co-author line, footer and marker all read
// `qwen-code:qwen/unknown`; but `Assisted-by: Qwen-Coder` (`Qwen Coder`, `qwen-code`,
// `Generated-by:`, `AI-Model:`) read as the agent alone, `qwen-code:unknown`: a warning under
// policy.unknownModel, so the commit passed commit-msg, `check` and pre-receive under
// `deny: ["qwen/*"]`. This test failed before its fix (Signatures.agentModels).
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';

describe('Qwen Code named without a model in a declared value (row 864)', () => {
  it('is refused under deny qwen/* by check and pre-receive; the model it names keeps its own', () => {
    const { remote, work } = policyServer(DENY);
    expectEachRefused(remote, work, {
      coder: 'feat: a\n\nAssisted-by: Qwen-Coder\n',
      spaced: 'feat: b\n\nAssisted-by: Qwen Coder\n',
      slug: 'feat: c\n\nAssisted-by: qwen-code\n',
      generated: 'feat: d\n\nGenerated-by: Qwen Coder\n',
      modelKey: 'feat: e\n\nAI-Model: Qwen-Coder\n',
      addressed: 'feat: f\n\nAssisted-by: Qwen-Coder <bot@example.com>\n',
    }, (found, name) => expect(found, name).toEqual(['qwen/unknown']));
    // Qwen Code running another vendor's model, named: that model only; another agent alone is unchanged.
    expectEachPasses(work, ['feat: g\n\nAssisted-by: qwen-code:openai/gpt-4o\n', 'feat: h\n\nAssisted-by: claude-code\n']);
  }, 120_000);

  it('is refused at commit by the installed hooks', () => {
    const repo = hooked(DENY);
    const refused = agentCommit(repo, hookEnv({}), 'feat: parser\n\nAssisted-by: Qwen-Coder\n');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/model-denied[\s\S]*qwen\/unknown/);
  });
});
