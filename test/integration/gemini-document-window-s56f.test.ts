// Session 56 helper f (row 1197): a Gemini CLI recording that is one JSON document (`session-*.json`, before 0.3x) past
// 4 MiB was read for its last answer's model only (src/agent-settings/gemini-recording.ts documentModel's tail), never for
// the answers since the previous commit. Gemini CLI falls back from Pro to Flash when Pro's quota runs out (and `/model`
// switches the same way), each answer recording its own `model` (gemini-cli ChatRecordingService: `messages[]` with `id`,
// `timestamp`, `type: "gemini"`, `content`, `model`): so a change Pro wrote, followed by Flash's answer that committed it,
// read as Flash alone and passed `deny: ["google/gemini-2.5-pro"]`. A document under 4 MiB is parsed whole and its window
// read; found asking what the past-4-MiB path reads. Replayed with init's hooks, a temp HOME holding Gemini CLI's
// settings and that recording (`~/.gemini/tmp/<sha256 of the work tree>/chats/`). Now the messages in its last 4 MiB,
// back to the previous commit's time, are weighed as the whole document's are.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, geminiHome, hooked, writeFile } from '../helpers/agent-home.js';
import { hookEnv } from '../helpers/hooks.js';

const SESSION = '3f2b8c1e-5d4a-4b6c-8e7f-0a1b2c3d4e5f';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A recording past 4 MiB: a day-old answer padded to 5 MiB, then Pro's answer now, the user's prompt, and Flash's (the fallback) last. */
function recording(recent: string, last: string): string {
  const now = Date.now();
  const messages = [
    { id: 'u0', timestamp: '2026-01-01T10:00:00.000Z', type: 'user', content: 'read the logs' },
    { id: 'g0', timestamp: '2026-01-01T10:00:05.000Z', type: 'gemini', content: 'x'.repeat(5 * 1024 * 1024), model: 'gemini-2.5-flash' },
    { id: 'u1', timestamp: new Date(now).toISOString(), type: 'user', content: 'fix the parser' },
    { id: 'g1', timestamp: new Date(now + 1000).toISOString(), type: 'gemini', content: 'done', toolCalls: [{ id: 't1', name: 'replace', args: { file_path: 'src/parser.ts' } }], model: recent },
    { id: 'u2', timestamp: new Date(now + 2000).toISOString(), type: 'user', content: 'commit it' },
    { id: 'g2', timestamp: new Date(now + 3000).toISOString(), type: 'gemini', content: 'committed', toolCalls: [{ id: 't2', name: 'run_shell_command', args: { command: 'git commit' } }], model: last },
  ];
  return `${JSON.stringify({ sessionId: SESSION, projectHash: 'x', startTime: messages[0]!.timestamp, lastUpdated: messages[5]!.timestamp, messages }, null, 2)}\n`;
}

function geminiEnv(dir: string, text: string): NodeJS.ProcessEnv {
  const env = geminiHome('gemini-2.5-flash');
  writeFile(join(env.HOME!, '.gemini/tmp', sha256(dir), 'chats', 'session-2026-12-07T22-00-3f2b8c1e.json'), text);
  return hookEnv(env);
}

describe('Gemini CLI: a .json recording past 4 MiB, its answers since the previous commit (row 1197)', () => {
  it('row 1197: Pro wrote the change, Flash (the fallback) answered last: Pro is seen and denied', () => {
    const repo = hooked('policy:\n  deny: ["google/gemini-2.5-pro"]\n');
    const result = agentCommit(repo, geminiEnv(repo.dir, recording('gemini-2.5-pro', 'gemini-2.5-flash')));
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/google\/gemini-2\.5-pro/);
  });

  it('careless truth: an answer from before the previous commit, deep in the file, is not this commit', () => {
    const repo = hooked('policy:\n  deny: ["google/gemini-2.5-pro"]\n');
    // The day-old answer (past the window) named Pro; the recent ones Flash: recorded as Flash, passed.
    const old = recording('gemini-2.5-flash', 'gemini-2.5-flash').replace('"model": "gemini-2.5-flash"', '"model": "gemini-2.5-pro"');
    const result = agentCommit(repo, geminiEnv(repo.dir, old));
    expect(result.status, result.stderr).toBe(0);
    expect(result.message).toContain('gemini-cli:google/gemini-2.5-flash');
    expect(result.message).not.toContain('gemini-2.5-pro');
  });
});
