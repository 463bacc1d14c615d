import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The `npm pack` tarball of this checkout: the package exactly as users get it. */
    tarball: string;
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
 * Pack once for every e2e file. Packing builds the package (prepack); when dist/ is already current
 * (`npm test` builds before vitest starts) the build is not run a second time.
 */
export default function setup(project: TestProject): () => void {
  const dest = mkdtempSync(join(tmpdir(), 'aitrail-pack-'));
  const env = { ...process.env, npm_config_update_notifier: 'false' };
  const args = ['pack', '--json', '--pack-destination', dest, ...(builtIsCurrent() ? ['--ignore-scripts'] : [])];
  const out = execFileSync('npm', args, { cwd: PACKAGE_ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as { filename: string }[];
  project.provide('tarball', join(dest, info!.filename));
  return () => rmSync(dest, { recursive: true, force: true });
}
