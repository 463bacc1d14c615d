// Row 335: goose's lead/worker mode runs its first turns (and its turns after failures) on
// GOOSE_LEAD_MODEL, and `/plan` on GOOSE_PLANNER_MODEL; both write code. goose reads each from its
// variable first, then from the key of the same name in ~/.config/goose/config.yaml.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gooseModel } from '../../src/agent-settings/goose.js';
import { settingsPlace } from '../../src/agent-settings/settings-place.js';
import { detectAtCommitTime } from '../../src/core/detect/commit-time.js';
import type { SettingsModel } from '../../src/core/types.js';

async function readConfig(yaml: string): Promise<SettingsModel | null> {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-goose-')));
  mkdirSync(join(base, 'home/.config/goose'), { recursive: true });
  mkdirSync(join(base, 'root'));
  writeFileSync(join(base, 'home/.config/goose/config.yaml'), yaml);
  return gooseModel(settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home') }, join(base, 'system')));
}

const models = (env: Record<string, string>, settings?: Record<string, SettingsModel>) =>
  detectAtCommitTime('feat: x\n', { env, ...(settings ? { settings: { goose: settings.goose! } } : {}) }).map((found) => `${found.agent}:${found.model}`);

describe("goose's lead and planner models (row 335)", () => {
  it('the variables: GOOSE_LEAD_MODEL and GOOSE_PLANNER_MODEL are recorded beside GOOSE_MODEL; alone, the one recorded', () => {
    expect(models({ GOOSE_TERMINAL: '1', GOOSE_MODEL: 'gpt-4o-mini', GOOSE_LEAD_MODEL: 'qwen3-coder' })).toEqual(['goose:openai/gpt-4o-mini', 'goose:qwen/qwen3-coder']);
    expect(models({ GOOSE_TERMINAL: '1', GOOSE_PLANNER_MODEL: 'claude-opus-4-5' })).toEqual(['goose:anthropic/claude-opus-4.5']);
    // Without goose's marker, its variables name nothing (a person's shell may keep them).
    expect(models({ GOOSE_LEAD_MODEL: 'qwen3-coder' })).toEqual([]);
  });

  it('config.yaml: the lead and planner keys are read after their own variables, whatever GOOSE_MODEL says', async () => {
    const config = await readConfig('GOOSE_PROVIDER: openai\nGOOSE_MODEL: gpt-4o-mini\nGOOSE_LEAD_PROVIDER: openrouter\nGOOSE_LEAD_MODEL: qwen/qwen3-coder\nGOOSE_PLANNER_MODEL: o3\n');
    expect(config).toEqual({
      model: 'gpt-4o-mini',
      evidence: 'settings ~/.config/goose/config.yaml GOOSE_MODEL="gpt-4o-mini"',
      overriddenBy: ['GOOSE_MODEL'],
      also: [
        { model: 'qwen/qwen3-coder', evidence: 'settings ~/.config/goose/config.yaml GOOSE_LEAD_MODEL="qwen/qwen3-coder"', overriddenBy: ['GOOSE_LEAD_MODEL'] },
        { model: 'o3', evidence: 'settings ~/.config/goose/config.yaml GOOSE_PLANNER_MODEL="o3"', overriddenBy: ['GOOSE_PLANNER_MODEL'] },
      ],
    });
    const goose = { goose: config! };
    expect(models({ GOOSE_TERMINAL: '1' }, goose)).toEqual(['goose:openai/gpt-4o-mini', 'goose:qwen/qwen3-coder', 'goose:openai/o3']);
    expect(models({ GOOSE_TERMINAL: '1', GOOSE_MODEL: 'gpt-4.1' }, goose)).toEqual(['goose:openai/gpt-4.1', 'goose:qwen/qwen3-coder', 'goose:openai/o3']);
    expect(models({ GOOSE_TERMINAL: '1', GOOSE_LEAD_MODEL: 'gpt-4o' }, goose)).toEqual(['goose:openai/gpt-4o-mini', 'goose:openai/gpt-4o', 'goose:openai/o3']);
  });

  it('a config.yaml naming only a lead model: the lead recorded; none of them: no settings', async () => {
    const config = await readConfig('GOOSE_LEAD_MODEL: qwen/qwen3-coder\n');
    expect(config?.model).toBe('');
    expect(models({ GOOSE_TERMINAL: '1' }, { goose: config! })).toEqual(['goose:qwen/qwen3-coder']);
    expect(await readConfig('GOOSE_PROVIDER: openai\n')).toBeNull();
  });
});
