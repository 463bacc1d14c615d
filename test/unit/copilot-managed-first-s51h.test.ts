// Row 981: Copilot CLI's managed settings (`/etc/github-copilot/managed-settings.json`, an organisation's file) come
// before every user-level settings file (docs.github.com, enterprise managed settings: "settings earlier in this list
// take precedence": MDM, server, file-based, user-level), yet the hooks read it last, only when no other file named a
// model: an organisation's `gpt-5` under a person's `~/.copilot/settings.json` naming Claude was recorded as Claude.
// The managed file lives under /etc: read here with a system root of the test's own (the hooks read the real one).
import { describe, expect, it } from 'vitest';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { argvPlace } from '../helpers/argv-place.js';

const MANAGED = process.platform === 'darwin' ? 'system/Library/Application Support/GitHubCopilot/managed-settings.json' : 'system/etc/github-copilot/managed-settings.json';
const TRUSTED = (root: string) => JSON.stringify({ trustedFolders: [root] });

function place(files: Record<string, string>, env: Record<string, string> = {}): SettingsPlace {
  return argvPlace(files, env, []);
}

async function copilot(at: SettingsPlace) {
  return (await readAgentSettings(['copilot'], at)).copilot;
}

describe("Copilot CLI's managed model before the person's and the repository's files (row 981)", () => {
  it("the organisation's model over the user's settings.json model", async () => {
    const found = await copilot(place({ 'home/.copilot/settings.json': '{"model": "claude-sonnet-4.5"}', [MANAGED]: '{"model": "gpt-5"}' }, { COPILOT_CLI: '1' }));
    expect(found).toMatchObject({ model: 'gpt-5', evidence: expect.stringContaining('managed-settings.json model="gpt-5"') });
  });

  it("the organisation's older permissions.model over config.json's and a trusted repository's model", async () => {
    const at = place({ 'root/.github/copilot/settings.json': '{"model": "claude-opus-4.1"}', 'home/.copilot/config.json': '{"model": "claude-sonnet-4.5"}', [MANAGED]: '{"permissions": {"model": "gpt-5"}}' }, { COPILOT_CLI: '1' });
    // Trust the work tree as Copilot CLI keeps it (settings.json's trustedFolders).
    const trusted = place({ 'root/.github/copilot/settings.json': '{"model": "claude-opus-4.1"}', 'home/.copilot/settings.json': TRUSTED(at.root), [MANAGED]: '{"permissions": {"model": "gpt-5"}}' }, { COPILOT_CLI: '1' });
    expect((await copilot(at))?.model).toBe('gpt-5');
    expect((await copilot(trusted))?.model).toBe('gpt-5');
  });

  it('careless truth: COPILOT_MODEL still comes first; no managed model, the user file read as before', async () => {
    const files = { 'home/.copilot/settings.json': '{"model": "claude-sonnet-4.5"}', [MANAGED]: '{"model": "gpt-5"}' };
    // The variable is read over the settings' model where the hooks read the environment (overriddenBy).
    expect((await copilot(place(files, { COPILOT_CLI: '1', COPILOT_MODEL: 'claude-haiku-4.5' })))?.overriddenBy).toContain('COPILOT_MODEL');
    expect((await copilot(place({ ...files, [MANAGED]: '{"enabledPlugins": {}}' }, { COPILOT_CLI: '1' })))?.model).toBe('claude-sonnet-4.5');
  });
});
