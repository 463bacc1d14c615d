// Row 862: claude-code-router 3 listens on `PORT`, or, with no `PORT`, on the port of its `routerEndpoint`
// (musistudio/claude-code-router `packages/core/src/config/config.ts`, `loadAppConfig`:
// `picked.PORT ?? endpointPort(picked.routerEndpoint) ?? DEFAULT_CONFIG.PORT`, and `gateway.port` defaults to it).
// aitrail took ports from `PORT` and `gateway.port` only, so a database naming its port by `routerEndpoint` alone
// was read as another gateway's at that port: an honest ccr 3 user routed to Claude was refused under
// `unknownModel: deny`, a rule routing to Qwen was never named. Databases are made by real SQLite; commits go
// through the installed hooks.
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { ccr3Config, ccr3Database } from '../helpers/ccr3-database.js';
import { ccrEnv as env } from '../helpers/claude-code-router.js';

const STRICT = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
const LINE = 'feat: parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';
const CLAUDE_PROFILE = { enabled: true, profiles: [{ agent: 'claude-code', enabled: true, id: 'default-claude-code', name: 'Claude Code', model: 'anthropic/claude-sonnet-4-5', env: {}, scope: 'global' }] };
const ALWAYS_QWEN = { builtInRules: { 'claude-code': { enabled: true } }, fallback: { mode: 'off', models: [], retryCount: 1 }, rules: [{ enabled: true, id: 'r1', name: 'all', type: 'always', target: 'openrouter/qwen/qwen3-coder' }] };

/** ccr 3's configuration with no `PORT` and no `gateway.port`: its port only in `routerEndpoint`. */
function homeAt(endpoint: string, extra: Record<string, unknown>): string {
  const config = ccr3Config({ routerEndpoint: endpoint, gateway: { coreHost: '127.0.0.1', enabled: true, host: '127.0.0.1' }, ...extra });
  if (!('PORT' in extra)) delete config.PORT;
  const home = homeWith({ '.claude/settings.json': JSON.stringify({ model: 'opus' }) });
  ccr3Database(home, config);
  return home;
}

describe("claude-code-router 3's port from its routerEndpoint (row 862)", () => {
  it('an honest ccr 3 user at the port routerEndpoint names, routed to Claude: recorded as that Claude model, passed (it was refused)', () => {
    const repo = hooked(STRICT);
    // No PORT, or an empty one (names no port; ccr 3's own `readPort` was not read: an assumption).
    for (const port of [{}, { PORT: '' }]) {
      const result = agentCommit(repo, env(homeAt('http://127.0.0.1:4567', { profile: CLAUDE_PROFILE, ...port }), 'http://127.0.0.1:4567'), LINE);
      expect(result.status, result.stderr).toBe(0);
      expect(result.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet-4.5');
    }
  });

  it('a rule sending every request to Qwen at that port: Qwen named and refused', () => {
    const repo = hooked(STRICT);
    const result = agentCommit(repo, env(homeAt('http://127.0.0.1:4567', { Router: ALWAYS_QWEN }), 'http://127.0.0.1:4567'), LINE);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('Router.rules[0].target="openrouter/qwen/qwen3-coder"');
  });

  it('PORT still wins over routerEndpoint (ccr 3 listens on PORT): the endpoint\'s port is then another gateway\'s, not recorded as the Claude model', () => {
    const repo = hooked(STRICT);
    const home = homeWith({ '.claude/settings.json': JSON.stringify({ model: 'opus' }) });
    ccr3Database(home, ccr3Config({ routerEndpoint: 'http://127.0.0.1:4567', gateway: { coreHost: '127.0.0.1', enabled: true, host: '127.0.0.1' }, profile: CLAUDE_PROFILE, PORT: 3456 }));
    const result = agentCommit(repo, env(home, 'http://127.0.0.1:4567'), LINE);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(/model: anthropic/);
  });
});
