// Crush keeps its sessions (`crush.db`) in its data directory: `.crush` of the project unless
// `crush -D <dir>` (`--data-dir`) or `options.data_directory` of its config moved it
// (charmbracelet/crush `internal/cmd/root.go`, `internal/config/load.go` `setDefaults`). aitrail read
// only `.crush/crush.db` at the work tree's top: under `crush -D ~/crush-data`, `/models` to
// qwen/qwen3-coder, let it write, back to Claude, commit: `crush:anthropic/claude-sonnet-4.5` passed
// deny qwen/*. Committed for real through the installed hooks by a process named `crush`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookedWithPrevious as withPrevious, homeWith } from '../helpers/agent-home.js';
import { crushDb, crushTurn } from '../helpers/crush-db.js';
import { agentBin, runAgent } from '../helpers/fake-agent.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { hookEnv } from '../helpers/hooks.js';

const MINUTE = 60_000;
const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const CRUSH_PROJECT = { 'crush.json': '{"models": {"large": {"model": "claude-sonnet-4-5-20250929", "provider": "anthropic"}}}\n' };

/** Claude, then qwen on OpenRouter after HEAD, then Claude picked back: the database at `path`, the last rows in the WAL. */
function switchedBack(path: string): void {
  const now = Date.now();
  const session = 'a1b2c3d4-0000-4000-8000-000000000001';
  crushDb(path, [...crushTurn(session, 1, 'anthropic', 'claude-sonnet-4-5-20250929', now - 50 * MINUTE), ...crushTurn(session, 2, 'openrouter', 'qwen/qwen3-coder', now - 20 * MINUTE), ...crushTurn(session, 3, 'anthropic', 'claude-sonnet-4-5-20250929', now - 10 * MINUTE)], { filler: 200, inWal: 2 });
}

/** Crush's bash tool's environment, with a home of the test's own. */
function crushEnv(home: string): NodeJS.ProcessEnv {
  return hookEnv({ HOME: home, XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, CRUSH_GLOBAL_CONFIG: undefined, CRUSH_GLOBAL_DATA: undefined, CRUSH: '1', AGENT: 'crush', AI_AGENT: 'crush' });
}

describe("Crush's sessions in a data directory moved by -D or options.data_directory", () => {
  it('`crush -D ~/crush-data`: qwen/qwen3-coder run after HEAD and switched back is refused under deny qwen/*, the moved database in evidence', () => {
    const repo = withPrevious(DENY, CRUSH_PROJECT);
    const home = homeWith({});
    switchedBack(join(home, 'crush-data/crush.db'));
    const run = runAgent(repo, agentBin('crush'), ['-D', join(home, 'crush-data')], crushEnv(home));
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(/qwen\/qwen3-coder \(via crush\) is denied/);
    expect(run.stderr).toMatch(/session ~\/crush-data\/crush\.db \(data directory from argv crush -D="[^"]*crush-data"\) messages 6f1e2d3c-0002-4000-8000-000000000001/);
  });

  it('`--data-dir` relative to the directory Crush runs in, and `options.data_directory` of ~/.config/crush/crush.json: refused likewise', () => {
    const relative = withPrevious(DENY, CRUSH_PROJECT);
    switchedBack(join(relative.dir, '../crush-data-rel/crush.db'));
    const flagged = runAgent(relative, agentBin('crush'), ['run', '--data-dir=../crush-data-rel', 'fix the parser'], crushEnv(homeWith({})));
    expect(flagged.status, flagged.stderr).toBe(1);
    expect(flagged.stderr).toMatch(/qwen\/qwen3-coder \(via crush\) is denied/);

    const configured = withPrevious(DENY, CRUSH_PROJECT);
    const home = homeWith({});
    switchedBack(join(home, 'data/crush/crush.db'));
    const config = homeWith({ '.config/crush/crush.json': JSON.stringify({ options: { data_directory: join(home, 'data/crush') } }) });
    const env = crushEnv(config);
    const byConfig = runAgent(configured, agentBin('crush'), [], env);
    expect(byConfig.status, byConfig.stderr).toBe(1);
    expect(byConfig.stderr).toMatch(/data\/crush\/crush\.db \(data directory from settings ~\/\.config\/crush\/crush\.json options\.data_directory=/);
  });

  it("what held: a person's commit (no CRUSH marker) by a process named crush with -D is unchanged, and starts no node", () => {
    const { repo, env, started } = hookedRepo();
    const home = homeWith({});
    switchedBack(join(home, 'crush-data/crush.db'));
    const before = readFileSync(started, 'utf8');
    const person = runAgent(repo, agentBin('crush'), ['-D', join(home, 'crush-data')], { ...env, HOME: home });
    expect(person.status, person.stderr).toBe(0);
    expect(person.message).toBe('feat: parser\n');
    expect(readFileSync(started, 'utf8')).toBe(before);
  });
});
