import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tempDir } from '../helpers/gitdir.js';
import { evilRegistry, expectHonestRun, honestAitrail, npmFound, npmInstall } from '../helpers/pnpm.js';

/**
 * A committed `.npmrc` saying `registry=` (or `.yarnrc`'s `registry`, `.yarnrc.yml`'s `npmRegistryServer`) points
 * the install of `"aitrail": "^9.9.9"` at a server the repository chose: npm records a registry install (no
 * `resolved` under `omit-lockfile-registry-resolved`, else the server's URL), and the shims, `init` and `status`
 * took what that server served for the person's aitrail. A candidate under a node_modules whose project names a
 * registry other than the public one is now the repository's (aitrail_rg in src/install/shim-source.ts,
 * registryChosen in src/install/binary-reachable.ts). The server here is a real HTTP registry on 127.0.0.1
 * (a packument and a tarball), npm the real one.
 */

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
let registry: Awaited<ReturnType<typeof evilRegistry>> | undefined;
let port = 0;
let marker = '';

beforeAll(async () => {
  if (!npmFound) return;
  registry = await evilRegistry();
  port = Number(new URL(registry.url).port);
  marker = registry.marker;
});

afterAll(() => {
  registry?.stop();
});

describe.skipIf(!npmFound)("a registry the repository names: what it served is never run as the person's aitrail", () => {
  it.each([
    ['.npmrc', (p: number) => `save-exact=true\nregistry=http://127.0.0.1:${p}/\n`],
    ['.yarnrc.yml', (p: number) => `npmRegistryServer: "http://127.0.0.1:${p}"\n`],
  ])('%s naming the registry: refused, the global aitrail runs and refuses Qwen; init does not name it', (name, text) => {
    const files: Record<string, string> = {
      'package.json': '{"name":"p","version":"1.0.0","devDependencies":{"aitrail":"^9.9.9"}}\n',
      '.gitignore': 'node_modules\n',
      [name]: text(port),
    };
    const repo = hooked(DENY_QWEN, files);
    // The server named on npm's command line too: the file under test is the only one in the work tree naming it.
    const install = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--registry', `http://127.0.0.1:${port}/`, '--cache', tempDir('aitrail-npm-cache-')], {
      cwd: repo.dir,
      env: { ...process.env, npm_config_update_notifier: 'false' },
      encoding: 'utf8',
    });
    expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);
    expect(existsSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'))).toBe(true);
    const env = envWithAitrailOnPath();
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(`${init.stdout}${init.stderr}`).not.toMatch(/The hooks run node_modules\/\.bin\/aitrail/);
    const denied = agentCommit(repo, { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(denied.status).not.toBe(0);
    // Said as it is, with the way out (row 803): the same registry in the person's own ~/<file>.
    expect(denied.stderr).toContain(`not running node_modules/.bin/aitrail: it was installed from the registry the project's ${name} names`);
    expect(denied.stderr).toContain('model-denied');
    expect(existsSync(marker)).toBe(false);
  });

  it("an alias in the committed package.json (`\"aitrail\": \"npm:evil-aitrail@9.9.9\"`) from the person's own registry: refused", () => {
    const repo = hooked(DENY_QWEN, {
      'package.json': '{"name":"p","version":"1.0.0","devDependencies":{"aitrail":"npm:evil-aitrail@9.9.9"}}\n',
      '.gitignore': 'node_modules\n',
    });
    // The registry named on npm's command line, as the person's own configuration would: no file in the work tree names it.
    const install = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--registry', `http://127.0.0.1:${port}/`, '--cache', tempDir('aitrail-npm-cache-')], {
      cwd: repo.dir,
      env: { ...process.env, npm_config_update_notifier: 'false' },
      encoding: 'utf8',
    });
    expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);
    const env = envWithAitrailOnPath();
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(`${init.stdout}${init.stderr}`).not.toMatch(/The hooks run node_modules\/\.bin\/aitrail/);
    const denied = agentCommit(repo, { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toMatch(/node_modules\/\.bin\/aitrail: it comes from the repository/);
    expect(denied.stderr).toContain('model-denied');
    expect(existsSync(marker)).toBe(false);
  });

  it("the public registry named, or other settings only: the person's aitrail from a tarball outside still runs", () => {
    const { tarball } = honestAitrail(tempDir('aitrail-honest-'));
    const repo = hooked(DENY_QWEN, {
      'package.json': `{"name":"p","version":"1.0.0","devDependencies":{"aitrail":"file:${tarball}"}}\n`,
      '.npmrc': 'registry = "https://registry.npmjs.org/"\nengine-strict=true\n@corp:registry=http://127.0.0.1:1/\n',
      '.gitignore': 'node_modules\n',
    });
    npmInstall(repo.dir);
    expectHonestRun(repo);
  });
});
