import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The `npm pack` tarball of this checkout: the package exactly as users get it. */
    tarball: string;
    /**
     * A project where `npm install --save-dev <tarball>` ran once (its node_modules/ as npm left it):
     * test/helpers/e2e.ts copies it into the projects that need the package installed but do not test npm itself.
     */
    installed: string;
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

/**
 * `npm install --save-dev <tarball>` once, in a project of its own: ten installs of the same
 * tarball cost the e2e files ~45 s of CPU (npm resolving and writing the same tree each time).
 * The registry only for what npm's cache lacks, with the machine's CA settings (vitest.config.ts
 * keeps them from every other process).
 */
function installOnce(dest: string, tarball: string, env: NodeJS.ProcessEnv): string {
  const project = join(dest, 'installed');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'aitrail-e2e-installed', version: '1.0.0', private: true }, null, 2)}\n`);
  const ca = process.env.TEST_NODE_EXTRA_CA_CERTS;
  const npmEnv = { ...env, npm_config_audit: 'false', npm_config_fund: 'false', ...(ca === undefined ? {} : { NODE_EXTRA_CA_CERTS: ca }) };
  execFileSync('npm', ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', tarball], { cwd: project, env: npmEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  return project;
}

/**
 * Pack once for every e2e file, and install the tarball once (installOnce). Packing builds the
 * package (prepack); when dist/ is already current (`npm test` builds before vitest starts) the
 * build is not run a second time.
 */
export default function setup(project: TestProject): () => void {
  const dest = mkdtempSync(join(tmpdir(), 'aitrail-pack-'));
  const env = { ...process.env, npm_config_update_notifier: 'false' };
  const args = ['pack', '--json', '--pack-destination', dest, ...(builtIsCurrent() ? ['--ignore-scripts'] : [])];
  const out = execFileSync('npm', args, { cwd: PACKAGE_ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as { filename: string }[];
  const tarball = join(dest, info!.filename);
  project.provide('tarball', tarball);
  project.provide('installed', installOnce(dest, tarball, env));
  return () => rmSync(dest, { recursive: true, force: true });
}
