import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { aitrail, BIN } from '../helpers/cli.js';
import { TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { evilRegistry, honestAitrail, npmFound, npmInstall, PNPM_PATH } from '../helpers/pnpm.js';

/**
 * Row 812: 805 read the lines of a project's `.npmrc` that say `registry` (or hold a backslash), split at line
 * feeds. npm reads more: its ini splits lines at a carriage return too, trims a key as JavaScript does (a BOM, a
 * no-break space), fills `${VAR?}` in a key (empty when unset), and reads the file a project's `userconfig=`,
 * `globalconfig=` (or `prefix=`: `<prefix>/etc/npmrc`) names as the person's own config. Each is replayed here with the
 * real npm: the committed file is the only thing naming the server (`npm install` gets no `--registry`), npm fetches the
 * server's "aitrail", and the hooks must pass it over for the person's global aitrail.
 */

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';

function run(repo: TestRepo, env: NodeJS.ProcessEnv, args: string[]) {
  return spawnSync(args[0]!, args.slice(1), { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: PNPM_PATH, ...env }, encoding: 'utf8' });
}

function commit(repo: TestRepo, env: NodeJS.ProcessEnv, model: string) {
  repo.write('a.txt', `${Math.random()}\n`);
  repo.git(['add', 'a.txt']);
  return run(repo, { ...env, AITRAIL_MODEL: model }, ['git', 'commit', '-q', '-m', 'AI change']);
}

describe.skipIf(!npmFound)("a committed .npmrc naming the registry in a way npm reads and 805 did not", () => {
  // One server for the file's six forms (each case's npm still fetches from it): a node server and a tar a case
  // saved. Its marker removed before each case, so that each judges only whether its own run ran the server's script.
  let server: Awaited<ReturnType<typeof evilRegistry>> | undefined;
  beforeAll(async () => {
    server = await evilRegistry();
  });
  beforeEach(() => rmSync(server!.marker, { force: true }));
  afterAll(() => server?.stop());

  it.each([
    ['a carriage return inside a line', (url: string) => `engine-strict=true\rregistry=${url}\n`, {}],
    ['a BOM before the key', (url: string) => `\ufeffregistry=${url}\n`, {}],
    ['a no-break space before the key', (url: string) => `\u00a0registry=${url}\n`, {}],
    ['${VAR?} inside the key', (url: string) => `reg\${AITRAIL_S46P_UNSET?}istry=${url}\n`, {}],
    ['userconfig= a committed file', () => 'userconfig=npm/config\n', { 'npm/config': (url: string) => `registry=${url}\n` }],
    ['globalconfig= a committed file', () => 'globalconfig=npm/config\n', { 'npm/config': (url: string) => `registry=${url}\n` }],
  ] as const)('%s: npm installs the server\'s aitrail; the hooks pass it over, the global runs; init does not name it', (_label, npmrc, more) => {
    const { url, marker } = server!;
    const files: Record<string, string> = {
      'package.json': '{"name":"p","version":"1.0.0","devDependencies":{"aitrail":"^9.9.9"}}\n',
      '.gitignore': 'node_modules\n',
      '.npmrc': npmrc(url),
    };
    for (const [path, text] of Object.entries(more)) files[path] = (text as (u: string) => string)(url);
    const repo = hooked(DENY_QWEN, files);
    const install = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--cache', tempDir('aitrail-npm-cache-')], {
      cwd: repo.dir,
      // npx/npm run put npm_config_userconfig (and others) in the environment, which outranks the project's file.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k))), npm_config_update_notifier: 'false' },
      encoding: 'utf8',
    });
    expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);
    // The server's package is what npm installed: the file alone named it.
    expect(JSON.parse(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).version).toBe('9.9.9');
    const global = tempDir('aitrail-global-');
    symlinkSync(BIN, join(global, 'aitrail'));
    const home = tempDir('aitrail-home-');
    const env = { HOME: home, PATH: `${global}:${PNPM_PATH}` };
    // init by the worker's CLI server (what it says is the subject, not a fresh node: ~55 ms of CPU a run saved).
    const said = aitrail(repo.dir, ['init', '--mode', 'git'], { env: { PATH: PNPM_PATH, ...env } });
    expect(`${said.stdout}${said.stderr}`).not.toMatch(/The hooks run node_modules\/\.bin\/aitrail/);
    const denied = commit(repo, env, 'qwen/qwen3-coder');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain("not running node_modules/.bin/aitrail: it was installed from the registry the project's .npmrc names");
    expect(denied.stderr).toContain('model-denied');
    expect(existsSync(marker)).toBe(false);
  });

  it('honest files: CRLF lines naming the public registry, a `//${HOST}/:` token, comments (one not ASCII), tag-version-prefix: the node_modules aitrail runs', () => {
    const { tarball } = honestAitrail(tempDir('aitrail-honest-'));
    const repo = hooked(DENY_QWEN, {
      'package.json': `{"name":"p","version":"1.0.0","devDependencies":{"aitrail":"file:${tarball}"}}\n`,
      '.npmrc':
        'registry=https://registry.npmjs.org/\r\n//${NPM_HOST}/:_authToken=${NPM_TOKEN}\r\n# Registry f\u00fcr die Firma: userconfig bleibt\r\n; prefix=\u00a0x\r\ntag-version-prefix=v\r\n',
      '.yarnrc': 'registry "https://registry.yarnpkg.com"\r\n"@corp:registry" "https://npm.corp.example"\r\n',
      '.gitignore': 'node_modules\n',
    });
    npmInstall(repo.dir);
    const env = { HOME: tempDir('aitrail-home-') };
    const said = aitrail(repo.dir, ['init', '--mode', 'git'], { env: { PATH: PNPM_PATH, ...env } });
    expect(`${said.stdout}${said.stderr}`).toContain('The hooks run node_modules/.bin/aitrail.');
    const allowed = commit(repo, env, 'openai/gpt-5');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });
});

/**
 * Row 813: 805 judged a nested project's node_modules by its own files and the top's; yarn 2+ reads every
 * `.yarnrc.yml` up from the project (npm and pnpm a workspace root's `.npmrc`), so a folder between them (`apps/` for
 * `apps/web`) names the registry as well. Built as y's nested case: npm installs the honest tarball, the file names
 * a registry, packageDir recorded by an init run before.
 */
describe.skipIf(!npmFound)('a nested project: the folders between it and the top count too', () => {
  it("apps/.yarnrc.yml names a registry: apps/web/node_modules/.bin/aitrail refused, said as such; init does not name it", () => {
    const { tarball } = honestAitrail(tempDir('aitrail-honest-'));
    const repo = hooked(DENY_QWEN, {
      'apps/.yarnrc.yml': 'npmRegistryServer: "http://127.0.0.1:1/"\n',
      'apps/web/package.json': `{"name":"web","version":"1.0.0","devDependencies":{"aitrail":"file:${tarball}"}}\n`,
      '.gitignore': 'node_modules\n',
    });
    npmInstall(join(repo.dir, 'apps', 'web'));
    const env = { HOME: tempDir('aitrail-home-') };
    const inWeb = aitrail(join(repo.dir, 'apps', 'web'), ['init', '--mode', 'git'], { env: { PATH: PNPM_PATH, ...env } });
    expect(`${inWeb.stdout}${inWeb.stderr}`).not.toMatch(/The hooks run apps\/web\/node_modules/);
    repo.git(['config', 'aitrail.packageDir', 'apps/web']);
    const head = repo.git(['rev-parse', 'HEAD']);
    const result = commit(repo, env, 'openai/gpt-5');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("apps/web/node_modules/.bin/aitrail was installed from the registry the project's .yarnrc.yml names");
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('the same with the registry named in a folder beside it (apps/other/.yarnrc.yml): runs, judged and recorded', () => {
    const { tarball } = honestAitrail(tempDir('aitrail-honest-'));
    const repo = hooked(DENY_QWEN, {
      'apps/other/.yarnrc.yml': 'npmRegistryServer: "http://127.0.0.1:1/"\n',
      'apps/web/package.json': `{"name":"web","version":"1.0.0","devDependencies":{"aitrail":"file:${tarball}"}}\n`,
      '.gitignore': 'node_modules\n',
    });
    npmInstall(join(repo.dir, 'apps', 'web'));
    repo.git(['config', 'aitrail.packageDir', 'apps/web']);
    const allowed = commit(repo, { HOME: tempDir('aitrail-home-') }, 'openai/gpt-5');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });
});
