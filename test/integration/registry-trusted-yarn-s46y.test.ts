import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentCommit, hooked } from '../helpers/agent-home.js';
import { aitrail, BIN } from '../helpers/cli.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { evilRegistry, honestAitrail, hookedInstalled, npmFound, npmInstall, PNPM_PATH } from '../helpers/pnpm.js';

/**
 * Row 803: 790 made an aitrail under a node_modules whose project's `.npmrc`/`.yarnrc`/`.yarnrc.yml` names a
 * registry other than the public one the repository's. A company committing its mirror there (`registry=` an
 * Artifactory) is the honest case: every agent's commit was blocked, said as "git tracks it or files under
 * node_modules", with no way out but a global install. The same registry named in the person's own ~/.npmrc
 * (~/.yarnrc, ~/.yarnrc.yml: outside every repository) is theirs too (aitrail_rt, registryChosen); the message names
 * that way out. Row 804: yarn 2+'s PATH wrapper (`yarn run commit`) was the only aitrail looked at: PATH's next
 * one (the person's global install) runs after it; alone, it is refused with a message that says what it is.
 */

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const MIRROR = 'https://artifactory.corp.example/api/npm/npm-virtual/';

/** npm installed the honest tarball under the committed mirror (once per file, copied: hookedInstalled). */
function corpRepo(): TestRepo {
  return hookedInstalled(DENY_QWEN, (tarball) => ({
    'package.json': `{"name":"p","version":"1.0.0","devDependencies":{"aitrail":"file:${tarball}"}}\n`,
    '.npmrc': `registry=${MIRROR}\nalways-auth=true\n`,
    '.gitignore': 'node_modules\n',
  }));
}

/** A HOME of its own whose ~/.npmrc says `npmrc` (none when undefined). */
function home(npmrc?: string): string {
  const dir = tempDir('aitrail-home-');
  if (npmrc !== undefined) writeFileSync(join(dir, '.npmrc'), npmrc);
  return dir;
}

function run(repo: TestRepo, env: NodeJS.ProcessEnv, args: string[]) {
  return spawnSync(args[0]!, args.slice(1), { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: PNPM_PATH, ...env }, encoding: 'utf8' });
}

/** `aitrail init --mode git`, by the worker's CLI server (what it says is the subject, not a fresh node: ~55 ms of CPU a run saved). */
function init(repo: TestRepo, env: NodeJS.ProcessEnv): string {
  const result = aitrail(repo.dir, ['init', '--mode', 'git'], { env: { PATH: PNPM_PATH, ...env } });
  return `${result.stdout}${result.stderr}`;
}

function commit(repo: TestRepo, env: NodeJS.ProcessEnv, model: string) {
  repo.write('a.txt', `${Math.random()}\n`);
  repo.git(['add', 'a.txt']);
  return run(repo, { ...env, AITRAIL_MODEL: model }, ['git', 'commit', '-q', '-m', 'AI change']);
}

function expectRegistryRefused(repo: TestRepo, env: NodeJS.ProcessEnv): void {
  const head = repo.git(['rev-parse', 'HEAD']);
  const result = commit(repo, env, 'openai/gpt-5');
  expect(result.status).not.toBe(0);
  expect(result.stderr).toContain("commit blocked: node_modules/.bin/aitrail was installed from the registry the project's .npmrc names");
  expect(result.stderr).toContain('name it in your own ~/.npmrc as well');
  expect(result.stderr).not.toMatch(/git tracks it/);
  expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  const said = init(repo, env);
  expect(said).toMatch(/the hooks will not run node_modules\/\.bin\/aitrail: it was installed from the registry the project's \.npmrc names/);
  expect(said).not.toMatch(/npm i -D aitrail/);
}

describe.skipIf(!npmFound)("a company mirror in the committed .npmrc: the person's own ~/.npmrc naming it is the way out", () => {
  it('no ~/.npmrc: refused, and said as it is (the registry, the file, the way out)', () => {
    expectRegistryRefused(corpRepo(), { HOME: home() });
  });

  it('the same mirror in ~/.npmrc (spelled with quotes, spaces, no trailing /, or as a scope\'s): runs, judged and recorded', () => {
    const repo = corpRepo();
    for (const npmrc of [`registry = "${MIRROR.slice(0, -1)}"\n//artifactory.corp.example/:_authToken=x\n`, `@corp:registry=${MIRROR}\n`]) {
      const env = { HOME: home(npmrc) };
      expect(init(repo, env)).toContain('The hooks run node_modules/.bin/aitrail.');
      const denied = commit(repo, env, 'qwen/qwen3-coder');
      expect(denied.status).not.toBe(0);
      expect(denied.stderr).toContain('model-denied');
      expect(denied.stderr).not.toMatch(/installed from the registry|comes from the repository/);
      const allowed = commit(repo, env, 'openai/gpt-5');
      expect(allowed.status, allowed.stderr).toBe(0);
      expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    }
  });

  it('another registry in ~/.npmrc, a HOME in the work tree, ~/.npmrc a link to the project\'s, a second registry line: still refused', () => {
    const repo = corpRepo();
    expectRegistryRefused(repo, { HOME: home('registry=https://artifactory.corp.example/api/npm/other/\n') });
    // A HOME a committed .env points into the work tree: its .npmrc is the repository's.
    mkdirSync(join(repo.dir, 'h'));
    writeFileSync(join(repo.dir, 'h', '.npmrc'), `registry=${MIRROR}\n`);
    expectRegistryRefused(repo, { HOME: join(repo.dir, 'h') });
    const linked = home();
    symlinkSync(join(repo.dir, '.npmrc'), join(linked, '.npmrc'));
    expectRegistryRefused(repo, { HOME: linked });
    writeFileSync(join(repo.dir, '.npmrc'), `registry=${MIRROR}\nregistry=http://127.0.0.1:1/\n`);
    expectRegistryRefused(repo, { HOME: home(`registry=${MIRROR}\n`) });
  });

  it("with the person's global aitrail on PATH: that one runs, the skipped one said as it is", () => {
    const repo = corpRepo();
    const global = tempDir('aitrail-global-');
    symlinkSync(BIN, join(global, 'aitrail'));
    const result = agentCommit(repo, { ...TEST_GIT_ENV, HOME: home(), PATH: `${global}:${PNPM_PATH}`, AITRAIL_MODEL: 'openai/gpt-5' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("not running node_modules/.bin/aitrail: it was installed from the registry the project's .npmrc names");
  });
});

/** A wrapper exactly as yarn 4.18.1's `yarn run` writes it (makePathWrapper), for a script in a Plug'n'Play cache zip. */
function zipWrapper(): string {
  const cache = tempDir('aitrail-berry-cache-');
  const script = join(cache, 'aitrail-npm-1.0.0-d965aa2b7b-10c0.zip', 'node_modules', 'aitrail', 'bin', 'aitrail.js');
  mkdirSync(dirname(script), { recursive: true });
  writeFileSync(script, `require(${JSON.stringify(BIN)});\n`);
  const dir = tempDir('xfs-');
  writeFileSync(join(dir, 'aitrail'), `#!/bin/sh\nexec "${process.execPath}" '${script}' "$@"\n`, { mode: 0o755 });
  return dir;
}

describe("yarn Plug'n'Play: `yarn run commit` with aitrail a registry devDependency", () => {
  it("the person's global aitrail after yarn's wrapper: it runs, judges and records; init names it", () => {
    const repo = hooked(DENY_QWEN, { '.yarnrc.yml': 'nodeLinker: pnp\n' });
    const global = tempDir('aitrail-global-');
    symlinkSync(BIN, join(global, 'aitrail'));
    const env = { PATH: `${zipWrapper()}:${global}:${PNPM_PATH}` };
    expect(init(repo, env)).toContain(`The hooks run ${join(global, 'aitrail')}.`);
    const denied = commit(repo, env, 'qwen/qwen3-coder');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain('model-denied');
    const allowed = commit(repo, env, 'openai/gpt-5');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });

  it('no other aitrail on PATH: refused, said as yarn\'s wrapper into a zip; init says the same', () => {
    const repo = hooked(DENY_QWEN, { '.yarnrc.yml': 'nodeLinker: pnp\n' });
    const env = { PATH: `${zipWrapper()}:${PNPM_PATH}` };
    const result = commit(repo, env, 'openai/gpt-5');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/commit blocked: \/.*\/aitrail is yarn's wrapper \(yarn run, yarn exec\) for the project's aitrail: its script lies in yarn's Plug'n'Play zip/);
    expect(result.stderr).not.toMatch(/Cannot find module|comes from the repository/);
    expect(init(repo, env)).toMatch(/the hooks will not find an aitrail they can run: yarn's wrapper/);
  });
});

/**
 * Row 805: 790 read a project file's registry only in its plain form (`registry=` at a line's start,
 * `npmRegistryServer:`): npm's ini takes a quoted key as JSON (`"\u0072egistry"=`, replayed: `npm config get
 * registry` answers the server), yarn 4 reads `.yarnrc.yml` as YAML (`{npmRegistryServer: …}`, `"npm\x52egistryServer":`,
 * `? npmRegistryServer`, replayed: `yarn install` fetched from the server), yarn 1 takes `--registry` argument lines in
 * `.yarnrc`: what the server served ran as the person's aitrail. Each such file is the repository's now. The server
 * here is a real HTTP registry on 127.0.0.1, npm the real one (the server named on its command line too, so that one
 * install serves every spelling; the file under test is the only one in the work tree naming it).
 */
describe.skipIf(!npmFound)('a registry named in a form 790 did not read: the repository\'s', () => {
  // One server and one npm install for every spelling (session 52, review b: npm's install was most of each case's CPU):
  // npm takes the server from its command line, so what it installs and records is the same whatever the file says.
  // The spelled file is then committed into a copy of that repository (no hook runs), the install left as npm made it.
  let evil: Awaited<ReturnType<typeof evilRegistry>> | undefined;
  beforeAll(async () => {
    evil = await evilRegistry();
  });
  afterAll(() => evil?.stop());
  const installed = (url: string) =>
    copiedRepo(`s46y evil install ${url}`, () => {
      const repo = hooked(DENY_QWEN, { 'package.json': '{"name":"p","version":"1.0.0","devDependencies":{"aitrail":"^9.9.9"}}\n', '.gitignore': 'node_modules\n' });
      const install = spawnSync('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--registry', url, '--cache', tempDir('aitrail-npm-cache-')], {
        cwd: repo.dir,
        env: { ...process.env, npm_config_update_notifier: 'false' },
        encoding: 'utf8',
      });
      expect(install.status, `${install.stdout}${install.stderr}`).toBe(0);
      return repo;
    });

  it.each([
    ['.npmrc', 'a JSON-escaped key', (url: string) => `"\\u0072egistry"=${url}\n`],
    ['.npmrc', 'registry[]=', (url: string) => `registry[]=${url}\n`],
    ['.yarnrc.yml', 'a flow mapping', (url: string) => `{npmRegistryServer: "${url}", nodeLinker: node-modules}\n`],
    ['.yarnrc.yml', 'an escaped key', (url: string) => `"npm\\x52egistryServer": "${url}"\n`],
    ['.yarnrc.yml', 'an explicit key', (url: string) => `? npmRegistryServer\n: "${url}"\n`],
    ['.yarnrc', '--registry', (url: string) => `--registry "${url}"\n`],
    ['.yarnrc', '--install.registry', (url: string) => `--install.registry "${url}"\n`],
  ])('%s with %s: refused, the global aitrail runs and refuses Qwen; init does not name it', (name, _label, text) => {
    const { url, marker } = evil!;
    const repo = installed(url);
    expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).toContain('"9.9.9"');
    repo.write(name, text(url));
    repo.git(['add', name]);
    repo.git(['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '-m', `chore: ${name}`]);
    expect(repo.git(['status', '--porcelain'])).toBe('?? package-lock.json');
    const global = tempDir('aitrail-global-');
    symlinkSync(BIN, join(global, 'aitrail'));
    const env = { HOME: home(), PATH: `${global}:${PNPM_PATH}` };
    expect(init(repo, env)).not.toMatch(/The hooks run node_modules\/\.bin\/aitrail/);
    const denied = commit(repo, env, 'qwen/qwen3-coder');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain(`not running node_modules/.bin/aitrail: it was installed from the registry the project's ${name} names`);
    expect(denied.stderr).toContain('model-denied');
    expect(existsSync(marker)).toBe(false);
  });

  it("honest files that mention a registry otherwise (a scope's, an auth line, a comment, a Windows path): the node_modules aitrail runs", () => {
    const { tarball } = honestAitrail(tempDir('aitrail-honest-'));
    const repo = hooked(DENY_QWEN, {
      'package.json': `{"name":"p","version":"1.0.0","devDependencies":{"aitrail":"file:${tarball}"}}\n`,
      '.npmrc': '@corp:registry=https://npm.corp.example/\n//npm.corp.example/:_authToken=${NPM_TOKEN}\nscript-shell=C:\\\\Program Files\\\\git\\\\bin\\\\bash.exe\n; registry=http://old/\n',
      '.yarnrc.yml': '# npmRegistryServer: "http://old"\nnodeLinker: node-modules\nnpmRegistryServer: "https://registry.yarnpkg.com"\n',
      '.gitignore': 'node_modules\n',
    });
    npmInstall(repo.dir);
    const env = { HOME: home() };
    expect(init(repo, env)).toContain('The hooks run node_modules/.bin/aitrail.');
    const allowed = commit(repo, env, 'openai/gpt-5');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  });
});

describe.skipIf(!npmFound)("a nested project: the top's files count too", () => {
  it("the top's .yarnrc.yml names a registry (yarn 2+ reads every one up from web/): web/node_modules/.bin/aitrail refused", () => {
    const { tarball } = honestAitrail(tempDir('aitrail-honest-'));
    const repo = hooked(DENY_QWEN, {
      '.yarnrc.yml': 'npmRegistryServer: "http://127.0.0.1:1/"\n',
      'web/package.json': `{"name":"web","version":"1.0.0","devDependencies":{"aitrail":"file:${tarball}"}}\n`,
      '.gitignore': 'node_modules\n',
    });
    npmInstall(join(repo.dir, 'web'));
    const env = { HOME: home() };
    const inWeb = aitrail(join(repo.dir, 'web'), ['init', '--mode', 'git'], { env: { PATH: PNPM_PATH, ...env } });
    expect(`${inWeb.stdout}${inWeb.stderr}`).not.toMatch(/The hooks run web\/node_modules/);
    // As recorded by an init run before the top's file named the registry.
    repo.git(['config', 'aitrail.packageDir', 'web']);
    const head = repo.git(['rev-parse', 'HEAD']);
    const result = commit(repo, env, 'openai/gpt-5');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("web/node_modules/.bin/aitrail was installed from the registry the project's .yarnrc.yml names");
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  });
});
