// Crush looks for its project files (`.crush.json`, `crush.json`) from the directory it runs in up
// to the git work tree's top, the nearest merged last (charmbracelet/crush `internal/config/load.go`
// `lookupConfigs`, `fsext.LookupBounded` to `projectBoundary`). aitrail read only the top's: Crush
// started in `packages/app`, whose `crush.json` names qwen/qwen3-coder on OpenRouter, committed as
// the top's Claude and passed deny qwen/*. Committed for real through the installed hooks, by a
// process named crush running in that directory.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin } from '../helpers/fake-agent.js';
import { hookEnv } from '../helpers/hooks.js';
import type { TestRepo } from '../helpers/gitdir.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const TOP = { 'crush.json': '{"models": {"large": {"model": "claude-sonnet-4-5-20250929", "provider": "anthropic"}}}\n' };
const APP = '{"models": {"large": {"model": "qwen/qwen3-coder", "provider": "openrouter"}}}\n';

function crushEnv(home: string): NodeJS.ProcessEnv {
  return hookEnv({ HOME: home, XDG_CONFIG_HOME: undefined, XDG_DATA_HOME: undefined, CRUSH_GLOBAL_CONFIG: undefined, CRUSH_GLOBAL_DATA: undefined, CRUSH: '1', AGENT: 'crush', AI_AGENT: 'crush' });
}

/** A process named crush, run in `dir` of the repository, commits a staged change. */
function crushIn(repo: TestRepo, dir: string) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const run = spawnSync(agentBin('crush'), [], { cwd: join(repo.dir, dir), env: { ...crushEnv(homeWith({})), MESSAGE: 'feat: parser\n' }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

describe('Crush started in a subdirectory of the work tree', () => {
  it("the subdirectory's crush.json naming qwen/qwen3-coder is refused under deny qwen/*; run at the top, the top's Claude passes", () => {
    const repo = hooked(DENY, TOP);
    repo.commit('chore: app config\n', { 'packages/app/crush.json': APP }, { AITRAIL: '0' });
    const below = crushIn(repo, 'packages/app');
    expect(below.status, below.stderr).toBe(1);
    expect(below.stderr).toMatch(/qwen\/qwen3-coder \(via crush\) is denied/);
    expect(below.stderr).toContain('settings packages/app/crush.json models.large.model="qwen/qwen3-coder"');

    const top = crushIn(repo, '.');
    expect(top.status, top.stderr).toBe(0);
  });
});
