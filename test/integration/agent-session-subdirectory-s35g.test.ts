// Claude Code, Qwen Code and Gemini CLI key their session stores by the directory they were started
// in (`~/.claude/projects/<that path, every non-alphanumeric a ->/`, `~/.qwen/projects/<same>/chats/`,
// `~/.gemini/tmp/<sha256 of it>/chats/`), which they never leave: a `cd` in their shell moves the
// shell only. Without a session id the hooks guessed the newest recent recording of the work tree's
// top and of every ancestor's working directory below it, so a shell's `cd` (or the top, for an agent
// started below it) offered another session's directory: a newer session there was read in place of
// the agent's own, whose Qwen answer then passed `deny: ["qwen/*"]`, and a Qwen session of another
// subdirectory refused an honest commit. Committed for real through the installed hooks by a process
// named as the agent, started in one directory, committing from another.
import { realpathSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith, writeAged } from '../helpers/agent-home.js';
import { crushDb, crushTurn } from '../helpers/crush-db.js';
import { cdAgentBin } from '../helpers/fake-agent.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { hookEnv, messageOf } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const OWN = '0f8fad5b-d9cb-469f-a165-70867728950e';
const OTHER = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** The agent `name` started in `start` of the repository commits a staged change from `from` (its shell's `cd`). */
function commitFrom(repo: TestRepo, name: string, start: string, from: string, env: NodeJS.ProcessEnv) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const run = spawnSync(cdAgentBin(name, { title: true }), [], { cwd: join(repo.dir, start), env: { ...env, MESSAGE: 'feat: parser\n', COMMIT_IN: join(repo.dir, from) }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, message: run.status === 0 ? messageOf(repo.dir) : '' };
}

/** The resolved path of `dir` of the repository (`.`: its top), as the agents key their stores by it. */
const real = (repo: TestRepo, dir: string) => (dir === '.' ? realpathSync(repo.dir) : join(realpathSync(repo.dir), dir));
const sanitized = (path: string) => path.replace(/[^a-zA-Z0-9]/g, '-');

const claudeLine = (model: string, cwd?: string) => `${JSON.stringify({ type: 'assistant', sessionId: OWN, ...(cwd ? { cwd } : {}), message: { model, role: 'assistant', content: [{ type: 'text', text: 'ok' }] }, timestamp: new Date().toISOString() })}\n`;
const claudeTranscript = (repo: TestRepo, dir: string, id: string) => `.claude/projects/${sanitized(real(repo, dir))}/${id}.jsonl`;

/** Claude Code's environment (no session id unless given), its settings naming Claude, a home holding `files`. */
function claudeEnv(files: [string, string, number][], extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const home = homeWith({ '.claude/settings.json': '{"model": "claude-sonnet-4-5"}' });
  writeAged(home, files);
  return hookEnv({ HOME: home, CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli', ...extra });
}

describe("an agent's own session, found by the directory it was started in", () => {
  it('Claude Code started at the top that cds into packages/web: its own transcript (the top\'s), not a newer one of packages/web', () => {
    const repo = hooked(DENY);
    repo.commit('chore: web\n', { 'packages/web/index.ts': 'export {};\n' }, { AITRAIL: '0' });
    const env = claudeEnv([
      [claudeTranscript(repo, '.', OWN), claudeLine('qwen3-coder'), 2],
      [claudeTranscript(repo, 'packages/web', OTHER), claudeLine('claude-sonnet-4-5'), 0],
    ]);
    const refused = commitFrom(repo, 'claude', '.', 'packages/web', env);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
    expect(refused.stderr).toContain(`recent transcript ~/${claudeTranscript(repo, '.', OWN)} model="qwen3-coder"`);
  });

  it("Claude Code started in packages/app: its directory's transcript, not a newer one of the top", () => {
    const repo = hooked(DENY);
    repo.commit('chore: app\n', { 'packages/app/index.ts': 'export {};\n' }, { AITRAIL: '0' });
    const files: [string, string, number][] = [
      [claudeTranscript(repo, 'packages/app', OWN), claudeLine('qwen3-coder'), 2],
      [claudeTranscript(repo, '.', OTHER), claudeLine('claude-sonnet-4-5'), 0],
    ];
    const refused = commitFrom(repo, 'claude', 'packages/app', 'packages/app', claudeEnv(files));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via claude-code\) is denied/);
    // Its session id names the same transcript, wherever it commits from.
    const named = commitFrom(repo, 'claude', 'packages/app', '.', claudeEnv(files, { CLAUDE_CODE_SESSION_ID: OWN }));
    expect(named.status, named.stderr).toBe(1);
    expect(named.stderr).toContain(`transcript ~/${claudeTranscript(repo, 'packages/app', OWN)} model="qwen3-coder"`);
  });

  it("a Qwen session of another subdirectory is not Claude Code's in packages/app: an honest commit passes", () => {
    const repo = hooked(DENY);
    repo.commit('chore: dirs\n', { 'packages/app/index.ts': 'export {};\n', 'packages/web/index.ts': 'export {};\n' }, { AITRAIL: '0' });
    const env = claudeEnv([
      [claudeTranscript(repo, 'packages/app', OWN), claudeLine('claude-sonnet-4-5'), 2],
      [claudeTranscript(repo, 'packages/web', OTHER), claudeLine('qwen3-coder'), 0],
    ]);
    const passed = commitFrom(repo, 'claude', 'packages/app', 'packages/web', env);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });

  it("Qwen Code and Gemini CLI started in tools/cli: their directory's recording, not a newer one of the top", () => {
    const repo = hooked(DENY);
    repo.commit('chore: cli\n', { 'tools/cli/index.ts': 'export {};\n' }, { AITRAIL: '0' });
    const qwenChat = (dir: string, id: string) => `.qwen/projects/${sanitized(real(repo, dir))}/chats/${id}.jsonl`;
    const qwenLine = (model: string) => `${JSON.stringify({ type: 'assistant', model, timestamp: new Date().toISOString(), message: { role: 'model', parts: [{ text: 'ok' }] } })}\n`;
    const qwenHome = homeWith();
    writeAged(qwenHome, [
      [qwenChat('tools/cli', OWN), qwenLine('qwen3-coder-plus'), 2],
      [qwenChat('.', OTHER), qwenLine('gpt-4.1'), 0],
    ]);
    const qwen = commitFrom(repo, 'qwen', 'tools/cli', '.', hookEnv({ HOME: qwenHome, QWEN_CODE: '1' }));
    expect(qwen.status, qwen.stderr).toBe(1);
    expect(qwen.stderr).toMatch(/qwen\/qwen3-coder-plus \(via qwen-code\) is denied/);

    const geminiChat = (dir: string, name: string) => `.gemini/tmp/${createHash('sha256').update(real(repo, dir)).digest('hex')}/chats/session-${name}.jsonl`;
    const geminiLine = (model: string) => `${JSON.stringify({ type: 'gemini', content: 'ok', timestamp: new Date().toISOString(), model })}\n`;
    const geminiHome = homeWith();
    writeAged(geminiHome, [
      [geminiChat('tools/cli', 'own'), geminiLine('qwen3-coder-plus'), 2],
      [geminiChat('.', 'other'), geminiLine('gemini-2.5-pro'), 0],
    ]);
    const gemini = commitFrom(repo, 'gemini', 'tools/cli', '.', hookEnv({ HOME: geminiHome, GEMINI_CLI: '1' }));
    expect(gemini.status, gemini.stderr).toBe(1);
    expect(gemini.stderr).toMatch(/qwen\/qwen3-coder-plus \(via gemini-cli\) is denied/);
  });

  it("Crush started in packages/app: the .crush nearest its directory (its own project database), not the top's", () => {
    const repo = hooked(DENY, { 'crush.json': '{"models": {"large": {"model": "claude-sonnet-4-5-20250929", "provider": "anthropic"}}}\n', '.gitignore': '.crush/\n' });
    repo.commit('chore: app\n', { 'packages/app/index.ts': 'export {};\n' }, { AITRAIL: '0' });
    const turn = (model: string, provider: string) => crushTurn('a1b2c3d4-0000-4000-8000-000000000001', 0, provider, model, Date.now() - 5 * 60_000);
    crushDb(join(repo.dir, 'packages/app/.crush/crush.db'), turn('qwen/qwen3-coder', 'openrouter'));
    crushDb(join(repo.dir, '.crush/crush.db'), turn('claude-sonnet-4-5-20250929', 'anthropic'));
    const env = hookEnv({ HOME: homeWith(), XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, CRUSH_GLOBAL_CONFIG: undefined, CRUSH_GLOBAL_DATA: undefined, CRUSH: '1', AGENT: 'crush', AI_AGENT: 'crush' });
    const refused = commitFrom(repo, 'crush', 'packages/app', '.', env);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via crush\) is denied/);
    expect(refused.stderr).toContain('session packages/app/.crush/crush.db messages');
    // Started at the top, the top's, as before.
    const top = commitFrom(repo, 'crush', '.', 'packages/app', env);
    expect(top.status, top.stderr).toBe(0);
    expect(top.message).toBe('feat: parser\n\nAssisted-by: crush:anthropic/claude-sonnet-4.5\n');
  });

  it("Codex started in packages/app with no thread id: a rollout of its directory, not a newer one of the top", () => {
    const repo = hooked(DENY);
    repo.commit('chore: app\n', { 'packages/app/index.ts': 'export {};\n' }, { AITRAIL: '0' });
    const line = (type: string, payload: object) => `${JSON.stringify({ timestamp: new Date().toISOString(), type, payload })}\n`;
    const rollout = (dir: string, model: string) => line('session_meta', { id: OWN, cwd: real(repo, dir), originator: 'codex_cli_rs' }) + line('turn_context', { cwd: real(repo, dir), approval_policy: 'on-request', model, summary: 'auto' });
    const home = homeWith({ '.codex/config.toml': 'model = "gpt-5"\n' });
    writeAged(home, [
      [`.codex/sessions/2026/12/05/rollout-2026-12-05T10-00-00-${OWN}.jsonl`, rollout('packages/app', 'qwen/qwen3-coder'), 2],
      [`.codex/sessions/2026/12/05/rollout-2026-12-05T10-01-00-${OTHER}.jsonl`, rollout('.', 'gpt-5'), 0],
    ]);
    const env = hookEnv({ HOME: home, CODEX_SANDBOX: 'seatbelt' });
    const refused = commitFrom(repo, 'codex', 'packages/app', '.', env);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via codex\) is denied/);
    // Started at the top (a cd in its shell moves no session): the top's rollout, as before.
    const top = commitFrom(repo, 'codex', '.', 'packages/app', env);
    expect(top.status, top.stderr).toBe(0);
    expect(top.message).toBe('feat: parser\n\nAssisted-by: codex:openai/gpt-5\n');
  });

  it('Claude Code started above the work tree that cds into it: a transcript of its directory that ran in the work tree, never one of another repository', () => {
    const repo = hooked(DENY);
    const above = dirname(realpathSync(repo.dir));
    const elsewhere = tempDir('aitrail-other-repo-');
    const store = (id: string) => `.claude/projects/${sanitized(above)}/${id}.jsonl`;
    const refused = commitFrom(repo, 'claude', '..', '.', claudeEnv([
      [store(OWN), claudeLine('qwen3-coder', realpathSync(repo.dir)), 2],
      [store(OTHER), claudeLine('claude-sonnet-4-5', realpathSync(elsewhere)), 0],
    ]));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain(`recent transcript ~/${store(OWN)} model="qwen3-coder"`);
    // Another repository's Qwen session in the same store is not this commit's.
    const passed = commitFrom(repo, 'claude', '..', '.', claudeEnv([[store(OTHER), claudeLine('qwen3-coder', realpathSync(elsewhere)), 0]]));
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n');
  });
});
