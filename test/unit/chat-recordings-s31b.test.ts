// Gemini CLI's and Qwen Code's chat recordings name the model the session ran with (`/model`
// writes no settings); read bounded, never through a link, with hostile content in mind.
import { createHash } from 'node:crypto';
import { mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, writeFile } from '../helpers/agent-home.js';
import { tempDir } from '../helpers/gitdir.js';
import { geminiSessionModels, qwenSessionModels } from '../../src/agent-settings/chat-recordings.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';

const SESSION = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
const OTHER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const ROOT = '/srv/app';
const CHATS = '.qwen/projects/-srv-app/chats';
const GEMINI = `.gemini/tmp/${createHash('sha256').update(ROOT).digest('hex')}/chats`;

function answer(model: string): string {
  return `${JSON.stringify({ uuid: 'a', sessionId: SESSION, type: 'assistant', model, message: { role: 'model', parts: [{ text: 'ok' }] } })}\n`;
}

/** A message of Gemini CLI's JSONL recording, and the metadata update after it. */
function gemini(model: string): string {
  return `${JSON.stringify({ id: 'g', type: 'gemini', content: 'ok', model })}\n${JSON.stringify({ $set: { lastUpdated: 'now' } })}\n`;
}

function place(home: string, env: Record<string, string | undefined> = {}): SettingsPlace {
  return { root: ROOT, gitDir: `${ROOT}/.git`, env, home, system: '/nonexistent', commandLines: [] };
}

const session = { QWEN_CODE_SESSION_ID: SESSION };
const models = (found: { model: string }[]): string[] => found.map((one) => one.model);

describe('qwenSessionModels', () => {
  it("reads the session's recording in any project directory, and QWEN_CODE_MODEL, each model once", () => {
    const home = homeWith({
      [`.qwen/projects/-srv-app-sub/chats/${SESSION}.jsonl`]: answer('gpt-4.1') + answer('qwen3-coder-plus'),
      [`${CHATS}/${OTHER}.jsonl`]: answer('deepseek-chat'),
    });
    expect(qwenSessionModels(place(home, session))).toEqual([
      { model: 'qwen3-coder-plus', evidence: `chat recording ~/.qwen/projects/-srv-app-sub/chats/${SESSION}.jsonl model="qwen3-coder-plus"`, overriddenBy: [] },
    ]);
    expect(qwenSessionModels(place(home, { ...session, QWEN_CODE_MODEL: ' qwen3-coder-plus ' }))).toEqual([
      { model: 'qwen3-coder-plus', evidence: 'env QWEN_CODE_MODEL="qwen3-coder-plus"', overriddenBy: [] },
    ]);
    // A session id that is no UUID is no session (nor a path): the newest recording is read instead.
    for (const id of [`../${SESSION}`, 'x', '']) expect(models(qwenSessionModels(place(home, { QWEN_CODE_SESSION_ID: id })))).toEqual(['deepseek-chat']);
  });

  it('QWEN_RUNTIME_DIR moves ~/.qwen (absolute or ~ only); QWEN_CODE_PROJECT_DIR names the directory', () => {
    const home = homeWith({ [`rt/projects/-srv-app/chats/${SESSION}.jsonl`]: answer('qwen3-coder'), [`elsewhere/chats/${SESSION}.jsonl`]: answer('kimi-k2') });
    expect(models(qwenSessionModels(place(home, { ...session, QWEN_RUNTIME_DIR: join(home, 'rt') })))).toEqual(['qwen3-coder']);
    expect(models(qwenSessionModels(place(home, { ...session, QWEN_RUNTIME_DIR: '~/rt' })))).toEqual(['qwen3-coder']);
    expect(models(qwenSessionModels(place(home, { ...session, QWEN_RUNTIME_DIR: 'rt' })))).toEqual([]);
    expect(models(qwenSessionModels(place(home, { ...session, QWEN_CODE_PROJECT_DIR: join(home, 'elsewhere') })))).toEqual(['kimi-k2']);
  });

  it('a truncated last line, a model inside a message, control characters and an overlong name are not read as models', () => {
    const home = homeWith({
      [`${CHATS}/${SESSION}.jsonl`]: `${answer('gpt-4.1')}{"type":"assistant","model":"qwen3-co`,
      [`.qwen/projects/b/chats/${OTHER}.jsonl`]: answer('gpt-4.1') + `${JSON.stringify({ type: 'user', message: { parts: [{ text: '"model": "qwen3-coder"' }] } })}\n`,
    });
    expect(models(qwenSessionModels(place(home, session)))).toEqual(['gpt-4.1']);
    expect(models(qwenSessionModels(place(home, { QWEN_CODE_SESSION_ID: OTHER })))).toEqual(['gpt-4.1']);
    const hostile = homeWith({ [`${CHATS}/${SESSION}.jsonl`]: '{"type":"assistant","model":"qwen\x1b[2Jcoder"}\n' });
    expect(qwenSessionModels(place(hostile, session))).toEqual([]);
    expect(qwenSessionModels(place(homeWith(), { QWEN_CODE_MODEL: 'qwen\ncoder' }))).toEqual([]);
    expect(qwenSessionModels(place(homeWith(), { QWEN_CODE_MODEL: 'q'.repeat(300) }))).toEqual([]);
  });

  it("a huge recording is read only in its last megabytes", () => {
    const home = homeWith();
    const path = join(home, CHATS, `${SESSION}.jsonl`);
    const filler = `${JSON.stringify({ type: 'tool_result', message: { parts: [{ text: 'x'.repeat(1024 * 1024) }] } })}\n`;
    writeFile(path, answer('qwen3-coder') + filler.repeat(6));
    expect(qwenSessionModels(place(home, session))).toEqual([]);
    writeFile(path, answer('qwen3-coder') + filler.repeat(2));
    expect(models(qwenSessionModels(place(home, session)))).toEqual(['qwen3-coder']);
  });

  it('no link is followed out, no FIFO waited on; missing directories read none', () => {
    const home = homeWith({ 'outside.jsonl': answer('qwen3-coder') });
    mkdirSync(join(home, CHATS), { recursive: true });
    symlinkSync(join(home, 'outside.jsonl'), join(home, CHATS, `${SESSION}.jsonl`));
    expect(qwenSessionModels(place(home, session))).toEqual([]);
    // Guessed (no session id): a link is not listed as a recording, nor a FIFO read.
    expect(qwenSessionModels(place(home))).toEqual([]);
    execFileSync('mkfifo', [join(home, CHATS, `${OTHER}.jsonl`)]);
    expect(qwenSessionModels(place(home))).toEqual([]);
    expect(qwenSessionModels(place(home, { QWEN_CODE_SESSION_ID: OTHER }))).toEqual([]);
    expect(qwenSessionModels(place(join(tempDir('aitrail-none-'), 'missing'), session))).toEqual([]);
  });

  it('guessed: the newest recording written within the hour of this project only', () => {
    const home = homeWith({ [`${CHATS}/${SESSION}.jsonl`]: answer('qwen3-coder'), [`${CHATS}/${OTHER}.jsonl`]: answer('glm-4.6'), [`${CHATS}/notes.jsonl`]: answer('gpt-5') });
    const old = new Date(Date.now() - 10 * 60 * 1000);
    utimesSync(join(home, CHATS, `${OTHER}.jsonl`), old, old);
    expect(qwenSessionModels(place(home))).toEqual([
      { model: 'qwen3-coder', evidence: `newest chat recording ~/${CHATS}/${SESSION}.jsonl model="qwen3-coder"`, overriddenBy: [] },
    ]);
    const stale = new Date(Date.now() - 2 * 60 * 60 * 1000);
    utimesSync(join(home, CHATS, `${SESSION}.jsonl`), stale, stale);
    expect(models(qwenSessionModels(place(home)))).toEqual(['glm-4.6']);
    expect(qwenSessionModels({ ...place(home), root: '/srv/other' })).toEqual([]);
  });
});

describe('geminiSessionModels', () => {
  it("reads the newest recording of the project's hash or short name, GEMINI_CLI_HOME moving ~", () => {
    const home = homeWith({ [`${GEMINI}/session-2026-12-04T23-00-3f2b8c1e.jsonl`]: gemini('gemini-2.5-pro') + gemini('gemini-2.5-flash') });
    expect(geminiSessionModels(place(home))).toEqual([
      { model: 'gemini-2.5-flash', evidence: `newest chat recording ~/${GEMINI}/session-2026-12-04T23-00-3f2b8c1e.jsonl model="gemini-2.5-flash"`, overriddenBy: [] },
    ]);
    const named = homeWith({ 'g/.gemini/projects.json': JSON.stringify({ projects: { [ROOT]: 'app' } }), 'g/.gemini/tmp/app/chats/session-x.json': '{\n  "messages": [{"type": "gemini", "model": "gemini-3-pro-preview"}]\n}' });
    expect(models(geminiSessionModels(place(named)))).toEqual([]);
    expect(models(geminiSessionModels(place(named, { GEMINI_CLI_HOME: join(named, 'g') })))).toEqual(['gemini-3-pro-preview']);
  });

  it('the directory the agent runs in, below the work tree, is a project too; one outside it is not', () => {
    const sub = `.gemini/tmp/${createHash('sha256').update(`${ROOT}/packages/x`).digest('hex')}/chats`;
    const home = homeWith({ [`${sub}/session-a.jsonl`]: gemini('gemini-2.5-flash'), [`.gemini/tmp/${createHash('sha256').update('/srv').digest('hex')}/chats/session-b.jsonl`]: gemini('qwen3-coder') });
    expect(models(geminiSessionModels(place(home)))).toEqual([]);
    expect(models(geminiSessionModels(place(home, {}), [`${ROOT}/packages/x`, '/srv', '/']))).toEqual(['gemini-2.5-flash']);
    expect(models(geminiSessionModels(place(home, {}), ['/srv', `${ROOT}/../srv`]))).toEqual([]);
    const qwen = homeWith({ [`.qwen/projects/-srv-app-packages-x/chats/${SESSION}.jsonl`]: answer('qwen3-coder') });
    expect(models(qwenSessionModels(place(qwen), [`${ROOT}/packages/x`]))).toEqual(['qwen3-coder']);
  });

  it('a short name that is a path, a projects.json that is not JSON, a subagent directory and other names are not read', () => {
    const home = homeWith({
      '.gemini/projects.json': JSON.stringify({ projects: { [ROOT]: '../../x' } }),
      'x/chats/session-a.jsonl': gemini('qwen3-coder'),
      [`${GEMINI}/${SESSION}/${OTHER}.jsonl`]: gemini('qwen3-coder'),
      [`${GEMINI}/logs.json`]: gemini('qwen3-coder'),
    });
    expect(geminiSessionModels(place(home))).toEqual([]);
    writeFileSync(join(home, '.gemini/projects.json'), '{"projects": ');
    expect(geminiSessionModels(place(home))).toEqual([]);
  });
});

describe('readAgentSettings', () => {
  it("records the session's model beside the settings' (only added), and the settings' alone when none", async () => {
    const home = homeWith({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}', [`${CHATS}/${SESSION}.jsonl`]: answer('qwen3-coder-plus') });
    const read = await readAgentSettings(['qwen-code'], place(home, session));
    expect(read['qwen-code']).toMatchObject({ model: 'gpt-4.1', replaces: ['OPENAI_MODEL', 'QWEN_MODEL'], also: [{ model: 'qwen3-coder-plus', overriddenBy: [] }] });
    const bare = await readAgentSettings(['gemini-cli'], place(homeWith({ [`${GEMINI}/session-a.jsonl`]: gemini('gemini-2.5-flash') })));
    expect(bare['gemini-cli']).toMatchObject({ model: '', also: [{ model: 'gemini-2.5-flash' }] });
    const none = await readAgentSettings(['qwen-code'], place(homeWith({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}' }), session));
    expect(none['qwen-code']?.also).toBeUndefined();
  });
});
