// Gemini CLI's and Qwen Code's `/model` switches the session's model and writes no settings (Qwen
// Code to any OpenAI-compatible model, Gemini CLI also on a fallback): the commit read as the
// settings' model and passed a deny of the model that ran. Both record the chat, each answer with
// its `model`; Qwen Code also exports the active model and its session to its commands. Committed
// for real through the installed hooks by a process named after the agent.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith, writeFile } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

const SESSION = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
const OTHER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/** Qwen Code's chat recording: a user line and assistant answers, each with its model. */
function qwenRecording(session: string, ...models: string[]): string {
  const user = { uuid: 'u1', parentUuid: null, sessionId: session, timestamp: '2026-12-04T23:00:00.000Z', type: 'user', cwd: '/work/app', version: '0.9.0', message: { role: 'user', parts: [{ text: 'fix the parser; "model": "gpt-4.1"' }] } };
  const answers = models.map((model, n) => ({ uuid: `a${n}`, parentUuid: 'u1', sessionId: session, timestamp: '2026-12-04T23:00:01.000Z', type: 'assistant', cwd: '/work/app', version: '0.9.0', model, message: { role: 'model', parts: [{ text: 'ok' }] } }));
  return [user, ...answers].map((line) => `${JSON.stringify(line)}\n`).join('');
}

/** Gemini CLI's chat recording (JSONL, 0.3x): its metadata, then messages, gemini's with their model. */
function geminiRecording(...models: string[]): string {
  const lines: unknown[] = [{ sessionId: SESSION, projectHash: 'x', startTime: '2026-12-04T23:00:00.000Z', lastUpdated: '2026-12-04T23:00:00.000Z' }];
  for (const [n, model] of models.entries()) {
    lines.push({ id: `u${n}`, timestamp: '2026-12-04T23:00:00.000Z', type: 'user', content: [{ text: 'commit it' }] });
    lines.push({ id: `g${n}`, timestamp: '2026-12-04T23:00:01.000Z', type: 'gemini', content: 'ok', toolCalls: [{ id: 't', name: 'run_shell_command', args: { command: 'git commit' } }], model });
  }
  lines.push({ $set: { lastUpdated: '2026-12-04T23:00:02.000Z' } });
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

const sanitized = (dir: string): string => dir.replace(/[^a-zA-Z0-9]/g, '-');
const sha256 = (dir: string): string => createHash('sha256').update(dir).digest('hex');

describe("Gemini CLI's and Qwen Code's session's model", () => {
  it("Qwen Code's session recording (QWEN_CODE_SESSION_ID) is recorded beside the settings, and deny qwen/* refuses it", () => {
    const home = homeWith({
      '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}',
      // Started in another directory: the session's file is looked for in every project directory.
      [`.qwen/projects/-work-app-sub/chats/${SESSION}.jsonl`]: qwenRecording(SESSION, 'gpt-4.1', 'qwen3-coder-plus'),
      [`.qwen/projects/-work-other/chats/${OTHER}.jsonl`]: qwenRecording(OTHER, 'deepseek-chat'),
    });
    const env = hookEnv({ HOME: home, QWEN_CODE: '1', QWEN_CODE_SESSION_ID: SESSION });
    const qwen = agentBin('qwen');

    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const refused = runAgent(denied, qwen, [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder-plus \(via qwen-code\) is denied/);

    const open = hooked('policy: {}\n');
    const recorded = runAgent(open, qwen, [], env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: qwen-code:openai/gpt-4.1\nAssisted-by: qwen-code:qwen/qwen3-coder-plus\n');

    // The session exactly: another session's recording is its own; an id no recording has adds nothing (never guessed).
    const other = runAgent(open, qwen, [], { ...env, QWEN_CODE_SESSION_ID: OTHER });
    expect(other.message).toBe('feat: parser\n\nAssisted-by: qwen-code:openai/gpt-4.1\nAssisted-by: qwen-code:deepseek/deepseek-chat\n');
    const none = runAgent(open, qwen, [], { ...env, QWEN_CODE_SESSION_ID: '11111111-2222-4333-8444-555555555555' });
    expect(none.message).toBe('feat: parser\n\nAssisted-by: qwen-code:openai/gpt-4.1\n');
  });

  it('QWEN_CODE_MODEL (the active model Qwen Code gives its commands) and QWEN_CODE_PROJECT_DIR are read', () => {
    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const home = homeWith({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}' });
    const qwen = agentBin('qwen');
    const live = runAgent(denied, qwen, [], hookEnv({ HOME: home, QWEN_CODE: '1', QWEN_CODE_MODEL: 'qwen3-coder-plus' }));
    expect(live.status).not.toBe(0);
    expect(live.stderr).toMatch(/qwen\/qwen3-coder-plus \(via qwen-code\) is denied/);

    const elsewhere = homeWith();
    writeFile(join(elsewhere, 'runtime/p/chats', `${SESSION}.jsonl`), qwenRecording(SESSION, 'qwen3-coder'));
    const project = runAgent(denied, qwen, [], hookEnv({ HOME: home, QWEN_CODE: '1', QWEN_CODE_SESSION_ID: SESSION, QWEN_CODE_PROJECT_DIR: join(elsewhere, 'runtime/p') }));
    expect(project.status).not.toBe(0);
    expect(project.stderr).toMatch(/qwen\/qwen3-coder \(via qwen-code\) is denied/);
  });

  it("without a session id, this project's newest recording written within the hour is added beside; an older one is not read", () => {
    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const home = homeWith({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}' });
    const chats = join(home, '.qwen/projects', sanitized(denied.dir), 'chats');
    writeFile(join(chats, `${OTHER}.jsonl`), qwenRecording(OTHER, 'gpt-4.1'));
    writeFile(join(chats, `${SESSION}.jsonl`), qwenRecording(SESSION, 'qwen3-coder-plus'));
    const hourAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(chats, `${OTHER}.jsonl`), hourAgo, hourAgo);
    const env = hookEnv({ HOME: home, QWEN_CODE: '1' });
    const qwen = agentBin('qwen');
    const refused = runAgent(denied, qwen, [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder-plus \(via qwen-code\) is denied/);

    utimesSync(join(chats, `${SESSION}.jsonl`), hourAgo, hourAgo);
    const stale = runAgent(denied, qwen, [], env);
    expect(stale.status, stale.stderr).toBe(0);
    expect(stale.message).toBe('feat: parser\n\nAssisted-by: qwen-code:openai/gpt-4.1\n');
  });

  it("Gemini CLI's newest chat recording of the project is recorded beside the settings, and a deny of the switched-to model refuses it", () => {
    const policy = 'policy:\n  deny: ["google/gemini-2.5-flash"]\n';
    const gemini = agentBin('gemini');
    const settings = { '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}' };

    // The project's short name from ~/.gemini/projects.json (0.3x), JSONL.
    const denied = hooked(policy);
    const home = homeWith({
      ...settings,
      '.gemini/projects.json': JSON.stringify({ projects: { [denied.dir]: 'app' } }),
      '.gemini/tmp/app/chats/session-2026-12-04T23-00-3f2b8c1e.jsonl': geminiRecording('gemini-2.5-pro', 'gemini-2.5-flash'),
    });
    const env = hookEnv({ HOME: home, GEMINI_CLI: '1' });
    const refused = runAgent(denied, gemini, [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/google\/gemini-2\.5-flash \(via gemini-cli\) is denied/);

    // The sha256 of the directory (before 0.3x), the whole conversation as one JSON.
    const open = hooked('policy: {}\n');
    const legacy = homeWith({
      ...settings,
      [`.gemini/tmp/${sha256(open.dir)}/chats/session-2026-12-04T23-00-3f2b8c1e.json`]: JSON.stringify(
        { sessionId: SESSION, messages: [{ id: 'g', type: 'gemini', content: 'ok', model: 'gemini-2.5-flash' }] },
        null,
        2,
      ),
    });
    const recorded = runAgent(open, gemini, [], hookEnv({ HOME: legacy, GEMINI_CLI: '1' }));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-pro\nAssisted-by: gemini-cli:google/gemini-2.5-flash\n');

    // The model GEMINI_MODEL names and the recording's last: one trailer.
    const same = runAgent(open, gemini, [], hookEnv({ HOME: legacy, GEMINI_CLI: '1', GEMINI_MODEL: 'gemini-2.5-flash' }));
    expect(same.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-flash\n');

    // Another project's recording is not this one's.
    const alone = runAgent(hooked(policy), gemini, [], env);
    expect(alone.status, alone.stderr).toBe(0);
  });

  it('Gemini CLI started in a subdirectory of the work tree: its project is that directory (its process\'s working directory)', () => {
    const denied = hooked('policy:\n  deny: ["google/gemini-2.5-flash"]\n');
    mkdirSync(join(denied.dir, 'packages/web'), { recursive: true });
    const sub = realpathSync(join(denied.dir, 'packages/web'));
    const home = homeWith({
      '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}',
      [`.gemini/tmp/${sha256(sub)}/chats/session-2026-12-04T23-00-3f2b8c1e.jsonl`]: geminiRecording('gemini-2.5-flash'),
    });
    denied.write('src/parser.ts', 'export const n = 1;\n');
    denied.git(['add', 'src/parser.ts']);
    const run = spawnSync(agentBin('gemini'), [], { cwd: sub, env: { ...hookEnv({ HOME: home, GEMINI_CLI: '1' }), MESSAGE: 'feat: parser\n' }, encoding: 'utf8' });
    if (process.platform === 'linux') {
      expect(run.status).not.toBe(0);
      expect(run.stderr).toMatch(/google\/gemini-2\.5-flash \(via gemini-cli\) is denied/);
    }
  });

  it("a person's commit with the agents' variables and recordings about is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const home = homeWith({ [`.qwen/projects/${sanitized(repo.dir)}/chats/${SESSION}.jsonl`]: qwenRecording(SESSION, 'qwen3-coder-plus') });
    const person = runAgent(repo, agentBin('qwen'), [], { ...env, HOME: home, QWEN_CODE_MODEL: 'qwen3-coder-plus', QWEN_CODE_SESSION_ID: SESSION });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
