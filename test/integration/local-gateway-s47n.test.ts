// Review of row 829 (Claude Code at a gateway on this machine that is not ccr: claude-code:unknown).
// row 846: Claude Code's other endpoint variables (Microsoft Foundry's ANTHROPIC_FOUNDRY_BASE_URL, Claude Platform on
// AWS's ANTHROPIC_AWS_BASE_URL, Bedrock Mantle's ANTHROPIC_BEDROCK_MANTLE_BASE_URL, Claude Platform on Google Cloud's
// ANTHROPIC_GOOGLE_CLOUD_BASE_URL: code.claude.com llm-gateway-protocol) and the loopback forms `[::]`, `[::ffff:0.0.0.0]`
// (both reach a local listener: replayed with Node's fetch) and the machine's own host name were still read as
// the Claude name Claude Code sends.
// row 847: ccr's config read at ANTHROPIC_BASE_URL hid a gateway on this machine at a provider's base URL
// (CLAUDE_CODE_USE_BEDROCK sends every request there, not to ANTHROPIC_BASE_URL): ccr's Router model was recorded.
// Committed for real through the installed hooks.
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
const LINE = 'feat: parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';
const OPUS = JSON.stringify({ model: 'opus' });
const CCR = JSON.stringify({ Router: { default: 'anthropic,claude-sonnet-4-5' } });
const ENDPOINTS = ['ANTHROPIC_BASE_URL', 'ANTHROPIC_BEDROCK_BASE_URL', 'ANTHROPIC_VERTEX_BASE_URL', 'ANTHROPIC_FOUNDRY_BASE_URL', 'ANTHROPIC_AWS_BASE_URL', 'ANTHROPIC_BEDROCK_MANTLE_BASE_URL', 'ANTHROPIC_GOOGLE_CLOUD_BASE_URL'];
const FLAGS = ['CLAUDE_CODE_USE_BEDROCK', 'CLAUDE_CODE_USE_VERTEX', 'CLAUDE_CODE_USE_FOUNDRY', 'CLAUDE_CODE_USE_ANTHROPIC_AWS', 'CLAUDE_CODE_USE_MANTLE', 'CLAUDE_CODE_USE_ANTHROPIC_GOOGLE_CLOUD'];

function env(home: string, extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const unset = Object.fromEntries([...ENDPOINTS, ...FLAGS].map((name) => [name, undefined]));
  return { HOME: home, CLAUDECODE: '1', ...unset, ANTHROPIC_AUTH_TOKEN: 'test', ANTHROPIC_MODEL: undefined, CLAUDE_CONFIG_DIR: undefined, CLAUDE_CODE_SESSION_ID: undefined, CLAUDE_CODE_SUBAGENT_MODEL: undefined, ANTHROPIC_DEFAULT_OPUS_MODEL: undefined, ANTHROPIC_DEFAULT_SONNET_MODEL: undefined, ...extra };
}

function refusedUnknown(repo: ReturnType<typeof hooked>, environment: NodeJS.ProcessEnv, label: string): void {
  const result = agentCommit(repo, environment, LINE);
  expect.soft(result.status, `${label}\n${result.stderr}`).toBe(1);
  expect.soft(result.stderr, label).toContain('model: unknown (agent claude-code)');
  expect.soft(result.stderr, label).toContain('a gateway on this machine');
  expect.soft(result.stderr, label).not.toMatch(/model: anthropic/);
}

describe('Claude Code at a gateway on this machine, every route (rows 846, 847)', () => {
  it("row 846: Foundry's, Claude Platform on AWS's and Google Cloud's, Mantle's base URLs on loopback; [::], [::ffff:0.0.0.0], this machine's host name: claude-code:unknown", () => {
    const repo = hooked(DENY);
    const home = homeWith({ '.claude/settings.json': OPUS });
    const cases: [string, NodeJS.ProcessEnv][] = [
      ['foundry', { CLAUDE_CODE_USE_FOUNDRY: '1', ANTHROPIC_FOUNDRY_BASE_URL: 'http://127.0.0.1:4000/anthropic' }],
      ['aws', { CLAUDE_CODE_USE_ANTHROPIC_AWS: '1', ANTHROPIC_AWS_BASE_URL: 'http://localhost:4000' }],
      ['mantle', { CLAUDE_CODE_USE_MANTLE: '1', ANTHROPIC_BEDROCK_MANTLE_BASE_URL: 'http://localhost:4000/anthropic' }],
      ['google cloud', { CLAUDE_CODE_USE_ANTHROPIC_GOOGLE_CLOUD: '1', ANTHROPIC_GOOGLE_CLOUD_BASE_URL: 'http://127.0.0.1:4000' }],
      ['[::]', { ANTHROPIC_BASE_URL: 'http://[::]:4000' }],
      ['[::ffff:0.0.0.0]', { ANTHROPIC_BASE_URL: 'http://[::ffff:0.0.0.0]:4000' }],
      ['host name', { ANTHROPIC_BASE_URL: `http://${hostname().toUpperCase()}.:4000` }],
    ];
    for (const [label, extra] of cases) refusedUnknown(repo, env(home, extra), label);
  });

  it('row 847: ccr read at ANTHROPIC_BASE_URL does not hide a local gateway at the Bedrock base URL Claude Code sends to', () => {
    const repo = hooked(DENY);
    const home = homeWith({ '.claude/settings.json': OPUS, '.claude-code-router/config.json': CCR });
    const extra = { ANTHROPIC_BASE_URL: 'http://127.0.0.1:3456', CLAUDE_CODE_USE_BEDROCK: '1', ANTHROPIC_BEDROCK_BASE_URL: 'http://127.0.0.1:4000/bedrock' };
    refusedUnknown(repo, env(home, extra), 'ccr + local bedrock');
    // ccr alone keeps its Router's model (row 806).
    const open = hooked('policy:\n  deny: ["qwen/*"]\n');
    const ccr = agentCommit(open, env(home, { ANTHROPIC_BASE_URL: 'http://127.0.0.1:3456' }), LINE);
    expect(ccr.status, ccr.stderr).toBe(0);
    expect(ccr.message).toContain('Assisted-by: claude-code:anthropic/claude-sonnet-4.5');
  });

  it("an honest user: Anthropic's API, Bedrock, Foundry at their cloud hosts and a company gateway (HTTPS_PROXY on loopback too) keep the settings' model", () => {
    const repo = hooked('policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n');
    const home = homeWith({ '.claude/settings.json': OPUS });
    const cases: NodeJS.ProcessEnv[] = [
      { HTTPS_PROXY: 'http://127.0.0.1:3128' },
      { ANTHROPIC_BASE_URL: 'https://llm-gateway.example.com', HTTPS_PROXY: 'http://localhost:3128' },
      { CLAUDE_CODE_USE_BEDROCK: '1', ANTHROPIC_BEDROCK_BASE_URL: 'https://bedrock-runtime.us-east-1.amazonaws.com' },
      { CLAUDE_CODE_USE_FOUNDRY: '1', ANTHROPIC_FOUNDRY_BASE_URL: 'https://acme.services.ai.azure.com/anthropic' },
    ];
    for (const extra of cases) {
      const commit = agentCommit(repo, env(home, extra), LINE);
      expect(commit.status, `${JSON.stringify(extra)}\n${commit.stderr}`).toBe(0);
      expect(commit.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
    }
  });
});
