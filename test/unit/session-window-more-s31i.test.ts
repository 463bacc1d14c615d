// Gemini CLI's and Qwen Code's chat recordings and OpenCode's message files name every model a
// session answered with; the readers took only the last, so a `/model` switch and back before the
// commit hid the model that wrote the code. The models used since the previous commit are read now
// through the shared window reader (session-window.ts), bounded and hostile-proof as before.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { geminiSessionModels, qwenSessionModels } from '../../src/agent-settings/chat-recordings.js';
import { opencodeSessionModels } from '../../src/agent-settings/opencode-session.js';
import { windowModels } from '../../src/agent-settings/session-window.js';
import { settingsPlace, type SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { homeWith, writeFile } from '../helpers/agent-home.js';

const SESSION = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
const ROOT = '/srv/app';
const CHATS = '.qwen/projects/-srv-app/chats';
const GEMINI = `.gemini/tmp/${createHash('sha256').update(ROOT).digest('hex')}/chats`;
const T = Date.parse('2026-01-01T12:00:00Z');
const at = (minutes: number): string => new Date(T + minutes * 60_000).toISOString();

/** `since`: the window's start (null: no HEAD); 'unset': no commit-time hook gave one. */
function place(home: string, env: Record<string, string | undefined> = {}, since: number | null | 'unset' = T): SettingsPlace {
  return { root: ROOT, gitDir: `${ROOT}/.git`, env, home, system: '/nonexistent', commandLines: [], ...(since === 'unset' ? {} : { windowStart: () => since }) };
}

/** A Qwen Code answer line; `text`: its message's text (a big one makes the line too long to parse). */
function qwen(model: string, timestamp: string, text = 'ok'): string {
  return `${JSON.stringify({ uuid: 'a', parentUuid: 'u', sessionId: SESSION, timestamp, type: 'assistant', cwd: ROOT, version: '0.9.0', model, message: { role: 'model', parts: [{ text }] } })}\n`;
}
function qwenUser(timestamp: string, text = 'go on'): string {
  return `${JSON.stringify({ uuid: 'u', parentUuid: null, sessionId: SESSION, timestamp, type: 'user', cwd: ROOT, version: '0.9.0', message: { role: 'user', parts: [{ text }] } })}\n`;
}
function gemini(model: string, timestamp: string): object {
  return { id: 'g', timestamp, type: 'gemini', content: 'ok', model };
}

const session = { QWEN_CODE_SESSION_ID: SESSION };
const qwenModels = (home: string, since: number | null | 'unset' = T) => qwenSessionModels(place(home, session, since)).map((found) => found.model);

describe('windowModels (records read elsewhere, weighed as modelsSince weighs lines)', () => {
  it('the models at or after the start, the most recently used first; bounded once a dated record before it is seen', () => {
    const weighed = windowModels(
      [
        { date: T - 1, model: 'old' },
        { date: T, model: 'a' },
        { date: null, model: 'b' },
        { date: T + 2, model: null },
        { date: T + 3, model: 'a' },
      ],
      T,
      8,
    );
    expect(weighed).toEqual({ models: [{ model: 'a', at: new Date(T + 3).toISOString() }, { model: 'b', at: null }], last: 'a', bounded: true });
    // No start: every record; an undated record before any dated one in the window is in it then.
    expect(windowModels([{ date: null, model: 'x' }], null, 8).models).toEqual([{ model: 'x', at: null }]);
    expect(windowModels([{ date: null, model: 'x' }, { date: T - 1, model: null }], T, 8)).toMatchObject({ models: [], bounded: true });
    // Capped, and a carried model counts for its later records (Codex's turn).
    expect(windowModels([{ date: T, model: 'a' }, { date: T, model: 'b' }, { date: T, model: 'c' }], T, 2).models.map((found) => found.model)).toEqual(['c', 'b']);
    expect(windowModels([{ date: T - 5, model: 'q' }, { date: T + 1, model: null }], T, 8, true).models).toEqual([{ model: 'q', at: new Date(T + 1).toISOString() }]);
  });
});

describe("Qwen Code's recording: every model since the previous commit", () => {
  it('beside the last, with its evidence and time; one used only before the start is not', () => {
    const home = homeWith({ [`${CHATS}/${SESSION}.jsonl`]: qwenUser(at(-60)) + qwen('deepseek-chat', at(-30)) + qwen('qwen3-coder', at(10)) + qwenUser(at(20)) + qwen('gpt-4.1', at(30)) });
    const found = qwenSessionModels(place(home, session));
    expect(found).toEqual([
      { model: 'gpt-4.1', evidence: `chat recording ~/${CHATS}/${SESSION}.jsonl model="gpt-4.1"`, overriddenBy: [] },
      { model: 'qwen3-coder', evidence: `chat recording ~/${CHATS}/${SESSION}.jsonl model="qwen3-coder" used at ${at(10)}`, overriddenBy: [] },
    ]);
    // No window start given (no commit-time hook): the last model only, as before.
    expect(qwenModels(home, 'unset')).toEqual(['gpt-4.1']);
    // No HEAD (null): every record read.
    expect(qwenModels(home, null)).toEqual(['gpt-4.1', 'qwen3-coder', 'deepseek-chat']);
  });

  it('a user line naming "model" in its text, or a record of another type, names no model; a control character or a name past 256 is none', () => {
    const other = `${JSON.stringify({ uuid: 's', timestamp: at(5), type: 'system', model: 'mistral-large' })}\n`;
    const home = homeWith({
      [`${CHATS}/${SESSION}.jsonl`]: qwenUser(at(1), '"model": "kimi-k2"') + other + qwen('evil\u0007model', at(6)) + qwen('x'.repeat(257), at(7)) + qwen('<synthetic>', at(8)) + qwen('gpt-4.1', at(9)),
    });
    expect(qwenModels(home)).toEqual(['gpt-4.1']);
  });

  it('an answer line too long to parse still names its model from its head; at most 8 window models for the session', () => {
    const long = qwen('qwen3-coder', at(1), 'x'.repeat(1024 * 1024 + 10));
    const home = homeWith({ [`${CHATS}/${SESSION}.jsonl`]: long + qwen('gpt-4.1', at(2)) });
    expect(qwenModels(home)).toEqual(['gpt-4.1', 'qwen3-coder']);
    const many = Array.from({ length: 12 }, (_, n) => qwen(`model-${n}`, at(n + 1))).join('');
    const crowded = homeWith({ [`${CHATS}/${SESSION}.jsonl`]: many });
    // The last, then the 8 most recently used others (the last among them counts against the 8, as row 375's readers).
    expect(qwenModels(crowded)).toEqual(['model-11', ...Array.from({ length: 7 }, (_, n) => `model-${10 - n}`)]);
  });

  it('a link in place of the recording is not read, for its window either', () => {
    const home = homeWith({ 'elsewhere.jsonl': qwen('qwen3-coder', at(1)) + qwen('gpt-4.1', at(2)) });
    mkdirSync(join(home, CHATS), { recursive: true });
    symlinkSync(join(home, 'elsewhere.jsonl'), join(home, CHATS, `${SESSION}.jsonl`));
    expect(qwenModels(home)).toEqual([]);
  });
});

describe("Gemini CLI's recording: every model since the previous commit", () => {
  const jsonl = (...messages: object[]) => messages.map((message) => `${JSON.stringify(message)}\n`).join('');
  const models = (home: string) => geminiSessionModels(place(home)).map((found) => found.model);

  it('JSONL (0.3x) and one JSON document (before 0.3x) alike, with evidence', () => {
    const messages = [gemini('gemini-2.5-flash', at(-10)), gemini('gemini-2.5-flash-lite', at(10)), { id: 'u', timestamp: at(11), type: 'user', content: 'model' }, gemini('gemini-2.5-pro', at(20))];
    const lines = homeWith({ [`${GEMINI}/session-a.jsonl`]: jsonl({ sessionId: SESSION }, ...messages, { $set: { lastUpdated: at(21) } }) });
    const found = geminiSessionModels(place(lines));
    expect(found.map((one) => one.model)).toEqual(['gemini-2.5-pro', 'gemini-2.5-flash-lite']);
    expect(found[1]!.evidence).toBe(`newest chat recording ~/${GEMINI}/session-a.jsonl model="gemini-2.5-flash-lite" used at ${at(10)}`);
    const document = homeWith({ [`${GEMINI}/session-a.json`]: JSON.stringify({ sessionId: SESSION, messages }, null, 2) });
    expect(models(document)).toEqual(['gemini-2.5-pro', 'gemini-2.5-flash-lite']);
  });

  it('a JSON document past 4 MB gives the window models of its last 4 MB (row 1197); one that is not a recording, none', () => {
    const big = homeWith({ [`${GEMINI}/session-a.json`]: JSON.stringify({ sessionId: SESSION, pad: 'x'.repeat(4 * 1024 * 1024), messages: [gemini('gemini-2.5-flash', at(1)), gemini('gemini-2.5-pro', at(2))] }) });
    // Before row 1197 only its last answer's model was read: Flash, which answered earlier in the window, went unseen.
    expect(models(big)).toEqual(['gemini-2.5-pro', 'gemini-2.5-flash']);
    for (const text of ['{"messages": "no"}', '[1, 2]', 'null', '{"messages": [null, 7, {"type": "gemini", "timestamp": 5, "model": "gemini-2.5-flash"}]}']) {
      writeFile(join(big, GEMINI, 'session-a.json'), text);
      // An undated record counts only after a dated one in the window: none here.
      expect(geminiSessionModels(place(big)).filter((found) => found.evidence.includes('used at'))).toEqual([]);
    }
  });
});

describe("OpenCode's message files: every model since the previous commit", () => {
  const STORAGE = 'home/.local/share/opencode/storage';

  /** A work tree and a home with one session of it whose messages are `[name, role, provider/model, created]`. */
  function opencode(messages: [string, string, string, unknown][], since: number | null | 'unset' = T): SettingsPlace {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-opencode-window-')));
    const files: Record<string, string> = {
      [`${STORAGE}/project/p1.json`]: JSON.stringify({ id: 'p1', worktree: join(base, 'root') }),
      [`${STORAGE}/session/p1/ses_abc.json`]: '{"id": "ses_abc", "projectID": "p1"}',
    };
    for (const [name, role, model, created] of messages) {
      const [providerID, modelID] = model.split('/');
      files[`${STORAGE}/message/ses_abc/${name}`] = JSON.stringify({ id: name.slice(0, -5), role, providerID, modelID, time: { created } });
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(base, path)), { recursive: true });
      writeFileSync(join(base, path), text);
    }
    mkdirSync(join(base, 'root'));
    const at = settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home') }, join(base, 'system'));
    return since === 'unset' ? at : { ...at, windowStart: () => since };
  }
  const models = (at: SettingsPlace) => opencodeSessionModels(at, true).map((found) => found.model);

  it("each assistant message's model since the start beside the last, its own file as evidence; one before the start is not", () => {
    const at = opencode([
      ['msg_01.json', 'assistant', 'openai/gpt-5', T - 60_000],
      ['msg_02.json', 'user', 'anthropic/claude-sonnet-4-5', T + 1000],
      ['msg_03.json', 'assistant', 'qwen/qwen3-coder', T + 2000],
      ['msg_04.json', 'assistant', 'anthropic/claude-sonnet-4-5', T + 3000],
    ]);
    const found = opencodeSessionModels(at, true);
    expect(found.map((one) => one.model)).toEqual(['anthropic/claude-sonnet-4-5', 'qwen/qwen3-coder']);
    expect(found[1]!.evidence).toBe(`session ~/.local/share/opencode/storage/message/ses_abc/msg_03.json model="qwen/qwen3-coder" used at ${new Date(T + 2000).toISOString()}`);
    // No window start: the last model only, as before; no HEAD: every message read.
    expect(models(opencode([['msg_01.json', 'assistant', 'qwen/qwen3-coder', T + 1], ['msg_02.json', 'assistant', 'openai/gpt-5', T + 2]], 'unset'))).toEqual(['openai/gpt-5']);
    expect(models(opencode([['msg_01.json', 'assistant', 'qwen/qwen3-coder', T - 1], ['msg_02.json', 'assistant', 'openai/gpt-5', T + 2]], null))).toEqual(['openai/gpt-5', 'qwen/qwen3-coder']);
  });

  it('a time that is no number of ms is no date; messages are read within the 32 newest', () => {
    const hostile = opencode([
      ['msg_01.json', 'assistant', 'qwen/qwen3-coder', '2026-01-01T12:30:00Z'],
      ['msg_02.json', 'assistant', 'openai/gpt-5', T + 2],
    ]);
    // The undated message is in the window only after a dated one in it: it comes before any.
    expect(models(hostile)).toEqual(['openai/gpt-5']);
    const many: [string, string, string, unknown][] = [['msg_000.json', 'assistant', 'qwen/qwen3-coder', T + 1]];
    for (let n = 1; n <= 32; n++) many.push([`msg_${String(n).padStart(3, '0')}.json`, 'assistant', 'openai/gpt-5', T + 10 + n]);
    expect(models(opencode(many))).toEqual(['openai/gpt-5']);
    expect(models(opencode(many.slice(0, 32)))).toEqual(['openai/gpt-5', 'qwen/qwen3-coder']);
  });
});
