// A model switched back before the commit hid the model that wrote the code in Gemini CLI, Qwen Code
// and OpenCode too: `/model` to qwen3-coder, let it write, `/model` back, commit. Their session
// readers took only the recording's (or the session's) last model, so the commit recorded the model
// switched back to and passed `deny: ["qwen/*"]`. Every model the session used since the previous
// commit (HEAD's committer time) is recorded now, through the shared window reader. Committed for
// real through the installed hooks by a process named after the agent.
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const SESSION = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
/** The previous commit's time (HEAD's committer date), and the session's times around it. */
const PREVIOUS = '2026-01-01T12:00:00Z';
const BEFORE = '2026-01-01T11:00:00.000Z';
const BETWEEN = '2026-01-01T11:30:00.000Z';
const AFTER = '2026-01-01T12:30:00.000Z';
const LATER = '2026-01-01T13:00:00.000Z';
const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const FLASH_DENIED = 'policy:\n  deny: ["google/gemini-2.5-flash"]\n';

/** A hooked repository whose HEAD was committed at `PREVIOUS`, with `files` committed. */
function withPrevious(config: string, files: Record<string, string> = {}): TestRepo {
  const repo = hooked(config, files);
  repo.commit('chore: previous\n', { 'previous.txt': 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: PREVIOUS, GIT_COMMITTER_DATE: PREVIOUS });
  return repo;
}

/** Qwen Code's chat recording: a user line, then one answer per `[time, model]`. */
function qwenRecording(...answers: [string, string][]): string {
  const user = { uuid: 'u1', parentUuid: null, sessionId: SESSION, timestamp: BEFORE, type: 'user', cwd: '/work/app', version: '0.9.0', message: { role: 'user', parts: [{ text: 'fix the parser' }] } };
  const lines = answers.map(([timestamp, model], n) => ({ uuid: `a${n}`, parentUuid: 'u1', sessionId: SESSION, timestamp, type: 'assistant', cwd: '/work/app', version: '0.9.0', model, message: { role: 'model', parts: [{ text: 'ok' }] } }));
  return [user, ...lines].map((line) => `${JSON.stringify(line)}\n`).join('');
}

function qwenEnv(recording: string): NodeJS.ProcessEnv {
  const home = homeWith({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}', [`.qwen/projects/-work-app/chats/${SESSION}.jsonl`]: recording });
  return hookEnv({ HOME: home, QWEN_CODE: '1', QWEN_CODE_SESSION_ID: SESSION });
}

/** Gemini CLI's messages: a user's, then gemini's with their model, per `[time, model]`. */
function geminiMessages(...answers: [string, string][]): object[] {
  return answers.flatMap(([timestamp, model], n) => [
    { id: `u${n}`, timestamp, type: 'user', content: [{ text: 'go on' }] },
    { id: `g${n}`, timestamp, type: 'gemini', content: 'ok', toolCalls: [{ id: 't', name: 'write_file', args: { file_path: 'src/parser.ts' } }], model },
  ]);
}

/** Gemini CLI's recording of the project at `dir` (JSONL, 0.3x; or `legacy`: one JSON document, before 0.3x), under a settings file naming gemini-2.5-pro. */
function geminiEnv(dir: string, messages: object[], legacy = false): NodeJS.ProcessEnv {
  const id = createHash('sha256').update(dir).digest('hex');
  const meta = { sessionId: SESSION, projectHash: id, startTime: BEFORE, lastUpdated: LATER };
  const text = legacy ? JSON.stringify({ ...meta, messages }, null, 2) : [meta, ...messages, { $set: { lastUpdated: LATER } }].map((line) => `${JSON.stringify(line)}\n`).join('');
  const home = homeWith({ '.gemini/settings.json': '{"model": {"name": "gemini-2.5-pro"}}', [`.gemini/tmp/${id}/chats/session-2026-01-01T11-00-3f2b8c1e.json${legacy ? '' : 'l'}`]: text });
  return hookEnv({ HOME: home, GEMINI_CLI: '1' });
}

/** OpenCode's JSON storage: `repo`'s project, one session with one user and one assistant message per `[time, provider/model]`. */
function opencodeEnv(repo: TestRepo, ...answers: [string, string][]): NodeJS.ProcessEnv {
  const worktree = realpathSync(repo.dir);
  const at = '.local/share/opencode/storage';
  const files: Record<string, string> = {
    [`${at}/project/4f1e0c.json`]: JSON.stringify({ id: '4f1e0c', worktree, vcs: 'git', time: { created: 1 } }),
    [`${at}/session/4f1e0c/ses_7a1b2c3d4e5f.json`]: JSON.stringify({ id: 'ses_7a1b2c3d4e5f', projectID: '4f1e0c', directory: worktree, title: 'fix parser' }),
  };
  for (const [n, [time, model]] of answers.entries()) {
    const created = Date.parse(time);
    const [providerID, ...rest] = model.split('/');
    files[`${at}/message/ses_7a1b2c3d4e5f/msg_9a0b1c2d3e${n}0.json`] = JSON.stringify({ id: `msg_9a0b1c2d3e${n}0`, sessionID: 'ses_7a1b2c3d4e5f', role: 'user', agent: 'build', time: { created }, model: { providerID, modelID: rest.join('/') } });
    files[`${at}/message/ses_7a1b2c3d4e5f/msg_9a0b1c2d3e${n}1.json`] = JSON.stringify({ id: `msg_9a0b1c2d3e${n}1`, sessionID: 'ses_7a1b2c3d4e5f', role: 'assistant', providerID, modelID: rest.join('/'), mode: 'build', agent: 'build', path: { cwd: worktree, root: worktree }, time: { created: created + 1000, completed: created + 2000 } });
  }
  const home = homeWith(files);
  return hookEnv({ HOME: home, XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, XDG_STATE_HOME: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE_SESSION_ID: undefined, OPENCODE: '1' });
}
const CLAUDE_CONFIG = { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}' };

describe('every model a Qwen Code session used since the previous commit (its chat recording)', () => {
  it('a qwen3-coder answer after HEAD, then gpt-4.1 committing: recorded beside, and deny qwen/* refuses it', () => {
    const env = qwenEnv(qwenRecording([AFTER, 'qwen3-coder'], [LATER, 'gpt-4.1']));
    const refused = runAgent(withPrevious(DENY), agentBin('qwen'), [], env);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via qwen-code\) is denied/);

    const recorded = runAgent(withPrevious('policy: {}\n'), agentBin('qwen'), [], env);
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: qwen-code:openai/gpt-4.1\nAssisted-by: qwen-code:qwen/qwen3-coder\n');
  });

  it("qwen3-coder answers only before HEAD's commit are the previous commit's work: not recorded", () => {
    const env = qwenEnv(qwenRecording([BETWEEN, 'qwen3-coder'], [AFTER, 'gpt-4.1']));
    const passed = runAgent(withPrevious(DENY), agentBin('qwen'), [], env);
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: qwen-code:openai/gpt-4.1\n');
  });
});

describe('every model a Gemini CLI session used since the previous commit (its newest chat recording)', () => {
  it('a gemini-2.5-flash answer after HEAD, then gemini-2.5-pro committing: refused under its deny, JSONL and one JSON document alike', () => {
    for (const legacy of [false, true]) {
      const denied = withPrevious(FLASH_DENIED);
      const env = geminiEnv(realpathSync(denied.dir), geminiMessages([AFTER, 'gemini-2.5-flash'], [LATER, 'gemini-2.5-pro']), legacy);
      const refused = runAgent(denied, agentBin('gemini'), [], env);
      expect(refused.status, `legacy=${legacy}`).not.toBe(0);
      expect(refused.stderr).toMatch(/google\/gemini-2\.5-flash \(via gemini-cli\) is denied/);
    }
    const open = withPrevious('policy: {}\n');
    const recorded = runAgent(open, agentBin('gemini'), [], geminiEnv(realpathSync(open.dir), geminiMessages([AFTER, 'gemini-2.5-flash'], [LATER, 'gemini-2.5-pro'])));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-pro\nAssisted-by: gemini-cli:google/gemini-2.5-flash\n');
  });

  it("gemini-2.5-flash only before HEAD's commit: not recorded", () => {
    for (const legacy of [false, true]) {
      const denied = withPrevious(FLASH_DENIED);
      const env = geminiEnv(realpathSync(denied.dir), geminiMessages([BETWEEN, 'gemini-2.5-flash'], [AFTER, 'gemini-2.5-pro']), legacy);
      const passed = runAgent(denied, agentBin('gemini'), [], env);
      expect(passed.status, passed.stderr).toBe(0);
      expect(passed.message).toBe('feat: parser\n\nAssisted-by: gemini-cli:google/gemini-2.5-pro\n');
    }
  });
});

describe('every model an OpenCode session used since the previous commit (its message files)', () => {
  it('a qwen/qwen3-coder answer after HEAD, then Claude committing: recorded beside, and deny qwen/* refuses it', () => {
    const denied = withPrevious(DENY, CLAUDE_CONFIG);
    const refused = runAgent(denied, agentBin('opencode'), ['fix it'], opencodeEnv(denied, [AFTER, 'qwen/qwen3-coder'], [LATER, 'anthropic/claude-sonnet-4-5']));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via opencode\) is denied/);

    const open = withPrevious('policy: {}\n', CLAUDE_CONFIG);
    const recorded = runAgent(open, agentBin('opencode'), ['fix it'], opencodeEnv(open, [AFTER, 'qwen/qwen3-coder'], [LATER, 'anthropic/claude-sonnet-4-5']));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: opencode:anthropic/claude-sonnet-4.5\nAssisted-by: opencode:qwen/qwen3-coder\n');
  });

  it("qwen/qwen3-coder only before HEAD's commit: not recorded", () => {
    const denied = withPrevious(DENY, CLAUDE_CONFIG);
    const passed = runAgent(denied, agentBin('opencode'), ['fix it'], opencodeEnv(denied, [BETWEEN, 'qwen/qwen3-coder'], [AFTER, 'anthropic/claude-sonnet-4-5']));
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: opencode:anthropic/claude-sonnet-4.5\n');
  });
});
