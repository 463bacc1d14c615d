import { describe, expect, it } from 'vitest';
import { readPayload } from '../../../src/core/checkpoint/payloads/read-payload.js';
import { claudeCode, codex, cursor, geminiCli, type EditCase } from '../../fixtures/agent-payloads.js';

const EDIT: EditCase = { file: '/repo/src/app.ts', relative: 'src/app.ts', cwd: '/repo', old: 'bravo', replacement: 'bravo\nx1', transcript: '/t/session.jsonl' };
const event = (agent: string, payload: unknown) => {
  const read = readPayload(agent, JSON.stringify(payload));
  if ('error' in read) throw new Error(read.error);
  return read.event;
};

describe('readPayload: each agent\'s documented hook input', () => {
  it('Claude Code: Edit, MultiEdit, Write, NotebookEdit; other tools and events are not edits', () => {
    expect(event('claude-code', claudeCode.post(EDIT))).toEqual({ phase: 'post', tool: 'Edit', paths: ['/repo/src/app.ts'], cwd: '/repo', session: '8c35adc1-1f55-4c0f-9a8e-3d2b7c1e5a10', model: null, transcriptPath: '/t/session.jsonl', edits: [{ old: 'bravo', new: 'bravo\nx1', all: false }], wholeFile: false });
    expect(event('claude-code', claudeCode.pre(EDIT))?.phase).toBe('pre');
    // Inside a subagent (2.1.64+): its id, whose own transcript names its model (row 1138).
    expect(event('claude-code', { ...claudeCode.post(EDIT), agent_id: 'a1b2c3', agent_type: 'Explore' })?.subagent).toBe('a1b2c3');
    const multi = { ...claudeCode.post(EDIT), tool_name: 'MultiEdit', tool_input: { file_path: EDIT.file, edits: [{ old_string: 'a', new_string: 'b' }, { old_string: 'c', new_string: 'd', replace_all: true }] } };
    expect(event('claude-code', multi)?.edits).toEqual([{ old: 'a', new: 'b', all: false }, { old: 'c', new: 'd', all: true }]);
    const write = { ...claudeCode.post(EDIT), tool_name: 'Write', tool_input: { file_path: EDIT.file, content: 'x' } };
    expect(event('claude-code', write)).toMatchObject({ wholeFile: true, edits: null });
    const notebook = { ...claudeCode.post(EDIT), tool_name: 'NotebookEdit', tool_input: { notebook_path: '/repo/n.ipynb', new_source: 'x' } };
    expect(event('claude-code', notebook)?.paths).toEqual(['/repo/n.ipynb']);
    expect(event('claude-code', { ...claudeCode.post(EDIT), tool_name: 'Bash' })).toBeNull();
    expect(event('claude-code', { ...claudeCode.post(EDIT), hook_event_name: 'Stop' })).toBeNull();
  });

  it('Gemini CLI: replace (expected_replacements > 1 is every occurrence) and write_file', () => {
    expect(event('gemini-cli', geminiCli.post(EDIT))).toMatchObject({ phase: 'post', tool: 'replace', paths: ['/repo/src/app.ts'], edits: [{ old: 'bravo', new: 'bravo\nx1', all: false }], wholeFile: false, model: null });
    const many = { ...geminiCli.post(EDIT), tool_input: { file_path: EDIT.file, old_string: 'a', new_string: 'b', expected_replacements: 3 } };
    expect(event('gemini-cli', many)?.edits).toEqual([{ old: 'a', new: 'b', all: true }]);
    expect(event('gemini-cli', { ...geminiCli.pre(EDIT), tool_name: 'write_file', tool_input: { file_path: EDIT.file, content: 'x' } })).toMatchObject({ phase: 'pre', wholeFile: true });
    expect(event('gemini-cli', { ...geminiCli.post(EDIT), tool_name: 'run_shell_command' })).toBeNull();
  });

  it('Cursor: afterFileEdit with its edits and model; the workspace root holding the file is the project', () => {
    const payload = { ...cursor.post(EDIT), workspace_roots: ['/other', '/repo'] };
    expect(event('cursor', payload)).toMatchObject({ phase: 'post', paths: ['/repo/src/app.ts'], cwd: '/repo', model: 'gpt-5', session: '5c8f2e1a-7b3d-4e9f-a1c2-d3e4f5a6b7c8', edits: [{ old: 'bravo', new: 'bravo\nx1', all: false }] });
  });

  it('Codex: apply_patch names every file it adds, updates, deletes or moves to; the model is in the payload', () => {
    const patch = '*** Begin Patch\n*** Update File: src/a.ts\n@@\n-a\n+b\n*** Add File: src/new.ts\n+x\n*** Update File: src/old.ts\n*** Move to: src/moved.ts\n*** End Patch\n';
    expect(event('codex', { ...codex.post(EDIT), tool_input: { command: ['apply_patch', patch] } })).toMatchObject({ paths: ['src/a.ts', 'src/new.ts', 'src/old.ts', 'src/moved.ts'], model: 'gpt-5.2-codex', cwd: '/repo', edits: null });
    expect(event('codex', { ...codex.post(EDIT), tool_name: 'shell', tool_input: { command: ['ls'] } })).toBeNull();
  });

  it('hostile shapes are no event or a clear error, never a throw', () => {
    expect(readPayload('claude-code', '{"tool_input": 5}')).toEqual({ event: null });
    expect(readPayload('claude-code', JSON.stringify({ ...claudeCode.post(EDIT), tool_input: { file_path: 42 } }))).toEqual({ event: null });
    expect(readPayload('claude-code', JSON.stringify({ ...claudeCode.post(EDIT), tool_name: 'MultiEdit', tool_input: { file_path: 'f', edits: [{ old_string: 1 }] } }))).toMatchObject({ event: { edits: null } });
    expect(readPayload('__proto__', '{}')).toEqual({ error: expect.stringMatching(/^unknown agent '__proto__'/) });
    expect(readPayload('cursor', 'null')).toEqual({ error: 'the hook payload on stdin is not a JSON object' });
  });
});
