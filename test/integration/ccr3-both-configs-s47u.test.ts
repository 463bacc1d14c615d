// Row 858: claude-code-router 3 reads its configuration from `config.sqlite` first and a `config.json`
// beside it only when the database holds no `default` row (musistudio/claude-code-router
// `packages/core/src/config/config.ts` `loadRawAppConfig`: the SQLite row, else `readLegacyJsonConfig`).
// The hooks read `config.json` whenever it was there and never looked at the database: a `config.json`
// naming Claude (a stale one, one a dotfiles checkout restores, or one written for the purpose) hid a
// database whose rule sends every request to Qwen, and the commit passed `deny: ["qwen/*"]` under
// `unknownModel: deny`. Which ccr runs (2 reads the file, 3 the database) is not known at a commit, so
// both are read: their models together. Real SQLite (python3's sqlite3) with ccr 3's schema; the
// installed hooks.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { ccr3Config, ccr3Database } from '../helpers/ccr3-database.js';
import { ccrEnv as env } from '../helpers/claude-code-router.js';

const STRICT = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
const LINE = 'feat: parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';
const ALWAYS_QWEN = { builtInRules: { 'claude-code': { enabled: true } }, fallback: { mode: 'off', models: [], retryCount: 1 }, rules: [{ enabled: true, id: 'r1', name: 'all', type: 'always', target: 'openrouter/qwen/qwen3-coder' }] };
const CLAUDE_PROFILE = { enabled: true, profiles: [{ agent: 'claude-code', enabled: true, id: 'default-claude-code', name: 'Claude Code', model: 'anthropic/claude-sonnet-4-5', env: {}, scope: 'global' }] };
/** A ccr 2 `config.json` whose Router sends everything to Claude. */
const CLAUDE_JSON = JSON.stringify({ Providers: [{ name: 'anthropic', api_base_url: 'https://api.anthropic.com/v1/messages', api_key: 'x', models: ['claude-sonnet-4-5'] }], Router: { default: 'anthropic,claude-sonnet-4-5' } });
const QWEN_JSON = JSON.stringify({ Router: { default: 'openrouter,qwen/qwen3-coder' } });

function homeOf(json: string, database: Record<string, unknown>): string {
  const home = homeWith({ '.claude/settings.json': JSON.stringify({ model: 'opus' }) });
  ccr3Database(home, database);
  writeFileSync(join(home, '.claude-code-router', 'config.json'), json);
  return home;
}

describe("claude-code-router 3's database beside a config.json (row 858)", () => {
  it("a config.json naming Claude no longer hides the database's rule to Qwen (ccr 3 reads the database): refused", () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, env(homeOf(CLAUDE_JSON, ccr3Config({ Router: ALWAYS_QWEN }))), LINE);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('~/.claude-code-router/config.sqlite Router.rules[0].target="openrouter/qwen/qwen3-coder"');
    expect(result.stderr).toMatch(/qwen\/qwen3-coder/);
  });

  it('a database naming Claude beside a config.json naming Qwen (ccr 2 would read the file): refused too', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, env(homeOf(QWEN_JSON, ccr3Config({ profile: CLAUDE_PROFILE }))), LINE);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('~/.claude-code-router/config.json Router.default');
  });

  it('what held: both naming Claude, the honest commit passes as that model; a database ccr 3 cannot route for every request makes it unknown', () => {
    const repo = hooked(STRICT);
    const honest = agentCommit(repo, env(homeOf(CLAUDE_JSON, ccr3Config({ profile: CLAUDE_PROFILE }))), LINE);
    expect(honest.status, honest.stderr).toBe(0);
    expect(honest.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet-4.5');
    expect(honest.message).not.toContain('unknown');
    // ccr 3's defaults (no rule, no profile model) beside a config.json naming Claude: Claude Code's names go through as sent.
    const open = agentCommit(repo, env(homeOf(CLAUDE_JSON, ccr3Config())), LINE);
    expect(open.status, open.stderr).toBe(1);
    expect(open.stderr).toContain('no route for every request');
    // ccr 3's custom router script (any model) beside a config.json naming Claude: unknown, not folded into that Claude model.
    const script = agentCommit(repo, env(homeOf(CLAUDE_JSON, ccr3Config({ CUSTOM_ROUTER_PATH: '~/.claude-code-router/router.js', profile: CLAUDE_PROFILE }))), LINE);
    expect(script.status, script.stderr).toBe(1);
    expect(script.stderr).toContain('a script routes, not read');
    expect(script.stderr).toContain('model: unknown (agent claude-code)');
  });
});
