// An agent's alias that names no version (Gemini CLI's `pro`, `flash`: google-gemini/gemini-cli
// packages/core/src/config/models.ts resolves `pro` to gemini-3-pro-preview with preview features,
// else gemini-2.5-pro, and `flash` to gemini-3-flash-preview or gemini-2.5-flash; Claude Code's and
// aider's `opus`, `sonnet`: the latest of the tier) is recorded as the family id
// (`google/gemini-flash`, `anthropic/claude-opus`), as a family's name in text is read
// (`Co-authored-by: Claude Opus`). A deny of the version the alias runs (`google/gemini-2.5-flash`)
// matched no such id: the commit passed every layer. Now a deny refuses a family id when it refuses
// any version it can be; an allow passes it when it allows every one (a later one too).
// Committed for real through the installed hooks, then judged by `check` and a server's pre-receive.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hooked, homeWith } from '../helpers/agent-home.js';
import { expectEachPasses, expectEachRefused, policyServer } from '../helpers/enforce-repos.js';

const DENY = 'policy:\n  deny: ["google/gemini-2.5-flash", "google/gemini-2.5-pro", "anthropic/claude-opus-4.1"]\n';

function home(files: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dir = homeWith(files);
  return {
    HOME: dir,
    GEMINI_MODEL: undefined,
    ANTHROPIC_MODEL: undefined,
    GEMINI_CLI_SYSTEM_SETTINGS_PATH: join(dir, 'no-system.json'),
    GEMINI_CLI_SYSTEM_DEFAULTS_PATH: join(dir, 'no-defaults.json'),
    GEMINI_CLI_TRUSTED_FOLDERS_PATH: undefined,
  };
}

const gemini = (model: string) => ({ '.gemini/settings.json': JSON.stringify({ model: { name: model } }) });

describe('a model alias that names no version', () => {
  it("Gemini CLI's flash / pro and Claude Code's opus, under a deny of the version they run: refused at commit, saying why and the way out", () => {
    const repo = hooked(DENY);
    for (const [env, family] of [
      [{ ...home(gemini('flash')), GEMINI_CLI: '1' }, 'google/gemini-flash'],
      [{ ...home(gemini('pro')), GEMINI_CLI: '1' }, 'google/gemini-pro'],
      [{ ...home(), GEMINI_CLI: '1', GEMINI_MODEL: 'pro' }, 'google/gemini-pro'],
      [{ ...home(), CLAUDECODE: '1', ANTHROPIC_MODEL: 'opus' }, 'anthropic/claude-opus'],
    ] as const) {
      const result = commit(repo, env);
      expect(result.status, `${family}: ${result.stderr}`).not.toBe(0);
      expect(result.stderr).toContain(`model ${family} (via `);
      expect(result.stderr).toContain('names no version');
      expect(result.stderr).toMatch(/name that model exactly in the agent/);
    }
  });

  it('what held: flash-lite under a deny of flash, and an allow of the vendor or of every version passes the alias', () => {
    const denied = hooked(DENY);
    const lite = commit(denied, { ...home(gemini('flash-lite')), GEMINI_CLI: '1' });
    expect(lite.status, lite.stderr).toBe(0);
    expect(lite.message).toContain('Assisted-by: gemini-cli:google/gemini-flash-lite\n');
    const allowed = hooked('policy:\n  allow: ["google/*", "anthropic/claude-opus-*"]\n');
    for (const env of [{ ...home(gemini('pro')), GEMINI_CLI: '1' }, { ...home(), CLAUDECODE: '1', ANTHROPIC_MODEL: 'opus' }]) {
      const result = commit(allowed, env);
      expect(result.status, result.stderr).toBe(0);
    }
    const person = commit(denied, home(gemini('flash')), 'fix: by hand\n');
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('fix: by hand\n');
  });

  it("Claude Code's opusplan or default named (Opus to plan, Sonnet to edit; Sonnet or Opus by account): each family it runs is recorded, an unmapped one too", () => {
    const repo = hooked('policy:\n  deny: ["anthropic/claude-sonnet-4.5"]\n');
    for (const env of [
      { ...home(), CLAUDECODE: '1', ANTHROPIC_MODEL: 'opusplan' },
      { ...home(), CLAUDECODE: '1', ANTHROPIC_MODEL: 'default' },
      { ...home(), CLAUDECODE: '1', ANTHROPIC_MODEL: 'opusplan', ANTHROPIC_DEFAULT_OPUS_MODEL: 'claude-opus-4-6' },
      { ...home({ '.claude/settings.json': '{"model": "opusplan"}' }), CLAUDECODE: '1' },
    ]) {
      const result = commit(repo, env);
      expect(result.status, `${JSON.stringify(env)}: ${result.stderr}`).not.toBe(0);
      expect(result.stderr).toContain('model anthropic/claude-sonnet (via claude-code) is denied');
    }
    const open = hooked('policy:\n  unknownModel: deny\n');
    const plan = commit(open, { ...home(), CLAUDECODE: '1', ANTHROPIC_MODEL: 'opusplan', ANTHROPIC_DEFAULT_OPUS_MODEL: 'claude-opus-4-6' });
    expect(plan.status, plan.stderr).toBe(0);
    expect(plan.message).toContain('Assisted-by: claude-code:anthropic/claude-opus-4.6\n');
    expect(plan.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet\n');
  });

  it('check and pre-receive refuse a family id or name under a deny of one of its versions, and pass the others', () => {
    const { remote, work } = policyServer(DENY);
    expectEachRefused(
      remote,
      work,
      {
        flash: 'feat: a\n\nAssisted-by: gemini-cli:google/gemini-flash\n',
        pro: 'feat: b\n\nAssisted-by: Gemini Pro\n',
        opus: 'feat: c\n\nCo-authored-by: Claude Opus <noreply@anthropic.com>\n',
        later: 'feat: d\n\nAssisted-by: claude-code:anthropic/claude-opus\n',
      },
      (models, name) => expect(models, name).toContainEqual(expect.stringMatching(/^(google\/gemini-(flash|pro)|anthropic\/claude-opus)$/)),
    );
    expectEachPasses(work, ['feat: e\n\nAssisted-by: gemini-cli:google/gemini-flash-lite\n', 'feat: f\n\nAssisted-by: claude-code:anthropic/claude-sonnet\n', 'feat: g\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n']);
  });

  it('a deny naming a version the catalog does not know yet refuses the family; an allow of one version does not pass it', () => {
    const later = policyServer('policy:\n  deny: ["anthropic/claude-opus-5*", "claude-fable-5"]\n');
    expectEachRefused(later.remote, later.work, { opus: 'feat: a\n\nAssisted-by: claude-code:opus\n', fable: 'feat: b\n\nAssisted-by: claude-code:fable\n' });
    expectEachPasses(later.work, ['feat: c\n\nAssisted-by: claude-code:sonnet\n']);
    const chat = policyServer('policy:\n  deny: ["deepseek/deepseek-v3.2"]\n');
    expectEachRefused(chat.remote, chat.work, { chat: 'feat: a\n\nCo-authored-by: aider (deepseek/deepseek-chat) <aider@aider.chat>\n', reasoner: 'feat: b\n\nAssisted-by: aider:deepseek-reasoner\n' });
    expectEachPasses(chat.work, ['feat: c\n\nAssisted-by: aider:deepseek/deepseek-coder\n']);
    const one = policyServer('policy:\n  allow: ["anthropic/claude-opus-4.6", "google/gemini-2.5-*"]\n');
    expectEachRefused(one.remote, one.work, { opus: 'feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus\n', pro: 'feat: b\n\nAssisted-by: gemini-cli:google/gemini-pro\n' });
    expectEachPasses(one.work, ['feat: c\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n']);
    const path = policyServer('policy:\n  paths:\n    - files: ["src/**"]\n      deny: ["google/gemini-2.5-pro"]\n');
    expectEachRefused(path.remote, path.work, { pro: 'feat: a\n\nAssisted-by: gemini-cli:google/gemini-pro\n' }, (_, name, violations) => expect(violations.map((violation) => violation.rule), name).toContain('path-model-denied'));
    const every = policyServer('policy:\n  allow: ["anthropic/claude-opus-*"]\n');
    expectEachPasses(every.work, ['feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus\n', 'feat: b\n\nCo-authored-by: Claude Opus <noreply@anthropic.com>\n']);
  });
});
