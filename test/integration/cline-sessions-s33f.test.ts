// Cline's SDK (its CLI 2.x and the extension built on it) keeps each task as a session of its own
// store, `~/.cline/data/sessions/<id>/<id>.json` (`CLINE_SESSION_DATA_DIR`, `CLINE_DATA_DIR`,
// `CLINE_DIR`; cline `sdk/packages/shared/src/storage/paths.ts`), whose manifest names the session's
// `provider`, `model`, `cwd` and `workspace_root`, and no longer the `state/taskHistory.json` and
// `tasks/<id>/` row 384 reads. Cline set to qwen/qwen3-coder through OpenRouter committed as
// `cline:unknown` and passed deny qwen/*. Committed for real through the installed hooks.
import { readFileSync, realpathSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked, homeWith } from '../helpers/agent-home.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { hookEnv } from '../helpers/hooks.js';

const SESSION = 'sess_1764892800123';

/** A session manifest as Cline's SDK writes it (version 1, snake_case). */
function manifest(cwd: string, provider: string, model: string): Record<string, string> {
  const record = { version: 1, session_id: SESSION, source: 'cli', pid: 4242, started_at: new Date(Date.now() - 20 * 60_000).toISOString(), status: 'running', interactive: true, provider, model, cwd, workspace_root: cwd, enable_tools: true, enable_spawn: false, enable_teams: false, messages_path: `/x/${SESSION}.messages.json` };
  return { [`.cline/data/sessions/${SESSION}/${SESSION}.json`]: `${JSON.stringify(record, null, 2)}\n` };
}

function clineEnv(home: string): NodeJS.ProcessEnv {
  return hookEnv({ HOME: home, XDG_CONFIG_HOME: `${home}/.config`, CLINE_ACTIVE: 'true' });
}

describe("Cline's SDK session of the work tree", () => {
  it('its manifest naming qwen/qwen3-coder on OpenRouter is refused under deny qwen/*, and recorded otherwise', () => {
    const denied = hooked('policy:\n  deny: ["qwen/*"]\n');
    const refused = agentCommit(denied, clineEnv(homeWith(manifest(realpathSync(denied.dir), 'openrouter', 'qwen/qwen3-coder'))));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via cline\) is denied/);
    expect(refused.stderr).toContain(`recent session ~/.cline/data/sessions/${SESSION}/${SESSION}.json model="openrouter/qwen/qwen3-coder"`);

    const open = hooked('policy: {}\n');
    const recorded = agentCommit(open, clineEnv(homeWith(manifest(realpathSync(open.dir), 'deepseek', 'deepseek-chat'))));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: cline:deepseek/deepseek-chat\n');
  });

  it('a session of another directory is not read', () => {
    const open = hooked('policy: {}\n');
    const other = agentCommit(open, clineEnv(homeWith(manifest('/elsewhere/project', 'openrouter', 'qwen/qwen3-coder'))));
    expect(other.message).toBe('feat: parser\n\nAssisted-by: cline:unknown\n');
  });

  it("a person's commit beside Cline's sessions is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const before = readFileSync(started, 'utf8');
    const person = agentCommit(repo, { ...env, HOME: homeWith(manifest(realpathSync(repo.dir), 'openrouter', 'qwen/qwen3-coder')) });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
