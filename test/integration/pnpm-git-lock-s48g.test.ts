import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';
import { evilTarball, expectLocalRuns, expectLockRefused, home, lockedRepo, pnpmFrozen, pnpmLockText, serve, type Served } from '../helpers/lock-resolved.js';
import { honestAitrail, npmFound, pnpmFound } from '../helpers/pnpm.js';
import { serveOverHttp, type SmartHttp } from '../helpers/smart-http.js';

/**
 * Row s48g-1: a committed pnpm-lock.yaml whose aitrail entry is a git source,
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
  honestTgz = honestAitrail(tempDir('aitrail-honest-')).tarball;
  honest = await serve(honestTgz);
});

afterAll(() => {
  gitServer?.stop();
  honest?.stop();
});

describe.skipIf(!npmFound || !pnpmFound)("a committed pnpm-lock.yaml's git resolution for aitrail (pnpm 9, row s48g-1)", () => {
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
