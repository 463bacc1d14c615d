// Row 334: Codex reads no OPENAI_MODEL or CODEX_MODEL (codex-cli: `--model`, its config file,
// its default; codex-rs: `--model`, the profile, config.toml's `model`, its default, taken from
// OPENAI_DEFAULT_MODEL by early codex-rs). A developer keeps `OPENAI_MODEL=gpt-4.1` exported for
// other tools and runs Codex on qwen3-coder from ~/.codex/config.toml; aitrail recorded both
// `codex:openai/gpt-4.1` and `codex:qwen/qwen3-coder`, so `deny: ["openai/*"]` refused a commit no
// OpenAI model wrote. Committed for real through the installed hooks with Codex's environment.
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';

/** A home directory of the test's own with `files`, Codex's and the shell's model variables set as a developer's may be. */
function env(files: Record<string, string>, vars: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { HOME: homeWith(files), CODEX_HOME: undefined, OPENAI_DEFAULT_MODEL: undefined, CODEX_SANDBOX: 'seatbelt', ...vars };
}

describe('Codex reads no OPENAI_MODEL or CODEX_MODEL (row 334)', () => {
  it("the config.toml model alone is recorded beside the shell's OPENAI_MODEL; OPENAI_DEFAULT_MODEL, read by early codex-rs, still is without one", () => {
    const repo = hooked('policy:\n  deny: ["openai/*"]\n');
    const config = { '.codex/config.toml': 'model = "qwen3-coder"\nmodel_provider = "ollama"\n' };
    const shell = { OPENAI_MODEL: 'gpt-4.1', CODEX_MODEL: 'gpt-4o' };

    const qwen = commit(repo, env(config, shell));
    expect(qwen.status, qwen.stderr).toBe(0);
    expect(qwen.message).toBe('feat: parser\n\nAssisted-by: codex:qwen/qwen3-coder\n');

    // No config model: early codex-rs used OPENAI_DEFAULT_MODEL; still recorded, still refused.
    const fallback = commit(repo, env({}, { ...shell, OPENAI_DEFAULT_MODEL: 'o3' }));
    expect(fallback.status).not.toBe(0);
    expect(fallback.stderr).toMatch(/openai\/o3 \(via codex\) is denied/);
    expect(fallback.stderr).not.toMatch(/gpt-4/);
  });
});
