// An agent started in a subdirectory of the work tree reads its project settings there, not (only)
// at the top: Claude Code, Gemini CLI and Qwen Code read the `.claude/`, `.gemini/`, `.qwen/`
// settings of the directory they were started in and of no other (their original working
// directory: no walk up); Codex merges each `.codex/config.toml` from the project root down to its
// session's directory (`-C` or its own), the nearest highest; OpenCode (and Kilo CLI, its fork) each
// `opencode.json(c)` and `.opencode/` from its working directory up to the work tree. aitrail read the top's only: a
// monorepo's `packages/app` settings naming Qwen committed as the top's model and passed
// deny qwen/*, and the top's settings naming Qwen refused a Claude Code commit whose own settings
// named Claude. Committed for real through the installed hooks, by a process named as the agent
// running in that directory.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin } from '../helpers/fake-agent.js';
import { hookEnv, messageOf } from '../helpers/hooks.js';
import type { TestRepo } from '../helpers/gitdir.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';

/** A process named `name` (`args` on its command line), run in `dir` of the repository with `env`, commits a staged change. */
function agentIn(repo: TestRepo, name: string, dir: string, env: NodeJS.ProcessEnv, args: string[] = []) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const run = spawnSync(agentBin(name), args, { cwd: join(repo.dir, dir), env: { ...env, MESSAGE: 'feat: parser\n' }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, message: run.status === 0 ? messageOf(repo.dir) : '' };
}

const claudeEnv = () => hookEnv({ HOME: homeWith(), CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli' });

describe('an agent started in a subdirectory of the work tree', () => {
  it("Claude Code reads the .claude settings of the directory it was started in, and not the top's", () => {
    const repo = hooked(DENY, { '.claude/settings.json': '{"model": "claude-sonnet-4-5"}\n' });
    repo.commit('chore: app settings\n', { 'packages/app/.claude/settings.json': '{"model": "qwen/qwen3-coder"}\n' }, { AITRAIL: '0' });
    const below = agentIn(repo, 'claude', 'packages/app', claudeEnv());
    expect(below.status, below.stderr).toBe(1);
    expect(below.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
    expect(below.stderr).toContain('settings packages/app/.claude/settings.json model="qwen/qwen3-coder"');
    const top = agentIn(repo, 'claude', '.', claudeEnv());
    expect(top.status, top.stderr).toBe(0);

    // The top's settings naming Qwen are not Claude Code's in packages/web, whose own name Claude.
    const honest = hooked(DENY, { '.claude/settings.json': '{"model": "qwen/qwen3-coder"}\n' });
    honest.commit('chore: web settings\n', { 'packages/web/.claude/settings.local.json': '{"model": "claude-sonnet-4-5"}\n' }, { AITRAIL: '0' });
    const web = agentIn(honest, 'claude', 'packages/web', claudeEnv());
    expect(web.status, web.stderr).toBe(0);
    expect(web.message).toMatch(/^Assisted-by: claude-code:anthropic\/claude-sonnet-4[.-]5$/m);
  });

  it("Gemini CLI and Qwen Code read the settings of the directory they were started in", () => {
    const repo = hooked(DENY, { '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}\n', '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}\n' });
    repo.commit('chore: app settings\n', { 'tools/cli/.gemini/settings.json': '{"model": {"name": "qwen3-coder-plus"}}\n', 'tools/cli/.qwen/settings.json': '// the team\'s\n{"model": {"name": "qwen3-coder-plus"}}\n' }, { AITRAIL: '0' });
    const gemini = agentIn(repo, 'gemini', 'tools/cli', hookEnv({ HOME: homeWith(), GEMINI_CLI: '1' }));
    expect(gemini.status, gemini.stderr).toBe(1);
    expect(gemini.stderr).toMatch(/qwen\/qwen3-coder-plus \(via gemini-cli\) is denied/);
    expect(gemini.stderr).toContain('settings tools/cli/.gemini/settings.json model.name="qwen3-coder-plus"');
    const qwen = agentIn(repo, 'qwen', 'tools/cli', hookEnv({ HOME: homeWith(), QWEN_CODE: '1' }));
    expect(qwen.status, qwen.stderr).toBe(1);
    expect(qwen.stderr).toMatch(/qwen\/qwen3-coder-plus \(via qwen-code\) is denied/);
    // At the top, the top's, as before.
    expect(agentIn(repo, 'gemini', '.', hookEnv({ HOME: homeWith(), GEMINI_CLI: '1' })).status).toBe(0);
  });

  it("Codex merges each trusted .codex/config.toml from the top down to its session's directory, its own or -C's", () => {
    const repo = hooked(DENY, { '.codex/config.toml': 'model = "gpt-5"\n' });
    repo.commit('chore: app config\n', { 'packages/app/.codex/config.toml': 'model = "qwen3-coder"\n' }, { AITRAIL: '0' });
    const home = homeWith({ '.codex/config.toml': `model = "gpt-5-mini"\n\n[projects.${JSON.stringify(realpathSync(repo.dir))}]\ntrust_level = "trusted"\n` });
    const env = hookEnv({ HOME: home, CODEX_SANDBOX: 'seatbelt' });
    const below = agentIn(repo, 'codex', 'packages/app', env);
    expect(below.status, below.stderr).toBe(1);
    expect(below.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    expect(below.stderr).toContain('settings packages/app/.codex/config.toml model="qwen3-coder"');
    const moved = agentIn(repo, 'codex', '.', env, ['-C', 'packages/app']);
    expect(moved.status, moved.stderr).toBe(1);
    expect(moved.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    const top = agentIn(repo, 'codex', '.', env);
    expect(top.status, top.stderr).toBe(0);
    expect(top.message).toContain('Assisted-by: codex:openai/gpt-5\n');

    // A directory marked untrusted by its own entry is not read (Codex disables its layer), the trusted top's still is.
    const untrusting = homeWith({ '.codex/config.toml': `[projects.${JSON.stringify(realpathSync(repo.dir))}]\ntrust_level = "trusted"\n\n[projects.${JSON.stringify(join(realpathSync(repo.dir), 'packages/app'))}]\ntrust_level = "untrusted"\n` });
    const skipped = agentIn(repo, 'codex', 'packages/app', hookEnv({ HOME: untrusting, CODEX_SANDBOX: 'seatbelt' }));
    expect(skipped.status, skipped.stderr).toBe(0);
    expect(skipped.message).toContain('Assisted-by: codex:openai/gpt-5\n');
  });

  it("OpenCode reads opencode.json and .opencode/ from its working directory up to the work tree's top, the nearest first", () => {
    const repo = hooked(DENY, { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}\n' });
    repo.commit('chore: app config\n', { 'packages/app/opencode.json': '{"model": "openrouter/qwen/qwen3-coder"}\n', 'packages/app/src/index.ts': 'export {};\n', 'packages/api/.opencode/agent/build.md': '---\nmodel: openrouter/qwen/qwen3-coder\n---\nBuild.\n' }, { AITRAIL: '0' });
    const env = hookEnv({ HOME: homeWith(), OPENCODE: '1' });
    const below = agentIn(repo, 'opencode', 'packages/app/src', env);
    expect(below.status, below.stderr).toBe(1);
    expect(below.stderr).toMatch(/qwen\/qwen3-coder \(via opencode\) is denied/);
    expect(below.stderr).toContain('settings packages/app/opencode.json model="openrouter/qwen/qwen3-coder"');
    const agent = agentIn(repo, 'opencode', 'packages/api', env);
    expect(agent.status, agent.stderr).toBe(1);
    expect(agent.stderr).toContain('settings packages/api/.opencode/agent/build.md model="openrouter/qwen/qwen3-coder"');
    const top = agentIn(repo, 'opencode', '.', env);
    expect(top.status, top.stderr).toBe(0);
  });

  it("Kilo CLI, OpenCode's fork, reads its config names from its working directory up to the top, the nearest first", () => {
    const repo = hooked(DENY, { 'kilo.json': '{"model": "anthropic/claude-sonnet-4-5"}\n' });
    repo.commit('chore: app config\n', { 'packages/app/kilo.jsonc': '// the app\'s\n{"model": "openrouter/qwen/qwen3-coder"}\n' }, { AITRAIL: '0' });
    const env = hookEnv({ HOME: homeWith(), KILO: '1', OPENCODE: '1', AGENT: '1' });
    const below = agentIn(repo, 'kilo', 'packages/app', env);
    expect(below.status, below.stderr).toBe(1);
    expect(below.stderr).toMatch(/qwen\/qwen3-coder \(via kilo-code\) is denied/);
    expect(below.stderr).toContain('settings packages/app/kilo.jsonc model="openrouter/qwen/qwen3-coder"');
    const top = agentIn(repo, 'kilo', '.', env);
    expect(top.status, top.stderr).toBe(0);
    expect(top.message).toMatch(/^Assisted-by: kilo-code:anthropic\/claude-sonnet-4[.-]5$/m);
  });
});
