// Session 56 helper w (row 1228): a Gemini CLI recording that is one JSON document (`session-*.json`) past 4 MiB cost
// each hook ~85 ms of CPU: its last 4 MiB were read backwards and every string at message depth, a 4 MiB `content`
// included, was decoded and JSON.parse'd before its key was known; and the window's read returned no `last`, so
// `documentModel` read and scanned the same 4 MiB again for the last answer's model (found by session 56's re-read z2;
// strace showed two 4,194,304-byte pread64 per hook). Now a value is parsed only when its key is `timestamp`, `type` or
// `model` (checked as JSON.parse would, on the bytes), and `documentTailRecords` returns `last` from the same pass.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentTailRecords, geminiRecordingModel } from '../../src/agent-settings/gemini-recording.js';

const FURTHEST = 4 * 1024 * 1024;
const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function recordingFile(messages: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'aitrail-s56w-'));
  dirs.push(dir);
  const path = join(dir, 'session-2026-12-08T00-00-3f2b8c1e.json');
  writeFileSync(path, `${JSON.stringify({ sessionId: 's', messages }, null, 2)}\n`);
  return path;
}

const at = (ms: number) => new Date(ms).toISOString();

describe('Gemini CLI .json recording past 4 MiB: read once, big values never parsed (row 1228)', () => {
  const now = Date.parse('2026-12-08T00:00:00.000Z');
  const messages = [
    { id: 'u0', timestamp: at(now - 86_400_000), type: 'user', content: 'read the logs' },
    { id: 'g0', timestamp: at(now - 86_399_000), type: 'gemini', content: 'x'.repeat(6 * 1024 * 1024), model: 'gemini-2.5-flash' },
    { id: 'u1', timestamp: at(now), type: 'user', content: 'y'.repeat(3 * 1024 * 1024) },
    { id: 'g1', timestamp: at(now + 1000), type: 'gemini', content: 'done', model: 'gemini-2.5-pro' },
    { id: 'u2', timestamp: at(now + 2000), type: 'user', content: 'commit it' },
  ];

  it('row 1228: the window and the last model come from one pass, no value over 1 KiB handed to JSON.parse', () => {
    const path = recordingFile(messages);
    const parse = vi.spyOn(JSON, 'parse');
    const tail = documentTailRecords(path, FURTHEST, now - 60_000);
    const parsed = parse.mock.calls.map(([text]) => String(text).length);
    expect(Math.max(0, ...parsed)).toBeLessThan(1024);
    expect(tail).toEqual({
      records: [
        { date: now, model: null },
        { date: now + 1000, model: 'gemini-2.5-pro' },
        { date: now + 2000, model: null },
      ],
      last: 'gemini-2.5-pro',
    });
    // The same model as the separate read gave (it is what a hook without the window reads).
    parse.mockRestore();
    expect(geminiRecordingModel(path, FURTHEST, 0)).toBe('gemini-2.5-pro');
  });

  it('row 1228: the last model is searched for past the window start, as documentModel did', () => {
    const path = recordingFile([...messages.slice(0, 3), { id: 'u3', timestamp: at(now + 5000), type: 'user', content: 'again' }]);
    const tail = documentTailRecords(path, FURTHEST, now + 4000);
    // The window stops at the user message before its start; the last answer's model lies in the 3 MiB before it: none
    // there (the 6 MiB answer is cut off), so null, as the separate read said.
    expect(tail?.last).toBeNull();
    expect(geminiRecordingModel(path, FURTHEST, 0)).toBeNull();
    const older = recordingFile([
      messages[0],
      messages[1],
      { id: 'g5', timestamp: at(now - 1000), type: 'gemini', content: 'z'.repeat(1024 * 1024), model: 'gemini-2.5-pro' },
      { id: 'u1', timestamp: at(now), type: 'user', content: 'y'.repeat(1024 * 1024) },
      { id: 'u3', timestamp: at(now + 5000), type: 'user', content: 'again' },
    ]);
    const found = documentTailRecords(older, FURTHEST, now + 4000);
    expect(found?.records).toEqual([{ date: now, model: null }, { date: now + 5000, model: null }]);
    expect(found?.last).toBe('gemini-2.5-pro');
  });

  it('row 1228: a value that is no JSON string still ends the read (a bad escape, a control character, an escaped end quote)', () => {
    for (const bad of ['"a\\"', '"a\\x"', '"a\u0001b"', '"a\\u12G4"']) {
      const text = JSON.stringify({ messages: [messages[0], messages[1], { timestamp: at(now), type: 'gemini', model: 'gemini-2.5-pro', content: 'VALUE' }] }).replace('"VALUE"', bad);
      const dir = mkdtempSync(join(tmpdir(), 'aitrail-s56w-'));
      dirs.push(dir);
      const path = join(dir, 'session-x.json');
      writeFileSync(path, text);
      // The bad value is after the model key, read first backwards: nothing read at all.
      expect(documentTailRecords(path, FURTHEST, null)).toEqual({ records: [], last: null });
    }
  });
});
