// Session 54 helper q (row 1150): transcriptModel took the last `"model"` key of a transcript's
// bytes (a tool's input, a tool's structured result, a Gemini answer's toolCalls after its own
// model). Found by session 54 helper o; now lastRecordModel reads the agent's own record fields,
// backwards by whole lines in blocks, bounded: these are its hostile transcripts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUDE_TRANSCRIPT } from '../../src/agent-settings/claude-transcript.js';
import { GEMINI_RECORDING, geminiRecordingModel } from '../../src/agent-settings/gemini-recording.js';
import { lastRecordModel } from '../../src/agent-settings/session-window.js';
import { transcriptModel } from '../../src/checkpoint/transcript-model.js';
import { tempDir } from '../helpers/gitdir.js';

const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const answer = (model: string, content: unknown[] = []) => line({ type: 'assistant', message: { role: 'assistant', model, content } });
const user = (content: unknown, extra: Record<string, unknown> = {}) => line({ type: 'user', message: { role: 'user', content }, ...extra });

function file(text: string | Buffer, name = 't.jsonl'): string {
  const path = join(tempDir('aitrail-s54q-'), name);
  writeFileSync(path, text);
  return path;
}
const claude = (text: string | Buffer) => transcriptModel(file(text), CLAUDE_TRANSCRIPT);

describe('the model of the last record naming one, as the format defines it (row 1150)', () => {
  it("a tool's input, a tool's structured result, a string holding \\\"model\\\": none of them", () => {
    const task = answer('claude-sonnet-4-6', [{ type: 'tool_use', name: 'Task', input: { model: 'haiku' } }, { type: 'tool_use', name: 'mcp__x', input: { model: 'gpt-4o' } }]);
    expect(claude(task)).toBe('claude-sonnet-4-6');
    expect(claude(task + user([{ type: 'tool_result', content: '{"model": "gpt-4o"}' }], { toolUseResult: { model: 'gpt-4o' } }))).toBe('claude-sonnet-4-6');
    // A user record dressed as an answer inside a string, and a top-level "model" on a non-assistant record.
    expect(claude(answer('claude-opus-4-6') + user('{"type":"assistant","message":{"model":"gpt-4o"}}\n', { model: 'gpt-4o' }))).toBe('claude-opus-4-6');
    expect(claude(user('x', { model: 'gpt-4o' }))).toBeNull();
    expect(claude(answer('<synthetic>'))).toBeNull();
    expect(claude(answer('claude-opus-4-6') + answer('<synthetic>'))).toBe('claude-opus-4-6');
  });

  it("Gemini CLI: the gemini record's own model, not its toolCalls' (written after it), nor a user record's", () => {
    const gemini = line({ id: '2', type: 'gemini', content: '', model: 'gemini-2.5-flash', toolCalls: [{ name: 'ask', args: { model: 'gemini-2.5-pro' } }] });
    expect(transcriptModel(file(gemini + line({ $set: { lastUpdated: 'now', model: 'x' } })), GEMINI_RECORDING)).toBe('gemini-2.5-flash');
    expect(geminiRecordingModel(file(gemini), 1 << 20, 0)).toBe('gemini-2.5-flash');
    const document = { messages: [{ type: 'gemini', model: 'gemini-2.5-flash', toolCalls: [{ args: { model: 'gemini-2.5-pro' } }] }, { type: 'user', model: 'gemini-2.5-pro' }] };
    expect(geminiRecordingModel(file(JSON.stringify(document, null, 2), 's.json'), 1 << 20, 0)).toBe('gemini-2.5-flash');
    // A document past the bound: its tail read backwards, brackets and quotes inside strings no keys of its own.
    const hostile = { pad: 'p'.repeat(5000), messages: [{ type: 'gemini', model: 'gemini-2.5-flash', content: '"}]},{"type":"gemini","model":"gpt-4o"} \\" [{', toolCalls: [{ args: { type: 'gemini', model: 'gemini-2.5-pro' } }] }, { type: 'user', content: '{"type":"gemini","model":"gpt-4o"}' }] };
    for (const text of [JSON.stringify(hostile), JSON.stringify(hostile, null, 2)]) expect(geminiRecordingModel(file(text, 's.json'), 1000, 0)).toBe('gemini-2.5-flash');
    // The bound cuts the last answer: none.
    expect(geminiRecordingModel(file(JSON.stringify({ messages: [{ type: 'gemini', model: 'gemini-2.5-flash', content: 'c'.repeat(5000) }] }), 's.json'), 1000, 0)).toBeNull();
  });

  it('lines across many blocks, a line of 3 MB after the answer, a 2 MB answer judged by its head', () => {
    const big = user([{ type: 'tool_result', content: 'z'.repeat(3 * 1024 * 1024) }], { toolUseResult: { model: 'gpt-4o' } });
    expect(claude(answer('claude-opus-4-6') + big)).toBe('claude-opus-4-6');
    const many = Array.from({ length: 2000 }, (_, i) => user(`step ${i} ${'w'.repeat(300)}`)).join('');
    expect(claude(answer('claude-opus-4-6') + many)).toBe('claude-opus-4-6');
    // A Write of a 2 MB file: message.model before its content, past the parsed line's bound.
    const write = answer('claude-opus-4-6', [{ type: 'tool_use', name: 'Write', input: { model: 'gpt-4o', content: 'q'.repeat(2 * 1024 * 1024) } }]);
    expect(claude(answer('claude-sonnet-4-6') + write)).toBe('claude-opus-4-6');
    // The same line with the tool's input first and no assistant role before content: not an answer of the agent's.
    expect(claude(user([{ type: 'tool_result', content: 'q'.repeat(2 * 1024 * 1024) }], { toolUseResult: { model: 'gpt-4o' } }))).toBeNull();
  });

  it("a last line still being written is not read; a whole last record without its newline is; the first line of the file is", () => {
    const cut = answer('gpt-4o', [{ type: 'text', text: 'x'.repeat(200_000) }]);
    expect(claude(answer('claude-opus-4-6') + cut.slice(0, 150_000))).toBe('claude-opus-4-6');
    expect(claude(answer('claude-opus-4-6') + cut.trimEnd())).toBe('gpt-4o');
    expect(claude(answer('claude-opus-4-6').trimEnd())).toBe('claude-opus-4-6');
    expect(claude('')).toBeNull();
    expect(claude('\n\n\n')).toBeNull();
    expect(claude(Buffer.from([0xff, 0xfe, 0x0a, 0x00]))).toBeNull();
  });

  it('bounded: past `furthest` nothing is read, a line the bound cuts is not judged', () => {
    const after = user('r'.repeat(400_000));
    const path = file(answer('claude-opus-4-6') + after);
    expect(lastRecordModel(path, CLAUDE_TRANSCRIPT, { furthest: 300_000, maxLine: 1 << 20 })).toBeNull();
    expect(lastRecordModel(path, CLAUDE_TRANSCRIPT, { furthest: 1 << 20, maxLine: 1 << 20 })).toBe('claude-opus-4-6');
    expect(lastRecordModel('relative.jsonl', CLAUDE_TRANSCRIPT, { furthest: 1, maxLine: 1 })).toBeNull();
    expect(transcriptModel(null, CLAUDE_TRANSCRIPT)).toBeNull();
    expect(transcriptModel('/dev/null', CLAUDE_TRANSCRIPT)).toBeNull();
  });
});

// Session 54's last re-read (task z1): documentTailModel compared the joined bracket stack at every `{`, so each `{` cost
// its depth: a recording nested 80,000 deep past the read bound took 40.7 s (quadratic; a commit's hooks read 4 MiB of
// it). The lengths are compared first now: 200,000 levels are read in milliseconds. Without the fix this times out.
describe('a Gemini recording document nested deep past the bound (row 1150)', () => {
  it('is read in time linear in its depth: no model, no hang', () => {
    const depth = 200_000;
    const path = file(`${'x'.repeat(10)}${'{'.repeat(depth)}${'}'.repeat(depth)}`, 'deep.json');
    expect(geminiRecordingModel(path, 2 * depth, 0)).toBeNull();
  }, 20_000);
});
