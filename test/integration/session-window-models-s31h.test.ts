// A model switched back before the committing turn hid the model that wrote the code: Codex `/model`
// to a Qwen model (a custom provider), its turns write the code, `/model` back to gpt-5, which
// commits; Claude Code the same through a gateway. The hooks read only the session's last model
// (rollout's last `turn_context`, transcript's last assistant model), so the commit recorded gpt-5
// (or the settings' model) and passed `deny: ["qwen/*"]`. Every model the session used since the
// previous commit (HEAD's committer time; for an amend, HEAD's parent's) is recorded now.
// Committed for real through the installed hooks, from real ancestor processes named after the agents.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentsOnPath, commitThrough } from '../helpers/agent-on-path.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { hookEnv, messageOf } from '../helpers/hooks.js';

const THREAD = '019a3f2e-7b41-7c2d-9e8f-0a1b2c3d4e5f';
const SESSION = '0f8fad5b-d9cb-469f-a165-70867728950e';
/** The previous commit's time (HEAD's committer date), and the session's times around it. */
const PREVIOUS = '2026-01-01T12:00:00Z';
const BEFORE = '2026-01-01T11:00:00.000Z';
const BETWEEN = '2026-01-01T11:30:00.000Z';
const AFTER = '2026-01-01T12:30:00.000Z';
const LATER = '2026-01-01T13:00:00.000Z';

/** A hooked repository whose HEAD was committed at `PREVIOUS` (and its parent at `parent`, when given). */
function withPrevious(config: string, parent?: string): TestRepo {
  const repo = hooked(config);
  if (parent) repo.commit('chore: parent\n', { 'parent.txt': 'p\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: parent, GIT_COMMITTER_DATE: parent });
  repo.commit('chore: previous\n', { 'previous.txt': 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: PREVIOUS, GIT_COMMITTER_DATE: PREVIOUS });
  return repo;
}

/** A rollout line as Codex writes it (`{"timestamp":…,"type":…,"payload":…}`). */
function line(timestamp: string, type: string, payload: object): string {
  return `${JSON.stringify({ timestamp, type, payload })}\n`;
}

/** A rollout with one turn per `[time, model]`: its `turn_context`, then a user message and a tool call a second later. */
function rollout(...turns: [string, string][]): string {
  const later = (time: string) => new Date(Date.parse(time) + 1000).toISOString();
  return (
    line(BEFORE, 'session_meta', { id: THREAD, timestamp: BEFORE, cwd: '/elsewhere', originator: 'codex_cli_rs', cli_version: '0.130.0', model_provider: 'openrouter' }) +
    turns
      .map(([time, model]) => line(time, 'turn_context', { cwd: '/elsewhere', approval_policy: 'on-request', sandbox_policy: { type: 'workspace-write' }, model, summary: 'auto' }) + line(later(time), 'event_msg', { type: 'user_message', message: 'go on' }))
      .join('')
  );
}

function codexEnv(text: string): NodeJS.ProcessEnv {
  const home = homeWith({ 'config.toml': 'model = "gpt-5"\n', [`sessions/2026/01/01/rollout-2026-01-01T11-00-00-${THREAD}.jsonl`]: text });
  return hookEnv({ HOME: homeWith(), CODEX_HOME: home, CODEX_SANDBOX: 'seatbelt', CODEX_THREAD_ID: THREAD });
}

/** A Claude Code assistant line as its transcript holds it, dated. */
function assistant(model: string, timestamp: string, sidechain = false): string {
  return `${JSON.stringify({ parentUuid: null, isSidechain: sidechain, sessionId: SESSION, message: { model, role: 'assistant', content: [{ type: 'text', text: 'ok' }] }, type: 'assistant', uuid: 'u', timestamp })}\n`;
}

function claudeEnv(files: Record<string, string>): NodeJS.ProcessEnv {
  const base = hookEnv({ HOME: homeWith({ '.claude/settings.json': '{"model": "claude-sonnet-4-5"}', ...files }), CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', CLAUDE_CODE_SESSION_ID: SESSION });
  return { ...base, PATH: `${agentsOnPath([{ name: 'claude', title: 'claude' }])}:${base.PATH ?? ''}` };
}

const TRANSCRIPT = `.claude/projects/-work-app/${SESSION}.jsonl`;
const DENY = 'policy:\n  deny: ["qwen/*"]\n';

describe('every model a Codex session used since the previous commit (its rollout)', () => {
  it('a qwen turn after HEAD, then gpt-5 committing: qwen is recorded beside and deny qwen/* refuses it', () => {
    const env = codexEnv(rollout([AFTER, 'qwen/qwen3-coder'], [LATER, 'gpt-5']));
    const refused = runAgent(withPrevious(DENY), agentBin('codex'), [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);

    const recorded = runAgent(withPrevious('policy: {}\n'), agentBin('codex'), [], env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\nAssisted-by: codex:qwen/qwen3-coder\n');
  });

  it("qwen turns only before HEAD's commit are the previous commit's work: not recorded", () => {
    const passed = runAgent(withPrevious(DENY), agentBin('codex'), [], codexEnv(rollout([BEFORE, 'qwen/qwen3-coder'], [LATER, 'gpt-5'])));
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\n');
  });

  it.each([
    ['--amend -m (git carries the author date)', ['--amend', '-m', 'feat: parser']],
    ['--amend --reset-author --no-edit (git names the commit)', ['--amend', '--reset-author', '--no-edit']],
  ])("an amend counts from HEAD's parent: the qwen turn that wrote the commit being rewritten is recorded: %s", (_name, flags) => {
    const repo = withPrevious('policy: {}\n', '2026-01-01T11:15:00Z');
    const bin = join(tempDir('aitrail-agent-'), 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'codex'), `#!${process.execPath}\nconst run = require('node:child_process').spawnSync('git', ['commit', '-q', ...${JSON.stringify(flags)}], { stdio: 'inherit' });\nprocess.exit(run.status ?? 1);\n`);
    chmodSync(join(bin, 'codex'), 0o755);
    repo.write('src/parser.ts', 'export const n = 1;\n');
    repo.git(['add', 'src/parser.ts']);
    const run = spawnSync(join(bin, 'codex'), [], { cwd: repo.dir, env: codexEnv(rollout([BETWEEN, 'qwen/qwen3-coder'], [LATER, 'gpt-5'])), encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(messageOf(repo.dir)).toMatch(/^(feat: parser|chore: previous)\n\nAssisted-by: codex:openai\/gpt-5\nAssisted-by: codex:qwen\/qwen3-coder\n$/);
  });
});

describe('every model a Claude Code session used since the previous commit (its transcripts)', () => {
  it('a qwen answer after HEAD, then sonnet committing: qwen is recorded beside and deny qwen/* refuses it', () => {
    const env = claudeEnv({ [TRANSCRIPT]: assistant('qwen3-coder', AFTER) + assistant('claude-sonnet-4-5', LATER) });
    const refused = commitThrough(withPrevious(DENY), 'claude', [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);

    const recorded = commitThrough(withPrevious('policy: {}\n'), 'claude', [], env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\nAssisted-by: claude-code:qwen/qwen3-coder\n');
  });

  it("qwen answers only before HEAD's commit are not recorded", () => {
    const env = claudeEnv({ [TRANSCRIPT]: assistant('qwen3-coder', BEFORE) + assistant('claude-sonnet-4-5', LATER) });
    const passed = commitThrough(withPrevious(DENY), 'claude', [], env);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });

  it("a subagent's qwen answer after HEAD, its last answer sonnet's: recorded, and refused", () => {
    const env = claudeEnv({
      [TRANSCRIPT]: assistant('claude-sonnet-4-5', LATER),
      [`.claude/projects/-work-app/${SESSION}/subagents/agent-a1b2c3d4.jsonl`]: assistant('qwen3-coder', AFTER, true) + assistant('claude-sonnet-4-5', LATER, true),
    });
    const refused = commitThrough(withPrevious(DENY), 'claude', [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
  });
});
