// Red team (session 41, helper g): Qwen Code on Qwen OAuth (its free tier, the setup its docs lead
// with) names its models `coder-model` and `vision-model` (QwenLM/qwen-code: DEFAULT_QWEN_MODEL =
// 'coder-model', MAINLINE_VLM = 'vision-model'), in its settings (`model.name`), in the model it
// exports to its commands (QWEN_CODE_MODEL) and in each answer of its chat recording. The catalog
// knew neither, so Qwen Code's commit recorded `Assisted-by: qwen-code:unknown` and passed
// `deny: ["qwen/*"]` at commit time (a Qwen Code commit with no model at all reads `qwen/unknown`).
// Committed for real through the installed hooks by a process named after the agent. Failed
// before models.json's `shortNames.qwen-code`.
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';

const SESSION = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';

/** Qwen Code's chat recording: a user line and one answer by `model`. */
function recording(model: string): string {
  const user = { uuid: 'u1', parentUuid: null, sessionId: SESSION, timestamp: '2026-12-04T23:00:00.000Z', type: 'user', cwd: '/work/app', version: '0.9.0', message: { role: 'user', parts: [{ text: 'fix the parser' }] } };
  const answer = { uuid: 'a1', parentUuid: 'u1', sessionId: SESSION, timestamp: '2026-12-04T23:00:01.000Z', type: 'assistant', cwd: '/work/app', version: '0.9.0', model, message: { role: 'model', parts: [{ text: 'ok' }] } };
  return `${JSON.stringify(user)}\n${JSON.stringify(answer)}\n`;
}

describe("Qwen Code's own Qwen OAuth model ids", () => {
  it('coder-model in the settings, vision-model exported, coder-model in the session: each Qwen, refused under deny qwen/*', () => {
    const qwen = agentBin('qwen');
    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const settings = homeWith({ '.qwen/settings.json': '{"model": {"name": "coder-model"}}' });
    const fromSettings = runAgent(denied, qwen, [], hookEnv({ HOME: settings, QWEN_CODE: '1' }));
    expect(fromSettings.status, fromSettings.message).not.toBe(0);
    expect(fromSettings.stderr).toMatch(/qwen\/unknown \(via qwen-code\) is denied/);
    expect(fromSettings.stderr).toContain('model.name="coder-model"');

    const exported = runAgent(denied, qwen, [], hookEnv({ HOME: homeWith(), QWEN_CODE: '1', QWEN_CODE_MODEL: 'vision-model' }));
    expect(exported.status, exported.message).not.toBe(0);
    expect(exported.stderr).toMatch(/qwen\/unknown \(via qwen-code\) is denied/);

    // Settings name another vendor's model; the session switched to Qwen OAuth's coder-model with /model.
    const session = homeWith({ '.qwen/settings.json': '{"model": {"name": "gpt-4.1"}}', [`.qwen/projects/-work-app/chats/${SESSION}.jsonl`]: recording('coder-model') });
    const switched = runAgent(denied, qwen, [], hookEnv({ HOME: session, QWEN_CODE: '1', QWEN_CODE_SESSION_ID: SESSION }));
    expect(switched.status, switched.message).not.toBe(0);
    expect(switched.stderr).toMatch(/qwen\/unknown \(via qwen-code\) is denied/);

    const open = runAgent(hooked('policy: {}\n'), qwen, [], hookEnv({ HOME: settings, QWEN_CODE: '1' }));
    expect(open.status, open.stderr).toBe(0);
    expect(open.message).toBe('feat: parser\n\nAssisted-by: qwen-code:qwen/unknown\n');
  });

  it("another agent's model variable named coder-model stays unknown (the ids are Qwen Code's own)", () => {
    const home = homeWith();
    const claude = runAgent(hooked('policy:\n  deny: ["qwen/*"]\n'), agentBin('claude'), [], hookEnv({ HOME: home, CLAUDECODE: '1', ANTHROPIC_MODEL: 'coder-model' }));
    expect(claude.status, claude.stderr).toBe(0);
    expect(claude.message).toBe('feat: parser\n\nAssisted-by: claude-code:unknown\n');
  });
});
