// Claude Code through claude-code-router (row 781), replayed as an attacker and a careless user:
// each case recorded Claude Code's own Claude model (the settings' `"model": "opus"`, ANTHROPIC_MODEL,
// the session transcript's answer name) and passed `deny: ["qwen/*"]`, even under `unknownModel: deny`,
// while ccr sent every request to Qwen. Committed for real through the installed hooks.
import { symlinkSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith, writeFile } from '../helpers/agent-home.js';
import type { TestRepo } from '../helpers/gitdir.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
const LINE = 'feat: parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';
const QWEN = JSON.stringify({ Router: { default: 'openrouter,qwen/qwen3-coder' } });
const OPUS = JSON.stringify({ model: 'opus' });
const SESSION = '0b6e2f4c-1d2a-4e3b-9c8d-7f6a5b4c3d2e';

function env(home: string, url = 'http://127.0.0.1:3456', extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { HOME: home, CLAUDECODE: '1', ANTHROPIC_BASE_URL: url, ANTHROPIC_AUTH_TOKEN: 'test', ANTHROPIC_MODEL: undefined, CLAUDE_CONFIG_DIR: undefined, CLAUDE_CODE_SESSION_ID: undefined, ...extra };
}

function refusedForQwen(repo: TestRepo, agent: NodeJS.ProcessEnv): void {
  const commit = agentCommit(repo, agent, LINE);
  expect(commit.status, commit.message).toBe(1);
  expect(commit.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
}

describe('Claude Code through claude-code-router: what the hooks record', () => {
  it("a config that is there but unread (JSON5, past 1 MiB, a link to /dev/zero) is claude-code:unknown, never the settings' Claude model", () => {
    const repo = hooked(DENY);
    const unread = [
      '{PORT: 3456, Router: {default: "openrouter,qwen/qwen3-coder"}}',
      "{'Router': {'default': 'openrouter,qwen/qwen3-coder'}}",
      JSON.stringify({ Router: { default: 'openrouter,qwen/qwen3-coder' }, pad: 'x'.repeat(1_100_000) }),
    ];
    for (const text of unread) {
      const commit = agentCommit(repo, env(homeWith({ '.claude-code-router/config.json': text, '.claude/settings.json': OPUS }), undefined, { ANTHROPIC_MODEL: 'claude-sonnet-4-5' }), LINE);
      expect(commit.status, commit.message).toBe(1);
      // Past the bound, the one rule's evidence (row 968): `settings ~/.claude-code-router/config.json (over 1 MiB, not read: …)`.
      expect(commit.stderr).toMatch(/~\/\.claude-code-router\/config\.json \((?:over 1 MiB, )?not read/);
      expect(commit.stderr).toContain('model: unknown (agent claude-code)');
      expect(commit.stderr).not.toMatch(/model: anthropic/);
    }
    const linked = homeWith({ '.claude/settings.json': OPUS, '.claude-code-router/plugins/.keep': '' });
    symlinkSync('/dev/zero', join(linked, '.claude-code-router/config.json'));
    const zero = agentCommit(repo, env(linked), LINE);
    expect(zero.status, zero.message).toBe(1);
    expect(zero.stderr).toContain('(not read)');
  });

  it('ccr listens on 3456 when PORT is 0 or empty, as ccr reads it', () => {
    const repo = hooked(DENY);
    for (const port of [0, '']) refusedForQwen(repo, env(homeWith({ '.claude-code-router/config.json': JSON.stringify({ PORT: port, Router: { default: 'openrouter,qwen/qwen3-coder' } }), '.claude/settings.json': OPUS })));
  });

  it("a project's own Router (~/.claude-code-router/<project>/config.json) is read; another project's is not", () => {
    const repo = hooked(DENY);
    const project = repo.dir.replace(/[^a-zA-Z0-9]/g, '-');
    const sonnet = JSON.stringify({ Router: { default: 'anthropic,claude-sonnet-4-5' } });
    refusedForQwen(repo, env(homeWith({ '.claude-code-router/config.json': sonnet, [`.claude-code-router/${project}/config.json`]: QWEN })));
    // Claude Code started in a subdirectory, and a session's own Router file.
    refusedForQwen(repo, env(homeWith({ '.claude-code-router/config.json': sonnet, [`.claude-code-router/${project}-src/config.json`]: QWEN })));
    refusedForQwen(repo, env(homeWith({ '.claude-code-router/config.json': sonnet, [`.claude-code-router/${project}/${SESSION}.json`]: QWEN }), undefined, { CLAUDE_CODE_SESSION_ID: SESSION }));
    const other = agentCommit(repo, env(homeWith({ '.claude-code-router/config.json': sonnet, '.claude-code-router/-home-someone-else/config.json': QWEN })), LINE);
    expect(other.status, other.stderr).toBe(0);
    expect(other.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });

  it("Claude Code's main model a Haiku: every request is ccr's background route", () => {
    const repo = hooked(DENY);
    const config = JSON.stringify({ Router: { default: 'anthropic,claude-sonnet-4-5', background: 'openrouter,qwen/qwen3-coder' } });
    refusedForQwen(repo, env(homeWith({ '.claude-code-router/config.json': config, '.claude/settings.json': JSON.stringify({ model: 'haiku' }) })));
    refusedForQwen(repo, env(homeWith({ '.claude-code-router/config.json': config }), undefined, { ANTHROPIC_DEFAULT_SONNET_MODEL: 'claude-haiku-4-5', ANTHROPIC_DEFAULT_OPUS_MODEL: 'claude-haiku-4-5' }));
    const opus = agentCommit(repo, env(homeWith({ '.claude-code-router/config.json': config, '.claude/settings.json': OPUS })), LINE);
    expect(opus.status, opus.stderr).toBe(0);
    expect(opus.message).not.toContain('qwen');
  });

  it("the session's transcript (CLAUDE_CODE_SESSION_ID) naming the Claude model ccr answered under: the Router is read beside it", () => {
    const repo = hooked(DENY);
    const line = `${JSON.stringify({ type: 'assistant', sessionId: SESSION, message: { model: 'claude-sonnet-4-5', role: 'assistant', content: [{ type: 'text', text: 'ok' }] }, timestamp: new Date().toISOString() })}\n`;
    refusedForQwen(repo, env(homeWith({ '.claude-code-router/config.json': QWEN, [`.claude/projects/-work/${SESSION}.jsonl`]: line }), undefined, { CLAUDE_CODE_SESSION_ID: SESSION }));
  });

  it('this machine written as [::ffff:127.0.0.1], localhost. or a name under .localhost', () => {
    const repo = hooked(DENY);
    for (const url of ['http://[::ffff:127.0.0.1]:3456', 'http://localhost.:3456/', 'http://ccr.localhost:3456']) refusedForQwen(repo, env(homeWith({ '.claude-code-router/config.json': QWEN, '.claude/settings.json': OPUS }), url));
  });

  it("ccr's HOST (0.0.0.0 for a LAN) and the endpoint written as that name or as an address of this machine's", () => {
    const repo = hooked(DENY);
    const lan = Object.values(networkInterfaces()).flat().find((address) => address && !address.internal && address.family === 'IPv4')?.address;
    const config = (host: string) => JSON.stringify({ HOST: host, Router: { default: 'openrouter,qwen/qwen3-coder' } });
    refusedForQwen(repo, env(homeWith({ '.claude-code-router/config.json': config('ccr.internal.test'), '.claude/settings.json': OPUS }), 'http://ccr.internal.test:3456'));
    if (lan) refusedForQwen(repo, env(homeWith({ '.claude-code-router/config.json': config('0.0.0.0'), '.claude/settings.json': OPUS }), `http://${lan}:3456`));
  });

  // ccr's own port with no ccr config at all is claude-code:unknown since row 806 (claude-code-router-s46d.test.ts); another local port is not.
  it('what held: no ccr config at all at a remote gateway: as before (the settings model; another local port is row 829: a gateway, unknown)', () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n');
    const home = homeWith({ '.claude/settings.json': OPUS });
    writeFile(join(home, '.claude-code-router.txt'), '');
    for (const url of ['https://gateway.example.com/']) {
      const commit = agentCommit(repo, env(home, url), LINE);
      expect(commit.status, commit.stderr).toBe(0);
      expect(commit.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
    }
  });
});
