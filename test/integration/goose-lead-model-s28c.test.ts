// Row 335: goose's lead/worker mode runs its first turns, and its turns after the worker fails,
// on GOOSE_LEAD_MODEL (GOOSE_LEAD_PROVIDER beside it); `/plan` runs on GOOSE_PLANNER_MODEL. Both
// write code, goose reads each from its variable first, then from ~/.config/goose/config.yaml.
// Committed for real through the installed hooks with goose's environment (`GOOSE_TERMINAL=1`).
// Before: only GOOSE_MODEL was read, so a denied lead model passed `deny: ["qwen/*"]`.
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

const CLEAR = { XDG_CONFIG_HOME: undefined, GOOSE_MODEL: undefined, GOOSE_LEAD_MODEL: undefined, GOOSE_PLANNER_MODEL: undefined };

describe("goose's lead and planner models (row 335)", () => {
  it('a denied lead model, in the variable or in config.yaml, is refused; recorded beside the worker; the variable replaces the config key', () => {
    const config = 'GOOSE_PROVIDER: openai\nGOOSE_MODEL: gpt-4o-mini\nGOOSE_LEAD_PROVIDER: openrouter\nGOOSE_LEAD_MODEL: qwen/qwen3-coder\n';
    const goose = { ...CLEAR, HOME: homeWith({ '.config/goose/config.yaml': config }), GOOSE_TERMINAL: '1' };
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');

    const refused = commit(repo, goose);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);
    const recorded = commit(repo, goose, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: goose:openai/gpt-4o-mini\nAssisted-by: goose:qwen/qwen3-coder\n');

    // goose reads GOOSE_LEAD_MODEL before its config key: the variable's lead model replaces the file's.
    const replaced = commit(repo, { ...goose, GOOSE_LEAD_MODEL: 'gpt-4o' });
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(replaced.message).toBe('feat: parser\n\nAssisted-by: goose:openai/gpt-4o-mini\nAssisted-by: goose:openai/gpt-4o\n');

    // No config at all: the variable alone (the brief's GOOSE_LEAD_MODEL=qwen3-coder), and the planner's.
    const bare = { ...CLEAR, HOME: homeWith(), GOOSE_TERMINAL: '1', GOOSE_MODEL: 'gpt-4o-mini' };
    const lead = commit(repo, { ...bare, GOOSE_LEAD_MODEL: 'qwen3-coder' });
    expect(lead.status).not.toBe(0);
    expect(lead.stderr).toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);
    const planner = commit(repo, { ...bare, GOOSE_PLANNER_MODEL: 'qwen3-coder-plus' });
    expect(planner.status).not.toBe(0);
    expect(planner.stderr).toMatch(/qwen\/qwen3-coder-plus \(via goose\) is denied/);
  });
});
