import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The run's cache of package-manager installs (test/helpers/install-cache.ts cachedInstall): a folder of its own
 * under the run's temporary directory (RAM when there is some: vitest.config.ts), named to the workers by
 * TEST_INSTALL_CACHE and removed when the run ends. AITRAIL_TEST_INSTALLS=real: no cache, every install real.
 */
export default function setup(): (() => void) | undefined {
  if (process.env.AITRAIL_TEST_INSTALLS === 'real') return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'aitrail-install-cache-'));
  process.env.TEST_INSTALL_CACHE = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
