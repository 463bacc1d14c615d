// Row 841: OpenCode on OpenCode Zen's own model ids. Zen serves xAI's Grok Code Fast 1 as
// `opencode/grok-code` (its free default in the model picker: models.dev
// `providers/opencode/models/grok-code.toml`, name "Grok Code Fast 1") and models it serves early
// under an `alpha-` label (`opencode/alpha-glm-4.7`, `alpha-minimax-m2`, `alpha-doubao-seed-code`).
// The hooks read `grok-code` as `x-ai/unknown` and `alpha-glm-4.7` as no model at all: a deny of
// that very model passed with a warning, and an honest team allowing only it was refused under
// `unknownModel: deny`. Every case here failed before the fix (replayed with init's hooks, the
// model in ~/.config/opencode/opencode.json as OpenCode's `/models` pick writes it, `OPENCODE=1`).
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

/** OpenCode's environment in a home of the test's own, its global config naming `model`. */
function opencode(model: string): NodeJS.ProcessEnv {
  const dir = homeWith({ '.config/opencode/opencode.json': JSON.stringify({ $schema: 'https://opencode.ai/config.json', model }) });
  return { HOME: dir, XDG_CONFIG_HOME: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE: '1' };
}

describe("OpenCode Zen's model ids (row 841)", () => {
  it('`opencode/grok-code` is Grok Code Fast 1: refused by a deny of it', () => {
    const repo = hooked('policy:\n  deny: ["x-ai/grok-code-fast-1"]\n');
    const refused = commit(repo, opencode('opencode/grok-code'));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/model x-ai\/grok-code-fast-1 \(via opencode\) is denied/);
    const recorded = commit(repo, opencode('opencode/grok-code'), 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: opencode:x-ai/grok-code-fast-1\n');
  });

  it('an honest team that allows only Grok Code Fast 1 commits with it under unknownModel: deny', () => {
    const repo = hooked('policy:\n  allow: ["x-ai/grok-code-fast-1"]\n  unknownModel: deny\n');
    const made = commit(repo, opencode('opencode/grok-code'));
    expect(made.status, made.stderr).toBe(0);
    expect(made.message).toBe('feat: parser\n\nAssisted-by: opencode:x-ai/grok-code-fast-1\n');
  });

  it("Zen's `alpha-` label before a known model is that model: refused by a deny of it", () => {
    const glm = hooked('policy:\n  deny: ["z-ai/glm-4.7"]\n');
    const refused = commit(glm, opencode('opencode/alpha-glm-4.7'));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/model z-ai\/glm-4\.7 \(via opencode\) is denied/);
    const minimax = hooked('policy:\n  deny: ["minimax/minimax-m2"]\n');
    expect(commit(minimax, opencode('opencode/alpha-minimax-m2')).status).toBe(1);
  });

  it('what held: a Zen id naming no known model stays unknown (refused only by unknownModel: deny)', () => {
    const repo = hooked('policy:\n  unknownModel: deny\n');
    const refused = commit(repo, opencode('opencode/alpha-gd4'));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/unknown/);
  });
});
