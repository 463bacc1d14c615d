import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUNDLE = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));

/**
 * A private copy of dist/bundle's files (no cache) in .test-bundles/ (the same depth as dist/bundle: the bundles find
 * package.json and node_modules from there), for every test that needs one: other test files run the
 * shared dist/bundle at the same time and rewrite its caches. Its removal is pushed on `cleanups`.
 */
export function privateBundle(cleanups: Array<() => void>): string {
  mkdirSync(fileURLToPath(new URL('../../.test-bundles/', import.meta.url)), { recursive: true });
  const dir = mkdtempSync(fileURLToPath(new URL('../../.test-bundles/bundle-', import.meta.url)));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  // The bundles only: every other test's run of bin/aitrail.js writes its code cache into dist/bundle through a
  // `<cache>.<pid>.tmp` renamed at once, which a listing could name and the copy then not find (ENOENT; session 54 helper u).
  for (const name of readdirSync(BUNDLE).filter((file) => file.endsWith('.cjs'))) copyFileSync(`${BUNDLE}${name}`, join(dir, name));
  return dir;
}

/** Run as `node -e RUN_BUNDLED_HOOK <bundle dir> <hook> <args>...`: the hook through the bundle loader, as bin/aitrail.js runs it. */
export const RUN_BUNDLED_HOOK =
  'const [dir, ...argv] = process.argv.slice(1); require(dir + "/loader.cjs").runBundledHook(argv, dir).then((code) => { process.exitCode = code; });';
