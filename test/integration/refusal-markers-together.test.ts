// A refusal says where each denied model was detected. An agent that sets several markers (Crush:
// `CRUSH=1`, `AGENT=crush`, `AI_AGENT=crush`) gave one finding per marker, so the same model and
// the same settings file were listed three times; now once, naming every marker. Committed for real
// through the installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';

describe('a refusal names a model once for all the markers that found it', () => {
  it("Crush's three markers and its settings file: one line", () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const home = homeWith({ '.local/share/crush/crush.json': '{"models":{"large":{"model":"qwen/qwen3-coder","provider":"openrouter"}}}\n' });
    const refused = agentCommit(repo, hookEnv({ HOME: home, CRUSH: '1', AGENT: 'crush', AI_AGENT: 'crush' }));
    expect(refused.status).toBe(1);
    const lines = refused.stderr.split('\n').filter((line) => line.includes('detected from: env'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}qwen\/qwen3-coder: detected from: env (?=.*CRUSH="1")(?=.*AGENT="crush")(?=.*AI_AGENT="crush").*settings ~\/\.local\/share\/crush\/crush\.json models\.large\.model="qwen\/qwen3-coder"/);
    // The trailer the hook wrote is still listed on its own line.
    expect(refused.stderr).toContain('qwen/qwen3-coder: detected from: trailer Assisted-by: "crush:qwen/qwen3-coder"');
  });
});
