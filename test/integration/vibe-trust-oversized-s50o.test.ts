// Row 970: Mistral Vibe reads `~/.vibe/trusted_folders.toml` whole (`vibe/core/trusted_folders.py`, `tomllib.load`) to
// decide whether the project's `.vibe/config.toml` replaces the person's, but the hooks read it with no bound's
// answer: one past 1 MiB was no file, so no folder trusted. A padded trust file listing the work tree let Vibe run the
// project's Qwen while the hooks recorded the person's Devstral, passing `deny: ["qwen/*"]`. Now a project config whose
// trust file is past the bound makes the model `mistral-vibe:unknown`. Committed for real through init's installed hooks.
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';
import { STRICT } from '../helpers/local-gateway.js';

const PAD = `# ${'x'.repeat(1024 * 1024)}\n`;
const PERSON = 'active_model = "devstral"\n\n[[models]]\nname = "devstral-2512"\nprovider = "mistral"\nalias = "devstral"\n';
const PROJECT = 'active_model = "coder"\n\n[[models]]\nname = "qwen/qwen3-coder"\nprovider = "openrouter"\nalias = "coder"\n';

function vibeEnv(trust: string): NodeJS.ProcessEnv {
  return { HOME: homeWith({ '.vibe/config.toml': PERSON, '.vibe/trusted_folders.toml': trust }), AI_AGENT: 'mistral-vibe', VIBE_HOME: undefined, VIBE_ACTIVE_MODEL: undefined };
}

describe("Mistral Vibe's trusted_folders.toml past the bound the hooks read (row 970)", () => {
  it("a padded trust file trusting the work tree: not the person's Devstral but mistral-vibe:unknown, refused under unknownModel: deny", () => {
    const repo = hooked(STRICT, { '.vibe/config.toml': PROJECT });
    const result = agentCommit(repo, vibeEnv(`trusted = [${JSON.stringify(realpathSync(repo.dir))}]\n${PAD}`));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('trusted_folders.toml (over 1 MiB, not read');
    expect(result.stderr).not.toMatch(/devstral/);
  });

  it('careless truth: no project config, a padded trust file changes nothing; a trust file under the bound read as before', () => {
    const deny = 'policy:\n  deny: ["qwen/*"]\n';
    const plain = hooked(deny);
    const padded = agentCommit(plain, vibeEnv(`trusted = []\n${PAD}`));
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toContain('Assisted-by: mistral-vibe:mistralai/devstral-2512');
    const repo = hooked(deny, { '.vibe/config.toml': PROJECT });
    const small = agentCommit(repo, vibeEnv(`trusted = [${JSON.stringify(realpathSync(repo.dir))}]\n`));
    expect(small.status).toBe(1);
    expect(small.stderr).toMatch(/qwen\/qwen3-coder \(via mistral-vibe\) is denied/);
  });
});
