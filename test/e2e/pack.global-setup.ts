import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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

/** Pack once for every e2e file (packing builds the package: prepack). */
export default function setup(project: TestProject): () => void {
  const dest = mkdtempSync(join(tmpdir(), 'aitrail-pack-'));
  const env = { ...process.env, npm_config_update_notifier: 'false' };
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dest], { cwd: PACKAGE_ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const [info] = JSON.parse(out.slice(out.indexOf('['))) as { filename: string }[];
  project.provide('tarball', join(dest, info!.filename));
  return () => rmSync(dest, { recursive: true, force: true });
}
