// Cline's tasks: the newest tasks of the work tree in Cline's history (`state/taskHistory.json`)
// written within the hour, their models since the previous commit (`ui_messages.json` messages'
// `modelInfo`, `task_metadata.json` `model_usage`) recorded beside as `recent task …`.
import { copyFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith } from '../helpers/agent-home.js';
import { providerModel, taskWindow } from '../../src/agent-settings/cline-task-records.js';
import { clineTaskModels } from '../../src/agent-settings/cline-tasks.js';
import { readAgentSettings } from '../../src/agent-settings/read-agent-settings.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';

const ROOT = '/nonexistent/srv/app';
const STORAGE = '.cline/data';
const NOW = Date.parse('2026-01-01T13:00:00Z');
const START = Date.parse('2026-01-01T12:00:00Z');
const at = (time: string) => Date.parse(`2026-01-01T${time}Z`);

function place(home: string, env: Record<string, string | undefined> = {}, windowStart: (() => number | null) | 'unset' = () => START): SettingsPlace {
  return { root: ROOT, gitDir: `${ROOT}/.git`, env: { CLINE_ACTIVE: 'true', ...env }, home, system: '/nonexistent', commandLines: [], ...(windowStart === 'unset' ? {} : { windowStart }) };
}

/** A message as Cline writes it; `info`: its `modelInfo` (`[provider, model]`). */
function message(time: string, info?: [string, string], text = 'ok'): Record<string, unknown> {
  return { ts: at(time), type: 'say', say: 'text', text, ...(info ? { modelInfo: { providerId: info[0], modelId: info[1], mode: 'act' } } : {}) };
}

function usage(time: string, provider: string, model: string): Record<string, unknown> {
  return { ts: at(time), model_id: model, model_provider_id: provider, mode: 'act' };
}

/** Cline's files for tasks `[id, last written, cwd, messages, model_usage]` under `storage`. */
function clineHome(tasks: [string, string, string, unknown[], unknown[]][], storage = STORAGE): string {
  const files: Record<string, string> = {
    [`${storage}/state/taskHistory.json`]: JSON.stringify(tasks.map(([id, time, cwd]) => ({ id, ts: at(time), task: 't', cwdOnTaskInitialization: cwd }))),
  };
  for (const [id, , , messages, used] of tasks) {
    files[`${storage}/tasks/${id}/ui_messages.json`] = JSON.stringify(messages);
    files[`${storage}/tasks/${id}/task_metadata.json`] = JSON.stringify({ files_in_context: [], model_usage: used });
  }
  return homeWith(files);
}

describe('providerModel', () => {
  it("names `provider/model` as the catalog reads a router's prefix; the model alone past an odd provider id", () => {
    expect(providerModel('openrouter', 'qwen/qwen3-coder')).toBe('openrouter/qwen/qwen3-coder');
    expect(providerModel('deepseek', 'deepseek-chat')).toBe('deepseek/deepseek-chat');
    expect(providerModel('a provider/../x', 'deepseek-chat')).toBe('deepseek-chat');
    expect(providerModel(7, 'gpt-5')).toBe('gpt-5');
    expect(providerModel('openai', 'gpt\u00005')).toBeNull();
    expect(providerModel('openai', { id: 'gpt-5' })).toBeNull();
  });
});

describe('taskWindow', () => {
  it('a model in force when the window opens counts only when a message of the task falls in the window', () => {
    const used = [usage('11:00:00', 'openrouter', 'qwen/qwen3-coder'), usage('12:40:00', 'anthropic', 'claude-sonnet-4-5')];
    const wrote = clineHome([['1', '12:50:00', ROOT, [message('11:30:00'), message('12:30:00'), message('12:45:00')], used]]);
    expect(taskWindow(join(wrote, STORAGE, 'tasks/1'), START, 8).models.map((found) => found.model)).toEqual(['anthropic/claude-sonnet-4-5', 'openrouter/qwen/qwen3-coder']);
    const idle = clineHome([['1', '12:50:00', ROOT, [message('11:30:00'), message('12:45:00')], used]]);
    expect(taskWindow(join(idle, STORAGE, 'tasks/1'), START, 8).models.map((found) => found.model)).toEqual(['anthropic/claude-sonnet-4-5']);
  });

  it("a message's own modelInfo comes before the model in force; an escaped modelInfo in a message's text is text", () => {
    const text = 'wrote "modelInfo":{"providerId":"deepseek","modelId":"deepseek-chat"} and {"ts":1,"type":"say"}';
    const home = clineHome([['1', '12:50:00', ROOT, [message('12:10:00', ['openrouter', 'qwen/qwen3-coder'], text)], [usage('11:00:00', 'anthropic', 'claude-sonnet-4-5')]]]);
    const read = taskWindow(join(home, STORAGE, 'tasks/1'), START, 8);
    expect(read.models).toEqual([{ model: 'openrouter/qwen/qwen3-coder', at: '2026-01-01T12:10:00.000Z' }]);
    expect(read.files.get('openrouter/qwen/qwen3-coder')).toBe(join(home, STORAGE, 'tasks/1/ui_messages.json'));
  });

  it('reads back past the last megabyte when the window starts before it', () => {
    const padding = Array.from({ length: 3000 }, () => message('12:20:00', undefined, 'x'.repeat(600)));
    const home = clineHome([['1', '12:50:00', ROOT, [message('12:10:00', ['openrouter', 'qwen/qwen3-coder']), ...padding, message('12:30:00', ['anthropic', 'claude-sonnet-4-5'])], []]]);
    expect(taskWindow(join(home, STORAGE, 'tasks/1'), START, 8).models.map((found) => found.model)).toEqual(['anthropic/claude-sonnet-4-5', 'openrouter/qwen/qwen3-coder']);
  });

  it('hostile files name nothing, and a linked ui_messages.json is not read', () => {
    const home = clineHome([['1', '12:50:00', ROOT, [], []]]);
    writeFileSync(join(home, STORAGE, 'tasks/1/ui_messages.json'), '{"ts":99999999999999999,"type":"say","modelInfo":{"providerId":1}}[[[');
    writeFileSync(join(home, STORAGE, 'tasks/1/task_metadata.json'), '{"model_usage":[null,7,{"ts":"soon","model_id":"x"},{"ts":1.5,"model_id":"y"}]}');
    expect(taskWindow(join(home, STORAGE, 'tasks/1'), null, 8)).toMatchObject({ models: [], last: null });
    const real = join(home, 'elsewhere.json');
    writeFileSync(real, JSON.stringify([message('12:10:00', ['openrouter', 'qwen/qwen3-coder'])]));
    rmSync(join(home, STORAGE, 'tasks/1/ui_messages.json'));
    symlinkSync(real, join(home, STORAGE, 'tasks/1/ui_messages.json'));
    expect(taskWindow(join(home, STORAGE, 'tasks/1'), null, 8).models).toEqual([]);
  });
});

describe('clineTaskModels', () => {
  it("records the models the work tree's recent tasks used since the previous commit, the task file as evidence", () => {
    const home = clineHome([
      ['1767268800000', '12:50:00', ROOT, [message('12:10:00', ['openrouter', 'qwen/qwen3-coder'])], []],
      ['1767265200000', '12:40:00', `${ROOT}/`, [message('12:20:00', ['deepseek', 'deepseek-chat'])], []],
      ['1767261600000', '12:55:00', '/nonexistent/srv/other', [message('12:30:00', ['xai', 'grok-code-fast-1'])], []],
      ['1767258000000', '11:30:00', ROOT, [message('11:20:00', ['moonshot', 'kimi-k2'])], []],
    ]);
    expect(clineTaskModels(place(home), [], NOW)).toEqual([
      { model: 'openrouter/qwen/qwen3-coder', evidence: `recent task ~/${STORAGE}/tasks/1767268800000/ui_messages.json model="openrouter/qwen/qwen3-coder" used at 2026-01-01T12:10:00.000Z`, overriddenBy: [] },
      { model: 'deepseek/deepseek-chat', evidence: `recent task ~/${STORAGE}/tasks/1767265200000/ui_messages.json model="deepseek/deepseek-chat" used at 2026-01-01T12:20:00.000Z`, overriddenBy: [] },
    ]);
  });

  it('without a window start, the newest task\'s last model; CLINE_DATA_DIR and the editors\' globalStorage are read', () => {
    const home = clineHome([['1', '12:50:00', ROOT, [message('12:10:00', ['openrouter', 'qwen/qwen3-coder']), message('12:20:00', ['anthropic', 'claude-sonnet-4-5'])], []]], 'custom');
    expect(clineTaskModels(place(home, { CLINE_DATA_DIR: join(home, 'custom') }, 'unset'), [], NOW).map((found) => found.model)).toEqual(['anthropic/claude-sonnet-4-5']);
    const vscode = clineHome([['1', '12:50:00', ROOT, [message('12:10:00', ['qwen', 'qwen3-coder-plus'])], []]], '.config/VSCodium/User/globalStorage/saoudrizwan.claude-dev');
    expect(clineTaskModels(place(vscode, { XDG_CONFIG_HOME: join(vscode, '.config') }), [], NOW).map((found) => found.model)).toEqual(['qwen/qwen3-coder-plus']);
  });

  it('reads no task of a hostile history: ids that are paths, relative directories, a linked history, an old task', () => {
    const home = clineHome([
      ['../../x', '12:50:00', ROOT, [], []],
      ['1', '12:50:00', 'srv/app', [message('12:10:00', ['openrouter', 'qwen/qwen3-coder'])], []],
      ['2', '11:59:00', ROOT, [message('12:10:00', ['openrouter', 'qwen/qwen3-coder'])], []],
    ]);
    expect(clineTaskModels(place(home), [], at('13:00:00'))).toEqual([]);
    const linked = clineHome([['3', '12:50:00', ROOT, [message('12:10:00', ['openrouter', 'qwen/qwen3-coder'])], []]], 'real');
    mkdirSync(join(linked, STORAGE, 'state'), { recursive: true });
    symlinkSync(join(linked, 'real/tasks'), join(linked, STORAGE, 'tasks'));
    symlinkSync(join(linked, 'real/state/taskHistory.json'), join(linked, STORAGE, 'state/taskHistory.json'));
    expect(clineTaskModels(place(linked), [], NOW)).toEqual([]);
    rmSync(join(linked, STORAGE, 'state/taskHistory.json'));
    copyFileSync(join(linked, 'real/state/taskHistory.json'), join(linked, STORAGE, 'state/taskHistory.json'));
    expect(clineTaskModels(place(linked), [], NOW).map((found) => found.model)).toEqual(['openrouter/qwen/qwen3-coder']);
  });

  it('reaches readAgentSettings as models beside, none in place of another', async () => {
    const home = clineHome([['1', '12:50:00', ROOT, [message('12:10:00', ['openrouter', 'qwen/qwen3-coder'])], []]]);
    writeFileSync(join(home, STORAGE, 'state/taskHistory.json'), JSON.stringify([{ id: '1', ts: Date.now(), cwdOnTaskInitialization: ROOT }]));
    const read = await readAgentSettings(['cline'], place(home, {}, () => null));
    expect(read.cline?.model).toBe('');
    expect(read.cline?.also?.map((also) => also.model)).toEqual(['openrouter/qwen/qwen3-coder']);
  });
});
