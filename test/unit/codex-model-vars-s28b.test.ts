// Row 334: Codex reads no model variable. codex-cli (TypeScript) takes `--model`, then its config
// file's `model`, then its default; codex-rs takes `--model`, the profile's `model`, config.toml's
// `model`, then its default, which early codex-rs read from OPENAI_DEFAULT_MODEL (env_flags in
// codex-rs/core/src/flags.rs). aitrail read CODEX_MODEL and OPENAI_MODEL as Codex's model: a
// developer's `OPENAI_MODEL` exported for other tools was recorded beside the config.toml model.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codexModel } from '../../src/agent-settings/codex.js';
import { settingsPlace } from '../../src/agent-settings/settings-place.js';
import { detectAtCommitTime } from '../../src/core/detect/commit-time.js';

function homeWith(files: Record<string, string>) {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-codex-')));
  for (const dir of ['root', 'home', 'system']) mkdirSync(join(base, dir));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home') }, join(base, 'system'));
}

describe('Codex reads no OPENAI_MODEL or CODEX_MODEL (row 334)', () => {
  it("config.toml's model replaces OPENAI_DEFAULT_MODEL, the only model variable any Codex read", async () => {
    const place = homeWith({ 'home/.codex/config.toml': 'model = "qwen3-coder"\nmodel_provider = "ollama"\n' });
    expect(await codexModel(place)).toEqual({ model: 'qwen3-coder', evidence: 'settings ~/.codex/config.toml model="qwen3-coder"', replaces: ['OPENAI_DEFAULT_MODEL'] });
  });

  it('detection: the config model alone beside OPENAI_MODEL and CODEX_MODEL; with none, OPENAI_DEFAULT_MODEL; never OPENAI_MODEL', () => {
    const settings = { codex: { model: 'qwen3-coder', evidence: 'settings ~/.codex/config.toml model="qwen3-coder"', replaces: ['OPENAI_DEFAULT_MODEL'] } };
    const models = (env: Record<string, string>, withSettings = true) =>
      detectAtCommitTime('feat: x\n', { env, ...(withSettings ? { settings } : {}) }).map((found) => `${found.agent}:${found.model}`);
    const shell = { OPENAI_MODEL: 'gpt-4.1', CODEX_MODEL: 'gpt-4o' };
    for (const marker of [{ CODEX_SANDBOX: 'seatbelt' }, { CODEX_SANDBOX_NETWORK_DISABLED: '1' }, { CODEX_THREAD_ID: 't1' }, { CODEX_CI: '1' }]) {
      expect(models({ ...marker, ...shell })).toEqual(['codex:qwen/qwen3-coder']);
      expect(models({ ...marker, ...shell, OPENAI_DEFAULT_MODEL: 'o3' })).toEqual(['codex:qwen/qwen3-coder']);
      expect(models({ ...marker, ...shell }, false)).toEqual(['codex:unknown']);
      expect(models({ ...marker, ...shell, OPENAI_DEFAULT_MODEL: 'o3' }, false)).toEqual(['codex:openai/o3']);
    }
  });
});
