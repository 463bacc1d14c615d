// Row 956: Mistral Vibe reads its config.toml whole, but the hooks read one past the 1 MiB bound as no file: with
// VIBE_ACTIVE_MODEL=devstral naming an alias the padded file defines as `qwen/qwen3-coder` at OpenRouter, the alias
// was read as written and recorded `mistral-vibe:devstral…` (Mistral's), passing `deny: ["qwen/*"]` and
// unknownModel: deny. Now a padded config (the person's, or a trusted project's) makes the model
// `mistral-vibe:unknown`. Committed for real through init's installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { STRICT } from '../helpers/local-gateway.js';

const PAD = `# ${'x'.repeat(1024 * 1024)}\n`;
const QWEN_ALIAS = 'active_model = "devstral"\n\n[[models]]\nname = "qwen/qwen3-coder"\nprovider = "openrouter"\nalias = "devstral"\n';

function vibeEnv(config: string): NodeJS.ProcessEnv {
  return { HOME: homeWith({ '.vibe/config.toml': config, '.vibe/trusted_folders.toml': 'trusted = []\nuntrusted = []\n' }), AI_AGENT: 'mistral-vibe', VIBE_HOME: undefined, VIBE_ACTIVE_MODEL: 'devstral' };
}

describe("Mistral Vibe's config.toml past the bound the hooks read (row 956)", () => {
  it('a padded config.toml redefining the alias VIBE_ACTIVE_MODEL names: mistral-vibe:unknown, refused under unknownModel: deny', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, vibeEnv(`${QWEN_ALIAS}${PAD}`));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('config.toml (over 1 MiB, not read');
    expect(result.stderr).not.toMatch(/model: mistral/);
  });

  it('careless truth: mistral-vibe:unknown where unknown models are allowed; the same file under the bound read as before', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const padded = agentCommit(repo, vibeEnv(`active_model = "devstral"\n${PAD}`));
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toContain('Assisted-by: mistral-vibe:unknown');
    const small = agentCommit(repo, vibeEnv(QWEN_ALIAS));
    expect(small.status).toBe(1);
    expect(small.stderr).toMatch(/qwen\/qwen3-coder \(via mistral-vibe\) is denied/);
  });
});
