// aider's architect mode writes the code with its editor model (`--editor-model`, `AIDER_EDITOR_MODEL`,
// `editor-model:` in .aider.conf.yml); with the author's `(aider)` suffix (no co-author line naming the
// model), the commit recorded only the main model and passed `deny: ["qwen/*"]`. Committed for real
// through the installed hooks by an executable named `aider` (a Python entry point, as pip installs it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import { hookEnv } from '../helpers/hooks.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const ARCHITECT = ['--architect', '--model', 'o3', '--editor-model', 'openrouter/qwen/qwen3-coder'];

function withAider(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PATH: `${agentsOnPath([{ name: 'aider', python: true }])}:${env.PATH ?? ''}` };
}

describe("aider's editor model", () => {
  it('aider --architect --editor-model is recorded beside --model, and deny qwen/* refuses it', () => {
    const env = withAider(hookEnv({ HOME: homeWith(), GIT_AUTHOR_NAME: 'Test Human (aider)' }));
    const refused = commitThrough(hooked('policy:\n  deny: ["qwen/*"]\n'), 'aider', ARCHITECT, env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via aider\) is denied/);

    const recorded = commitThrough(hooked('policy: {}\n'), 'aider', ARCHITECT, env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: aider:openai/o3\nAssisted-by: aider:qwen/qwen3-coder\n');
  });

  it('AIDER_EDITOR_MODEL and editor-model in .aider.conf.yml are recorded too, whatever the mode', () => {
    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const base = hookEnv({ GIT_AUTHOR_NAME: 'Test Human (aider)' });
    const byEnv = commitThrough(denied, 'aider', ['--model', 'o3'], withAider({ ...base, HOME: homeWith(), AIDER_EDITOR_MODEL: 'openrouter/qwen/qwen3-coder' }));
    expect(byEnv.status).not.toBe(0);
    expect(byEnv.stderr).toMatch(/qwen\/qwen3-coder \(via aider\) is denied/);
    const conf = homeWith({ '.aider.conf.yml': 'model: o3\nedit-format: architect\neditor-model: openrouter/qwen/qwen3-coder\n' });
    const byConf = commitThrough(denied, 'aider', ['--yes'], withAider({ ...base, HOME: conf }));
    expect(byConf.status).not.toBe(0);
    expect(byConf.stderr).toMatch(/qwen\/qwen3-coder \(via aider\) is denied/);
  });

  it("a person's commit from under aider --editor-model, AIDER_EDITOR_MODEL set, is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const result = commitThrough(repo, 'aider', ARCHITECT, withAider({ ...env, HOME: homeWith(), AIDER_EDITOR_MODEL: 'qwen3-coder' }));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
