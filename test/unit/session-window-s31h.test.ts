import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUDE_TRANSCRIPT } from '../../src/agent-settings/claude-transcript.js';
import { modelsSince, parseTimestamp, type SessionRecords } from '../../src/agent-settings/session-window.js';
import { tempDir } from '../helpers/gitdir.js';

const T = Date.parse('2026-01-01T12:00:00Z');
const LIMITS = { tail: 256 * 1024, furthest: 16 * 1024 * 1024, maxLine: 1024 * 1024, max: 8 };

function file(text: string): string {
  const path = join(tempDir('aitrail-window-'), 'session.jsonl');
  writeFileSync(path, text);
  return path;
}

/** A Claude Code assistant line (timestamp last, as Claude Code writes it); `timestamp` undefined: none. */
function assistant(model: string, timestamp?: string, text = 'ok'): string {
  return `${JSON.stringify({ isSidechain: false, message: { model, role: 'assistant', content: [{ type: 'text', text }] }, type: 'assistant', uuid: 'u', ...(timestamp ? { timestamp } : {}) })}\n`;
}
function user(timestamp?: string): string {
  return `${JSON.stringify({ type: 'user', message: { role: 'user', content: 'go' }, uuid: 'v', ...(timestamp ? { timestamp } : {}) })}\n`;
}

const CODEX: SessionRecords = {
  marker: Buffer.from('"type":"turn_context"'),
  model: (record) => (record.type === 'turn_context' ? ((record.payload as { model?: string }).model ?? null) : null),
  carries: true,
};
function codex(timestamp: string, type: string, model?: string): string {
  return `${JSON.stringify({ timestamp, type, payload: model ? { model } : { type: 'function_call_output' } })}\n`;
}

function models(text: string, since: number | null = T, records = CLAUDE_TRANSCRIPT, limits = LIMITS) {
  return modelsSince(file(text), records, since, limits)?.models.map((found) => (found.at ? `${found.model}@${found.at.slice(11, 16)}` : `${found.model}@undated`));
}

describe('parseTimestamp', () => {
  it('reads ISO 8601 as the agents write it, strictly', () => {
    expect(parseTimestamp('2026-01-01T12:00:00.000Z')).toBe(T);
    expect(parseTimestamp('2026-01-01T12:00:00Z')).toBe(T);
    expect(parseTimestamp('2026-01-01T13:30:00.5+01:30')).toBe(T + 500);
    expect(parseTimestamp('2026-01-01T12:00:00.123456789Z')).toBe(T + 123);
    for (const bad of ['2026-02-30T12:00:00Z', '2026-13-01T12:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01 12:00:00Z', '2026-01-01T12:00:00', '1767268800', 'tomorrow', '2026-01-01T12:00:00Z\n', 1767268800000, null]) {
      expect(parseTimestamp(bad), String(bad)).toBeNull();
    }
  });
});

describe('modelsSince', () => {
  it('every model used at or after the start, the most recent first; the last model named whatever its date', () => {
    const text = assistant('old', '2026-01-01T11:00:00Z') + assistant('qwen3-coder', '2026-01-01T12:30:00Z') + assistant('sonnet', '2026-01-01T13:00:00Z') + assistant('qwen3-coder', '2026-01-01T12:45:00Z') + assistant('sonnet', '2026-01-01T13:10:00Z');
    expect(models(text)).toEqual(['sonnet@13:10', 'qwen3-coder@12:45']);
    expect(models(text, null)).toEqual(['sonnet@13:10', 'qwen3-coder@12:45', 'old@11:00']);
    expect(modelsSince(file(assistant('old', '2026-01-01T11:00:00Z')), CLAUDE_TRANSCRIPT, T, LIMITS)).toEqual({ models: [], last: 'old', ended: true });
  });

  it('an undated record is in the window only after a dated record in it', () => {
    expect(models(assistant('early') + user('2026-01-01T12:10:00Z') + assistant('after'))).toEqual(['after@undated']);
    expect(models(user('2026-01-01T11:59:00Z') + assistant('before'))).toEqual([]);
    expect(models(assistant('nodate') + assistant('nodate2'))).toEqual([]);
    expect(models(assistant('nodate'), null)).toEqual(['nodate@undated']);
  });

  it("dates a record by its own timestamp only: a tool input's or a text's is not the record's", () => {
    const forged = `${JSON.stringify({ message: { model: 'qwen3-coder', role: 'assistant', content: [{ type: 'tool_use', name: 'x', input: { timestamp: '2026-01-01T11:00:00Z' } }] }, type: 'assistant', timestamp: '2026-01-01T12:30:00Z' })}\n`;
    expect(models(forged)).toEqual(['qwen3-coder@12:30']);
    const early = `${JSON.stringify({ message: { model: 'qwen3-coder', role: 'assistant', content: [{ type: 'text', text: '"timestamp":"2026-01-01T13:00:00Z"}' }] }, type: 'assistant', timestamp: '2026-01-01T11:30:00Z' })}\n`;
    expect(models(early)).toEqual([]);
  });

  it('skips models with control characters, <synthetic>, other record types, and a line not yet ended', () => {
    const text = assistant('bad\u0007name', '2026-01-01T12:30:00Z') + assistant('<synthetic>', '2026-01-01T12:31:00Z') + `${JSON.stringify({ type: 'user', message: { model: 'fake' }, timestamp: '2026-01-01T12:32:00Z' })}\n` + assistant('partial', '2026-01-01T12:33:00Z').trimEnd();
    expect(models(text)).toEqual([]);
  });

  it("a line past the parse limit is dated by its own last key and read for an assistant's model at its head", () => {
    const huge = assistant('qwen3-coder', '2026-01-01T12:30:00Z', 'x'.repeat(2000));
    expect(models(huge, T, CLAUDE_TRANSCRIPT, { ...LIMITS, maxLine: 1000 })).toEqual(['qwen3-coder@12:30']);
    const old = assistant('qwen3-coder', '2026-01-01T11:30:00Z', 'x'.repeat(2000));
    expect(models(old, T, CLAUDE_TRANSCRIPT, { ...LIMITS, maxLine: 1000 })).toEqual([]);
  });

  it("a turn's model counts for its records in the window (Codex), and only from the window's start", () => {
    const spanning = codex('2026-01-01T11:50:00Z', 'turn_context', 'qwen/qwen3-coder') + codex('2026-01-01T12:05:00Z', 'response_item') + codex('2026-01-01T13:00:00Z', 'turn_context', 'gpt-5');
    expect(models(spanning, T, CODEX)).toEqual(['gpt-5@13:00', 'qwen/qwen3-coder@12:05']);
    const before = codex('2026-01-01T11:50:00Z', 'turn_context', 'qwen/qwen3-coder') + codex('2026-01-01T11:55:00Z', 'response_item') + codex('2026-01-01T13:00:00Z', 'turn_context', 'gpt-5');
    expect(models(before, T, CODEX)).toEqual(['gpt-5@13:00']);
  });

  it('reads further back, within the cap, only when the window reaches past the tail; a cut line is not judged', () => {
    const filler = user('2026-01-01T12:40:00Z').repeat(400);
    const text = assistant('qwen3-coder', '2026-01-01T12:30:00Z') + filler + assistant('sonnet', '2026-01-01T13:00:00Z');
    const small = { ...LIMITS, tail: 2000 };
    expect(models(text, T, CLAUDE_TRANSCRIPT, small)).toEqual(['sonnet@13:00', 'qwen3-coder@12:30']);
    expect(models(text, T, CLAUDE_TRANSCRIPT, { ...small, furthest: 4000 })).toEqual(['sonnet@13:00']);
    // A dated record before the start in the tail: the window starts there, nothing further back is read.
    const bounded = assistant('qwen3-coder', '2026-01-01T12:30:00Z') + filler + user('2026-01-01T11:59:00Z') + assistant('sonnet', '2026-01-01T13:00:00Z');
    expect(models(bounded, T, CLAUDE_TRANSCRIPT, small)).toEqual(['sonnet@13:00']);
  });

  it('keeps at most `max` models, the most recently used', () => {
    const text = Array.from({ length: 12 }, (_, n) => assistant(`m${n}`, `2026-01-01T12:${String(10 + n).padStart(2, '0')}:00Z`)).join('');
    expect(models(text, T, CLAUDE_TRANSCRIPT, { ...LIMITS, max: 3 })).toEqual(['m11@12:21', 'm10@12:20', 'm9@12:19']);
  });

  it('reads no link, FIFO or relative path', () => {
    expect(modelsSince('relative.jsonl', CLAUDE_TRANSCRIPT, T, LIMITS)).toBeNull();
    expect(modelsSince('/dev/null/none', CLAUDE_TRANSCRIPT, T, LIMITS)).toBeNull();
  });
});
