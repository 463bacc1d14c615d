import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { makeRepo, NETWORK_ENV, TEST_GIT_ENV, type TestRepo } from './gitdir.js';

/** lefthook and simple-git-hooks, installed from the npm registry once into a folder of the machine's temp dir kept between runs. */
export const TOOLS = { lefthook: '2.2.1', 'simple-git-hooks': '2.14.0' };
export const TOOLS_DIR = join(tmpdir(), `aitrail-hook-managers-lefthook-${TOOLS.lefthook}-sgh-${TOOLS['simple-git-hooks']}`);
export const TOOLS_BIN = join(TOOLS_DIR, 'node_modules', '.bin');
/** lefthook's own binary (its npm wrapper starts node twice per hook, as a hook file looks for lefthook with `lefthook -h`). */
export const LEFTHOOK_NATIVE = join(TOOLS_DIR, 'node_modules', `lefthook-${process.platform}-${process.arch}`, 'bin');

/** npm i lefthook simple-git-hooks (no install scripts: lefthook's would install hooks wherever npm runs); false when the registry cannot give them. */
export function installTools(): boolean {
  const works = () => spawnSync(join(TOOLS_BIN, 'lefthook'), ['version'], { encoding: 'utf8' }).status === 0 && existsSync(join(TOOLS_BIN, 'simple-git-hooks'));
  if (works()) return true;
  const staging = mkdtempSync(join(tmpdir(), 'aitrail-hook-managers-staging-'));
  writeFileSync(join(staging, 'package.json'), '{ "private": true }\n');
  const install = spawnSync('npm', ['install', '--save-exact', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...Object.entries(TOOLS).map(([name, version]) => `${name}@${version}`)], {
    cwd: staging,
    env: { ...process.env, ...NETWORK_ENV },
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (install.status === 0) {
    rmSync(TOOLS_DIR, { recursive: true, force: true });
    renameSync(staging, TOOLS_DIR);
  } else {
    rmSync(staging, { recursive: true, force: true });
  }
  return works();
}

/** The README's code block of `lang` in the section "lefthook and simple-git-hooks", the first one whose first line matches. */
export function readmeBlock(lang: string, first: RegExp = /./): string {
  const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8');
  const section = readme.slice(readme.indexOf('### lefthook and simple-git-hooks'));
  const body = section.slice(0, section.indexOf('\n### ', 10));
  const blocks = [...body.matchAll(new RegExp(`\`\`\`${lang}\\n([^]*?)\`\`\``, 'g'))].map((match) => match[1]!);
  const block = blocks.find((text) => first.test(text.split('\n')[0]!));
  expect(block, `README block ${lang}`).toBeDefined();
  return block!;
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The environment the managers run in: their own binaries first (lefthook's native one before its
 * npm wrapper), none of their switches set. The node the hooks start (node_modules/.bin/aitrail's
 * `#!/usr/bin/env node`, simple-git-hooks) is the tests' hook client when there is one
 * (test/setup/hook-node.global-setup.ts): `aitrail hook <name>` runs in the worker's server (pre-push and
 * post-rewrite with their stdin), anything else in the real node it execs; without it each of hook-managers-s25g's ~60 hook runs started a node (~50 ms of CPU).
 */
const HOOK_NODE = process.env.TEST_HOOK_NODE ? `${process.env.TEST_HOOK_NODE}:` : '';
export const MANAGER_ENV: NodeJS.ProcessEnv = { ...TEST_GIT_ENV, PATH: `${existsSync(LEFTHOOK_NATIVE) ? `${LEFTHOOK_NATIVE}:` : ''}${TOOLS_BIN}:${HOOK_NODE}${dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`, NO_COLOR: '1' };
for (const key of ['LEFTHOOK', 'LEFTHOOK_BIN', 'LEFTHOOK_CONFIG', 'LEFTHOOK_EXCLUDE', 'SKIP_SIMPLE_GIT_HOOKS', 'SIMPLE_GIT_HOOKS_RC', 'CI']) delete MANAGER_ENV[key];

/** A project with aitrail as `npm i -D aitrail` leaves it (node_modules/aitrail, its .bin link), an `origin`, a first commit of a policy that denies qwen and `files`. */
export function npmProject(files: Record<string, string>, commitEnv?: NodeJS.ProcessEnv): { repo: TestRepo; remote: TestRepo; run: (command: string, args: string[], extra?: NodeJS.ProcessEnv) => SpawnSyncReturns<string> } {
  const repo = makeRepo();
  const remote = makeRepo({ bare: true });
  repo.git(['remote', 'add', 'origin', remote.dir]);
  mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(PACKAGE_ROOT, join(repo.dir, 'node_modules', 'aitrail'));
  symlinkSync('../aitrail/bin/aitrail.js', join(repo.dir, 'node_modules', '.bin', 'aitrail'));
  const run = (command: string, args: string[], extra: NodeJS.ProcessEnv = {}) => spawnSync(command, args, { cwd: repo.dir, env: { ...MANAGER_ENV, ...extra }, encoding: 'utf8' });
  repo.commit('initial\n', { '.gitignore': 'node_modules/\n', '.aitrailrc.json': '{ "policy": { "deny": ["qwen/*"] } }\n', ...files }, commitEnv);
  return { repo, remote, run };
}
