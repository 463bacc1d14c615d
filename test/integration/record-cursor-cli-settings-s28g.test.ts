// Row 342: the Cursor CLI keeps the model its /model picker chose in ~/.cursor/cli-config.json
// (`"model": {"modelId": …}`), not in a variable. Committed for real through the installed hooks with
// the CLI's environment (CURSOR_AGENT=1 and the CURSOR_INVOKED_AS its launcher exports) and a home of
// the test's own. Before: `cursor:unknown` (one warning line), so `deny: ["qwen/*"]` passed it. The
// editor's agent (CURSOR_AGENT=1 alone) has its model elsewhere: its commit reads no CLI config.
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

describe("the Cursor CLI's configured model (row 342)", () => {
  it('model.modelId of ~/.cursor/cli-config.json is recorded and refused for the CLI; the editor and a person read none', () => {
    const config = '{\n  "version": 1,\n  "permissions": { "allow": [], "deny": [] },\n  "model": { "modelId": "qwen3-coder", "displayModelId": "qwen3-coder", "displayName": "Qwen3 Coder" }\n}\n';
    const user = { HOME: homeWith({ '.cursor/cli-config.json': config }), CURSOR_CONFIG_DIR: undefined, XDG_CONFIG_HOME: undefined, CURSOR_MODEL: undefined, CURSOR_INVOKED_AS: undefined, CURSOR_AGENT: undefined, CURSOR_EXTENSION_HOST_ROLE: undefined };
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const cli = { ...user, CURSOR_AGENT: '1', CURSOR_INVOKED_AS: 'cursor-agent' };

    const refused = commit(repo, cli);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via cursor\) is denied/);
    const recorded = commit(repo, cli, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: cursor:qwen/qwen3-coder\n');

    const editor = commit(repo, { ...user, CURSOR_AGENT: '1' }, 'feat: editor\n');
    expect(editor.status, editor.stderr).toBe(0);
    expect(editor.message).toBe('feat: editor\n\nAssisted-by: cursor:unknown\n');

    const person = commit(repo, user, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});
