import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { bunFound, bunInstall, bunServers, warnWithoutBun } from '../helpers/bun.js';
import { TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { DENY_QWEN, evilTarball, expectLocalRuns, expectLockRefused, home, lockedRepo, PACKAGE_JSON, pnpmFrozen, pnpmLockText, serve, serveRegistry, type Served } from '../helpers/lock-resolved.js';
import { honestAitrail, npmFound, PNPM_PATH, pnpmFound } from '../helpers/pnpm.js';
import { serveOverHttp, type SmartHttp } from '../helpers/smart-http.js';

/**
 * Row 871: a committed pnpm-lock.yaml whose aitrail entry is a git source,
 * `resolution: {commit: <sha>, repo: http://<any host>/evil.git, type: git}`: `pnpm install --frozen-lockfile`
 * clones that repository and links its "aitrail" as node_modules/.bin/aitrail; row 836 judged only `tarball:`
 * and folders, so the shims, init and status took it for the person's (init said "The hooks run
 * node_modules/.bin/aitrail", a Qwen commit under `deny: ["qwen/*"]` passed with the repository's script).
 * A git (or any other non-folder `type:`) resolution for the package is now the repository's (aitrail_pn in
 * src/install/shim-source.ts, pnpmFromRepository in src/install/binary-reachable.ts). Real pnpm 9, a real
 * smart-HTTP git server on 127.0.0.1, the real hooks init installs.
 */

let gitServer: SmartHttp | undefined;
let commit = '';
let evilMarker = '';
let honest: Served | undefined;
let honestTgz = '';
let honestFolder = '';

beforeAll(async () => {
  if (!npmFound || !pnpmFound) return;
  // The evil package (a bin writing the marker and exiting 0) committed in a repository of its own, served over smart HTTP.
  const { tgz, marker } = evilTarball();
  evilMarker = marker;
  const folder = join(dirname(tgz), 'package');
  const git = (args: string[], cwd: string) => {
    const result = spawnSync('git', args, { cwd, env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return result.stdout.trim();
  };
  git(['init', '-q'], folder);
  git(['add', '.'], folder);
  git(['commit', '-q', '-m', 'aitrail'], folder);
  commit = git(['rev-parse', 'HEAD'], folder);
  const bare = join(tempDir('aitrail-evil-git-'), 'evil.git');
  git(['clone', '-q', '--bare', folder, bare], folder);
  gitServer = await serveOverHttp(bare);
  ({ tarball: honestTgz, folder: honestFolder } = honestAitrail(tempDir('aitrail-honest-')));
  honest = await serve(honestTgz);
});

afterAll(() => {
  gitServer?.stop();
  honest?.stop();
});

describe.skipIf(!npmFound || !pnpmFound)("a committed pnpm-lock.yaml's git resolution for aitrail (pnpm 9, row 871)", () => {
  it("a git server's aitrail: refused, the global aitrail refuses Qwen, the repository's script never runs; alone, init and the commit say pnpm-lock.yaml", () => {
    const repo = `http://${gitServer!.hostPort}/evil.git`;
    const key = `aitrail@git+${repo}#${commit}`;
    const repoFolder = lockedRepo(`git+${repo}`, 'pnpm-lock.yaml', pnpmLockText(`git+${repo}`, key, `{commit: ${commit}, repo: ${repo}, type: git}`));
    const homeDir = home('');
    pnpmFrozen(repoFolder, homeDir);
    expect(readFileSync(join(repoFolder.dir, 'node_modules', '.pnpm', 'lock.yaml'), 'utf8')).toContain('type: git}');
    expectLockRefused(repoFolder, homeDir, 'pnpm-lock.yaml', evilMarker);
  });

  it("the honest twin: a registry's aitrail (its resolution the integrity alone), from the person's own registry: it runs", () => {
    const integrity = `sha512-${createHash('sha512').update(readFileSync(honestTgz)).digest('base64')}`;
    const repo = lockedRepo('1.0.0', 'pnpm-lock.yaml', pnpmLockText('1.0.0', 'aitrail@1.0.0', `{integrity: ${integrity}}`));
    const homeDir = home(`registry=${honest!.url}/\n`);
    pnpmFrozen(repo, homeDir);
    expectLocalRuns(repo, homeDir);
  });
});

/**
 * Row 872: package.json's `pnpm.patchedDependencies` naming a patch the repository commits for aitrail: pnpm
 * (even `--ignore-scripts`) applies it to the registry's aitrail, whose `resolution: {integrity: …}` row 836 and
 * 871 take for the person's; the patched bin is the repository's code. The lock's (and pnpm's record's)
 * `patchedDependencies:` naming the package now counts as the repository's.
 */
describe.skipIf(!npmFound || !pnpmFound)("pnpm's patchedDependencies patching aitrail (pnpm 9, row 872)", () => {
  let registry: Served | undefined;
  let root = '';
  beforeAll(async () => {
    if (!npmFound || !pnpmFound) return;
    root = tempDir('aitrail-patched-');
    registry = await serveRegistry(honestTgz, '1.0.0');
  });
  afterAll(() => registry?.stop());

  /** A repository asking aitrail 1.0.0 from the person's registry, with `patch` (a patch of its bin) under patches/ when given. */
  function patchedRepo(patch: string | undefined) {
    const pnpmField = patch === undefined ? '' : ',"pnpm":{"patchedDependencies":{"aitrail@1.0.0":"patches/aitrail@1.0.0.patch"}}';
    const files: Record<string, string> = {
      'package.json': `{"name":"p","version":"1.0.0","devDependencies":{"aitrail":"1.0.0"}${pnpmField}}\n`,
      '.gitignore': 'node_modules\n',
    };
    if (patch !== undefined) files['patches/aitrail@1.0.0.patch'] = patch;
    const repo = hooked(DENY_QWEN, files);
    const homeDir = home(`registry=${registry!.url}/\n`);
    pnpmFrozen(repo, homeDir, false);
    return { repo, homeDir };
  }

  it("the patched aitrail: refused, the global aitrail refuses Qwen, the patch's code never runs; alone, init and the commit say pnpm-lock.yaml", () => {
    const marker = join(root, 'ran');
    const bin = readFileSync(join(honestFolder, 'bin', 'aitrail.js'), 'utf8').split('\n');
    const patch = `diff --git a/bin/aitrail.js b/bin/aitrail.js\n--- a/bin/aitrail.js\n+++ b/bin/aitrail.js\n@@ -1,2 +1,2 @@\n ${bin[0]}\n-${bin[1]}\n+require('fs').appendFileSync(${JSON.stringify(marker)}, 'ran\\n');\n`;
    const { repo, homeDir } = patchedRepo(patch);
    expect(readFileSync(join(repo.dir, 'node_modules', '.pnpm', 'lock.yaml'), 'utf8')).toContain('patchedDependencies:');
    // The patch took: the bin pnpm linked is the repository's code.
    expect(spawnSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'), [], { env: { ...process.env, PATH: PNPM_PATH } }).status).toBe(0);
    expect(readFileSync(marker, 'utf8')).toBe('ran\n');
    rmSync(marker);
    expectLockRefused(repo, homeDir, 'pnpm-lock.yaml', marker);
  });

  it('the honest twin: the same registry, no patch: the aitrail runs', () => {
    const { repo, homeDir } = patchedRepo(undefined);
    expectLocalRuns(repo, homeDir);
  });
});

warnWithoutBun('row 873');

/** `bun install --ignore-scripts` (bun writes its bun.lock, with the package's entry). */
function bunInstalled(repo: TestRepo, homeDir: string): void {
  bunInstall(repo, homeDir);
  expect(readFileSync(join(repo.dir, 'bun.lock'), 'utf8')).toContain('["aitrail@');
}

/**
 * Row 873: bun writes no record under node_modules (no .package-lock.json): the shims judged nothing and took
 * whatever bun installed for the person's. A package.json asking aitrail as a server's tarball URL (or a committed
 * bun.lock naming one): bun installs that server's "aitrail". bun.lock's entry is now judged.
 */
describe.skipIf(!npmFound || !bunFound)('bun (row 873)', () => {
  let evil: Served | undefined;
  let marker = '';
  let registry: Served | undefined;
  beforeAll(async () => {
    if (!npmFound || !bunFound) return;
    ({ evil, registry, marker } = await bunServers(honestTgz));
  });
  afterAll(() => {
    evil?.stop();
    registry?.stop();
  });

  it("a server's tarball URL in package.json: refused, the global aitrail refuses Qwen, its script never runs; alone, init and the commit say bun.lock", () => {
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON(`${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`), '.gitignore': 'node_modules\n' });
    const homeDir = home('');
    bunInstalled(repo, homeDir);
    expectLockRefused(repo, homeDir, 'bun.lock', marker);
  });

  it("the honest twin: aitrail 1.0.0 from the person's own registry (~/.npmrc): it runs", () => {
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('1.0.0'), '.gitignore': 'node_modules\n' });
    const homeDir = home(`registry=${registry!.url}/\n`);
    bunInstalled(repo, homeDir);
    expectLocalRuns(repo, homeDir);
  });
});
