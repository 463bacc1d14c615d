import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { toolVersion } from '../helpers/install-cache.js';
import { commit, evilTarball, expectLocalRuns, expectLockRefused, home, lock, lockedRepo, npm, npmFree, pnpmFrozen, pnpmLockText, run, serve, type Served } from '../helpers/lock-resolved.js';
import { honestAitrail, npmFound, PNPM_PATH, pnpmFound } from '../helpers/pnpm.js';

/**
 * Row 833: a committed package-lock.json (or npm-shrinkwrap.json) whose aitrail entry says
 * `"resolved": "http://<any host>/aitrail/-/aitrail-9.9.9.tgz"` with the tarball's `integrity`, and no .npmrc at all:
 * `npm ci` (or `npm install`) fetches that server's "aitrail", npm's record calls it a registry package, and the shims,
 * init and status took it for the person's aitrail (an agent's commit declaring a denied model passed, the server's
 * script ran). A lock source is now the person's only when it is a registry's tarball of aitrail from the public
 * registry or one the person names in ~/.npmrc (aitrail_rs in src/install/shim-source.ts, registryTarball in
 * src/install/binary-reachable.ts). Real npm 11, a real HTTP server on 127.0.0.1, the real hooks init installs.
 */

const yarnFound = toolVersion('yarn').stdout?.startsWith('1.') === true;

/** A yarn.lock v1 whose aitrail entry names `resolved` (yarn's `#<sha1>` after it) and the tarball's integrity. */
function yarnLock(version: string, resolved: string, tgz: string): string {
  const bytes = readFileSync(tgz);
  const integrity = `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
  return `# yarn lockfile v1\n\n\naitrail@${version}:\n  version "${version}"\n  resolved "${resolved}#${createHash('sha1').update(bytes).digest('hex')}"\n  integrity ${integrity}\n`;
}

function yarn(repo: TestRepo, homeDir: string): void {
  const result = spawnSync('yarn', ['install', '--frozen-lockfile', '--ignore-scripts', '--non-interactive', '--cache-folder', tempDir('aitrail-yarn-cache-')], {
    cwd: repo.dir,
    env: { ...npmFree(process.env), HOME: homeDir },
    encoding: 'utf8',
  });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  expect(readFileSync(join(repo.dir, 'node_modules', '.yarn-integrity'), 'utf8')).toContain('"aitrail@');
}

let evil: Served | undefined;
let evilMarker = '';
let evilTgz = '';
let honest: Served | undefined;
let honestTgz = '';

beforeAll(async () => {
  if (!npmFound) return;
  ({ tgz: evilTgz, marker: evilMarker } = evilTarball());
  evil = await serve(evilTgz);
  honestTgz = honestAitrail(tempDir('aitrail-honest-')).tarball;
  honest = await serve(honestTgz);
});

afterAll(() => {
  evil?.stop();
  honest?.stop();
});

describe.skipIf(!npmFound)("a committed lock's resolved URL naming a server: what it served is never run as the person's aitrail", () => {
  it.each([
    // npm ci keeps the lock's URL in its record (node_modules/.package-lock.json): aitrail_np's entry.
    ['package-lock.json', 'ci', ''],
    ['npm-shrinkwrap.json', 'ci', ''],
    // omit-lockfile-registry-resolved (the person's): npm ci's record names no source, the lock in the work tree does.
    ['package-lock.json', 'ci', 'omit-lockfile-registry-resolved=true\n'],
    // npm install under it rewrites the work tree's lock without it: only HEAD's lock names the server (aitrail_nl).
    ['package-lock.json', 'install', 'omit-lockfile-registry-resolved=true\n'],
  ])('%s, npm %s, ~/.npmrc %j: refused, the global aitrail runs and refuses Qwen; init does not name it (row 833)', (file, verb, npmrc) => {
    const repo = lockedRepo('9.9.9', file, lock('9.9.9', `${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`, evilTgz));
    const homeDir = home(npmrc);
    npm(repo, homeDir, [verb]);
    // npm's record names the server unless the person's setting omits it (then the lock does).
    const record = readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8');
    if (npmrc === '') expect(record).toContain(`"resolved": "${evil!.url}/aitrail/-/aitrail-9.9.9.tgz"`);
    else expect(record).not.toContain('"resolved"');
    const env = { ...envWithAitrailOnPath(), HOME: homeDir };
    // init by the worker's CLI server (what it says is the subject, not a fresh node: ~55 ms of CPU a run saved).
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(`${init.stdout}${init.stderr}`).not.toMatch(/The hooks run node_modules\/\.bin\/aitrail/);
    const denied = commit(repo, env, 'qwen/qwen3-coder');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain(`not running node_modules/.bin/aitrail: it was installed from a source the project's ${file} names`);
    // The URL is the repository's bytes: never printed.
    expect(denied.stderr).not.toContain('127.0.0.1');
    expect(denied.stderr).toContain('model-denied');
    expect(existsSync(evilMarker)).toBe(false);
    // Alone (no aitrail on PATH): init says why, the commit is blocked, said as the lock's.
    const aloneEnv = { ...TEST_GIT_ENV, PATH: PNPM_PATH, HOME: homeDir };
    const said = aitrail(repo.dir, ['init', '--mode', 'git'], { env: aloneEnv });
    expect(`${said.stdout}${said.stderr}`).toContain(`Warning: the hooks will not run node_modules/.bin/aitrail: it was installed from a source the project's ${file} names`);
    const alone = commit(repo, aloneEnv, 'openai/gpt-5');
    expect(alone.status).not.toBe(0);
    expect(alone.stderr).toContain(`commit blocked: node_modules/.bin/aitrail was installed from a source the project's ${file} names`);
    expect(existsSync(evilMarker)).toBe(false);
  });

  it.each([
    ['/evil-aitrail/-/evil-aitrail-9.9.9.tgz'],
    // Through `..` (s49p's mutation audit: with aitrail_rp's `/`, `..` and `%` check taken out, every test passed): the
    // path starts as aitrail's own tarball's, and the URL npm fetches is another package's.
    ['/aitrail/-/aitrail-/../../evil-aitrail/-/evil-aitrail-9.9.9.tgz'],
  ])("the person's own registry named, but another package's tarball in aitrail's place (`%s`): refused", (path) => {
    const repo = lockedRepo('9.9.9', 'package-lock.json', lock('9.9.9', `${evil!.url}${path}`, evilTgz));
    const homeDir = home(`registry=${evil!.url}/\n`);
    npm(repo, homeDir, ['ci']);
    const env = { ...envWithAitrailOnPath(), HOME: homeDir };
    const denied = commit(repo, env, 'qwen/qwen3-coder');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain("not running node_modules/.bin/aitrail: it was installed from a source the project's package-lock.json names");
    expect(denied.stderr).toContain('model-denied');
    expect(existsSync(evilMarker)).toBe(false);
  });

  it.each([
    ['ci', ''],
    ['ci', 'omit-lockfile-registry-resolved=true\n'],
    ['install', 'omit-lockfile-registry-resolved=true\n'],
  ])("the person's own registry (~/.npmrc registry=) named in the lock, npm %s, %j: their aitrail runs, refuses Qwen, records GPT-5", (verb, extra) => {
    const repo = lockedRepo('1.0.0', 'package-lock.json', lock('1.0.0', `${honest!.url}/aitrail/-/aitrail-1.0.0.tgz`, honestTgz));
    const homeDir = home(`registry=${honest!.url}/\n${extra}`);
    npm(repo, homeDir, [verb]);
    expectLocalRuns(repo, homeDir);
  });

  it('the public registry named in the lock (npm fetches it from the registry the person configures: replace-registry-host): runs', () => {
    const repo = lockedRepo('1.0.0', 'package-lock.json', lock('1.0.0', 'https://registry.npmjs.org/aitrail/-/aitrail-1.0.0.tgz', honestTgz));
    // The person's registry on npm's command line only: the lock's public URL is what npm records.
    const homeDir = home('');
    npm(repo, homeDir, ['ci', '--registry', `${honest!.url}/`]);
    expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).toContain('"resolved": "https://registry.npmjs.org/aitrail/-/aitrail-1.0.0.tgz"');
    expectLocalRuns(repo, homeDir);
  });
});

describe.skipIf(!npmFound || !yarnFound)("a committed yarn.lock's resolved URL naming a server (yarn 1): the same (row 835)", () => {
  it('another server: refused, the global aitrail refuses Qwen, the server\'s script never runs; alone, init and the commit say yarn.lock', () => {
    const repo = lockedRepo('9.9.9', 'yarn.lock', yarnLock('9.9.9', `${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`, evilTgz));
    const homeDir = home('');
    yarn(repo, homeDir);
    expectLockRefused(repo, homeDir, 'yarn.lock', evilMarker);
  });

  it.each([['.yarnrc', (url: string) => `registry "${url}/"\n`], ['.npmrc', (url: string) => `registry=${url}/\n`]])(
    "the person's own registry (~/%s) named in the lock: their aitrail runs",
    (file, text) => {
      const repo = lockedRepo('1.0.0', 'yarn.lock', yarnLock('1.0.0', `${honest!.url}/aitrail/-/aitrail-1.0.0.tgz`, honestTgz));
      const homeDir = home(text(honest!.url), file);
      yarn(repo, homeDir);
      expectLocalRuns(repo, homeDir);
    },
  );
});

/** A pnpm-lock.yaml (9.0) whose aitrail entry names a `tarball` URL and its integrity. */
function pnpmLock(version: string, tarball: string, tgz: string): string {
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  return pnpmLockText(version, `aitrail@${version}`, `{integrity: ${integrity}, tarball: ${tarball}}`);
}

function pnpm(repo: TestRepo, homeDir: string): void {
  pnpmFrozen(repo, homeDir);
  expect(readFileSync(join(repo.dir, 'node_modules', '.pnpm', 'lock.yaml'), 'utf8')).toContain('tarball: ');
}

describe.skipIf(!npmFound || !pnpmFound)("a committed pnpm-lock.yaml's tarball URL naming a server (pnpm 9): the same (row 836)", () => {
  it("another server: refused, the global aitrail refuses Qwen, the server's script never runs; alone, init and the commit say pnpm-lock.yaml", () => {
    const repo = lockedRepo('9.9.9', 'pnpm-lock.yaml', pnpmLock('9.9.9', `${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`, evilTgz));
    const homeDir = home('');
    pnpm(repo, homeDir);
    expectLockRefused(repo, homeDir, 'pnpm-lock.yaml', evilMarker);
  });

  it("the person's own registry (~/.npmrc) named in the lock: their aitrail runs", () => {
    const repo = lockedRepo('1.0.0', 'pnpm-lock.yaml', pnpmLock('1.0.0', `${honest!.url}/aitrail/-/aitrail-1.0.0.tgz`, honestTgz));
    const homeDir = home(`registry=${honest!.url}/\n`);
    pnpm(repo, homeDir);
    expectLocalRuns(repo, homeDir);
  });
});
