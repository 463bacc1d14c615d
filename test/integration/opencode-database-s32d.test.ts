// OpenCode 1.2+ keeps its sessions in SQLite only (`~/.local/share/opencode/opencode.db`, WAL mode):
// an agent that picked qwen/qwen3-coder with `/models`, let it write, then picked Claude back before
// the commit passed `deny: ["qwen/*"]` (only the TUI's last pick, `model.json`, was seen). Committed
// for real through the installed hooks by a process named after the agent, with a database built by
// real SQLite whose newest rows are still in the WAL.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';
import { opencodeDb, opencodeTurn } from '../helpers/opencode-db.js';

const MINUTE = 60_000;
const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const CLAUDE_CONFIG = { 'opencode.json': '{"model": "anthropic/claude-sonnet-4-5"}' };

/** A hooked repository whose HEAD was committed 30 minutes ago and its parent 35 (a loaded machine's commit-msg may read the commit as an amend, row 330, and count from HEAD's parent). */
function withPrevious(config: string): TestRepo {
  const repo = hooked(config, CLAUDE_CONFIG);
  for (const [name, ago] of [['earlier', 35], ['previous', 30]] as const) {
    const at = new Date(Date.now() - ago * MINUTE).toISOString();
    repo.commit(`chore: ${name}\n`, { [`${name}.txt`]: 'x\n' }, { AITRAIL: '0', GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at });
  }
  return repo;
}

/** A home whose OpenCode database holds `repo`'s session: one turn per `[minutes ago, provider/model]`, the last two rows in the WAL. */
function opencodeEnv(repo: TestRepo, ...turns: [number, string][]): NodeJS.ProcessEnv {
  const worktree = realpathSync(repo.dir);
  const home = homeWith({});
  const rows = turns.flatMap(([ago, model], n) => opencodeTurn('ses_7a1b2c3d4e5f', n, worktree, model, Date.now() - ago * MINUTE));
  opencodeDb(join(home, '.local/share/opencode/opencode.db'), rows, { filler: 500, inWal: 2, worktree });
  return hookEnv({ HOME: home, XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, XDG_STATE_HOME: undefined, OPENCODE_CONFIG: undefined, OPENCODE_CONFIG_CONTENT: undefined, OPENCODE_CONFIG_DIR: undefined, OPENCODE_SESSION_ID: undefined, OPENCODE_DB: undefined, OPENCODE: '1' });
}

describe("every model an OpenCode 1.2+ session used since the previous commit (its SQLite database)", () => {
  it('qwen/qwen3-coder after HEAD, then Claude picked back and committing: refused under deny qwen/*, recorded beside otherwise', () => {
    const denied = withPrevious(DENY);
    const refused = runAgent(denied, agentBin('opencode'), ['fix it'], opencodeEnv(denied, [50, 'anthropic/claude-sonnet-4-5'], [20, 'qwen/qwen3-coder'], [10, 'anthropic/claude-sonnet-4-5']));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via opencode\) is denied/);
    expect(refused.stderr).toMatch(/opencode\.db message msg_9a0b1c2d00011 model="qwen\/qwen3-coder" used at/);

    const open = withPrevious('policy: {}\n');
    const recorded = runAgent(open, agentBin('opencode'), ['fix it'], opencodeEnv(open, [50, 'anthropic/claude-sonnet-4-5'], [20, 'qwen/qwen3-coder'], [10, 'anthropic/claude-sonnet-4-5']));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: opencode:anthropic/claude-sonnet-4.5\nAssisted-by: opencode:qwen/qwen3-coder\n');
  });

  it("qwen/qwen3-coder only before HEAD's commit is the previous commit's: not recorded (the session's last model is)", () => {
    const denied = withPrevious(DENY);
    const passed = runAgent(denied, agentBin('opencode'), ['fix it'], opencodeEnv(denied, [40, 'qwen/qwen3-coder'], [10, 'openai/gpt-5']));
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: opencode:anthropic/claude-sonnet-4.5\nAssisted-by: opencode:openai/gpt-5\n');
  });
});
