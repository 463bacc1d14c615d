// Rows 994 and 995: row 982 resolved Gemini CLI's `modelConfigs` otherwise than Gemini CLI does
// (google-gemini/gemini-cli `packages/core/src/services/modelConfigService.ts`, `defaultModelConfigs.ts`; the main
// chat asks with `{ model, isChatModel: true }`, `geminiChat.ts`). Row 994: an override scoped to a subagent
// (`overrideScope`) or to retries (`isRetry`) never applies to the main chat, yet was recorded as its model; an
// override matching a built-in alias of the chain (`chat-base`, `base`) or no model at all (`overrideScope: "core"`,
// `isChatModel: true`) applies, yet was not read; overrides apply by level, then specificity, then order, not by order
// alone. Row 995: while an alias applied, every Gemini-named model beside (a subagent's, the chat recording's) was
// dropped as at a gateway. Committed for real through init's installed hooks, Gemini CLI detected by `GEMINI_CLI=1`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';

const DENY = 'policy:\n  deny: ["google/gemini-2.5-pro"]\n';

function geminiEnv(settings: object): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': JSON.stringify(settings) });
  return { HOME: dir, GEMINI_CLI: '1', GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined, GOOGLE_GEMINI_BASE_URL: undefined, GOOGLE_VERTEX_BASE_URL: undefined };
}

const PRO = { model: { name: 'gemini-2.5-pro' } };
const FLASH = { model: { name: 'gemini-2.5-flash' } };
const toPro = { modelConfig: { model: 'gemini-2.5-pro' } };
const toFlash = { modelConfig: { model: 'gemini-2.5-flash' } };

describe("Gemini CLI's model config resolved as Gemini CLI resolves the main chat's (row 994)", () => {
  it('an override scoped to a subagent or to retries does not hide the denied main model', () => {
    const repo = hooked(DENY);
    for (const match of [{ model: 'gemini-2.5-pro', overrideScope: 'codebase_investigator' }, { model: 'gemini-2.5-pro', isRetry: true }]) {
      const result = agentCommit(repo, geminiEnv({ ...PRO, modelConfigs: { customOverrides: [{ match, ...toFlash }] } }));
      expect(result.status, `${JSON.stringify(match)}\n${result.stderr}`).toBe(1);
      expect(result.stderr).toContain('gemini-2.5-pro');
    }
  });

  it('an override of a built-in alias of the chain, a model-less one, or the deeper of two is read', () => {
    const repo = hooked(DENY);
    const cases: object[] = [
      [{ match: { model: 'chat-base' }, ...toPro }],
      [{ match: { model: 'base' }, ...toPro }],
      [{ match: { overrideScope: 'core' }, ...toPro }],
      [{ match: { isChatModel: true }, ...toPro }],
      // Specificity: the override matching two keys applies after the one matching one, whatever their order.
      [{ match: { model: 'gemini-2.5-flash', overrideScope: 'core' }, ...toPro }, { match: { model: 'gemini-2.5-flash' }, modelConfig: { model: 'gemini-2.5-flash-lite' } }],
    ];
    for (const overrides of cases) {
      const result = agentCommit(repo, geminiEnv({ ...FLASH, modelConfigs: { customOverrides: overrides } }));
      expect(result.status, `${JSON.stringify(overrides)}\n${result.stderr}`).toBe(1);
      expect(result.stderr).toContain('customOverrides');
    }
    // A custom alias extending a built-in one that names the model: that model runs.
    const extended = agentCommit(repo, geminiEnv({ model: { name: 'mine' }, modelConfigs: { customAliases: { mine: { extends: 'gemini-2.5-pro', modelConfig: {} } } } }));
    expect(extended.status, extended.stderr).toBe(1);
  });

  // A retry-only override's model is recorded beside since row 1024 (gemini-retry-override-s52g.test.ts).
  it('careless truth: a scoped override leaves the main model recorded', () => {
    const repo = hooked(DENY);
    const result = agentCommit(repo, geminiEnv({ ...FLASH, modelConfigs: { customOverrides: [{ match: { model: 'gemini-2.5-flash', overrideScope: 'codebase_investigator' }, ...toPro }] } }));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-flash');
    expect(result.message).not.toContain('gemini-2.5-pro');
  });
});

describe("a subagent's model kept beside while a custom alias applies (row 995)", () => {
  it("an alias to Flash-Lite does not drop a subagent's denied Pro", () => {
    const repo = hooked(DENY);
    const result = agentCommit(repo, geminiEnv({ ...FLASH, modelConfigs: { customAliases: { 'gemini-2.5-flash': { modelConfig: { model: 'gemini-2.5-flash-lite' } } } }, agents: { overrides: { codebase_investigator: toPro } } }));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('agents.overrides.codebase_investigator.modelConfig.model="gemini-2.5-pro"');
  });
});
