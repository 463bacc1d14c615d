// Session 54 helper q (row 1150): the model an agent's transcript names was read by a byte scan
// for the last `"model"` key, wherever it stood: in a tool call's input (Claude Code's Task tool
// `{"model":"haiku"}`, an MCP tool's argument `model`), in a tool's structured result, or after a
// Gemini CLI answer's own `model` in its `toolCalls`. So an edit's model in the git-ai note, and the
// model judged at commit (`CLAUDE_CODE_SESSION_ID`'s transcript), could be whatever a tool input or
// content the agent read said: a denied model's commit passed as an allowed one. Found by session 54
// helper o reading src/checkpoint/transcript-model.ts; replayed with init's hooks, the built CLI's
// checkpoint and real commits. Now only the record fields each agent's format defines are read,
// backwards by whole lines from the end, and a last line still being written is not read.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claudeCode, geminiCli, type EditCase } from '../fixtures/agent-payloads.js';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { commitAll } from '../helpers/agent-edits.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { aitrail } from '../helpers/hooks.js';

const SESSION = '8c35adc1-1f55-4c0f-9a8e-3d2b7c1e5a10';
const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const claudeAnswer = (model: string, content: unknown[]) => line({ type: 'assistant', message: { id: 'msg_01', type: 'message', role: 'assistant', model, content }, sessionId: SESSION, timestamp: new Date().toISOString() });
/** Claude Code's last turn on `model`: a Task call naming `haiku`, an MCP tool whose argument is `model`, and the MCP tool's structured result naming another. */
const hostileClaude = (model: string, planted: string) =>
  line({ type: 'user', message: { role: 'user', content: 'fix the table' }, sessionId: SESSION }) +
  claudeAnswer(model, [
    { type: 'tool_use', id: 'toolu_1', name: 'Task', input: { description: 'fix', prompt: 'fix', subagent_type: 'general-purpose', model: 'haiku' } },
    { type: 'tool_use', id: 'toolu_2', name: 'mcp__router__ask', input: { model: planted, prompt: 'hi' } },
  ]) +
  line({ type: 'user', message: { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_2', content: `{"model": "${planted}"}` }] }, toolUseResult: { model: planted, text: 'ok' }, sessionId: SESSION });

function setup(): TestRepo {
  const repo = makeRepo();
  repo.commit('base', { 'a.txt': 'one\ntwo\n' });
  expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
  return repo;
}

/** An edit through the agent's hooks with `transcript`, committed; the models of the git-ai note. */
function edited(agent: 'claude-code' | 'gemini-cli', transcript: string): string[] {
  const repo = setup();
  const fixture = agent === 'claude-code' ? claudeCode : geminiCli;
  const edit: EditCase = { file: join(repo.dir, 'a.txt'), relative: 'a.txt', cwd: repo.dir, old: 'two\n', replacement: 'two\nthree\n', transcript };
  expect(checkpoint(repo.dir, agent, fixture.pre(edit)).stderr).toBe('');
  repo.write('a.txt', 'one\ntwo\nthree\n');
  expect(checkpoint(repo.dir, agent, fixture.post(edit)).stderr).toBe('');
  const head = commitAll(repo, 'table');
  const note = repo.git(['notes', '--ref=ai', 'show', head], { raw: true });
  return [...note.matchAll(/"model": "([^"]*)"/g)].map((match) => match[1]!);
}

describe("an agent's model read from its own record fields, never a tool's (row 1150)", () => {
  it("Claude Code's edit: the answer's message.model, not a Task input's haiku nor an MCP tool's model argument or result", () => {
    const transcript = join(tempDir('aitrail-claude-project-'), `${SESSION}.jsonl`);
    writeFileSync(transcript, hostileClaude('claude-sonnet-4-6', 'claude-opus-4-6'));
    expect(edited('claude-code', transcript)).toEqual(['claude-sonnet-4-6']);
  });

  it('a last line still being written (no end, cut mid-record) is not read; the last whole answer is', () => {
    const transcript = join(tempDir('aitrail-claude-project-'), `${SESSION}.jsonl`);
    const cut = claudeAnswer('claude-opus-4-6', [{ type: 'text', text: 'x'.repeat(5000) }]);
    writeFileSync(transcript, claudeAnswer('claude-sonnet-4-6', []) + cut.slice(0, 3000));
    expect(edited('claude-code', transcript)).toEqual(['claude-sonnet-4-6']);
    // Once written whole (even before its newline), it is the last answer.
    writeFileSync(transcript, claudeAnswer('claude-sonnet-4-6', []) + cut.trimEnd());
    expect(edited('claude-code', transcript)).toEqual(['claude-opus-4-6']);
  });

  it("Gemini CLI's JSONL recording: the gemini record's own model, not a tool call's argument written after it", () => {
    const transcript = join(tempDir('aitrail-gemini-chats-'), 'session-2026-12-07T10-00-f3b1c2d4.jsonl');
    writeFileSync(
      transcript,
      line({ sessionId: 'f3b1c2d4', projectHash: 'abc', startTime: '2026-12-07T10:00:00.000Z' }) +
        line({ id: '1', timestamp: '2026-12-07T10:00:01.000Z', type: 'user', content: [{ text: 'fix' }] }) +
        line({ id: '2', timestamp: '2026-12-07T10:00:02.000Z', type: 'gemini', content: '', model: 'gemini-2.5-flash', toolCalls: [{ id: 'c1', name: 'ask_model', args: { model: 'gemini-2.5-pro' }, result: [{ functionResponse: { response: { model: 'gemini-2.5-pro' } } }] }] }),
    );
    expect(edited('gemini-cli', transcript)).toEqual(['gemini-2.5-flash']);
  });

  it("Gemini CLI's recording as one JSON document: its last gemini message's model, not a tool call's", () => {
    const transcript = join(tempDir('aitrail-gemini-chats-'), 'session-2026-12-07T10-00-f3b1c2d4.json');
    const messages = [
      { id: '1', type: 'user', content: 'fix' },
      { id: '2', type: 'gemini', content: '', model: 'gemini-2.5-flash', toolCalls: [{ id: 'c1', name: 'ask_model', args: { model: 'gemini-2.5-pro' } }] },
      { id: '3', type: 'user', content: 'ok', toolResult: { model: 'gemini-2.5-pro' } },
    ];
    writeFileSync(transcript, `${JSON.stringify({ sessionId: 'f3b1c2d4', messages }, null, 2)}\n`);
    expect(edited('gemini-cli', transcript)).toEqual(['gemini-2.5-flash']);
  });

  it('at commit: a denied model whose tool input names an allowed one is refused, megabytes of tool output after the answer or not; the reverse passes', () => {
    const commitWith = (text: string) => {
      const repo = hooked('policy:\n  allow: ["anthropic/claude-opus-4*"]\n  unknownModel: deny\n');
      const home = homeWith();
      const project = join(home, '.claude', 'projects', '-work-app');
      mkdirSync(project, { recursive: true });
      writeFileSync(join(project, `${SESSION}.jsonl`), text);
      return agentCommit(repo, { HOME: home, CLAUDECODE: '1', CLAUDE_CODE_SESSION_ID: SESSION, CLAUDE_CONFIG_DIR: undefined, ANTHROPIC_BASE_URL: undefined, ANTHROPIC_MODEL: undefined, ANTHROPIC_DEFAULT_OPUS_MODEL: undefined });
    };
    const refused = commitWith(hostileClaude('claude-sonnet-4-6', 'claude-opus-4-6'));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('model="claude-sonnet-4-6"');
    expect(refused.stderr).not.toContain('model="claude-opus');
    // 3 MB of a file the agent read after the answer, full of "model" keys of its own: still the answer's.
    const read = line({ type: 'user', message: { role: 'user', content: 'ok' }, toolUseResult: { file: { model: 'claude-opus-4-6', content: 'y'.repeat(1024 * 1024) } } });
    const behind = commitWith(hostileClaude('claude-sonnet-4-6', 'claude-opus-4-6') + read.repeat(3));
    expect(behind.status, behind.stderr).toBe(1);
    expect(behind.stderr).toContain('model="claude-sonnet-4-6"');
    // The reverse: Opus answering, its tool input naming Sonnet, is recorded as Opus and passes.
    const passed = commitWith(hostileClaude('claude-opus-4-6', 'claude-sonnet-4-6'));
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toContain('Assisted-by: claude-code:anthropic/claude-opus-4.6');
  });
});
