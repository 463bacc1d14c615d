// Session 55 helper n (row 1174): iFlow CLI's `/model` switch was recorded nowhere. iFlow (a Gemini CLI fork) writes
// no settings on `/model` and exports no session id to its shell (only `IFLOW_CLI=1`); the hooks read its `modelName`
// variables, `-m` and `.iflow/settings.json` only (row 1135), so a session switched to `glm-5` committed as its settings'
// `qwen3-coder-plus` and passed `deny: ["z-ai/*"]`. Found reading iFlow's session store as session readers of it describe
// it (`~/.iflow/projects/<cwd, every / a ->/session-<uuid>.jsonl`, Claude Code's record format, an `assistant` record's
// `message.model`); replayed with init's hooks, a temp HOME holding iFlow's settings and session, and an executable named
// `iflow`. Now the newest recent session of the work tree is read in its tail and its models recorded beside the settings'.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, hooked, writeAged } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';

const DENY_GLM = 'policy:\n  deny: ["z-ai/*"]\n';
const SETTINGS = JSON.stringify({ selectedAuthType: 'iflow', modelName: 'qwen3-coder-plus' });
const ID = 'session-041101e6-2a7f-4dfd-90b0-57888a353f6a.jsonl';

/** iFlow's records: a user turn (its `cwd`) and an assistant turn naming `model`. */
function session(cwd: string, model: string, prompt = 'fix the parser'): string {
  const user = { uuid: 'u1', parentUuid: null, sessionId: ID.slice(0, -6), timestamp: new Date().toISOString(), type: 'user', isSidechain: false, userType: 'external', message: { role: 'user', content: prompt }, cwd, gitBranch: null, version: '1.0.0' };
  const answer = { isSidechain: false, parentUuid: 'u1', sessionId: ID.slice(0, -6), timestamp: new Date().toISOString(), type: 'assistant', userType: 'external', uuid: 'a1', message: { id: 'r1', type: 'message', role: 'assistant', content: [{ type: 'text', text: 'done' }], model, stop_reason: null, stop_sequence: null, usage: { input_tokens: 10, output_tokens: 2 } } };
  return `${JSON.stringify(user)}\n${JSON.stringify(answer)}\n`;
}

/** iFlow's project directory name for `dir`: every `/` a `-`. */
const projectName = (dir: string) => dir.replace(/\//g, '-');

function iflowEnv(home: string): NodeJS.ProcessEnv {
  return hookEnv({ HOME: home, IFLOW_CLI: '1', GEMINI_CLI: '1', IFLOW_modelName: undefined, IFLOW_MODEL_NAME: undefined, iflow_modelName: undefined, iflow_MODEL_NAME: undefined, GEMINI_MODEL: undefined });
}

describe("iFlow CLI's session recording (row 1174)", () => {
  it('row 1174: a session switched to a denied model is denied, named by its recording', () => {
    const repo = hooked(DENY_GLM);
    const home = homeWith({ '.iflow/settings.json': SETTINGS, [`.iflow/projects/${projectName(repo.dir)}/${ID}`]: session(repo.dir, 'glm-5') });
    const result = runAgent(repo, agentBin('iflow'), [], iflowEnv(home));
    expect(result.status, result.stderr).not.toBe(0);
    expect(result.stderr).toMatch(/z-ai\/glm-5/);
    expect(result.stderr).toContain('newest iflow session');
  });

  it('careless truth: an allowed session model is recorded beside the settings; stale, foreign, linked and prompt-only models are not', () => {
    const repo = hooked('policy:\n  deny: ["openai/*"]\n');
    const here = `.iflow/projects/${projectName(repo.dir)}`;
    const home = homeWith({ '.iflow/settings.json': SETTINGS, [`${here}/${ID}`]: session(repo.dir, 'glm-5') });
    const recorded = runAgent(repo, agentBin('iflow'), [], iflowEnv(home));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toContain('qwen/qwen3-coder-plus');
    expect(recorded.message).toContain('z-ai/glm-5');

    // A session older than the hour, another directory's session, a user's prompt quoting a model: none is recorded.
    const quiet = homeWith({ '.iflow/settings.json': SETTINGS, [`.iflow/projects/-elsewhere-repo/${ID}`]: session('/elsewhere/repo', 'gpt-5') });
    writeAged(quiet, [[`${here}/${ID}`, session(repo.dir, 'gpt-5'), 120]]);
    const stale = runAgent(repo, agentBin('iflow'), [], iflowEnv(quiet));
    expect(stale.status, stale.stderr).toBe(0);
    expect(stale.message).not.toContain('gpt-5');
    const prompt = homeWith({ '.iflow/settings.json': SETTINGS, [`${here}/${ID}`]: session(repo.dir, 'glm-4.6', '{"type":"assistant","message":{"model":"gpt-5"}}').split('\n')[0] + '\n' });
    const quoted = runAgent(repo, agentBin('iflow'), [], iflowEnv(prompt));
    expect(quoted.status, quoted.stderr).toBe(0);
    expect(quoted.message).not.toContain('gpt-5');

    // A recording that is a link out of iFlow's folder is never followed.
    const outside = join(tempDir('aitrail-outside-'), 'secret.jsonl');
    writeFileSync(outside, session(repo.dir, 'gpt-5'));
    const linked = homeWith({ '.iflow/settings.json': SETTINGS });
    mkdirSync(join(linked, here), { recursive: true });
    symlinkSync(outside, join(linked, here, ID));
    const link = runAgent(repo, agentBin('iflow'), [], iflowEnv(linked));
    expect(link.status, link.stderr).toBe(0);
    expect(link.message).not.toContain('gpt-5');
    // Nor is a project directory that is a link out of it.
    const elsewhere = tempDir('aitrail-outside-');
    writeFileSync(join(elsewhere, ID), session(repo.dir, 'gpt-5'));
    const linkedDir = homeWith({ '.iflow/settings.json': SETTINGS });
    mkdirSync(join(linkedDir, '.iflow/projects'), { recursive: true });
    symlinkSync(elsewhere, join(linkedDir, here));
    const dirLink = runAgent(repo, agentBin('iflow'), [], iflowEnv(linkedDir));
    expect(dirLink.status, dirLink.stderr).toBe(0);
    expect(dirLink.message).not.toContain('gpt-5');
  });
});
