// Mistral Vibe uses the nearest `.vibe/config.toml` from its working directory up, in place of the
// person's `~/.vibe/config.toml` (not merged), when its folder trust (`~/.vibe/trusted_folders.toml`,
// the closest listed ancestor of that `.vibe`) says so. aitrail read the person's file only: a trusted
// project's `active_model` naming Qwen committed as the person's Devstral and passed deny qwen/*.
// Committed for real through the installed hooks by a process named `vibe` running in that directory.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hooked, homeWith } from '../helpers/agent-home.js';
import { agentBin } from '../helpers/fake-agent.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { hookEnv, messageOf } from '../helpers/hooks.js';

const DENY = 'policy:\n  deny: ["qwen/*"]\n';
const PERSON = 'active_model = "devstral"\n\n[[models]]\nname = "devstral-2512"\nprovider = "mistral"\nalias = "devstral"\n';
const PROJECT = 'active_model = "coder"\n\n[[models]]\nname = "qwen/qwen3-coder"\nprovider = "openrouter"\nalias = "coder"\n';

/** `vibe` started in `dir` of the repository commits a staged change. */
function vibeIn(repo: TestRepo, dir: string, trust: string) {
  repo.write('src/parser.ts', `export const n = ${Math.random()};\n`);
  repo.git(['add', 'src/parser.ts']);
  const env = hookEnv({ HOME: homeWith({ '.vibe/config.toml': PERSON, '.vibe/trusted_folders.toml': trust }), AI_AGENT: 'mistral-vibe' });
  const run = spawnSync(agentBin('vibe'), [], { cwd: join(repo.dir, dir), env: { ...env, MESSAGE: 'feat: parser\n' }, encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr, message: run.status === 0 ? messageOf(repo.dir) : '' };
}

describe("Mistral Vibe's project config (.vibe/config.toml, when trusted)", () => {
  it('the nearest trusted one from the directory it runs in is read in place of the person’s; an untrusted one is not', () => {
    const repo = hooked(DENY);
    repo.commit('chore: app config\n', { 'packages/app/.vibe/config.toml': PROJECT }, { AITRAIL: '0' });
    const top = realpathSync(repo.dir);
    const trustTop = `trusted = [${JSON.stringify(top)}]\nuntrusted = []\n`;

    const refused = vibeIn(repo, 'packages/app', trustTop);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toMatch(/qwen\/qwen3-coder \(via mistral-vibe\) is denied/);
    expect(refused.stderr).toContain('settings packages/app/.vibe/config.toml active_model="coder" name="qwen/qwen3-coder"');

    // Its directory marked untrusted (closer than the top's trust): the person's file, as Vibe does.
    const untrusted = vibeIn(repo, 'packages/app', `trusted = [${JSON.stringify(top)}]\nuntrusted = [${JSON.stringify(join(top, 'packages/app'))}]\n`);
    expect(untrusted.status, untrusted.stderr).toBe(0);
    expect(untrusted.message).toBe('feat: parser\n\nAssisted-by: mistral-vibe:mistralai/devstral-2512\n');
    // Trusted nowhere: the person's.
    expect(vibeIn(repo, 'packages/app', 'trusted = []\nuntrusted = []\n').status).toBe(0);
    // Started at the top, no project config there: the person's.
    expect(vibeIn(repo, '.', trustTop).status).toBe(0);
  });

  it("the top's trusted .vibe/config.toml, for Vibe at the top", () => {
    const repo = hooked(DENY, { '.vibe/config.toml': PROJECT });
    const refused = vibeIn(repo, '.', `trusted = [${JSON.stringify(realpathSync(repo.dir))}]\n`);
    expect(refused.status, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('settings .vibe/config.toml active_model="coder"');
  });
});
