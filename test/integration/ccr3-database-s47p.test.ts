// Row 845: claude-code-router 3 keeps its configuration in SQLite (`~/.claude-code-router/config.sqlite`,
// table `app_config`, key `default`, the JSON in `value_json`, WAL journal; musistudio/claude-code-router
// `packages/core/src/config/config-repository.ts`) and no `config.json`. Row 806 saw the database but never
// read it: every ccr 3 commit was `claude-code:unknown`, so a Router sending Qwen passed `deny: ["qwen/*"]`
// with a warning, and an honest ccr 3 user routing to Claude was refused under `unknownModel: deny`. The
// database is now read with aitrail's own SQLite reader: each route's model is recorded, what is not
// understood (a script, a rule of another kind, no route for every request) stays unknown. Databases are
// made by real SQLite (python3's sqlite3) with ccr 3's schema; commits go through the installed hooks.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { treeCpuClock } from '../helpers/cpu-clock.js';
import { overlappingCells, sharedChains } from '../helpers/hostile-sqlite.js';
import { python } from '../helpers/sqlite-python.js';
import { ccr3Config, ccr3Database } from '../helpers/ccr3-database.js';
import { ccrEnv as env, refusedUnknown } from '../helpers/claude-code-router.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const STRICT = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
const LINE = 'feat: parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';
const OPUS = JSON.stringify({ model: 'opus' });
function homeOf(config: Record<string, unknown>, wal = false): string {
  const home = homeWith({ '.claude/settings.json': OPUS });
  ccr3Database(home, config, wal);
  return home;
}

const ALWAYS_QWEN = { builtInRules: { 'claude-code': { enabled: true } }, fallback: { mode: 'off', models: [], retryCount: 1 }, rules: [{ enabled: true, id: 'r1', name: 'all', type: 'always', target: 'openrouter/qwen/qwen3-coder' }] };
const CLAUDE_PROFILE = { enabled: true, profiles: [{ agent: 'claude-code', enabled: true, id: 'default-claude-code', name: 'Claude Code', model: 'anthropic/claude-sonnet-4-5', sonnetModel: '', opusModel: '', haikuModel: '', env: {}, scope: 'global' }] };

describe("claude-code-router 3's configuration read from its SQLite database (row 845)", () => {
  it("a rule sending every request to Qwen is recorded and refused by deny: [\"qwen/*\"] (it passed with a warning), the JSON still in the WAL", () => {
    const repo = hooked(DENY_QWEN);
    for (const wal of [false, true]) {
      const result = agentCommit(repo, env(homeOf(ccr3Config({ Router: ALWAYS_QWEN }), wal), 'http://127.0.0.1:3456', { ANTHROPIC_MODEL: 'claude-sonnet-4-5' }), LINE);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toContain('qwen/qwen3-coder');
      expect(result.stderr).toContain('~/.claude-code-router/config.sqlite Router.rules[0].target="openrouter/qwen/qwen3-coder"');
      expect(result.stderr).not.toMatch(/model: anthropic/);
    }
  });

  it('an honest ccr 3 user whose profile routes Claude Code to Claude: recorded as that Claude model, passed under unknownModel: deny (it was refused as unknown)', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, env(homeOf(ccr3Config({ profile: CLAUDE_PROFILE }))), LINE);
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet-4.5');
    expect(result.message).not.toContain('unknown');
  });

  it("a name Claude Code asks for that ccr 3 takes as given (a provider's model, ccr 3's encoded route id) runs ahead of the profile's Claude: recorded, refused", () => {
    const repo = hooked(STRICT);
    const home = homeOf(ccr3Config({ profile: CLAUDE_PROFILE }));
    const encoded = `anthropic/claude-ccr-h${Buffer.from('openrouter/qwen/qwen3-coder').toString('hex')}`;
    for (const name of ['openrouter/qwen/qwen3-coder', encoded, 'claude-openrouter/qwen/qwen3-coder']) {
      const result = agentCommit(repo, env(home, undefined, { ANTHROPIC_MODEL: name }), LINE);
      expect(result.status, `${name}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toContain('claude-code-router 3 runs "qwen/qwen3-coder"');
    }
    // Claude's own name a provider lists is that Claude model: the honest commit passes.
    const honest = agentCommit(repo, env(home, undefined, { ANTHROPIC_MODEL: 'claude-sonnet-4-5' }), LINE);
    expect(honest.status, honest.stderr).toBe(0);
    expect(honest.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet-4.5');
  });

  it('a model-chain fallback, a thinking rule or a profile variable naming Qwen beside a Claude profile: Qwen recorded, refused', () => {
    const repo = hooked(STRICT);
    const chain = { ...ALWAYS_QWEN, rules: [], fallback: { mode: 'model-chain', models: ['openrouter,qwen/qwen3-coder'], retryCount: 1 } };
    const thinking = { ...ALWAYS_QWEN, rules: [{ enabled: true, id: 't', name: 'think', type: 'thinking', rewrites: [{ key: 'request.body.model', operation: 'set', value: 'openrouter/qwen/qwen3-coder' }] }] };
    const variable = { enabled: true, profiles: [{ ...CLAUDE_PROFILE.profiles[0], env: { CLAUDE_CODE_SUBAGENT_MODEL: 'openrouter/qwen/qwen3-coder' } }] };
    for (const config of [ccr3Config({ Router: chain, profile: CLAUDE_PROFILE }), ccr3Config({ Router: thinking, profile: CLAUDE_PROFILE }), ccr3Config({ profile: variable })]) {
      const result = agentCommit(repo, env(homeOf(config)), LINE);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toContain('qwen/qwen3-coder');
    }
  });

  it('what is not understood stays claude-code:unknown: a script rule, the custom router, a rule of another kind or rewrite, virtual models, no route for every request', () => {
    const repo = hooked(STRICT);
    const rule = (extra: Record<string, unknown>) => ({ ...ALWAYS_QWEN, rules: [{ enabled: true, id: 's', name: 's', target: 'anthropic/claude-sonnet-4-5', ...extra }] });
    const cases: [Record<string, unknown>, string][] = [
      [ccr3Config({ Router: rule({ type: 'script', script: { apiVersion: 1, language: 'javascript', file: '~/route.js', timeoutMs: 100 } }), profile: CLAUDE_PROFILE }), 'Router.rules[0].type="script" (a rule not read)'],
      [ccr3Config({ Router: rule({ type: 'prompt-keyword' }), profile: CLAUDE_PROFILE }), 'a rule not read'],
      [ccr3Config({ Router: rule({ type: 'always', rewrites: [{ key: 'request.headers.x-provider', operation: 'set', value: 'openrouter' }] }), profile: CLAUDE_PROFILE }), 'a rewrite not read'],
      [ccr3Config({ CUSTOM_ROUTER_PATH: '~/.claude-code-router/router.js', profile: CLAUDE_PROFILE }), 'a script routes, not read'],
      [ccr3Config({ virtualModelProfiles: [{ id: 'v', enabled: true, match: { exactAliases: ['claude-sonnet-4-5'] } }], profile: CLAUDE_PROFILE }), 'virtualModelProfiles (not read)'],
      // ccr 3's defaults: no rule, no profile model: Claude Code's requests go as it names them.
      [ccr3Config(), 'no route for every request'],
      [ccr3Config({ profile: CLAUDE_PROFILE, Router: { ...ALWAYS_QWEN, rules: [], builtInRules: { 'claude-code': { enabled: false } } } }), 'no route for every request'],
    ];
    for (const [config, evidence] of cases) refusedUnknown(agentCommit(repo, env(homeOf(config)), LINE), evidence);
  });

  it("ccr 3's port is its gateway.port: another local port is another gateway's (unknown); at its own port its routes are read", () => {
    const repo = hooked(STRICT);
    const home = homeOf(ccr3Config({ PORT: 4000, gateway: { host: '127.0.0.1', port: 4000 }, profile: CLAUDE_PROFILE }));
    refusedUnknown(agentCommit(repo, env(home, 'http://127.0.0.1:3456'), LINE), 'a gateway on this machine');
    const own = agentCommit(repo, env(home, 'http://localhost:4000'), LINE);
    expect(own.status, own.stderr).toBe(0);
    expect(own.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet-4.5');
  });

  it('a hostile or broken database is unknown at once, never a crash or a hang', () => {
    const repo = hooked(STRICT);
    const makers: ((path: string) => void)[] = [(path) => overlappingCells(path, 30000, 2000), (path) => sharedChains(path)];
    for (const make of makers) {
      const home = homeWith({ '.claude/settings.json': OPUS });
      make(join(home, '.claude-code-router', 'config.sqlite'));
      // CPU, not wall: the commit's and its hooks' (TEST_HOOK_SERVER unset: started by git, reaped, counted).
      const started = treeCpuClock();
      const result = agentCommit(repo, { ...env(home), TEST_HOOK_SERVER: undefined }, LINE);
      expect(treeCpuClock() - started).toBeLessThan(20_000);
      refusedUnknown(result, "ccr 3's database, not read");
      expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
    }
    // The row's JSON not JSON, or not an object.
    for (const text of ['{"Router":', '[1,2]']) {
      const home = homeWith({ '.claude/settings.json': OPUS });
      mkdirSync(join(home, '.claude-code-router'));
      python("conn = sqlite3.connect(sys.argv[1]); conn.execute('create table app_config (key text primary key, value_json text not null, updated_at text not null)'); conn.execute('insert into app_config values (?,?,?)', ('default', sys.argv[2], 'x')); conn.commit()", [join(home, '.claude-code-router', 'config.sqlite'), text]);
      refusedUnknown(agentCommit(repo, env(home), LINE), "ccr 3's database, not read");
    }
  });
});
