import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * What the tests make in the package's own folder is made before any test runs. The shims' fast
 * path trusts a stamp only while it is newer than the installed package's folder
 * (src/hooks/fast-path-stamp.ts): a folder created there mid-run (bundle.test.ts' private bundle
 * copies live in .test-bundles/, at dist/bundle's depth) makes every stamp written before it stale,
 * so in a fresh clone a test counting the commits that skip node saw fewer of them whenever the
 * two files happened to overlap. Creating it here keeps the folder's time still during the run.
 */
export default function setup(): void {
  mkdirSync(fileURLToPath(new URL('../../.test-bundles/', import.meta.url)), { recursive: true });
}
