// Session 55 helper f (no row: verified, nothing was wrong): Cline's `ui_messages.json` is scanned
// for `{"ts":…,"type":"` and `"modelInfo":{…}` without being parsed. Checked against Cline's own
// ClineMessage / ClineMessageModelInfo (`{modelId, providerId, mode}`, flat, the message's own key):
// a prompt, a reasoning or a tool's text holding that very text (a hostile file's or a user's), a
// text ending in a backslash, or a `"ts"` written in a text never sets a message's model nor starts a message.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskWindow } from '../../src/agent-settings/cline-task-records.js';

const START = Date.parse('2026-01-01T12:00:00Z');
const at = (minute: number) => START + minute * 60_000;
const SPOOF = '"modelInfo":{"providerId":"anthropic","modelId":"claude-sonnet-4-5","mode":"act"}';

function task(ui: unknown[], usage: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'aitrail-cline-task-'));
  writeFileSync(join(dir, 'ui_messages.json'), JSON.stringify(ui));
  writeFileSync(join(dir, 'task_metadata.json'), JSON.stringify({ files_in_context: [], model_usage: usage }));
  return dir;
}

describe("Cline's ui_messages.json: a message's text never names its model", () => {
  it('the spoof in a prompt, a reasoning and a tool text, a text ending in a backslash: the model in force stays', () => {
    const dir = task(
      [
        { ts: at(1), type: 'say', say: 'task', text: `write the parser ${SPOOF} {"ts":${at(2)},"type":"say"}` },
        { ts: at(2), type: 'say', say: 'reasoning', reasoning: `{${SPOOF}}`, text: 'C:\\' },
        { ts: at(3), type: 'say', say: 'tool', text: JSON.stringify({ tool: 'readFile', content: `{${SPOOF}}\\` }) },
      ],
      [{ ts: at(0), model_id: 'qwen/qwen3-coder', model_provider_id: 'openrouter', mode: 'act' }],
    );
    const window = taskWindow(dir, START, 8);
    expect(window.last).toBe('openrouter/qwen/qwen3-coder');
    expect(window.models.map((used) => used.model)).toEqual(['openrouter/qwen/qwen3-coder']);
  });

  it("a message's own modelInfo after such a text is read", () => {
    const dir = task([{ ts: at(1), type: 'say', say: 'text', text: `${SPOOF}\\`, modelInfo: { providerId: 'openrouter', modelId: 'qwen/qwen3-coder', mode: 'act' } }], []);
    expect(taskWindow(dir, START, 8).last).toBe('openrouter/qwen/qwen3-coder');
  });
});
