import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentArguments, commandLineModel } from '../../src/agent-settings/command-line.js';
import { copilotCliModel, copilotSessionModels } from '../../src/agent-settings/copilot-cli.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { quote } from '../../src/core/detect/found.js';
import { homeWith } from '../helpers/agent-home.js';
import { tempDir } from '../helpers/gitdir.js';

const SESSION = '3c1d7a52-8e4b-4f0a-9d6e-2b7c5a1f0e93';
const EVENTS = `.copilot/session-state/${SESSION}/events.jsonl`;

function event(type: string, data: unknown, timestamp = '2026-12-04T10:00:00.000Z'): string {
  return `${JSON.stringify({ type, data, id: 'e', timestamp, parentId: null })}\n`;
}

function place(home: string, env: Record<string, string | undefined> = {}, extra: Partial<SettingsPlace> = {}): SettingsPlace {
  const root = extra.root ?? '/nonexistent';
  return { root, gitDir: join(root, '.git'), env: { COPILOT_AGENT_SESSION_ID: SESSION, ...env }, home, system: '/nonexistent', ...extra };
}

const models = (found: { model: string }[]) => found.map((used) => used.model);

describe('copilotSessionModels', () => {
  it("reads the session's last model and, since the window's start, every model in force, past events that only quote one", () => {
    const home = homeWith({
      [EVENTS]:
        event('session.start', { sessionId: SESSION, selectedModel: 'gpt-5' }, '2026-12-04T09:00:00.000Z') +
        event('session.model_change', { previousModel: 'gpt-5', newModel: 'claude-sonnet-4.5' }, '2026-12-04T10:00:00.000Z') +
        // A tool's output quoting a model change: escaped inside a string, never an event.
        event('tool.execution_complete', { result: '{"type":"session.model_change","data":{"newModel":"o3"},"timestamp":"2026-12-04T10:01:00.000Z"}' }, '2026-12-04T10:01:00.000Z') +
        event('assistant.usage', { model: 'claude-haiku-4.5', outputTokens: 3 }, '2026-12-04T10:02:00.000Z') +
        event('session.model_change', { previousModel: 'claude-haiku-4.5', newModel: 'gpt-5' }, '2026-12-04T10:03:00.000Z'),
    });
    const since = Date.parse('2026-12-04T09:30:00.000Z');
    const found = copilotSessionModels(place(home, {}, { windowStart: () => since }));
    expect(models(found)).toEqual(['gpt-5', 'claude-haiku-4.5', 'claude-sonnet-4.5']);
    expect(found[0]!.evidence).toBe(`session ~/${EVENTS} model="gpt-5"`);
    expect(found[2]!.evidence).toBe(`session ~/${EVENTS} model="claude-sonnet-4.5" used at 2026-12-04T10:01:00.000Z`);
    // gpt-5 in force until 09:30, not since: only its last switch back counts; without a window, the last model alone.
    expect(models(copilotSessionModels(place(home)))).toEqual(['gpt-5']);
  });

  it('dates the lines it does not parse by their own timestamp, in either key order, never by one a tool quotes', () => {
    const first = (type: string, data: unknown, timestamp: string) => `${JSON.stringify({ type, id: 'e', timestamp, parentId: 'p', data })}\n`;
    const home = homeWith({
      [EVENTS]:
        first('session.start', { selectedModel: 'gpt-5' }, '2026-12-04T09:00:00.000Z') +
        event('session.model_change', { newModel: 'claude-sonnet-4.5' }, '2026-12-04T09:10:00.000Z') +
        first('user.message', { content: 'go on' }, '2026-12-04T10:00:00.000Z') +
        event('tool.execution_complete', { result: 'x","timestamp":"2026-12-04T11:00:00.000Z","parentId":null}' }, '2026-12-04T10:05:00.000Z') +
        first('session.model_change', { newModel: 'gpt-5' }, '2026-12-04T10:30:00.000Z'),
    });
    const found = copilotSessionModels(place(home, {}, { windowStart: () => Date.parse('2026-12-04T09:30:00.000Z') }));
    expect(found.map((used) => used.evidence)).toEqual([`session ~/${EVENTS} model="gpt-5"`, `session ~/${EVENTS} model="claude-sonnet-4.5" used at 2026-12-04T10:05:00.000Z`]);
    // Claude's last event before the window: this commit's window holds only gpt-5.
    expect(models(copilotSessionModels(place(home, {}, { windowStart: () => Date.parse('2026-12-04T10:10:00.000Z') })))).toEqual(['gpt-5']);
  });

  it('the model the session started with, read from far back when no later event names one', () => {
    const filler = event('tool.execution_complete', { result: 'x'.repeat(4000) }, '2026-12-04T11:00:00.000Z').repeat(200);
    const home = homeWith({ [EVENTS]: event('session.resume', { selectedModel: 'gpt-5-codex' }, '2026-12-04T10:00:00.000Z') + filler });
    expect(models(copilotSessionModels(place(home, {}, { windowStart: () => Date.parse('2026-12-04T12:00:00.000Z') })))).toEqual(['gpt-5-codex']);
    // The older layout: session-state/<id>.jsonl.
    const older = homeWith({ [`.copilot/session-state/${SESSION}.jsonl`]: event('session.start', { selectedModel: 'claude-sonnet-4' }) });
    expect(models(copilotSessionModels(place(older)))).toEqual(['claude-sonnet-4']);
  });

  it('reads nothing for an id that is no UUID, a relative COPILOT_HOME, a link, a FIFO or a directory', () => {
    const text = event('session.start', { selectedModel: 'claude-sonnet-4.5' });
    const home = homeWith({ [EVENTS]: text, '.copilot/session-state/x/events.jsonl': text });
    expect(copilotSessionModels(place(home, { COPILOT_AGENT_SESSION_ID: '../x' }))).toEqual([]);
    expect(copilotSessionModels(place(home, { COPILOT_AGENT_SESSION_ID: `${SESSION}/..` }))).toEqual([]);
    expect(copilotSessionModels(place(home, { COPILOT_HOME: '.copilot' }))).toEqual([]);
    expect(models(copilotSessionModels(place(home, { COPILOT_HOME: join(home, '.copilot') })))).toEqual(['claude-sonnet-4.5']);

    const linked = homeWith();
    mkdirSync(join(linked, `.copilot/session-state/${SESSION}`), { recursive: true });
    symlinkSync(join(home, EVENTS), join(linked, EVENTS));
    expect(copilotSessionModels(place(linked))).toEqual([]);

    const fifo = homeWith();
    mkdirSync(join(fifo, `.copilot/session-state/${SESSION}`), { recursive: true });
    execFileSync('mkfifo', [join(fifo, EVENTS)]);
    expect(copilotSessionModels(place(fifo))).toEqual([]);

    const dir = homeWith();
    mkdirSync(join(dir, EVENTS), { recursive: true });
    expect(copilotSessionModels(place(dir))).toEqual([]);
  });

  it('skips a model that is no printable name, data that is no object, a line still being written and a line past 1 MB', () => {
    const home = homeWith({
      [EVENTS]:
        event('session.start', { selectedModel: 'gpt-5' }) +
        event('session.model_change', { newModel: 'qwen3-coder\u001b[2K' }) +
        event('session.model_change', { newModel: 42 }) +
        event('session.model_change', ['newModel', 'o3']) +
        event('session.model_change', null) +
        event('session.model_change', { newModel: 'x'.repeat(300) }) +
        event('session.model_change', { newModel: 'o4-mini', padding: 'p'.repeat(1024 * 1024) }) +
        event('session.model_change', { newModel: 'claude-opus-4.5' }).trimEnd(),
    });
    expect(models(copilotSessionModels(place(home)))).toEqual(['gpt-5']);
  });
});

describe('copilotCliModel', () => {
  it("reads settings.json (JSONC) before config.json, the managed settings' model or permissions.model before both", () => {
    const both = homeWith({ '.copilot/settings.json': '{ /* picked */ "model": "claude-sonnet-4.5", }', '.copilot/config.json': '{ "model": "gpt-5" }' });
    expect(copilotCliModel(place(both))).toEqual({ model: 'claude-sonnet-4.5', evidence: 'settings ~/.copilot/settings.json model="claude-sonnet-4.5"', overriddenBy: ['COPILOT_MODEL'] });
    const broken = homeWith({ '.copilot/settings.json': '{ "model": ', '.copilot/config.json': '{ "model": "gpt-5" }' });
    expect(copilotCliModel(place(broken))?.model).toBe('gpt-5');

    const system = tempDir('aitrail-copilot-system-');
    const managed = join(system, process.platform === 'darwin' ? 'Library/Application Support/GitHubCopilot' : 'etc/github-copilot');
    mkdirSync(managed, { recursive: true });
    writeFileSync(join(managed, 'managed-settings.json'), '{ "permissions": { "model": "gpt-5-mini" } }');
    expect(copilotCliModel(place(homeWith(), {}, { system }))).toMatchObject({ model: 'gpt-5-mini', evidence: expect.stringMatching(/managed-settings\.json permissions\.model="gpt-5-mini"$/) });
    // The organisation's file is read before the person's (row 981), wherever COPILOT_HOME points.
    expect(copilotCliModel(place(homeWith(), { COPILOT_HOME: 'relative' }, { system }))?.model).toBe('gpt-5-mini');
    expect(copilotCliModel(place(homeWith(), { COPILOT_HOME: 'relative' }))).toBeNull();
  });

  it("reads a repository's settings only under a trusted folder, through a link out of the work tree as Copilot CLI does (788)", () => {
    const root = tempDir('aitrail-copilot-repo-');
    mkdirSync(join(root, '.github/copilot'), { recursive: true });
    writeFileSync(join(root, '.github/copilot/settings.json'), '{ "model": "claude-opus-4.5" }');
    writeFileSync(join(root, '.github/copilot/settings.local.json'), '{ "model": "gpt-5-codex" }');
    const trust = (folders: unknown) => homeWith({ '.copilot/config.json': JSON.stringify({ model: 'gpt-5', trusted_folders: folders }) });
    expect(copilotCliModel(place(trust([]), {}, { root }))?.model).toBe('gpt-5');
    expect(copilotCliModel(place(trust(['relative', 7, root + '-other']), {}, { root }))?.model).toBe('gpt-5');
    expect(copilotCliModel(place(trust([join(root, '..')]), {}, { root }))).toMatchObject({ model: 'gpt-5-codex', evidence: 'settings .github/copilot/settings.local.json model="gpt-5-codex"' });
    const settingsTrust = homeWith({ '.copilot/settings.json': JSON.stringify({ trustedFolders: [root] }) });
    expect(copilotCliModel(place(settingsTrust, {}, { root }))?.model).toBe('gpt-5-codex');

    const outside = homeWith({ 'elsewhere.json': '{ "model": "o3" }' });
    const linkedRoot = tempDir('aitrail-copilot-repo-');
    mkdirSync(join(linkedRoot, '.github/copilot'), { recursive: true });
    symlinkSync(join(outside, 'elsewhere.json'), join(linkedRoot, '.github/copilot/settings.json'));
    expect(copilotCliModel(place(trust([linkedRoot]), {}, { root: linkedRoot }))?.model).toBe('o3');
    expect(copilotCliModel(place(trust([]), {}, { root: linkedRoot }))?.model).toBe('gpt-5');
  });
});

describe("Copilot CLI's command line", () => {
  it('reads `--model` of `copilot`, of its npm package under node, never `-m`', () => {
    const model = (argv: string[]) => {
      const args = agentArguments('copilot', argv);
      return args ? commandLineModel('copilot', args, quote) : null;
    };
    expect(model(['copilot', '--model', 'claude-sonnet-4.5', '--model=gpt-5'])).toEqual({ models: ['gpt-5', 'claude-sonnet-4.5'], evidence: ['argv copilot --model="gpt-5"', 'argv copilot --model="claude-sonnet-4.5"'] });
    expect(model(['node', '/usr/lib/node_modules/@github/copilot/index.js', '--model=gpt-5-codex'])?.models).toEqual(['gpt-5-codex']);
    expect(model(['/home/u/.local/bin/copilot', '-m', 'gpt-5'])).toBeNull();
    expect(model(['copilot', '-p', 'x', '--', '--model', 'gpt-5'])).toBeNull();
    expect(model(['copilot-language-server', '--model', 'gpt-5'])).toBeNull();
  });
});
