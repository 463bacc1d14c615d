import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The `npm pack` tarball of this checkout: the package exactly as users get it (read through packed(), test/helpers/e2e.ts). */
    tarball: string;
    /**
     * A project where `npm install --save-dev <tarball>` ran once (its node_modules/ as npm left it):
     * test/helpers/e2e.ts copies it into the projects that need the package installed but do not test npm itself.
     */
    installed: string;
    /** Where the packing says it is done: `<packState>/ready`, or `<packState>/failed` holding why (test/helpers/e2e.ts packed()); `<packState>/files.json`, the files `npm pack` listed. */
    packState: string;
  }
}

const PACKAGE_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
/** What `npm run build` reads, and what each of its steps writes anew (tsc; the hook bundler re-creates its folder). */
const BUILD_INPUTS = ['src', 'scripts', 'package.json', 'tsconfig.json'];
const BUILD_OUTPUTS = ['dist/index.js', 'dist/bundle'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

/** True when dist/ was built after every build input last changed (`npm test` has just built it). */
function builtIsCurrent(): boolean {
  try {
    const built = Math.min(...BUILD_OUTPUTS.map((path) => statSync(join(PACKAGE_ROOT, path)).mtimeMs));
    return BUILD_INPUTS.every((path) => newestMtime(join(PACKAGE_ROOT, path)) < built);
  } catch {
    return false;
  }
}

/** A command of the packing, run without blocking vitest: its stdout, or an Error naming it with what it printed. */
function runAsync(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code, signal) => (code === 0 ? done(stdout) : fail(new Error(`${command} ${args.join(' ')} exited ${code ?? signal}:\n${stderr}${stdout}`))));
  });
}

/** The file name `npm pack` gives this package's tarball (`@scope/name` → `scope-name-<version>.tgz`). */
function tarballName(): string {
  const { name, version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return `${name.replace(/^@/, '').replace(/\//g, '-')}-${version}.tgz`;
}

/**
 * Pack the checkout, then `npm install --save-dev <tarball>` once, in a project of its own: ten
 * installs of the same tarball cost the e2e files ~45 s of CPU (npm resolving and writing the same
 * tree each time). The registry only for what npm's cache lacks, with the machine's CA settings
 * (vitest.config.ts keeps them from every other process). The package is packed as dist/ holds
 * it (`--ignore-scripts`): setup() built a stale one before any test started.
 */
async function packAndInstall(dest: string, tarball: string, installed: string, state: string, env: NodeJS.ProcessEnv): Promise<void> {
  // Never prepack here: the set-up built a stale dist/ before any test started (setup).
  const args = ['pack', '--json', '--pack-destination', dest, '--ignore-scripts'];
  const out = await runAsync('npm', args, PACKAGE_ROOT, env);
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as { filename: string; files: { path: string }[] }[];
  if (join(dest, info!.filename) !== tarball) throw new Error(`npm pack wrote ${info!.filename}, not ${basename(tarball)}`);
  // The files npm says it packed, for package.e2e (packedFiles() in test/helpers/e2e.ts): a second
  // `npm pack --dry-run` there cost ~1 s of CPU to list the same tarball.
  writeFileSync(join(state, 'files.json'), JSON.stringify(info!.files.map((file) => file.path)));
  mkdirSync(installed);
  writeFileSync(join(installed, 'package.json'), `${JSON.stringify({ name: 'aitrail-e2e-installed', version: '1.0.0', private: true }, null, 2)}\n`);
  const ca = process.env.TEST_NODE_EXTRA_CA_CERTS;
  const npmEnv = { ...env, npm_config_audit: 'false', npm_config_fund: 'false', ...(ca === undefined ? {} : { NODE_EXTRA_CA_CERTS: ca }) };
  await runAsync('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], installed, npmEnv);
}

/**
 * Pack once for every e2e file, and install the tarball once (packAndInstall), beside the first
 * tests rather than before them: vitest runs no test until every global set-up has returned, and
 * the packing (~3-5 s, npm on one core) left the other core idle. The paths are known at once and
 * provided now; `<packState>/ready` or `<packState>/failed` says when the packing is done, and
 * packed() in test/helpers/e2e.ts waits for it before an e2e file uses either path.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const env = { ...process.env, npm_config_update_notifier: 'false' };
  // A dist/ older than its sources (`npx vitest run` without `npm test`'s build) is built now, before any test
  // starts: `npm pack`'s prepack rebuilt it in the background while the integration files ran bin/aitrail.js
  // from it (tsc rewriting dist/, the bundler re-creating dist/bundle), so they could read a half-built CLI.
  if (!builtIsCurrent()) await runAsync('npm', ['run', 'build'], PACKAGE_ROOT, env);
  const dest = mkdtempSync(join(tmpdir(), 'aitrail-pack-'));
  const tarball = join(dest, tarballName());
  const installed = join(dest, 'installed');
  const state = join(dest, 'state');
  mkdirSync(state);
  project.provide('tarball', tarball);
  project.provide('installed', installed);
  project.provide('packState', state);
  const packing = packAndInstall(dest, tarball, installed, state, env).then(
    () => writeFileSync(join(state, 'ready'), ''),
    (error: unknown) => writeFileSync(join(state, 'failed'), error instanceof Error ? error.message : String(error)),
  );
  return async () => {
    await packing;
    rmSync(dest, { recursive: true, force: true });
  };
}
