// Session 56 helper j (row 1210): row 1196's Droid reader took the work tree's `.factory/settings.json` `model` (repository
// content) first and stopped there, so a committed `{"model": "claude-sonnet-4-5-20250929"}` hid the model the person's own
// `~/.factory/settings.json` names (where Droid's `/settings` saves it) whenever no recent session file was readable: a model name
// Droid does not run from a repository's file (not one of its models, not the org's) leaves Droid on the person's, and the commit
// was recorded as the repository's allowed model and passed a deny. Found reviewing helper f's reader against Factory's docs
// (hierarchical settings: project before user, first wins); replayed with init's hooks and a temp HOME. Now the work tree's model
// has ~/.factory's beside it (src/agent-settings/factory-droid.ts factoryDroidModel).
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';

const POLICY = 'policy:\n  deny: ["openai/*"]\n';
const DROID = 'feat: parser\n\nCo-authored-by: factory-droid[bot] <138933559+factory-droid[bot]@users.noreply.github.com>\n';
const TREE = { '.factory/settings.json': JSON.stringify({ model: 'claude-sonnet-4-5-20250929' }) };

describe("the work tree's Droid settings never hide the person's (row 1210)", () => {
  it("a repository's .factory/settings.json naming an allowed model beside ~/.factory's denied one is refused, naming it", () => {
    const repo = hooked(POLICY, TREE);
    const result = agentCommit(repo, hookEnv({ HOME: homeWith({ '.factory/settings.json': JSON.stringify({ model: 'gpt-5.1-codex' }) }) }), DROID);
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/openai\/gpt-5\.1-codex/);
    // ~/.factory's settings.local.json and sessionDefaultSettings are read as its levels are.
    const local = agentCommit(hooked(POLICY, TREE), hookEnv({ HOME: homeWith({ '.factory/settings.local.json': JSON.stringify({ sessionDefaultSettings: { model: 'gpt-5.1-codex' } }) }) }), DROID);
    expect(local.status, local.stderr).not.toBe(0);
    expect(local.stderr).toMatch(/openai\/gpt-5\.1-codex/);
  });

  it('the same model at both levels, or none at the person\'s, records the work tree\'s alone', () => {
    for (const home of [homeWith(TREE), homeWith()]) {
      const result = agentCommit(hooked(POLICY, TREE), hookEnv({ HOME: home }), DROID);
      expect(result.status, result.stderr).toBe(0);
      expect(result.message).toContain('factory-droid:anthropic/claude-sonnet-4.5');
      expect(result.message.match(/^Assisted-by:/gm), result.message).toHaveLength(1);
    }
  });
});
