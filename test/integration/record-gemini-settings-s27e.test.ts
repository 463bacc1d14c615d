// Row 327: Gemini CLI's model lives in its settings files (`model.name` of ~/.gemini/settings.json,
// the project's .gemini/settings.json, /etc/gemini-cli/settings.json: what its /model dialog
// writes), not in a variable. Committed for real through the installed hooks with Gemini CLI's
// environment (`GEMINI_CLI=1`) and a home directory of the test's own. Before: `gemini-cli:unknown`
// (one warning line), so `deny: ["google/gemini-3-pro-preview"]` passed it; and the `auto-gemini-3`
// its dialog writes was `unknown`, no vendor at all.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

const PREVIEW_DENIED = 'policy:\n  deny: ["google/gemini-3-pro-preview"]\n';

/** A home directory of the test's own, Gemini CLI's variables cleared: nothing of the machine's settings leaks in. */
function home(files: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = homeWith(files);
  return { HOME: dir, GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined };
}

describe("Gemini CLI's model in its settings files (row 327)", () => {
  it('~/.gemini/settings.json model.name: recorded and refused; the project file over it; GEMINI_MODEL over both; a person reads none', () => {
    const user = home({ '.gemini/settings.json': '{\n  "model": { "name": "gemini-3-pro-preview" }\n}\n' });
    const repo = hooked(PREVIEW_DENIED);
    const gemini = { ...user, GEMINI_CLI: '1' };

    const refused = commit(repo, gemini);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/google\/gemini-3-pro-preview \(via gemini-cli\) is denied/);
    const recorded = commit(repo, gemini, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-3-pro-preview\n');

    // Set-up, hooks off: within the second of the refused commit above, by the same author, the shims
    // start node (it may be an amend of that commit, row 330), and this helper's git has no aitrail on PATH.
    repo.commit('chore: project model\n', { '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}\n' }, { AITRAIL: '0' });
    const project = commit(repo, gemini);
    expect(project.status, project.stderr).toBe(0);
    expect(project.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-pro\n');
    expect(project.message).not.toContain('preview');

    const variable = commit(repo, { ...gemini, GEMINI_MODEL: 'gemini-3-pro-preview' });
    expect(variable.status).not.toBe(0);
    expect(variable.stderr).toMatch(/google\/gemini-3-pro-preview \(via gemini-cli\) is denied/);

    const person = commit(repo, user, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });

  it("the auto-gemini-3 Gemini CLI's /model dialog writes is Google's, routed (the Pro and Flash families since row 831), not a vendorless unknown", () => {
    const repo = hooked('policy:\n  deny: ["google/*"]\n');
    const result = commit(repo, { ...home({ '.gemini/settings.json': '{"model": {"name": "auto-gemini-3"}}' }), GEMINI_CLI: '1' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/google\/gemini-pro \(via gemini-cli\) is denied/);
  });
});

// Row 328: Qwen Code reads its settings' `model.name` before OPENAI_MODEL and QWEN_MODEL (and
// OPENAI_MODEL before QWEN_MODEL). A developer with `OPENAI_MODEL=gpt-4.1` exported for other tools
// ran Qwen Code on qwen3-coder-plus, chosen in ~/.qwen/settings.json; the commit read as
// `qwen-code:openai/gpt-4.1`, so `deny: ["qwen/*"]` let the Qwen model through.
describe("Qwen Code's settings model comes before its variables (row 328)", () => {
  it('~/.qwen/settings.json model.name replaces OPENAI_MODEL; without it, OPENAI_MODEL before QWEN_MODEL; a person reads none', () => {
    const user = {
      ...home({ '.qwen/settings.json': '{\n  "$version": 3,\n  // picked with /model\n  "model": { "name": "qwen3-coder-plus" }\n}\n' }),
      OPENAI_MODEL: 'gpt-4.1',
      QWEN_MODEL: undefined,
      QWEN_CODE_SYSTEM_SETTINGS_PATH: '/nonexistent/qwen-system.json',
      QWEN_CODE_SYSTEM_DEFAULTS_PATH: '/nonexistent/qwen-defaults.json',
      QWEN_CODE_TRUSTED_FOLDERS_PATH: undefined,
    };
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const qwen = { ...user, QWEN_CODE: '1' };

    const refused = commit(repo, qwen);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder-plus \(via qwen-code\) is denied/);
    const recorded = commit(repo, qwen, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder-plus\n');

    const bare = { ...home(), OPENAI_MODEL: 'gpt-4.1', QWEN_MODEL: 'qwen3-coder-plus', QWEN_CODE: '1' };
    const ordered = commit(repo, bare);
    expect(ordered.status, ordered.stderr).toBe(0);
    expect(ordered.message).toBe('feat: parser\n\nAssisted-by: qwen-code:openai/gpt-4.1\n');

    const person = commit(repo, user, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});

// Row 329: goose keeps the model `goose configure` picked as `GOOSE_MODEL:` in
// ~/.config/goose/config.yaml; with no GOOSE_MODEL variable its commits read as `goose:unknown`.
describe("goose's configured model (row 329)", () => {
  it('GOOSE_MODEL of ~/.config/goose/config.yaml is recorded and refused; the GOOSE_MODEL variable replaces it; a person reads none', () => {
    const user = { ...home({ '.config/goose/config.yaml': 'GOOSE_PROVIDER: openrouter\nGOOSE_MODEL: qwen/qwen3-coder\n' }), XDG_CONFIG_HOME: undefined, GOOSE_MODEL: undefined };
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const goose = { ...user, GOOSE_TERMINAL: '1' };

    const refused = commit(repo, goose);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);
    const recorded = commit(repo, goose, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: goose:qwen/qwen3-coder\n');

    const variable = commit(repo, { ...goose, GOOSE_MODEL: 'claude-sonnet-4-5' });
    expect(variable.status, variable.stderr).toBe(0);
    expect(variable.message).toBe('feat: parser\n\nAssisted-by: goose:anthropic/claude-sonnet-4.5\n');

    const person = commit(repo, user, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});
