// Agents whose session or settings aitrail looked for by the wrong directory, committed for real
// through the installed hooks by a process named as the agent (its process's directory as the hook
// finds it among its ancestors):
// - Copilot CLI's `/cwd` moves a session after it started (`session.context_changed`): aitrail
//   placed the session where it started, so a session moved into the work tree was never read and a
//   session moved out of it was read in place of the one working here;
// - Codex started above the work tree reads its start directory's `.codex/config.toml`, never the
//   repository's.
import { spawnSync } from 'node:child_process';
import { mkdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeWith, writeAged } from '../helpers/agent-home.js';
import { cdAgentBin } from '../helpers/fake-agent.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { aitrail, hookEnv, messageOf } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const MOVED = '0f8fad5b-d9cb-469f-a165-70867728950e';
const STAYED = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

/** A repository at `dir` with the hooks installed, `files` committed with the policy. */
function hookedAt(dir: string, files: Record<string, string> = {}): TestRepo {
  const repo = makeRepo({ dir });
  repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY, ...files });
  const init = aitrail(repo.dir, ['init', '--mode', 'git']);
  expect(init.status, init.stderr).toBe(0);
  return repo;
}

/** The agent `name args…`, its process in `start` (absolute), commits a staged change of `repo` from its top. */
function agentAt(repo: TestRepo, name: string, start: string, env: NodeJS.ProcessEnv, args: string[] = []) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const run = spawnSync(cdAgentBin(name), args, { cwd: start, env: { ...env, MESSAGE: 'feat: parser\n', COMMIT_IN: repo.dir }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, message: run.status === 0 ? messageOf(repo.dir) : '' };
}

describe("Copilot CLI's /cwd", () => {
  const event = (type: string, data: object) => `${JSON.stringify({ type, data, id: type, timestamp: new Date().toISOString(), parentId: null })}\n`;
  const started = (cwd: string, model: string) => event('session.start', { sessionId: 'x', version: 1, selectedModel: model, context: { cwd, gitRoot: cwd } });
  const moved = (cwd: string) => event('session.context_changed', { cwd, gitRoot: cwd, branch: 'main' });
  const switched = (from: string, to: string) => event('session.model_change', { previousModel: from, newModel: to });

  it('a session moved into the work tree is read where it runs now, one moved out of it is not', () => {
    const repo = hookedAt(join(tempDir('aitrail-copilot-'), 'repo'));
    const top = realpathSync(repo.dir);
    const elsewhere = realpathSync(tempDir('aitrail-other-'));
    const env = (home: string) => hookEnv({ HOME: home, COPILOT_CLI: '1' });

    // Started in another directory, `/cwd` into this work tree, `/model qwen3-coder`; an older session of the top ran gpt-5.
    const into = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n' });
    writeAged(into, [
      [`.copilot/session-state/${MOVED}/events.jsonl`, started(elsewhere, 'gpt-5') + moved(top) + switched('gpt-5', 'qwen3-coder'), 1],
      [`.copilot/session-state/${STAYED}/events.jsonl`, started(top, 'gpt-5'), 3],
    ]);
    const refused = agentAt(repo, 'copilot', repo.dir, env(into));
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via copilot\) is denied/);
    expect(refused.stderr).toContain(`recent session ~/.copilot/session-state/${MOVED}/events.jsonl model="qwen3-coder"`);

    // Started here, `/cwd` out to another repository, `/model qwen3-coder` there: not this work tree's session.
    const out = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n' });
    writeAged(out, [
      [`.copilot/session-state/${MOVED}/events.jsonl`, started(top, 'gpt-5') + moved(elsewhere) + switched('gpt-5', 'qwen3-coder'), 1],
      [`.copilot/session-state/${STAYED}/events.jsonl`, started(top, 'gpt-5'), 3],
    ]);
    const honest = agentAt(repo, 'copilot', repo.dir, env(out));
    expect(honest.status, honest.stderr).toBe(0);
    expect(honest.message).toBe('feat: parser\n\nAssisted-by: copilot:openai/gpt-5\n');

    // Moved back by a later resume in the work tree: read again.
    const back = homeWith({ '.copilot/settings.json': '{ "model": "gpt-5" }\n' });
    const resumed = event('session.resume', { selectedModel: 'qwen3-coder', context: { cwd: top, gitRoot: top } });
    writeAged(back, [[`.copilot/session-state/${MOVED}/events.jsonl`, started(top, 'gpt-5') + moved(elsewhere) + switched('gpt-5', 'qwen3-coder') + resumed, 1]]);
    expect(agentAt(repo, 'copilot', repo.dir, env(back)).status).toBe(1);
  });
});
