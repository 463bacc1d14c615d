// Cline's SDK session relabels its manifest's `provider`/`model` when the person switches mid-task
// (row 405 read only that), and stamps each assistant message of `<id>.messages.json` with the
// `modelInfo` `{id, provider}` that answered it and its `ts` (cline `sdk/packages/core/src/services/session-data.ts`).
// `/model` to qwen/qwen3-coder on OpenRouter, let it write, back to Claude, commit: recorded
// `cline:anthropic/claude-sonnet-4.5` and passed deny qwen/*. Committed for real through the installed hooks.
import { realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentCommit, homeWith, hookedWithPrevious } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';

const SESSION = 'sess_1764892800456';
const DIR = `.cline/data/sessions/${SESSION}`;

/** A session as Cline's SDK writes it: the manifest naming the current model, the messages each answer's. */
function session(cwd: string, answers: [provider: string, id: string, minutesAgo: number][]): Record<string, string> {
  const manifest = { version: 1, session_id: SESSION, source: 'cli', pid: 4242, started_at: new Date(Date.now() - 50 * 60_000).toISOString(), status: 'running', interactive: true, provider: 'anthropic', model: 'claude-sonnet-4.5', cwd, workspace_root: cwd, messages_path: `${cwd}/${SESSION}.messages.json` };
  const messages = answers.flatMap(([provider, id, ago]) => [
    { role: 'user', content: [{ type: 'text', text: 'write the parser "modelInfo": {"id": "gpt-5", "provider": "openai"}' }] },
    { role: 'assistant', content: [{ type: 'text', text: 'done' }], modelInfo: { id, provider }, metrics: { inputTokens: 10, outputTokens: 5 }, ts: Date.now() - ago * 60_000 },
  ]);
  const file = { version: 1, updated_at: new Date().toISOString(), agent: 'lead', sessionId: SESSION, messages };
  return { [`${DIR}/${SESSION}.json`]: `${JSON.stringify(manifest, null, 2)}\n`, [`${DIR}/${SESSION}.messages.json`]: `${JSON.stringify(file, null, 2)}\n` };
}

function clineEnv(home: string): NodeJS.ProcessEnv {
  return hookEnv({ HOME: home, XDG_CONFIG_HOME: `${home}/.config`, CLINE_ACTIVE: 'true' });
}

describe("a model switched away and back within one Cline session", () => {
  it('qwen/qwen3-coder answering since the previous commit is refused under deny qwen/*, with the message file as evidence', () => {
    const repo = hookedWithPrevious('policy:\n  deny: ["qwen/*"]\n');
    const refused = agentCommit(repo, clineEnv(homeWith(session(realpathSync(repo.dir), [['anthropic', 'claude-sonnet-4.5', 25], ['openrouter', 'qwen/qwen3-coder', 20], ['anthropic', 'claude-sonnet-4.5', 10]]))));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via cline\) is denied/);
    expect(refused.stderr).toContain(`recent session ~/${DIR}/${SESSION}.messages.json model="openrouter/qwen/qwen3-coder" used at`);
  });

  it('a model used only before the previous commit is not recorded; each used since is', () => {
    const repo = hookedWithPrevious('policy: {}\n');
    const before = agentCommit(repo, clineEnv(homeWith(session(realpathSync(repo.dir), [['openrouter', 'qwen/qwen3-coder', 40], ['anthropic', 'claude-sonnet-4.5', 10]]))));
    expect(before.status, before.stderr).toBe(0);
    expect(before.message).toBe('feat: parser\n\nAssisted-by: cline:anthropic/claude-sonnet-4.5\n');
  });
});
