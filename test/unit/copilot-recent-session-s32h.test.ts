import { mkdirSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copilotSessionModels } from '../../src/agent-settings/copilot-cli.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { detectAtCommitTime } from '../../src/core/detect.js';
import { homeWith, writeFile } from '../helpers/agent-home.js';
import { tempDir } from '../helpers/gitdir.js';

const SESSION = '5b2e8c41-7d3a-4e9f-8a1b-0c6d2f4e7a95';
const OTHER = '9f1a3c5e-2b4d-4c6e-8f0a-1b3d5f7a9c2e';
const EVENTS = `.copilot/session-state/${SESSION}/events.jsonl`;

function start(context: unknown, model = 'claude-sonnet-4.5', type = 'session.start'): string {
  return `${JSON.stringify({ type, data: { sessionId: SESSION, selectedModel: model, context }, id: 'e', timestamp: '2026-12-04T10:00:00.000Z', parentId: null })}\n`;
}

function place(home: string, root: string, env: Record<string, string | undefined> = {}): SettingsPlace {
  return { root, gitDir: join(root, '.git'), env, home, system: '/nonexistent' };
}

const models = (found: { model: string; evidence: string }[]) => found.map((used) => `${used.model} ${used.evidence}`);

describe("copilotSessionModels: the work tree's recent session, without a session id", () => {
  const root = tempDir('aitrail-tree-');

  it('reads a session whose start ran in the work tree or below it, or whose git root it is; none of another tree', () => {
    expect(models(copilotSessionModels(place(homeWith({ [EVENTS]: start({ cwd: join(root, 'src') }) }), root)))).toEqual([`claude-sonnet-4.5 recent session ~/${EVENTS} model="claude-sonnet-4.5"`]);
    expect(copilotSessionModels(place(homeWith({ [EVENTS]: start({ cwd: '/', gitRoot: root }) }), root))).toHaveLength(1);
    // A session.resume's context counts as well.
    expect(copilotSessionModels(place(homeWith({ [EVENTS]: start({ cwd: '/x' }) + start({ cwd: root }, 'gpt-5', 'session.resume') }), root)).map((found) => found.model)).toEqual(['gpt-5']);
    for (const context of [{ cwd: `${root}-other` }, { cwd: 'relative/dir' }, { cwd: `${root}/\u001b[2J` }, { cwd: 42 }, null]) {
      expect(copilotSessionModels(place(homeWith({ [EVENTS]: start(context) }), root))).toEqual([]);
    }
  });

  it('reads the exported session when it names a model, else guesses; a relative COPILOT_HOME is not used', () => {
    const home = homeWith({ [EVENTS]: start({ cwd: root }), [`.copilot/session-state/${OTHER}/events.jsonl`]: start({ cwd: '/elsewhere' }, 'gpt-5') });
    expect(copilotSessionModels(place(home, root, { COPILOT_AGENT_SESSION_ID: OTHER })).map((found) => found.evidence)).toEqual([`session ~/.copilot/session-state/${OTHER}/events.jsonl model="gpt-5"`]);
    expect(copilotSessionModels(place(home, root, { COPILOT_AGENT_SESSION_ID: '00000000-0000-4000-8000-000000000000' })).map((found) => found.model)).toEqual(['claude-sonnet-4.5']);
    expect(copilotSessionModels(place(home, root, { COPILOT_HOME: '.copilot' }))).toEqual([]);
  });

  it('lists no linked session directory, waits on no FIFO, and parses no start line cut at the head', () => {
    const home = homeWith({ 'elsewhere/events.jsonl': start({ cwd: root }) });
    mkdirSync(join(home, '.copilot/session-state'), { recursive: true });
    symlinkSync(join(home, 'elsewhere'), join(home, `.copilot/session-state/${SESSION}`));
    mkdirSync(join(home, `.copilot/session-state/${OTHER}`));
    execFileSync('mkfifo', [join(home, `.copilot/session-state/${OTHER}/events.jsonl`)]);
    expect(copilotSessionModels(place(home, root))).toEqual([]);

    const long = homeWith({ [EVENTS]: start({ cwd: root, padding: 'x'.repeat(70 * 1024) }) });
    expect(copilotSessionModels(place(long, root))).toEqual([]);
    // Its workspace.yaml still names it (quoted, as YAML may write it).
    writeFile(join(long, `.copilot/session-state/${SESSION}/workspace.yaml`), `id: ${SESSION}\ncwd: "${root}"\n`);
    expect(copilotSessionModels(place(long, root))).toHaveLength(1);
  });
});

describe('COPILOT_PROVIDER_BASE_URL at a vendor’s own API', () => {
  const at = (env: Record<string, string>) => detectAtCommitTime('msg\n', { env }).map((a) => `${a.agent}:${a.model}`);

  it.each([
    ['a Claude name at an Anthropic-compatible vendor API', { COPILOT_CLI: '1', COPILOT_MODEL: 'claude-sonnet-4.5', COPILOT_PROVIDER_BASE_URL: 'https://api.moonshot.ai/anthropic' }, ['copilot:moonshotai/unknown']],
    ['a GPT name at DeepSeek', { COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5', COPILOT_PROVIDER_BASE_URL: 'https://user:secret@api.deepseek.com/v1' }, ['copilot:deepseek/unknown']],
    ['no model at OpenAI', { COPILOT_CLI: '1', COPILOT_PROVIDER_BASE_URL: 'https://api.openai.com/v1' }, ['copilot:openai/unknown']],
    ["the host's own model stays", { COPILOT_CLI: '1', COPILOT_MODEL: 'deepseek-chat', COPILOT_PROVIDER_BASE_URL: 'https://api.deepseek.com' }, ['copilot:deepseek/deepseek-chat']],
    ['a lookalike host changes nothing', { COPILOT_CLI: '1', COPILOT_MODEL: 'gpt-5', COPILOT_PROVIDER_BASE_URL: 'https://api.openai.com.evil.example/v1' }, ['copilot:openai/gpt-5']],
    ['Claude Code at Anthropic keeps its Claude model', { CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-7', ANTHROPIC_BASE_URL: 'https://api.anthropic.com' }, ['claude-code:anthropic/claude-opus-4.7']],
    ['the variable without Copilot CLI running names nothing', { COPILOT_MODEL: 'gpt-5', COPILOT_PROVIDER_BASE_URL: 'https://api.deepseek.com' }, []],
  ])('%s', (_name, env, expected) => {
    expect(at(env)).toEqual(expected);
  });
});
