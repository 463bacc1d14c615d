// Row 336: Gemini CLI resolves `$NAME` and `${NAME}` in the strings of its settings files from its
// environment, so `"model": {"name": "$MY_MODEL"}` runs the model MY_MODEL names. Committed for
// real through the installed hooks with Gemini CLI's environment (`GEMINI_CLI=1`). Before: the
// reference was read literally, `gemini-cli:unknown` (one warning line), and `deny: ["qwen/*"]` passed it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

describe("Gemini CLI's environment references in its settings (row 336)", () => {
  it('model.name "$MY_MODEL" is the model MY_MODEL names: refused and recorded; a secret it names is never written', () => {
    const dir = homeWith({ '.gemini/settings.json': '{\n  "model": { "name": "${MY_MODEL}" }\n}\n' });
    const gemini = {
      HOME: dir, GEMINI_CLI: '1', GEMINI_MODEL: undefined, GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined,
      GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'),
    };
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');

    const refused = commit(repo, { ...gemini, MY_MODEL: 'qwen3-coder' });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via gemini-cli\) is denied/);
    const recorded = commit(repo, { ...gemini, MY_MODEL: 'qwen3-coder' }, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:qwen/qwen3-coder\n');

    // A value that names no model (a token) stays the reference: unknown, never the token.
    const secret = commit(repo, { ...gemini, MY_MODEL: 'ghp_0123456789abcdefghijklmnopqrstuvwxyz' });
    expect(secret.status, secret.stderr).toBe(0);
    expect(secret.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:unknown\n');
  });
});
