// aider's `--model`/`--sonnet`-style flags and `goose run --model` choose the run's model before every
// variable and settings file; a hook saw none of it, so the commit read as the settings' model and
// passed `deny: ["qwen/*"]`. Committed for real through the installed hooks by executables named
// `aider` (a Python entry point, as pip installs it) and `goose` on PATH.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import { hookEnv } from '../helpers/hooks.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const run = commitThrough;

function withBin(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, PATH: `${agentsOnPath([{ name: 'aider', python: true }, { name: 'goose' }])}:${env.PATH ?? ''}` };
}

describe("aider's and goose's model flags", () => {
  it('aider --model is recorded over AIDER_MODEL and .aider.conf.yml, and deny qwen/* refuses it', () => {
    const env = withBin(hookEnv({ HOME: homeWith({ '.aider.conf.yml': 'model: gpt-5\n' }), AIDER_MODEL: 'gpt-5', GIT_AUTHOR_NAME: 'Test Human (aider)' }));
    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const refused = run(denied, 'aider', ['--model', 'openrouter/qwen/qwen3-coder'], env);
    // aider commits with --no-verify unless --git-commit-verify: prepare-commit-msg records, pre-push judges; here commit-msg runs.
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via aider\) is denied/);

    const open = hooked('policy: {}\n');
    const shortcut = run(open, 'aider', ['--model', 'openrouter/qwen/qwen3-coder', '--4o'], env);
    expect(shortcut.status, shortcut.stderr).toBe(0);
    expect(shortcut.message).toBe('feat: parser\n\nAssisted-by: aider:openai/gpt-4o\nAssisted-by: aider:qwen/qwen3-coder\n');

    const plain = run(open, 'aider', ['--yes'], env);
    expect(plain.message).toBe('feat: parser\n\nAssisted-by: aider:openai/gpt-5\n');
  });

  it('goose run --model is recorded over GOOSE_MODEL and config.yaml, and deny qwen/* refuses it', () => {
    const env = withBin(hookEnv({ HOME: homeWith({ '.config/goose/config.yaml': 'GOOSE_MODEL: gpt-5\n' }), XDG_CONFIG_HOME: undefined, GOOSE_TERMINAL: '1', GOOSE_MODEL: 'gpt-5' }));
    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const refused = run(denied, 'goose', ['run', '--provider', 'openrouter', '--model', 'qwen/qwen3-coder', '-t', 'fix the parser'], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via goose\) is denied/);

    const open = hooked('policy: {}\n');
    const plain = run(open, 'goose', ['run', '-t', 'fix the parser'], env);
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.message).toBe('feat: parser\n\nAssisted-by: goose:openai/gpt-5\n');
  });

  it("a person's commit from under processes named aider --model and goose run --model is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const person = withBin({ ...env, HOME: homeWith() });
    for (const [program, args] of [['aider', ['--model', 'qwen3-coder']], ['goose', ['run', '--model', 'qwen3-coder']]] as const) {
      const result = run(repo, program, [...args], person);
      expect(result.status, result.stderr).toBe(0);
      expect(result.message).toBe('feat: parser\n');
    }
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
