// Row 1024: Gemini CLI asks its model configs again for every retry of the main chat's request
// (google-gemini/gemini-cli `packages/core/src/core/geminiChat.ts`, `sendMessageStream`: `attempt > 0 ? { ...modelConfigKey,
// isRetry: true }`, up to 3 retries of a stream that broke or came back invalid), and `findMatchingOverrides`
// (`modelConfigService.ts`) applies an override whose `match` holds `isRetry: true` to those requests. The hooks read
// every `isRetry` override as never applying, so `{ match: { model: "gemini-2.5-flash", isRetry: true }, modelConfig:
// { model: <denied> } }` sent each retry to the denied model unrecorded. This test failed before its fix
// (gemini-cli.ts overrideLevel, aliasedModel, geminiCliModel). Committed for real through init's installed hooks,
// Gemini CLI detected by `GEMINI_CLI=1`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';

const DENY = 'policy:\n  deny: ["google/gemini-2.5-pro"]\n  unknownModel: warn\n';

function geminiEnv(settings: object): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': JSON.stringify(settings) });
  return { HOME: dir, GEMINI_CLI: '1', GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined, GOOGLE_GEMINI_BASE_URL: undefined, GOOGLE_VERTEX_BASE_URL: undefined };
}

const flash = { name: 'gemini-2.5-flash' };
const onRetry = (match: object, model = 'gemini-2.5-pro') => ({ customOverrides: [{ match, modelConfig: { model } }] });

describe("a Gemini CLI override of the main chat's retries (row 1024)", () => {
  it("records the model a retry is sent to, and refuses it under the deny", () => {
    const repo = hooked(DENY);
    const cases: object[] = [
      { model: 'gemini-2.5-flash', isRetry: true },
      { isRetry: true },
      { model: 'chat-base', isRetry: true, isChatModel: true },
    ];
    for (const match of cases) {
      const result = agentCommit(repo, geminiEnv({ model: flash, modelConfigs: onRetry(match) }));
      expect(result.status, `${JSON.stringify(match)}\n${result.stderr}`).toBe(1);
      expect(result.stderr).toContain('customOverrides[0].modelConfig.model="gemini-2.5-pro" (on a retry)');
    }
    // Beside a first attempt redirected too: both the chat's model and the retry's are read.
    const both = agentCommit(repo, geminiEnv({ model: flash, modelConfigs: { customOverrides: [{ match: { model: 'gemini-2.5-flash' }, modelConfig: { model: 'gemini-2.5-flash-lite' } }, { match: { model: 'gemini-2.5-flash', isRetry: true }, modelConfig: { model: 'gemini-2.5-pro' } }] } }));
    expect(both.status, both.stderr).toBe(1);
    expect(both.stderr).toContain('(on a retry)');
    // A retry sent back to the name asked for, while every first attempt goes to Flash-Lite: that name ran too.
    const back = agentCommit(repo, geminiEnv({ model: { name: 'gemini-2.5-pro' }, modelConfigs: { customAliases: { 'gemini-2.5-pro': { extends: 'chat-base-2.5', modelConfig: { model: 'gemini-2.5-flash-lite' } } }, customOverrides: [{ match: { model: 'gemini-2.5-flash-lite', isRetry: true }, modelConfig: { model: 'gemini-2.5-pro' } }] } }));
    expect(back.status, back.stderr).toBe(1);
    expect(back.stderr).toContain('(on a retry)');
  });

  it('careless truth: `isRetry: false`, a retry override setting no model, and an allowed retry model pass', () => {
    const repo = hooked(DENY);
    const never = agentCommit(repo, geminiEnv({ model: flash, modelConfigs: onRetry({ model: 'gemini-2.5-flash', isRetry: false }) }));
    expect(never.status, never.stderr).toBe(0);
    expect(never.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-flash');
    expect(never.message).not.toContain('gemini-2.5-pro');
    const temperature = agentCommit(repo, geminiEnv({ model: flash, modelConfigs: { customOverrides: [{ match: { isRetry: true }, modelConfig: { generateContentConfig: { temperature: 1 } } }] } }));
    expect(temperature.status, temperature.stderr).toBe(0);
    expect(temperature.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-flash');
    const allowed = agentCommit(repo, geminiEnv({ model: flash, modelConfigs: onRetry({ isRetry: true }, 'gemini-2.5-flash-lite') }));
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.message).toContain('gemini-2.5-flash-lite');
  });
});
