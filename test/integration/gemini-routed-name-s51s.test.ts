// Row 1012, the final review of rows 982 and 994: Gemini CLI's main chat never asks its model configs for
// `auto`, `pro`, `flash` or `flash-lite` (google-gemini/gemini-cli `defaultModelConfigs.ts`: `modelIdResolutions`,
// `classifierIdResolutions`): it routes or resolves the name to a model (`auto` to a pro or a flash model each
// request) and asks for that one, whose chain is `chat-base-3` or `chat-base-2.5`. The hooks resolved `auto` itself,
// a child of `chat-base` alone, so an override of `chat-base-3`, `chat-base-2.5` or `gemini-3-flash-preview` sending
// the denied model went unread (`auto` recorded), and with no model named (Gemini CLI's default is `auto`) no override
// was read at all. This test failed before its fix (gemini-cli.ts ROUTED_NAMES, aliasedModel, geminiCliModel).
// Committed for real through init's installed hooks, Gemini CLI detected by `GEMINI_CLI=1`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';

const DENY = 'policy:\n  deny: ["google/gemini-2.5-pro"]\n  unknownModel: warn\n';
const toPro = { modelConfig: { model: 'gemini-2.5-pro' } };

function geminiEnv(settings: object): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': JSON.stringify(settings) });
  return { HOME: dir, GEMINI_CLI: '1', GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined, GOOGLE_GEMINI_BASE_URL: undefined, GOOGLE_VERTEX_BASE_URL: undefined };
}

describe("an override of the model Gemini CLI routes a name to (row 1012)", () => {
  it('is read for auto, flash and no model named, and refused under the deny', () => {
    const repo = hooked(DENY);
    const cases: [object, object][] = [
      [{ name: 'auto' }, { model: 'chat-base-3' }],
      [{ name: 'auto' }, { model: 'chat-base-2.5' }],
      [{ name: 'flash' }, { model: 'gemini-3-flash-preview' }],
      [{}, { model: 'chat-base' }],
    ];
    for (const [model, match] of cases) {
      const result = agentCommit(repo, geminiEnv({ model, modelConfigs: { customOverrides: [{ match, ...toPro }] } }));
      expect(result.status, `${JSON.stringify([model, match])}\n${result.stderr}`).toBe(1);
      expect(result.stderr).toContain('customOverrides[0].modelConfig.model="gemini-2.5-pro"');
    }
  });

  it("careless truth: an override of another tier's chain leaves a named model recorded; `flash` alone passes", () => {
    const repo = hooked(DENY);
    const result = agentCommit(repo, geminiEnv({ model: { name: 'gemini-2.5-flash' }, modelConfigs: { customOverrides: [{ match: { model: 'chat-base-3' }, ...toPro }] } }));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-flash');
    // `flash` with no override passes as before (its refusal above is the override's; `auto` alone reads as
    // `google/gemini-pro`, a family the deny covers, so its refusals are told by the override's evidence).
    const auto = agentCommit(repo, geminiEnv({ model: { name: 'flash' } }));
    expect(auto.status, auto.stderr).toBe(0);
  });
});
