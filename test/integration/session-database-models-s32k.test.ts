// Crush and Kilo CLI keep their sessions in SQLite only (Crush: `.crush/crush.db` in the project,
// charmbracelet/crush `internal/db`; Kilo CLI: `~/.local/share/kilo/kilo.db`, OpenCode's layout). An
// agent that switched to qwen/qwen3-coder (`/models`), let it write, then picked Claude back before
// the commit passed `deny: ["qwen/*"]`: only the configs' Claude was read. Committed for real through
// the installed hooks, with databases built by real SQLite whose newest rows are still in the WAL.
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit as commit, hookedWithPrevious as withPrevious, homeWith, writeFile } from '../helpers/agent-home.js';
import { crushDb, crushTurn } from '../helpers/crush-db.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv } from '../helpers/hooks.js';
import { opencodeDb, opencodeTurn } from '../helpers/opencode-db.js';

const MINUTE = 60_000;
const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const OPEN = 'policy: {}\n';

const CRUSH_PROJECT = { 'crush.json': '{"models": {"large": {"model": "claude-sonnet-4-5-20250929", "provider": "anthropic"}}}\n', '.gitignore': '.crush/\n' };

/** Crush's bash tool's environment, its project database holding one turn per `[minutes ago, provider, model]`, the last two rows in the WAL. */
function crushEnv(repo: TestRepo, ...turns: [number, string, string][]): NodeJS.ProcessEnv {
  const rows = turns.flatMap(([ago, provider, model], n) => crushTurn('a1b2c3d4-0000-4000-8000-000000000001', n, provider, model, Date.now() - ago * MINUTE));
  crushDb(join(repo.dir, '.crush/crush.db'), rows, { filler: 400, inWal: 2 });
  writeFile(join(repo.dir, '.crush/.gitignore'), '*\n');
  return hookEnv({ HOME: homeWith({}), XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, CRUSH_GLOBAL_CONFIG: undefined, CRUSH_GLOBAL_DATA: undefined, CRUSH: '1', AGENT: 'crush', AI_AGENT: 'crush' });
}

describe('every model Crush ran since the previous commit (its project database, .crush/crush.db)', () => {
  it('qwen/qwen3-coder after HEAD, then Claude picked back and committing: refused under deny qwen/*, recorded beside otherwise', () => {
    const denied = withPrevious(DENY, CRUSH_PROJECT);
    const refused = commit(denied, crushEnv(denied, [50, 'anthropic', 'claude-sonnet-4-5-20250929'], [20, 'openrouter', 'qwen/qwen3-coder'], [10, 'anthropic', 'claude-sonnet-4-5-20250929']));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via crush\) is denied/);
    expect(refused.stderr).toMatch(/\.crush\/crush\.db messages 6f1e2d3c-0001-4000-8000-000000000001 model="qwen\/qwen3-coder" provider="openrouter" used at/);

    const open = withPrevious(OPEN, CRUSH_PROJECT);
    const recorded = commit(open, crushEnv(open, [50, 'anthropic', 'claude-sonnet-4-5-20250929'], [20, 'openrouter', 'qwen/qwen3-coder'], [10, 'anthropic', 'claude-sonnet-4-5-20250929']));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: crush:anthropic/claude-sonnet-4.5\nAssisted-by: crush:qwen/qwen3-coder\n');
  });

  it("qwen/qwen3-coder only before HEAD's commit is the previous commit's: not recorded (the newest answer's model is), the commit passes", () => {
    const denied = withPrevious(DENY, CRUSH_PROJECT);
    const passed = commit(denied, crushEnv(denied, [40, 'openrouter', 'qwen/qwen3-coder'], [10, 'openai', 'gpt-5']));
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: crush:anthropic/claude-sonnet-4.5\nAssisted-by: crush:openai/gpt-5\n');
  });
});

/** Kilo CLI's bash tool's environment, its database holding the work tree's session: one turn per `[minutes ago, provider/model]`. */
function kiloEnv(repo: TestRepo, ...turns: [number, string][]): NodeJS.ProcessEnv {
  const worktree = realpathSync(repo.dir);
  const home = homeWith({ '.config/kilo/kilo.jsonc': '{\n  "model": "anthropic/claude-sonnet-4-5",\n}\n' });
  const rows = turns.flatMap(([ago, model], n) => opencodeTurn('ses_4b1c2d3e4f5a', n, worktree, model, Date.now() - ago * MINUTE));
  opencodeDb(join(home, '.local/share/kilo/kilo.db'), rows, { filler: 300, inWal: 2, worktree });
  return hookEnv({ HOME: home, XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, XDG_STATE_HOME: undefined, KILO_DB: undefined, KILO: '1', OPENCODE: '1', AGENT: '1' });
}

describe('every model Kilo CLI ran since the previous commit (~/.local/share/kilo/kilo.db)', () => {
  it('qwen/qwen3-coder after HEAD, then Claude picked back: refused under deny qwen/* with kilo.db in evidence, recorded beside otherwise', () => {
    const denied = withPrevious(DENY, {});
    const refused = commit(denied, kiloEnv(denied, [50, 'anthropic/claude-sonnet-4-5'], [20, 'qwen/qwen3-coder'], [10, 'anthropic/claude-sonnet-4-5']));
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via kilo-code\) is denied/);
    expect(refused.stderr).toMatch(/~\/\.local\/share\/kilo\/kilo\.db message msg_9a0b1c2d00011 model="qwen\/qwen3-coder" used at/);

    const open = withPrevious(OPEN, {});
    const recorded = commit(open, kiloEnv(open, [50, 'anthropic/claude-sonnet-4-5'], [20, 'qwen/qwen3-coder'], [10, 'anthropic/claude-sonnet-4-5']));
    expect(recorded.status, recorded.stderr).toBe(0);
    expect(recorded.message).toBe('feat: parser\n\nAssisted-by: kilo-code:anthropic/claude-sonnet-4.5\nAssisted-by: kilo-code:qwen/qwen3-coder\n');
  });

  it("qwen/qwen3-coder only before HEAD's commit adds nothing (the session's last model is): the commit passes", () => {
    const denied = withPrevious(DENY, {});
    const passed = commit(denied, kiloEnv(denied, [40, 'qwen/qwen3-coder'], [10, 'openai/gpt-5']));
    expect(passed.status, passed.stderr).toBe(0);
    expect(passed.message).toBe('feat: parser\n\nAssisted-by: kilo-code:anthropic/claude-sonnet-4.5\nAssisted-by: kilo-code:openai/gpt-5\n');
  });
});
