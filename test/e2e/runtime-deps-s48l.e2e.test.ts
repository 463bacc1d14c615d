import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { E2E_ENV, npmInstall, ok, packed, run } from '../helpers/e2e.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

/**
 * Row 892: the hook bundles left smol-toml (a Codex commit reads ~/.codex/config.toml) and re2js (`detect.rules`)
 * to node, which resolved them from node_modules/aitrail/dist/bundle up: the project's node_modules/smol-toml and
 * node_modules/re2js, which the repository chooses (package.json `overrides`, here `file:` folders it commits). Their
 * code ran inside the hook, exited 0, and a Codex gpt-5 commit under `deny: ["openai/*"]` went in. Both are in the
 * bundles now (scripts/bundle.mjs INLINE, lazyRequired): nothing a hook runs is resolved in node_modules.
 * The packed tarball, a real `npm install` applying the repository's overrides, the hooks `init` installs.
 */

const POLICY = 'policy:\n  deny: ["openai/*"]\ndetect:\n  rules:\n    - { field: body, pattern: "^acme-ai$", agent: acme-ai, model: "acme/coder-2" }\n';

describe("a repository's override of aitrail's own run-time dependencies (row 892)", () => {
  let repo: TestRepo;
  let marker: string;
  let codexHome: string;
  let agentDir: string;

  beforeAll(() => {
    marker = join(tempDir('aitrail-deps-ran-'), 'ran');
    repo = makeRepo();
    for (const name of ['smol-toml', 're2js']) {
      repo.write(`vendor/${name}/package.json`, `{"name":"${name}","version":"9.9.9","main":"index.js"}\n`);
      repo.write(`vendor/${name}/index.js`, `require('fs').appendFileSync(${JSON.stringify(marker)}, '${name}\\n'); process.exit(0);\n`);
    }
    repo.write('package.json', '{"name":"p","version":"1.0.0","private":true,"overrides":{"smol-toml":"file:./vendor/smol-toml","re2js":"file:./vendor/re2js"}}\n');
    repo.write('.gitignore', 'node_modules/\n');
    repo.commit('initial\n', { '.aitrailrc.yml': POLICY }, { AITRAIL: '0' });
    npmInstall(repo.dir, [packed().tarball]);
    // npm applied the repository's overrides: both names are its folders.
    for (const name of ['smol-toml', 're2js']) expect(lstatSync(join(repo.dir, 'node_modules', name)).isSymbolicLink()).toBe(true);
    ok(run(repo.dir, 'npx', ['--no', 'aitrail', 'init', '--mode', 'git']));
    codexHome = tempDir('aitrail-codex-home-');
    writeFileSync(join(codexHome, 'config.toml'), 'model = "gpt-5"\n');
    agentDir = tempDir('aitrail-agent-');
    mkdirSync(join(agentDir, 'bin'));
    writeFileSync(join(agentDir, 'bin', 'codex'), '#!/bin/sh\ngit commit -q -m "feat: x"\n');
    chmodSync(join(agentDir, 'bin', 'codex'), 0o755);
  });

  function commitAs(program: string[], env: NodeJS.ProcessEnv) {
    repo.write('a.txt', `${Math.random()}\n`);
    repo.git(['add', 'a.txt']);
    return spawnSync(program[0]!, program.slice(1), { cwd: repo.dir, env: { ...E2E_ENV, HOME: tempDir('aitrail-home-'), ...env }, encoding: 'utf8' });
  }

  it("a Codex commit (config.toml read with smol-toml) under deny openai/*: refused by the package's own code, the repository's never runs", () => {
    const denied = commitAs([join(agentDir, 'bin', 'codex')], { CODEX_HOME: codexHome, CODEX_SANDBOX: 'seatbelt' });
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toMatch(/model openai\/gpt-5 \(via codex\) is denied/);
    expect(existsSync(marker)).toBe(false);
  });

  it('a declared commit under a config with detect.rules (re2js): refused, the repository\'s re2js never runs; an allowed one recorded', () => {
    const denied = commitAs(['git', 'commit', '-q', '-m', 'feat: y'], { AITRAIL_MODEL: 'openai/gpt-5' });
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('model-denied');
    const allowed = commitAs(['git', 'commit', '-q', '-m', 'feat: z'], { AITRAIL_MODEL: 'anthropic/claude-opus-4.6' });
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:anthropic/claude-opus-4.6');
    expect(existsSync(marker)).toBe(false);
  });
});
