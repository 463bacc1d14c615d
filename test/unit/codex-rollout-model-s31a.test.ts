import { mkdirSync, mkdtempSync, symlinkSync, utimesSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codexRolloutModel, rolloutTurnContext, threadRollout } from '../../src/agent-settings/codex-rollout.js';
import type { SettingsPlace } from '../../src/agent-settings/settings-place.js';
import { homeWith } from '../helpers/agent-home.js';

const THREAD = '019a3f2e-7b41-7c2d-9e8f-0a1b2c3d4e5f';
const DAY = 'sessions/2026/12/04';
const NAME = `rollout-2026-12-04T10-00-00-${THREAD}.jsonl`;

function line(type: string, payload: object): string {
  return `${JSON.stringify({ timestamp: '2026-12-04T10:00:00.000Z', type, payload })}\n`;
}

function turn(model: unknown, cwd = '/work/app'): string {
  return line('turn_context', { cwd, approval_policy: 'never', model, summary: 'auto' });
}

function place(home: string, env: Record<string, string | undefined>, root = '/nonexistent'): SettingsPlace {
  return { root, gitDir: join(root, '.git'), env: { CODEX_HOME: home, ...env }, home, system: '/nonexistent' };
}

describe('rolloutTurnContext', () => {
  it("reads the last turn_context's model and cwd, past other records and strings that only look like one", () => {
    const home = homeWith({
      [`${DAY}/${NAME}`]:
        line('session_meta', { id: THREAD, cwd: '/work/app' }) +
        turn('gpt-5') +
        turn('qwen/qwen3-coder') +
        // A tool's output quoting a turn_context record: escaped inside a string, never a record.
        line('response_item', { type: 'function_call_output', output: '{"type":"turn_context","payload":{"model":"gpt-4o"}}' }) +
        line('event_msg', { type: 'token_count', model: 'o3' }),
    });
    expect(rolloutTurnContext(join(home, DAY, NAME))).toEqual({ model: 'qwen/qwen3-coder', cwd: '/work/app' });
  });

  it('skips a last line still being written, and a model that is no printable name', () => {
    const home = homeWith({
      'a.jsonl': turn('gpt-5') + turn('qwen/qwen3-coder').slice(0, 60),
      'b.jsonl': turn('qwen/qwen3-coder') + turn('evil\u001b[2Jname') + turn('') + turn(42) + turn('x'.repeat(300)) + turn('next\u0085line'),
      'c.jsonl': line('session_meta', { id: THREAD }) + 'not json "type":"turn_context"\n',
    });
    expect(rolloutTurnContext(join(home, 'a.jsonl'))?.model).toBe('gpt-5');
    expect(rolloutTurnContext(join(home, 'b.jsonl'))?.model).toBe('qwen/qwen3-coder');
    expect(rolloutTurnContext(join(home, 'c.jsonl'))).toBeNull();
  });

  it('finds the turn_context before megabytes of tool output, and reads no line past its bounds', () => {
    const output = line('response_item', { type: 'function_call_output', output: 'x'.repeat(3 * 1024 * 1024) });
    const huge = line('turn_context', { model: 'qwen/qwen3-coder', user_instructions: 'y'.repeat(2 * 1024 * 1024) });
    const home = homeWith({ 'far.jsonl': turn('qwen/qwen3-coder') + output, 'huge.jsonl': turn('gpt-5') + huge, 'too-far.jsonl': turn('qwen/qwen3-coder') + output.repeat(6) });
    expect(rolloutTurnContext(join(home, 'far.jsonl'))?.model).toBe('qwen/qwen3-coder');
    // A turn_context line past 1 MB is not parsed: the one before it is the last read.
    expect(rolloutTurnContext(join(home, 'huge.jsonl'))?.model).toBe('gpt-5');
    expect(rolloutTurnContext(join(home, 'too-far.jsonl'))).toBeNull();
  });

  it('reads no link, FIFO or directory, and no relative path', () => {
    const home = homeWith({ 'outside/secret.jsonl': turn('qwen/qwen3-coder') });
    mkdirSync(join(home, DAY), { recursive: true });
    symlinkSync(join(home, 'outside/secret.jsonl'), join(home, DAY, NAME));
    execFileSync('mkfifo', [join(home, 'fifo.jsonl')]);
    expect(rolloutTurnContext(join(home, DAY, NAME))).toBeNull();
    expect(rolloutTurnContext(join(home, 'fifo.jsonl'))).toBeNull();
    expect(rolloutTurnContext(join(home, 'outside'))).toBeNull();
    expect(rolloutTurnContext('outside/secret.jsonl')).toBeNull();
    expect(rolloutTurnContext(join(home, 'missing.jsonl'))).toBeNull();
  });
});

describe('threadRollout and codexRolloutModel', () => {
  it("finds the thread's rollout by name in any day directory, newest first, never through a linked directory", () => {
    const home = homeWith({ [`sessions/2025/01/31/${NAME}`]: turn('qwen/qwen3-coder'), 'sessions/2026/12/04/rollout-2026-12-04T10-00-00-019a3f2e-0000-7000-8000-000000000001.jsonl': turn('o3') });
    expect(threadRollout(join(home, 'sessions'), THREAD.toUpperCase())).toBe(join(home, `sessions/2025/01/31/${NAME}`));
    expect(codexRolloutModel(place(home, { CODEX_THREAD_ID: ` ${THREAD} ` }))).toEqual({
      model: 'qwen/qwen3-coder',
      evidence: `rollout ~/sessions/2025/01/31/${NAME} turn_context.model="qwen/qwen3-coder"`,
    });

    const linked = homeWith({ [`elsewhere/04/${NAME}`]: turn('qwen/qwen3-coder') });
    mkdirSync(join(linked, 'sessions/2026/12'), { recursive: true });
    symlinkSync(join(linked, 'elsewhere/04'), join(linked, 'sessions/2026/12/04'));
    expect(codexRolloutModel(place(linked, { CODEX_THREAD_ID: THREAD }))).toBeNull();
  });

  it('names none for an id that is not a UUID, a thread without a rollout, a relative CODEX_HOME, or no sessions', () => {
    const home = homeWith({ [`${DAY}/${NAME}`]: turn('qwen/qwen3-coder') });
    for (const id of ['x', `../${THREAD}`, `${THREAD}.jsonl`, '019a3f2e-ffff-7fff-8fff-ffffffffffff']) {
      expect(codexRolloutModel(place(home, { CODEX_THREAD_ID: id }))).toBeNull();
    }
    expect(codexRolloutModel(place('relative/home', { CODEX_THREAD_ID: THREAD }))).toBeNull();
    expect(codexRolloutModel(place(homeWith({}), { CODEX_THREAD_ID: THREAD }))).toBeNull();
  });

  it('without a thread id: the newest recent rollout whose last turn ran in the work tree, none older than 10 minutes', () => {
    const root = mkdtempSync(join(tmpdir(), 'aitrail-tree-'));
    mkdirSync(join(root, 'src'));
    const home = homeWith({
      [`${DAY}/rollout-a.jsonl`]: turn('qwen/qwen3-coder', join(root, 'src')),
      [`${DAY}/rollout-b.jsonl`]: turn('o3', '/elsewhere'),
      [`${DAY}/rollout-c.jsonl`]: turn('gpt-4.1', root),
    });
    const now = Date.now();
    const at = (name: string, ms: number) => utimesSync(join(home, DAY, name), new Date(ms), new Date(ms));
    at('rollout-a.jsonl', now - 60_000);
    at('rollout-b.jsonl', now - 1_000);
    at('rollout-c.jsonl', now - 20 * 60_000);
    expect(codexRolloutModel(place(home, {}, root), now)).toEqual({
      model: 'qwen/qwen3-coder',
      evidence: `recent rollout ~/${DAY}/rollout-a.jsonl turn_context.model="qwen/qwen3-coder"`,
    });
    expect(codexRolloutModel(place(home, {}, root), now + 30 * 60_000)).toBeNull();
    expect(codexRolloutModel(place(home, {}, '/nonexistent'), now)).toBeNull();
  });
});
