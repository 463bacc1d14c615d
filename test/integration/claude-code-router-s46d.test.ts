// Claude Code through claude-code-router whose config the hooks cannot read (rows 781, 792's
// limits): ccr 3 keeps its configuration in `~/.claude-code-router/config.sqlite` (the JSON archived
// into it and removed), so with ANTHROPIC_BASE_URL at ccr and no config.json the settings' Claude
// model was recorded; and `claude --model`, CLAUDE_CODE_SUBAGENT_MODEL or the aliases' mappings named
// Claude models ccr never runs (it routes by the request's kind), hiding the `unknown` of an unread
// config from `unknownModel: deny`. Committed for real through the installed hooks.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { aitrail, hookEnv } from '../helpers/hooks.js';
import { laterThanNow } from '../helpers/gitdir.js';
import { ccrEnv as env, refusedUnknown } from '../helpers/claude-code-router.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n  unknownModel: deny\n';
const LINE = 'feat: parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';
const OPUS = JSON.stringify({ model: 'opus' });
const QWEN = JSON.stringify({ Router: { default: 'openrouter,qwen/qwen3-coder' } });
// The first bytes of a SQLite file: ccr 3's database is never parsed, only seen.
const SQLITE = 'SQLite format 3\0';
const SESSION = '0b6e2f4c-1d2a-4e3b-9c8d-7f6a5b4c3d2e';

describe('Claude Code at a ccr whose config is not read', () => {
  it("ccr 3's database in place of config.json: claude-code:unknown at any port of this machine, never the settings' Claude model", () => {
    const repo = hooked(DENY);
    const home = homeWith({ '.claude-code-router/config.sqlite': SQLITE, '.claude/settings.json': OPUS });
    for (const url of ['http://127.0.0.1:3456', 'http://localhost:8080'])
      refusedUnknown(agentCommit(repo, env(home, url, { ANTHROPIC_MODEL: 'claude-sonnet-4-5' }), LINE), "claude-code-router ~/.claude-code-router/config.sqlite (ccr 3's database, not read)");
  });

  it("Claude Code's session transcript naming the Claude model ccr 3 answered under (CLAUDE_CODE_SESSION_ID, every session now): still unknown", () => {
    const repo = hooked(DENY);
    const line = `${JSON.stringify({ type: 'assistant', sessionId: SESSION, message: { model: 'claude-sonnet-4-5', role: 'assistant', content: [{ type: 'text', text: 'ok' }] }, timestamp: new Date().toISOString() })}\n`;
    const project = repo.dir.replace(/[^a-zA-Z0-9]/g, '-');
    const home = homeWith({ '.claude-code-router/config.sqlite': SQLITE, [`.claude/projects/${project}/${SESSION}.jsonl`]: line, [`.claude/projects/-work/${SESSION}.jsonl`]: line });
    refusedUnknown(agentCommit(repo, env(home, undefined, { CLAUDE_CODE_SESSION_ID: SESSION }), LINE), "ccr 3's database, not read");
  });

  it("ccr's own port with no ccr config at all: claude-code:unknown; another local port or a remote gateway: the settings' model as before", () => {
    const repo = hooked(DENY);
    const home = homeWith({ '.claude/settings.json': OPUS });
    refusedUnknown(agentCommit(repo, env(home), LINE), 'claude-code-router (no config read)');
    const open = hooked('policy:\n  deny: ["qwen/*"]\n');
    // The careless truth: an honest local proxy on ccr's port is recorded unknown, a warning under the default policy.
    const warned = agentCommit(open, env(home), LINE);
    expect(warned.status, warned.stderr).toBe(0);
    expect(warned.message).toContain('Assisted-by: claude-code:unknown');
    // The trailer is what `check` (and pre-push, pre-receive) judge: refused where unknown models are.
    writeFileSync(join(open.dir, 'strict.yml'), DENY);
    const check = aitrail(open.dir, ['check', 'HEAD~1..HEAD', '--config', 'strict.yml']);
    expect(check.status, check.stdout).not.toBe(0);
    expect(`${check.stdout}${check.stderr}`).toContain('unknown');
    for (const url of ['https://gateway.example.com/']) {
      const commit = agentCommit(open, env(home, url), LINE);
      expect(commit.status, commit.stderr).toBe(0);
      expect(commit.message).toContain('Assisted-by: claude-code:anthropic/claude-opus');
    }
  });

  it('CLAUDE_CODE_SUBAGENT_MODEL and the aliases mappings name Claude models ccr does not run: the unknown is not folded into them', () => {
    const repo = hooked(DENY);
    const home = homeWith({ '.claude-code-router/config.sqlite': SQLITE });
    refusedUnknown(agentCommit(repo, env(home, undefined, { CLAUDE_CODE_SUBAGENT_MODEL: 'claude-opus-4-6' }), LINE), 'not read)');
    refusedUnknown(agentCommit(repo, env(home, undefined, { ANTHROPIC_DEFAULT_SONNET_MODEL: 'claude-sonnet-4-5', ANTHROPIC_DEFAULT_OPUS_MODEL: 'claude-opus-4-6' }), LINE), 'not read)');
  });

  it("claude --model opus under ccr: ccr's Router is what runs (or unknown), not the Claude model on the command line", () => {
    const bin = agentsOnPath([{ name: 'claude' }]);
    const repo = hooked(DENY);
    const unread = hookEnv(env(homeWith({ '.claude-code-router/config.sqlite': SQLITE }), undefined, { PATH: `${bin}:${hookEnv().PATH ?? ''}` }));
    refusedUnknown(commitThrough(repo, 'claude', ['--model', 'opus'], unread, LINE), 'not read)');
    const read = hookEnv(env(homeWith({ '.claude-code-router/config.json': QWEN }), undefined, { PATH: `${bin}:${hookEnv().PATH ?? ''}` }));
    const open = hooked('policy: {}\n');
    const commit = commitThrough(open, 'claude', ['--model', 'opus'], read, LINE);
    expect(commit.status, commit.stderr).toBe(0);
    expect(commit.message).toContain('Assisted-by: claude-code:qwen/qwen3-coder');
    expect(commit.message).not.toContain('claude-code:anthropic');
  });

  it("a model named in ccr's own provider,model form is what ccr sends it to: recorded beside the Router's", () => {
    const repo = hooked(DENY);
    const sonnet = JSON.stringify({ Router: { default: 'anthropic,claude-sonnet-4-5' } });
    const commit = agentCommit(repo, env(homeWith({ '.claude-code-router/config.json': sonnet }), undefined, { CLAUDE_CODE_SUBAGENT_MODEL: 'openrouter,qwen/qwen3-coder' }), LINE);
    expect(commit.status, commit.stderr).toBe(1);
    expect(commit.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
  });

  it("a person's commit with ccr's endpoint in the environment starts no node", () => {
    const { repo, env: base, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const at = laterThanNow();
    repo.commit('docs: readme\n', { 'README.md': 'x\n' }, { ...base, HOME: homeWith({ '.claude-code-router/config.sqlite': SQLITE }), ANTHROPIC_BASE_URL: 'http://127.0.0.1:3456', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
