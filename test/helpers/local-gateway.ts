import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { homeWith, type agentCommit } from './agent-home.js';
import { agentsOnPath } from './agent-on-path.js';
import type { TestRepo } from './gitdir.js';
import { hookEnv, messageOf } from './hooks.js';

/** Agents at a gateway on this machine (rows 877..881, 894..895): the policy that refuses a gateway's unknown model and Qwen. */
export const STRICT = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';

/** OpenCode's environment with `config` as `~/.config/opencode/opencode.json` (no other config of the machine's). */
export function opencodeEnv(config: object, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { HOME: homeWith({ '.config/opencode/opencode.json': JSON.stringify(config) }), OPENCODE: '1', XDG_CONFIG_HOME: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE_DISABLE_PROJECT_CONFIG: undefined, ...extra };
}

/** The commit was refused as a gateway's unknown model, not recorded as OpenAI's or Anthropic's. */
export function expectGatewayRefused(result: Pick<ReturnType<typeof agentCommit>, 'status' | 'stderr'>, label: string): void {
  expect.soft(result.status, `${label}\n${result.stderr}`).not.toBe(0);
  expect.soft(result.stderr, label).toContain('a gateway on this machine');
  expect.soft(result.stderr, label).not.toMatch(/model: (?:openai|anthropic)\//);
}

/**
 * `<name> args` (an executable of that name committing a staged change: aider as pip installs it, `qwen` as node) in
 * `repo`, with `extra` in its environment and `home`'s files, committing `message`; the verdict and the stored message.
 */
export function agentRun(repo: TestRepo, name: 'aider' | 'qwen', args: readonly string[], extra: NodeJS.ProcessEnv = {}, home: Record<string, string> = {}, message = 'feat: parser\n') {
  const env = hookEnv({ HOME: homeWith(home), GIT_AUTHOR_NAME: name === 'aider' ? 'Test Human (aider)' : 'Test Human', OPENAI_API_BASE: undefined, OPENAI_BASE_URL: undefined, OLLAMA_API_BASE: undefined, ...extra });
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const result = spawnSync(name, args, { cwd: repo.dir, env: { ...env, PATH: `${agentsOnPath([{ name, python: name === 'aider' }])}:${env.PATH ?? ''}`, MESSAGE: message }, encoding: 'utf8' });
  return { status: result.status, stderr: result.stderr, message: result.status === 0 ? messageOf(repo.dir) : '' };
}

/** Qwen Code's environment with `settings` as `~/.qwen/settings.json` (no system files), its model and endpoint variables unset unless `extra` sets them. */
export function qwenEnv(settings: object, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const dir = homeWith({ '.qwen/settings.json': JSON.stringify(settings) });
  return {
    HOME: dir,
    QWEN_CODE: '1',
    QWEN_CODE_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'),
    QWEN_CODE_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'),
    OPENAI_BASE_URL: undefined,
    OPENAI_MODEL: undefined,
    QWEN_MODEL: undefined,
    ANTHROPIC_BASE_URL: undefined,
    ANTHROPIC_MODEL: undefined,
    ...extra,
  };
}
