// Row 336: Gemini CLI resolves `$NAME` and `${NAME}` in the strings of each settings file it loads
// (gemini-cli packages/cli/src/utils/envVarResolver.ts), so `"model": {"name": "$MY_MODEL"}` is the
// model MY_MODEL names. aitrail took the reference literally: `unknown`.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvedReferences } from '../../src/agent-settings/env-reference.js';
import { geminiCliModel } from '../../src/agent-settings/gemini-cli.js';
import { settingsPlace } from '../../src/agent-settings/settings-place.js';
import { modelOrUnknown } from '../../src/core/detect/env-findings.js';

function userSettings(text: string, env: Record<string, string>) {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-gemini-ref-')));
  mkdirSync(join(base, 'home/.gemini'), { recursive: true });
  mkdirSync(join(base, 'root'));
  writeFileSync(join(base, 'home/.gemini/settings.json'), text);
  const none = join(base, 'none.json');
  return geminiCliModel(settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home'), GEMINI_CLI_SYSTEM_SETTINGS_PATH: none, GEMINI_CLI_SYSTEM_DEFAULTS_PATH: none, ...env }, join(base, 'system')));
}

describe("Gemini CLI's environment references in its settings (row 336)", () => {
  it('$NAME and ${NAME} are the variable; an unset one stays as written, and reads as no model', () => {
    const env = { MY_MODEL: 'qwen3-coder', VENDOR: 'qwen', EMPTY: '' };
    expect(resolvedReferences('$MY_MODEL', env, 'gemini-cli')).toBe('qwen3-coder');
    expect(resolvedReferences('${MY_MODEL}', env, 'gemini-cli')).toBe('qwen3-coder');
    expect(resolvedReferences('$UNSET_MODEL', env, 'gemini-cli')).toBe('$UNSET_MODEL');
    expect(resolvedReferences('${UNSET}', env, 'gemini-cli')).toBe('${UNSET}');
    // One pass: a value that is itself a reference is not resolved again.
    expect(resolvedReferences('$A', { A: '$MY_MODEL', MY_MODEL: 'qwen3-coder' }, 'gemini-cli')).toBe('$A');
    // What the literal reference recorded before, and still does for an unset one: unknown (no vendor).
    expect(modelOrUnknown('$UNSET_MODEL', {}, 'gemini-cli')).toBe('unknown');
  });

  it('a value naming no model (a secret) is never written: the reference stays', () => {
    const env = { GITHUB_TOKEN: 'ghp_0123456789abcdefghijklmnopqrstuvwxyz', HOME_DIR: '/home/me' };
    expect(resolvedReferences('$GITHUB_TOKEN', env, 'gemini-cli')).toBe('$GITHUB_TOKEN');
    expect(resolvedReferences('${HOME_DIR}', env, 'gemini-cli')).toBe('${HOME_DIR}');
    // Property names of Object.prototype are no variables.
    expect(resolvedReferences('$constructor', {}, 'gemini-cli')).toBe('$constructor');
  });

  it("the settings model is the variable's, the reference in its evidence", () => {
    expect(userSettings('{"model": {"name": "$MY_MODEL"}}', { MY_MODEL: 'qwen3-coder' })).toEqual({
      model: 'qwen3-coder',
      evidence: 'settings ~/.gemini/settings.json model.name="$MY_MODEL" resolved="qwen3-coder"',
      overriddenBy: ['GEMINI_MODEL'],
    });
    expect(userSettings('{"model": {"name": "${MY_MODEL}"}}', {})?.model).toBe('${MY_MODEL}');
  });
});
