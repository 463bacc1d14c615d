// Session 55 helper f (no row: cost): Claude Code's transcript was opened twice a hook, read backwards
// for its last model, then its tail again for the models used since the previous commit (2 opens of a
// 2.1 MB transcript, 2.64 MB read); now the window's read names the last model when the file ends with a
// whole line (the same records judged alike): 1 open, 2.57 MB. And Gemini CLI's recording kept as one JSON document
// (`session-*.json`) was opened and read twice a hook, its last 256 KiB for its last answer's model,
// then whole and parsed for the models used since the previous commit. Found by counting the opens of
// a 2 MB recording while `geminiSessionModels` ran (2 opens, 2.42 MB read). Now the whole parse the
// window needs names the last answer too: one open, 2.16 MB; the same models recorded.
import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { homeWith } from '../helpers/agent-home.js';
import { geminiSessionModels } from '../../src/agent-settings/chat-recordings.js';
import { claudeTranscriptModel } from '../../src/agent-settings/claude-transcript.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';

const ROOT = '/nonexistent/srv/app';
const openSync = fs.openSync;
afterEach(() => {
  fs.openSync = openSync;
  syncBuiltinESMExports();
});

/** The paths opened while `run` runs. */
function opened<T>(run: () => T): { value: T; paths: string[] } {
  const paths: string[] = [];
  fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    paths.push(String(path));
    return (openSync as (...args: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  syncBuiltinESMExports();
  try {
    return { value: run(), paths };
  } finally {
    fs.openSync = openSync;
    syncBuiltinESMExports();
  }
}

describe("Gemini CLI's recording as one JSON document", () => {
  it('is opened once a hook: its window and its last answer from one parse', () => {
    const now = Date.now();
    const messages = Array.from({ length: 600 }, (_, n) => ({
      id: `m${n}`,
      type: n % 2 ? 'gemini' : 'user',
      timestamp: new Date(now - (600 - n) * 1000).toISOString(),
      content: 'x'.repeat(1000),
      ...(n % 2 ? { model: n > 500 && n < 590 ? 'gemini-2.5-pro' : 'gemini-2.5-flash' } : {}),
    }));
    const hash = createHash('sha256').update(ROOT).digest('hex');
    const file = `.gemini/tmp/${hash}/chats/session-2026-12-04T23-00-3f2b8c1e.json`;
    const home = homeWith({ [file]: JSON.stringify({ sessionId: 's', messages }, null, 2) });
    const place: SettingsPlace = { root: ROOT, gitDir: `${ROOT}/.git`, env: { GEMINI_CLI: '1' }, home, system: '/nonexistent', commandLines: [], windowStart: () => now - 300_000 };
    const { value, paths } = opened(() => geminiSessionModels(place, []));
    expect(value.map((found) => found.model)).toEqual(['gemini-2.5-flash', 'gemini-2.5-pro']);
    expect(value[0]!.evidence).toContain(`newest chat recording ~/${file} model="gemini-2.5-flash"`);
    expect(paths.filter((path) => path.endsWith(join('chats', 'session-2026-12-04T23-00-3f2b8c1e.json')))).toHaveLength(1);
  });
});

describe("Claude Code's transcript", () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
  const now = Date.now();
  const line = (n: number, model: string) =>
    `${JSON.stringify({ type: n % 2 ? 'assistant' : 'user', cwd: ROOT, timestamp: new Date(now - (400 - n) * 1000).toISOString(), message: { role: n % 2 ? 'assistant' : 'user', ...(n % 2 ? { model } : {}), content: 'y'.repeat(1000) } })}\n`;
  const transcript = Array.from({ length: 400 }, (_, n) => line(n, n > 300 && n < 390 ? 'claude-opus-4-5' : 'claude-sonnet-4-5')).join('');
  const place = (home: string): SettingsPlace => ({ root: ROOT, gitDir: `${ROOT}/.git`, env: { CLAUDE_CODE_SESSION_ID: id }, home, system: '/nonexistent', commandLines: [], windowStart: () => now - 200_000 });

  it('is opened once a hook: its last model and its window from one read', () => {
    const home = homeWith({ [`.claude/projects/-srv-app/${id}.jsonl`]: transcript });
    const { value, paths } = opened(() => claudeTranscriptModel(place(home)));
    expect(value?.model).toBe('claude-sonnet-4-5');
    expect(value?.also?.map((more) => more.model)).toEqual(['claude-opus-4-5']);
    expect(paths.filter((path) => path.endsWith(`${id}.jsonl`))).toHaveLength(1);
  });

  it('a last record not yet ended that parses whole still names the last model (read backwards as before)', () => {
    const home = homeWith({ [`.claude/projects/-srv-app/${id}.jsonl`]: transcript + line(401, 'qwen3-coder').trimEnd() });
    expect(claudeTranscriptModel(place(home))?.model).toBe('qwen3-coder');
  });
});
