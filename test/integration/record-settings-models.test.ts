// Red team: an agent whose model comes from its own settings file, not from a variable (Claude
// Code's `model` in settings.json, Codex's config.toml, aider's .aider.conf.yml, OpenCode's
// opencode.json), committed for real through the installed hooks with the agent's environment and
// a home directory of the test's own. Before: `<agent>:unknown` (a warning; for Claude Code folded
// into the co-author line's Claude), so `deny: ["qwen/*"]` passed it. Every test here failed
// before its fix, except the "what held" ones.
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { treeCpuClock } from '../helpers/cpu-clock.js';
import { agentCommit as commit, hooked, homeWith, writeFile as write } from '../helpers/agent-home.js';
import { tempDir } from '../helpers/gitdir.js';

/** Claude Code writes this co-author line whatever model it runs (anthropics/claude-code#54886). */
const CLAUDE_LINE = 'Co-Authored-By: Claude Opus 4.7 <noreply@anthropic.com>';
const QWEN_DENIED = 'policy:\n  deny: ["qwen/*"]\n';

/** A home directory of the test's own: nothing of the machine's agents' settings leaks in. */
function home(files: Record<string, string> = {}): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = homeWith(files);
  return { dir, env: { HOME: dir, XDG_CONFIG_HOME: undefined, CODEX_HOME: undefined, CLAUDE_CONFIG_DIR: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined, AIDER_MODEL: undefined } };
}

describe("Claude Code's model in its settings files", () => {
  it('~/.claude/settings.json model=qwen3-coder-plus: recorded as Qwen, refused at commit-msg, not the co-author line\'s Claude', () => {
    const { env } = home({ '.claude/settings.json': '{\n  "model": "qwen3-coder-plus",\n  "permissions": { "allow": [] }\n}\n' });
    const repo = hooked(QWEN_DENIED);
    const claude = { ...env, CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli' };
    const refused = commit(repo, claude, `feat: parser\n\n${CLAUDE_LINE}\n`);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/model qwen\/qwen3-coder-plus \(via claude-code\) is denied/);
    const recorded = commit(repo, claude, `feat: parser\n\n${CLAUDE_LINE}\n`, ['--no-verify']);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toContain('Assisted-by: claude-code:qwen/qwen3-coder-plus\n');
    // CLAUDE_CONFIG_DIR moves the user settings.
    const moved = home({ 'cc/settings.json': '{"model": "qwen3-coder-plus"}' });
    const elsewhere = commit(repo, { ...moved.env, CLAUDE_CONFIG_DIR: join(moved.dir, 'cc'), CLAUDECODE: '1' });
    expect(elsewhere.status, elsewhere.stderr).toBe(1);
  });

  it('the project\'s .claude/settings.json (committed) and settings.local.json, in Claude Code\'s precedence; ANTHROPIC_MODEL wins over them all', () => {
    const { env } = home({ '.claude/settings.json': '{"model": "claude-opus-4-7"}' });
    const repo = hooked(QWEN_DENIED, { '.claude/settings.json': '{"model": "qwen3-coder-plus"}' });
    const claude = { ...env, CLAUDECODE: '1' };
    const project = commit(repo, claude);
    expect(project.status, project.stderr).toBe(1);
    expect(project.stderr).toMatch(/qwen\/qwen3-coder-plus/);
    // local > project: the person's own settings.local.json names Claude.
    write(join(repo.dir, '.claude/settings.local.json'), '{"model": "opus"}');
    const local = commit(repo, claude);
    expect(local.status, local.stderr).toBe(0);
    expect(local.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus\n');
    // The variable Claude Code reads before its settings wins.
    write(join(repo.dir, '.claude/settings.local.json'), '{"model": "qwen3-coder-plus"}');
    const variable = commit(repo, { ...claude, ANTHROPIC_MODEL: 'claude-opus-4-7' });
    expect(variable.status, variable.stderr).toBe(0);
    expect(variable.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-opus-4.7\n');
  });

  it('an alias in the settings is what its variable maps it to; a mapping variable is never hidden by the settings', () => {
    const { env } = home({ '.claude/settings.json': '{"model": "sonnet"}' });
    const repo = hooked(QWEN_DENIED);
    const mapped = commit(repo, { ...env, CLAUDECODE: '1', ANTHROPIC_DEFAULT_SONNET_MODEL: 'qwen3-coder-plus' });
    expect(mapped.status, mapped.stderr).toBe(1);
    const { env: opusHome } = home({ '.claude/settings.json': '{"model": "claude-opus-4-7"}' });
    // `/model opus` (invisible to a hook) would run the mapped Qwen: it stays recorded, as before.
    const both = commit(repo, { ...opusHome, CLAUDECODE: '1', ANTHROPIC_DEFAULT_OPUS_MODEL: 'qwen3-coder-plus' });
    expect(both.status, both.stderr).toBe(1);
  });

  it('what held: a person\'s commit with every settings file present records nothing; a settings link out of the repository is read as Claude Code reads it (788)', () => {
    const { env } = home({ '.claude/settings.json': '{"model": "qwen3-coder-plus"}' });
    const repo = hooked(QWEN_DENIED, { '.claude/settings.json': '{"model": "qwen3-coder-plus"}' });
    write(join(repo.dir, '.claude/settings.local.json'), '{"model": "qwen3-coder-plus"}');
    const person = commit(repo, env, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
    // A link to a file outside the work tree: Claude Code reads it, so the hooks do (a regular file only; 788).
    const outside = join(tempDir('aitrail-outside-'), 'settings.json');
    write(outside, '{"model": "qwen3-coder-plus"}');
    const linked = hooked(QWEN_DENIED);
    mkdirSync(join(linked.dir, '.claude'));
    symlinkSync(outside, join(linked.dir, '.claude/settings.json'));
    const agent = commit(linked, { ...home().env, CLAUDECODE: '1' });
    expect(agent.status, agent.message).toBe(1);
    expect(agent.stderr).toMatch(/model qwen\/qwen3-coder-plus \(via claude-code\) is denied/);
  });
});

describe('a hostile repository\'s agent settings (parsed as the agent parses them)', () => {
  it("a committed .claude/settings.json that Claude Code skips (a comment or trailing comma: not JSON) names no model; the person's own settings are read", () => {
    // Claude Code discards a settings file that is not strict JSON ("Files with errors are skipped
    // entirely"): it runs the person's Qwen, and the repository's Claude must not be recorded instead.
    const { env } = home({ '.claude/settings.json': '{"model": "qwen/qwen3-coder"}' });
    const claude = { ...env, CLAUDECODE: '1', ANTHROPIC_BASE_URL: 'https://openrouter.ai/api' };
    for (const text of ['{"model": "claude-opus-4-7",}', '{\n  // the team\'s model\n  "model": "claude-opus-4-7"\n}']) {
      const repo = hooked(QWEN_DENIED, { '.claude/settings.json': text });
      const result = commit(repo, claude);
      expect(result.status, result.message).toBe(1);
      expect(result.stderr).toMatch(/model qwen\/qwen3-coder \(via claude-code\) is denied/);
    }
  });

  it("a committed .aider.conf.yml whose model comes through a YAML merge key (aider's PyYAML merges `<<`; a !!binary or !!set value elsewhere does not hide the file)", () => {
    // aider reads its config with PyYAML's SafeLoader: `<<: {model: …}` is its model, and a
    // `!!binary` value is data. Before, js-yaml's core schema kept `<<` as a key (or refused the whole
    // file), so the person's home model was recorded instead of the Qwen aider ran.
    const { env } = home({ '.aider.conf.yml': 'model: anthropic/claude-sonnet-4-5\n' });
    const aider = { ...env, GIT_AUTHOR_NAME: 'Test Human (aider)' };
    for (const text of ['<<: {model: openrouter/qwen/qwen3-coder}\n', 'chat-language: !!binary aGk=\nmodel: openrouter/qwen/qwen3-coder\n', '<<: [{edit-format: diff}, {<<: {model: openrouter/qwen/qwen3-coder}}]\n']) {
      const result = commit(hooked(QWEN_DENIED, { '.aider.conf.yml': text }), aider);
      expect(result.status, `${text}: ${result.message}`).toBe(1);
      expect(result.stderr).toMatch(/model qwen\/qwen3-coder \(via aider\) is denied/);
    }
  });

  it('a committed .claude/settings.json whose model is 250 000 `[` costs the commit hooks bounded time (the alias reading was quadratic)', () => {
    const repo = hooked(QWEN_DENIED, { '.claude/settings.json': JSON.stringify({ model: '['.repeat(250_000) }) });
    const started = treeCpuClock();
    const result = commit(repo, { ...home().env, CLAUDECODE: '1' });
    expect(treeCpuClock() - started).toBeLessThan(10_000);
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toBe('feat: parser\n\nAssisted-by: claude-code:unknown\n');
  }, 300_000);

  it("a repository's .env that aider loads (OPENCODE_CONFIG_CONTENT naming {env:GITHUB_TOKEN}) never has the person's token written into the trailer", () => {
    // aider loads the git root's .env into its environment, which its `git commit` hands to the
    // hooks: the repository chooses these variables, the token is the person's.
    const secret = 'acme/ghp_supersecret123';
    const repo = hooked('policy:\n  unknownModel: warn\n');
    const planted = { GIT_AUTHOR_NAME: 'Test Human (aider)', OPENCODE: '1', OPENCODE_CONFIG_CONTENT: '{"model": "{env:GITHUB_TOKEN}"}', GITHUB_TOKEN: secret };
    const prefixed = { ...planted, OPENCODE_CONFIG_CONTENT: '{"model": "qwen/{env:GITHUB_TOKEN}"}', GITHUB_TOKEN: 'ghp_supersecret123' };
    for (const env of [planted, prefixed]) {
      const result = commit(repo, { ...home().env, ...env });
      expect(result.status, result.stderr).toBe(0);
      expect(result.message).not.toContain('supersecret');
    }
    // A variable naming a model the catalog knows is still read.
    const named = commit(repo, { ...home().env, OPENCODE: '1', OPENCODE_CONFIG_CONTENT: '{"model": "{env:TEAM_MODEL}"}', TEAM_MODEL: 'openrouter/qwen/qwen3-coder' });
    expect(named.message).toBe('feat: parser\n\nAssisted-by: opencode:qwen/qwen3-coder\n');
  });
});

describe("Codex's model in config.toml", () => {
  const DASHSCOPE_PROVIDER = '[model_providers.dashscope]\nname = "DashScope"\nbase_url = "https://dashscope-intl.aliyuncs.com/compatible-mode/v1"\nenv_key = "DASHSCOPE_API_KEY"\n';

  it('model and model_provider in $CODEX_HOME/config.toml: the model, and an unnamed one at a vendor\'s own API is that vendor\'s', () => {
    const { dir, env } = home({ 'codex/config.toml': `# Codex\nmodel = "qwen3-coder-plus"\nmodel_provider = "dashscope"\n\n${DASHSCOPE_PROVIDER}` });
    const repo = hooked(QWEN_DENIED);
    const codex = { ...env, CODEX_HOME: join(dir, 'codex'), CODEX_SANDBOX: 'seatbelt' };
    const refused = commit(repo, codex);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/model qwen\/qwen3-coder-plus \(via codex\) is denied/);
    const recorded = commit(repo, codex, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: codex:qwen/qwen3-coder-plus\n');
    // ~/.codex by default; a model name no catalog knows, served by DashScope, is Qwen's.
    const plain = home({ '.codex/config.toml': `model = "coder-model"\nmodel_provider = "dashscope"\n${DASHSCOPE_PROVIDER}` });
    const served = commit(repo, { ...plain.env, CODEX_THREAD_ID: 't1' });
    expect(served.status, served.stderr).toBe(1);
    expect(served.stderr).toMatch(/model qwen\/unknown \(via codex\)/);
  });

  it("a profile's model: `profile = \"name\"` with [profiles.name]", () => {
    const { env } = home({ '.codex/config.toml': 'model = "gpt-5-codex"\nprofile = "cheap"\n\n[profiles.cheap]\nmodel = "qwen3-coder-plus"\n' });
    const result = commit(hooked(QWEN_DENIED), { ...env, CODEX_SANDBOX: 'seatbelt' });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/qwen\/qwen3-coder-plus/);
  });

  it("a trusted project's .codex/config.toml; an untrusted one is not read, as Codex does not", () => {
    const repo = hooked(QWEN_DENIED, { '.codex/config.toml': 'model = "qwen3-coder-plus"\n' });
    const untrusted = home({ '.codex/config.toml': 'model = "gpt-5-codex"\n' });
    const openai = commit(repo, { ...untrusted.env, CODEX_SANDBOX: 'seatbelt' });
    expect(openai.status, openai.stderr).toBe(0);
    expect(openai.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5-codex\n');
    const trusted = home({ '.codex/config.toml': `model = "gpt-5-codex"\n\n[projects.${JSON.stringify(repo.dir)}]\ntrust_level = "trusted"\n` });
    const qwen = commit(repo, { ...trusted.env, CODEX_SANDBOX: 'seatbelt' });
    expect(qwen.status, qwen.stderr).toBe(1);
  });

  it("what held: a person's commit with Codex's files present records nothing", () => {
    const { env } = home({ '.codex/config.toml': 'model = "qwen3-coder-plus"\n' });
    const person = commit(hooked(QWEN_DENIED), env, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});

describe("aider's model in .aider.conf.yml", () => {
  const AIDER = { GIT_AUTHOR_NAME: 'Test Human (aider)' };

  it('model: in ~/.aider.conf.yml, overridden by the git root\'s; AIDER_MODEL wins over both', () => {
    const { env } = home({ '.aider.conf.yml': '# aider\nmodel: openrouter/qwen/qwen3-coder\ndark-mode: true\n' });
    const repo = hooked(QWEN_DENIED);
    const refused = commit(repo, { ...env, ...AIDER }, 'feat: parser\n');
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/model qwen\/qwen3-coder \(via aider\) is denied/);
    // aider commits with --no-verify by default: prepare-commit-msg records, pre-push and the server judge.
    const recorded = commit(repo, { ...env, ...AIDER }, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: aider:qwen/qwen3-coder\n');
    write(join(repo.dir, '.aider.conf.yml'), 'model: anthropic/claude-sonnet-4-5\n');
    const root = commit(repo, { ...env, ...AIDER });
    expect(root.status, root.stderr).toBe(0);
    expect(root.message).toBe('feat: parser\n\nAssisted-by: aider:anthropic/claude-sonnet-4.5\n');
    const variable = commit(repo, { ...env, ...AIDER, AIDER_MODEL: 'deepseek/deepseek-chat' });
    expect(variable.message).toBe('feat: parser\n\nAssisted-by: aider:deepseek/deepseek-chat\n');
  });

  it("what held: a person's commit with aider's files present records nothing", () => {
    const { env } = home({ '.aider.conf.yml': 'model: openrouter/qwen/qwen3-coder\n' });
    const repo = hooked(QWEN_DENIED, { '.aider.conf.yml': 'model: openrouter/qwen/qwen3-coder\n' });
    const person = commit(repo, { ...env, AIDER_MODEL: 'qwen3-coder' }, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});

describe("OpenCode's model in opencode.json", () => {
  it('model in ~/.config/opencode/opencode.json, overridden by the project\'s opencode.jsonc (comments, trailing commas)', () => {
    const { env } = home({ '.config/opencode/opencode.json': '{"$schema": "https://opencode.ai/config.json", "model": "anthropic/claude-sonnet-4-5"}' });
    const repo = hooked(QWEN_DENIED);
    const opencode = { ...env, OPENCODE: '1' };
    const claude = commit(repo, opencode);
    expect(claude.status, claude.stderr).toBe(0);
    expect(claude.message).toBe('feat: parser\n\nAssisted-by: opencode:anthropic/claude-sonnet-4.5\n');
    write(join(repo.dir, 'opencode.jsonc'), '{\n  // the team\'s model\n  "model": "openrouter/qwen/qwen3-coder", /* cheap */\n  "theme": "opencode",\n}\n');
    const refused = commit(repo, opencode);
    expect(refused.status, refused.message).toBe(1);
    expect(refused.stderr).toMatch(/model qwen\/qwen3-coder \(via opencode\) is denied/);
    const recorded = commit(repo, opencode, 'feat: parser\n', ['--no-verify']);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: opencode:qwen/qwen3-coder\n');
  });

  it("a repository's opencode.json never has a variable of the person's written into the trailer ({env:NAME} read only in the person's own files)", () => {
    const { env } = home({ '.config/opencode/opencode.json': '{"model": "{env:TEAM_MODEL}"}' });
    const secret = 'ghp_SuperSecret123';
    const repo = hooked('policy:\n  unknownModel: warn\n', { 'opencode.json': '{"model": "qwen/{env:GITHUB_TOKEN}"}' });
    const hostile = commit(repo, { ...env, OPENCODE: '1', GITHUB_TOKEN: secret });
    expect(hostile.status, hostile.stderr).toBe(0);
    expect(hostile.message.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(hostile.stderr.toLowerCase()).not.toContain(secret.toLowerCase());
    expect(hostile.message).toBe('feat: parser\n\nAssisted-by: opencode:unknown\n');
    // The person's own file may name its model through a variable, as OpenCode reads it.
    repo.git(['rm', '-q', 'opencode.json']);
    const own = commit(repo, { ...env, OPENCODE: '1', TEAM_MODEL: 'anthropic/claude-sonnet-4-5' });
    expect(own.message).toBe('feat: parser\n\nAssisted-by: opencode:anthropic/claude-sonnet-4.5\n');
  });

  it("what held: a person's commit with OpenCode's files present records nothing", () => {
    const { env } = home({ '.config/opencode/opencode.json': '{"model": "openrouter/qwen/qwen3-coder"}' });
    const person = commit(hooked(QWEN_DENIED, { 'opencode.json': '{"model": "openrouter/qwen/qwen3-coder"}' }), env, 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });
});
