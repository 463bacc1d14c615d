// Row 982: Gemini CLI resolves the model it asks for through its settings' `modelConfigs` (google-gemini/gemini-cli
// `packages/core/src/services/modelConfigService.ts`: `customAliases` of that name, their `extends` chain, then
// `customOverrides` whose `match.model` names it), and the alias's `modelConfig.model` is what is sent. A custom alias
// named `gemini-2.5-flash` sending `gemini-2.5-pro` was recorded `gemini-cli:google/gemini-2.5-flash` and passed a
// deny of the Pro model. Committed for real through init's installed hooks, Gemini CLI detected by `GEMINI_CLI=1`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';

const DENY = 'policy:\n  deny: ["google/gemini-2.5-pro"]\n';

function geminiEnv(settings: object, variable?: string): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': JSON.stringify(settings) });
  return { HOME: dir, GEMINI_CLI: '1', GEMINI_MODEL: variable, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined, GOOGLE_GEMINI_BASE_URL: undefined, GOOGLE_VERTEX_BASE_URL: undefined };
}

const FLASH = { model: { name: 'gemini-2.5-flash' } };

describe("Gemini CLI's custom aliases and overrides sending another model (row 982)", () => {
  it('a custom alias named like the model asked for, sending Pro: Pro recorded, refused', () => {
    const repo = hooked(DENY);
    const result = agentCommit(repo, geminiEnv({ ...FLASH, modelConfigs: { customAliases: { 'gemini-2.5-flash': { modelConfig: { model: 'gemini-2.5-pro' } } } } }));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('modelConfigs.customAliases.gemini-2.5-flash.modelConfig.model="gemini-2.5-pro"');
  });

  it("through an alias's extends chain, a customOverrides entry, and for GEMINI_MODEL's name", () => {
    const repo = hooked(DENY);
    const chained = agentCommit(repo, geminiEnv({ ...FLASH, modelConfigs: { customAliases: { base: { modelConfig: { model: 'gemini-2.5-pro' } }, 'gemini-2.5-flash': { extends: 'base', modelConfig: { generateContentConfig: { temperature: 0 } } } } } }));
    expect(chained.status, chained.stderr).toBe(1);
    const override = agentCommit(repo, geminiEnv({ ...FLASH, modelConfigs: { customOverrides: [{ match: { model: 'gemini-2.5-flash' }, modelConfig: { model: 'gemini-2.5-pro' } }] } }));
    expect(override.status, override.stderr).toBe(1);
    expect(override.stderr).toContain('modelConfigs.customOverrides[0].modelConfig.model="gemini-2.5-pro"');
    const variable = agentCommit(repo, geminiEnv({ modelConfigs: { customAliases: { 'gemini-2.5-flash': { modelConfig: { model: 'gemini-2.5-pro' } } } } }, 'gemini-2.5-flash'));
    expect(variable.status, variable.stderr).toBe(1);
  });

  it('careless truth: an alias tuning only generation settings, or one of another name, leaves the model asked for recorded', () => {
    const repo = hooked(DENY);
    const tuned = agentCommit(repo, geminiEnv({ ...FLASH, modelConfigs: { customAliases: { 'gemini-2.5-flash': { modelConfig: { generateContentConfig: { temperature: 0 } } }, precise: { modelConfig: { model: 'gemini-2.5-pro' } } } } }));
    expect(tuned.status, tuned.stderr).toBe(0);
    expect(tuned.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-flash');
  });
});
