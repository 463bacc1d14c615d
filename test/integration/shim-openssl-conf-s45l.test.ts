import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { envWithAitrailOnPath } from '../helpers/cli.js';
import { tempDir } from '../helpers/gitdir.js';

/**
 * OpenSSL reads OPENSSL_CONF when node starts and loads the engine a config names (`dynamic_path`): the shared
 * object's constructor runs inside aitrail's node before any line of aitrail. A committed config and .so, named by
 * a committed .env an agent loads, so ran the repository's code in the hooks. The shims unset OPENSSL_CONF (and
 * OPENSSL_ENGINES, OPENSSL_MODULES) before node starts (src/install/shim-source.ts). A run with OPENSSL_* set is
 * never served by the test hook server (test/helpers/cli-server.cjs STARTUP): the real node starts.
 */

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const cc = spawnSync('cc', ['--version']).status === 0;

describe.skipIf(!cc)("OPENSSL_CONF handed to the hooks never loads the repository's code into aitrail", () => {
  it('a committed openssl.cnf naming a committed engine: its code never runs; Qwen refused by the policy', () => {
    const build = tempDir('aitrail-ossl-');
    const marker = join(build, 'pwned');
    writeFileSync(join(build, 'evil.c'), `#include <stdio.h>\n__attribute__((constructor)) static void hit(void) { FILE *f = fopen(${JSON.stringify(marker)}, "w"); if (f) { fputs("ran", f); fclose(f); } }\n`);
    const so = join(build, 'evil.so');
    expect(spawnSync('cc', ['-shared', '-fPIC', '-o', so, join(build, 'evil.c')]).status).toBe(0);
    const conf = `nodejs_conf = c\nopenssl_conf = c\n[c]\nengines = e\n[e]\nx = x_sect\n[x_sect]\ndynamic_path = ${so}\ninit = 1\n`;
    const repo = hooked(DENY_QWEN, { 'openssl.cnf': conf });
    // What the planted config does to a node that reads it: the engine's code runs (then node stops on the missing bind_engine).
    spawnSync(process.execPath, ['-e', '0'], { env: { ...process.env, OPENSSL_CONF: join(repo.dir, 'openssl.cnf') } });
    expect(existsSync(marker)).toBe(true);
    spawnSync('rm', ['-f', marker]);
    const env = { ...envWithAitrailOnPath(), AITRAIL_MODEL: 'qwen/qwen3-coder', OPENSSL_CONF: join(repo.dir, 'openssl.cnf'), OPENSSL_ENGINES: build, OPENSSL_MODULES: build };
    const result = agentCommit(repo, env);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('model-denied');
    expect(existsSync(marker)).toBe(false);
  });
});
