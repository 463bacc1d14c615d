// Row 1052: with nothing naming Gemini CLI's model (its default, `auto`, recorded `gemini-cli:unknown`), row 1024's
// retry override (`customOverrides: [{ match: { isRetry: true }, modelConfig: { model: "gemini-2.5-flash" } }]`) was
// recorded alone: the reading returned an empty model with the retry's beside, and the record became
// `gemini-cli:google/gemini-2.5-flash`, so the first attempts (the default's, most of the work) vanished and the
// commit passed `unknownModel: deny`, which refuses the same settings without the override. This test failed before its
// fix (gemini-cli.ts geminiCliModel). Committed for real through init's installed hooks, Gemini CLI by `GEMINI_CLI=1`.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hooked } from '../helpers/agent-home.js';

function geminiEnv(settings: object, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dir = homeWith({ '.gemini/settings.json': JSON.stringify(settings) });
  return { HOME: dir, GEMINI_CLI: '1', GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined, GOOGLE_GEMINI_BASE_URL: undefined, GOOGLE_VERTEX_BASE_URL: undefined, ...extra };
}

const ON_RETRY = { customOverrides: [{ match: { isRetry: true }, modelConfig: { model: 'gemini-2.5-flash' } }] };

describe("Gemini CLI's default model beside a retry override (row 1052)", () => {
  it('nothing named, a retry override to an allowed model: still unknown, refused under unknownModel: deny', () => {
    const repo = hooked('policy:\n  unknownModel: deny\n');
    const result = agentCommit(repo, geminiEnv({ modelConfigs: ON_RETRY }));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('nothing names one');
    const warned = agentCommit(hooked('policy:\n  unknownModel: warn\n'), geminiEnv({ modelConfigs: ON_RETRY }));
    expect(warned.status, warned.stderr).toBe(0);
    expect(warned.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:unknown\nAssisted-by: gemini-cli:google/gemini-2.5-flash\n');
  });

  it('careless truth: a model named in the settings or GEMINI_MODEL stays the main one, the retry beside, nothing unknown', () => {
    const repo = hooked('policy:\n  unknownModel: deny\n');
    const named = agentCommit(repo, geminiEnv({ model: { name: 'gemini-2.5-pro' }, modelConfigs: ON_RETRY }));
    expect(named.status, named.stderr).toBe(0);
    expect(named.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-pro\nAssisted-by: gemini-cli:google/gemini-2.5-flash\n');
    const variable = agentCommit(repo, geminiEnv({ modelConfigs: ON_RETRY }, { GEMINI_MODEL: 'gemini-2.5-pro' }));
    expect(variable.status, variable.stderr).toBe(0);
    expect(variable.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-pro');
    expect(variable.message).not.toContain('unknown');
  });
});
