// row 831: Gemini CLI on its automatic routing (`model.name: "auto"`, `auto-gemini-3`,
// `auto-gemini-2.5`, GEMINI_MODEL=auto; gemini-cli `config/models.ts` resolveModel: its router
// sends each request to Pro or Flash) was recorded `gemini-cli:google/unknown`, a warning only, and
// passed a deny of the Pro or Flash it runs. Committed for real through the installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, geminiHome, hooked } from '../helpers/agent-home.js';

const gemini = geminiHome;

describe("Gemini CLI's automatic model (row 831)", () => {
  it('auto, auto-gemini-3 (settings or GEMINI_MODEL): the Pro and Flash families, refused under a deny of a version they run', () => {
    const repo = hooked('policy:\n  deny: ["google/gemini-2.5-flash"]\n');
    for (const env of [gemini('auto'), gemini('auto-gemini-3'), gemini('gemini-2.5-pro', 'auto')]) {
      const refused = commit(repo, env);
      expect(refused.status, refused.stderr).toBe(1);
      expect(refused.stderr).toContain('model google/gemini-flash (via gemini-cli) is denied');
    }
    const recorded = commit(repo, gemini('auto'), 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-pro\nAssisted-by: gemini-cli:google/gemini-flash\n');
  });

  it('auto-gemini-2.5 is gemini-2.5-pro and gemini-2.5-flash: refused by a deny of either, passed by an allow of both (unknownModel: deny)', () => {
    const denied = commit(hooked('policy:\n  deny: ["google/gemini-2.5-pro"]\n'), gemini('auto-gemini-2.5'));
    expect(denied.status, denied.stderr).toBe(1);
    expect(denied.stderr).toContain('model google/gemini-2.5-pro (via gemini-cli) is denied');
    const allowed = commit(hooked('policy:\n  allow: ["google/gemini-2.5-*"]\n  unknownModel: deny\n'), gemini('auto-gemini-2.5'));
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.message).toContain('gemini-cli:google/gemini-2.5-pro');
    expect(allowed.message).toContain('gemini-cli:google/gemini-2.5-flash');
  });
});
