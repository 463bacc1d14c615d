// Row 968: the readers left after rows 938/942 and 953, 954, 955, 956, 957 read a file past the 1 MiB bound as no file
// (`readOwnFile`/`readRepoFile` whole), while the agent reads it whole. A hostile repository's committed
// `.claude/settings.json` naming Opus, padded past the bound, was skipped and the person's
// `~/.claude/settings.json` Sonnet recorded, passing `deny: ["anthropic/claude-opus-*"]` and unknownModel: deny;
// a padded Mistral Vibe `trusted_folders.toml` trusting the project hid the project config Vibe used (its alias
// defined as Qwen) and the person's config was read. Now one rule: a whole read past the bound throws
// `OversizedSettingsError`, and readAgentSettings alone makes the agent's model unknown. Committed for real
// through init's installed hooks.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, claudeHome, homeWith, hooked, writeFile } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { STRICT } from '../helpers/local-gateway.js';

const JSON_PAD = ' '.repeat(1024 * 1024);
const TOML_PAD = `# ${'x'.repeat(1024 * 1024)}\n`;
const NO_OPUS = 'policy:\n  deny: ["anthropic/claude-opus-*"]\n  unknownModel: deny\n';

describe('a settings file past the bound read by the remaining readers (row 968)', () => {
  it("Claude Code: a committed .claude/settings.json naming Opus, padded: claude-code:unknown, refused; the person's Sonnet not recorded", () => {
    const repo = hooked(NO_OPUS, { '.claude/settings.json': `{"model": "claude-opus-4-1"${JSON_PAD}}` });
    const result = agentCommit(repo, claudeHome('claude-sonnet-4-5'));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('.claude/settings.json (over 1 MiB, not read');
    expect(result.stderr).not.toMatch(/model: anthropic\/claude-sonnet/);
  });

  it("Claude Code: a padded .claude/settings.local.json never hides a denied --model (kept beside the unknown, default unknown policy)", () => {
    const repo = hooked('policy:\n  deny: ["anthropic/claude-opus-*"]\n');
    writeFile(join(repo.dir, '.claude/settings.local.json'), `{"model": "claude-sonnet-4-5"${JSON_PAD}}`);
    const result = runAgent(repo, agentBin('claude'), ['--model', 'claude-opus-4-1'], hookEnv(claudeHome('claude-sonnet-4-5')));
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/anthropic\/claude-opus-4\.1 \(via claude-code\) is denied/);
  });

  it('Claude Code, careless truth: unknown where unknown models are allowed; the same file under the bound read as before', () => {
    const repo = hooked('policy:\n  deny: ["anthropic/claude-opus-*"]\n', { '.claude/settings.json': `{"theme": "dark"${JSON_PAD}}` });
    const padded = agentCommit(repo, claudeHome('claude-sonnet-4-5'));
    expect(padded.status, padded.stderr).toBe(0);
    expect(padded.message).toContain('Assisted-by: claude-code:unknown');
    const small = hooked('policy:\n  deny: ["anthropic/claude-opus-*"]\n', { '.claude/settings.json': '{"theme": "dark"}' });
    const read = agentCommit(small, claudeHome('claude-sonnet-4-5'));
    expect(read.status, read.stderr).toBe(0);
    expect(read.message).toMatch(/Assisted-by: claude-code:anthropic\/claude-sonnet-4/);
  });

  it("Mistral Vibe: a padded trusted_folders.toml trusting the project whose config makes the alias Qwen: unknown, refused", () => {
    const alias = 'active_model = "devstral"\n\n[[models]]\nname = "qwen/qwen3-coder"\nprovider = "openrouter"\nalias = "devstral"\n';
    const repo = hooked(STRICT, { '.vibe/config.toml': alias });
    const trust = (pad: string) => `trusted = [${JSON.stringify(join(realpathSync(repo.dir), '.vibe'))}]\nuntrusted = []\n${pad}`;
    const env = (pad: string): NodeJS.ProcessEnv => ({
      HOME: homeWith({ '.vibe/config.toml': 'active_model = "devstral"\n', '.vibe/trusted_folders.toml': trust(pad) }),
      AI_AGENT: 'mistral-vibe',
      VIBE_HOME: undefined,
      VIBE_ACTIVE_MODEL: undefined,
    });
    const padded = agentCommit(repo, env(TOML_PAD));
    expect(padded.status, padded.stderr).toBe(1);
    expect(padded.stderr).toContain('trusted_folders.toml (over 1 MiB, not read');
    // Under the bound the trust is read and the project's Qwen refused by name, as before.
    const small = agentCommit(repo, env(''));
    expect(small.status).toBe(1);
    expect(small.stderr).toMatch(/qwen\/qwen3-coder \(via mistral-vibe\) is denied/);
  });

  // Row 969: Gemini CLI (and BLACKBOX CLI, its layers' reader) read a padded settings file as none; only Qwen Code's was unknown (row 942).
  it("Gemini CLI: a padded ~/.gemini/settings.json naming Pro over the system defaults' Flash: gemini-cli:unknown, refused", () => {
    const repo = hooked('policy:\n  deny: ["google/gemini-2.5-pro"]\n  unknownModel: deny\n');
    const env = (user: string): NodeJS.ProcessEnv => {
      const home = homeWith({ '.gemini/settings.json': user, 'defaults.json': '{"model": {"name": "gemini-2.5-flash"}}' });
      return { HOME: home, GEMINI_CLI: '1', GEMINI_MODEL: undefined, GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(home, 'none.json'), GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(home, 'defaults.json'), GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined, GOOGLE_GEMINI_BASE_URL: undefined };
    };
    const padded = agentCommit(repo, env(`{"model": {"name": "gemini-2.5-pro"}}${JSON_PAD}`));
    expect(padded.status, padded.stderr).toBe(1);
    expect(padded.stderr).toContain('~/.gemini/settings.json (over 1 MiB, not read');
    expect(padded.stderr).not.toMatch(/model: google\/gemini-2\.5-flash/);
    const small = agentCommit(repo, env('{"model": {"name": "gemini-2.5-pro"}}'));
    expect(small.status).toBe(1);
    expect(small.stderr).toMatch(/google\/gemini-2\.5-pro \(via gemini-cli\) is denied/);
    const honest = agentCommit(repo, env('{"theme": "dark"}'));
    expect(honest.status, honest.stderr).toBe(0);
    expect(honest.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-flash');
  });
});
