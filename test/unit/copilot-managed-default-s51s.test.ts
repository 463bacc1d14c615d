// Row 1010: GitHub's enterprise managed settings reference gives Copilot clients' `model` key also as an object,
// "default set to a supported model name" (`{"model": {"default": "gpt-5"}}`). Row 981 read only a string `model`
// and `permissions.model`: the object form read as no managed model, so the person's own `~/.copilot/settings.json`
// (`claude-sonnet-4.5`) was recorded while Copilot CLI ran the organisation's default. This test failed before its fix
// (copilot-cli.ts managedModel). The managed file lives under /etc: read with a system root of the test's own.
import { describe, expect, it } from 'vitest';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import { argvPlace } from '../helpers/argv-place.js';

const MANAGED = process.platform === 'darwin' ? 'system/Library/Application Support/GitHubCopilot/managed-settings.json' : 'system/etc/github-copilot/managed-settings.json';
const USER = { 'home/.copilot/settings.json': '{"model": "claude-sonnet-4.5"}' };

async function copilot(files: Record<string, string>) {
  return (await readAgentSettings(['copilot'], argvPlace(files, { COPILOT_CLI: '1' }, []))).copilot;
}

describe("Copilot CLI's managed `model.default` (row 1010)", () => {
  it("the organisation's model.default over the person's settings.json model", async () => {
    const found = await copilot({ ...USER, [MANAGED]: '{"model": {"default": "gpt-5"}}' });
    expect(found).toMatchObject({ model: 'gpt-5', evidence: expect.stringContaining('managed-settings.json model.default="gpt-5"') });
  });

  it('careless truth: a model object without a default, or a non-string one, leaves the person\'s file read', async () => {
    expect((await copilot({ ...USER, [MANAGED]: '{"model": {"allowed": ["gpt-5"]}}' }))?.model).toBe('claude-sonnet-4.5');
    expect((await copilot({ ...USER, [MANAGED]: '{"model": {"default": 5}}' }))?.model).toBe('claude-sonnet-4.5');
    // The string form and permissions.model as before (row 981).
    expect((await copilot({ ...USER, [MANAGED]: '{"model": "gpt-5", "permissions": {"model": "o3"}}' }))?.model).toBe('gpt-5');
  });
});
