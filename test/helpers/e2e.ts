import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, inject } from 'vitest';
import { NETWORK_ENV, TEST_GIT_ENV } from './gitdir.js';

/**
 * The test git environment, npm quiet and offline-friendly; no aitrail on PATH. The machine's CA
 * certificates only for the steps that reach the registry (NETWORK_ENV): every node process would
 * parse them at start-up.
 */
export const E2E_ENV: NodeJS.ProcessEnv = { ...TEST_GIT_ENV, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command as a user would (never throws). */
export function run(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}, input = ''): Run {
  const result = spawnSync(command, args, { cwd, env: { ...E2E_ENV, ...env }, input, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The run, asserted to exit 0 (its output in the failure message). */
export function ok(result: Run): Run {
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

/** How long an e2e file waits for the packing (test/e2e/pack.global-setup.ts) before it fails. */
const PACK_WAIT_MS = 170_000;

/**
 * The packed tarball and the project where it was installed once, when test/e2e/pack.global-setup.ts
 * has made them: the set-up packs beside the first tests, so an e2e file waits here (blocking its
 * worker, which runs nothing else meanwhile) until `<packState>/ready`. Throws what npm printed when
 * the packing failed.
 */
export function packed(): { tarball: string; installed: string } {
  const state = inject('packState');
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (const deadline = Date.now() + PACK_WAIT_MS; !existsSync(join(state, 'ready')); ) {
    if (existsSync(join(state, 'failed'))) throw new Error(`packing the tarball failed: ${readFileSync(join(state, 'failed'), 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the tarball was not packed within ${PACK_WAIT_MS / 1000} s (test/e2e/pack.global-setup.ts)`);
    Atomics.wait(pause, 0, 0, 50);
  }
  return { tarball: inject('tarball'), installed: inject('installed') };
}

/** The paths `npm pack --json` listed in the tarball test/e2e/pack.global-setup.ts packed (its `files`), once it is packed. */
export function packedFiles(): string[] {
  packed();
  return JSON.parse(readFileSync(join(inject('packState'), 'files.json'), 'utf8')) as string[];
}

/** `npm install --save-dev <tarball> …` in `dir` (from npm's cache when it can). */
export function npmInstall(dir: string, packages: string[], flags: string[] = []): Run {
  return ok(run(dir, 'npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', ...flags, ...packages], NETWORK_ENV));
}

/**
 * The state `npm install --save-dev <tarball>` leaves in `dir`, without running npm again: the
 * install test/e2e/pack.global-setup.ts made once, its node_modules/ copied (npm's .bin symlinks
 * as npm wrote them) into `modules` (a workspace's hoisted node_modules: the top's), and the
 * devDependency npm would add written into dir's package.json (made if missing). For projects
 * that need the package installed, not tests of npm itself: those run npmInstall (npm workspaces'
 * hoisting, husky's prepare script, the action's own install).
 */
export function installPacked(dir: string, modules = dir): void {
  cpSync(join(packed().installed, 'node_modules'), join(modules, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  // npm's record names the tarball relative to the project it installed: as npm would write it for `modules`
  // (the hooks judge a `file:` source by it: one read as lying in the work tree is refused).
  const record = join(modules, 'node_modules', '.package-lock.json');
  if (existsSync(record)) {
    const from = `"resolved": "file:${relative(packed().installed, packed().tarball)}"`;
    writeFileSync(record, readFileSync(record, 'utf8').split(from).join(`"resolved": "file:${relative(modules, packed().tarball)}"`));
  }
  const manifest = join(dir, 'package.json');
  const json = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { devDependencies?: Record<string, string> }) : {};
  json.devDependencies = { ...json.devDependencies, aitrail: `file:${relative(dir, packed().tarball)}` };
  writeFileSync(manifest, `${JSON.stringify(json, null, 2)}\n`);
}
