import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { envWithAitrailOnPath } from '../helpers/cli.js';

/**
 * Node reads names at start that load or write the files they name: NODE_ICU_DATA (ICU loads its data from there
 * before its own), NODE_V8_COVERAGE (a coverage file written there at exit), NODE_COMPILE_CACHE (node 22.1+),
 * NODE_PATH, NODE_REDIRECT_WARNINGS. A committed .env an agent loads hands them to the hooks; the shims unset them
 * right before aitrail's node starts (nodeOptionsLines, src/install/node-options.ts). A run with NODE_* set is never
 * served by the test hook server (test/helpers/cli-server.cjs STARTUP): the real node starts.
 */

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const gennorm2 = spawnSync('gennorm2', ['--help']).error === undefined;

describe('node start-up names handed to the hooks never reach aitrail', () => {
  it('NODE_V8_COVERAGE into the work tree: nothing written there; Qwen refused, Claude recorded', () => {
    const repo = hooked(DENY_QWEN);
    const cov = join(repo.dir, '.cov');
    // What the name does to a node that reads it: a file written where it says.
    spawnSync(process.execPath, ['-e', '0'], { env: { ...process.env, NODE_V8_COVERAGE: join(repo.dir, '.probe') } });
    expect(readdirSync(join(repo.dir, '.probe')).length).toBeGreaterThan(0);
    const env = { ...envWithAitrailOnPath(), NODE_V8_COVERAGE: cov, NODE_REDIRECT_WARNINGS: join(repo.dir, 'warned.txt') };
    const denied = agentCommit(repo, { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('model-denied');
    const made = agentCommit(repo, { ...env, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' });
    expect(made.status, made.stderr).toBe(0);
    expect(made.message).toContain('anthropic/claude-opus-4.6');
    expect(existsSync(cov)).toBe(false);
    expect(existsSync(join(repo.dir, 'warned.txt'))).toBe(false);
  });

  it.skipIf(!gennorm2)("NODE_ICU_DATA naming the repository's ICU data: aitrail's NFKC runs on node's own; Claude recorded", () => {
    const repo = hooked(DENY_QWEN);
    const data = join(repo.dir, 'icu', `icudt${process.versions.icu!.split('.')[0]}l`);
    mkdirSync(data, { recursive: true });
    writeFileSync(join(repo.dir, 'icu', 'map.txt'), '* Unicode 15.0.0\n0071>0078\n');
    expect(spawnSync('gennorm2', ['-o', join(data, 'nfkc.nrm'), join(repo.dir, 'icu', 'map.txt')]).status).toBe(0);
    // What the planted data does to a node that reads it: its NFKC is no longer node's (this one crashes, or maps q).
    const probe = spawnSync(process.execPath, ['-p', "'qwen'.normalize('NFKC')"], { env: { ...process.env, NODE_ICU_DATA: join(repo.dir, 'icu') }, encoding: 'utf8' });
    const planted = probe.status !== 0 || probe.stdout.trim() !== 'qwen';
    const env = { ...envWithAitrailOnPath(), NODE_ICU_DATA: join(repo.dir, 'icu') };
    // A message past ASCII: aitrail reads it through NFKD/NFKC (src/core/detect/readable.ts).
    const denied = agentCommit(repo, { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' }, 'feat: parser for caf\u00e9 \uff51wen\n');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('model-denied');
    const made = agentCommit(repo, { ...env, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' }, 'feat: parser for caf\u00e9 \uff51wen\n');
    expect(made.status, made.stderr).toBe(0);
    expect(made.message).toContain('anthropic/claude-opus-4.6');
    expect(planted).toBe(true);
  });
});
