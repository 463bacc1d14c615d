import { chmodSync, existsSync, mkdirSync, readFileSync, readlinkSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/gitdir.js';
import { cachedInstall, type InstallSpec } from '../helpers/install-cache.js';
import { npmFound } from '../helpers/pnpm.js';

/**
 * The run's install cache (test/helpers/install-cache.ts): a second install of the same inputs in another test's
 * folder is a copy of what real npm wrote the first time, the first folder's path spelt as the second's; other
 * inputs, a real install. Real npm (`install-links=true`: npm copies the package, its script naming the folder).
 */
function project(extra = ''): InstallSpec {
  const root = tempDir('aitrail-install-cache-');
  const dir = join(root, 'repo');
  mkdirSync(join(dir, 'vendor', 'tool', 'bin'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name":"app","version":"1.0.0","devDependencies":{"tool":"file:vendor/tool"}}\n');
  writeFileSync(join(dir, '.npmrc'), 'install-links=true\n');
  writeFileSync(join(dir, 'vendor', 'tool', 'package.json'), '{"name":"tool","version":"1.0.0","bin":{"tool":"bin/tool.sh"}}\n');
  writeFileSync(join(dir, 'vendor', 'tool', 'bin', 'tool.sh'), `#!/bin/sh\ntouch '${join(root, 'ran')}'\n${extra}`);
  chmodSync(join(dir, 'vendor', 'tool', 'bin', 'tool.sh'), 0o755);
  return {
    command: 'npm',
    args: ['install', '--ignore-scripts', '--offline', '--no-audit', '--no-fund'],
    cwd: dir,
    env: { ...process.env, npm_config_update_notifier: 'false' },
    root,
  };
}

describe.skipIf(!npmFound || process.env.TEST_INSTALL_CACHE === undefined)('the run\'s install cache (real npm)', () => {
  it('the same inputs in another folder: a copy, its paths the copy\'s; other inputs: npm runs', () => {
    const first = project();
    const real = cachedInstall(first);
    expect(real.status, real.stderr).toBe(0);
    expect(real.copied).toBe(false);

    const second = project();
    const copy = cachedInstall(second);
    expect(copy.status).toBe(0);
    expect(copy.copied).toBe(true);
    // npm copied the package (install-links): the copy's script names the second folder, as npm there writes it.
    const script = join(second.cwd, 'node_modules', 'tool', 'bin', 'tool.sh');
    expect(readFileSync(script, 'utf8')).toBe(`#!/bin/sh\ntouch '${join(second.root, 'ran')}'\n`);
    expect(readFileSync(script, 'utf8')).not.toContain(first.root);
    // The bin link as npm writes it (relative), resolving in the second folder, executable.
    const link = join(second.cwd, 'node_modules', '.bin', 'tool');
    expect(readlinkSync(link)).toBe(readlinkSync(join(first.cwd, 'node_modules', '.bin', 'tool')));
    expect(realpathSync(link)).toBe(realpathSync(script));
    expect(existsSync(join(second.cwd, 'package-lock.json'))).toBe(true);
    expect(readFileSync(join(second.cwd, 'node_modules', '.package-lock.json'), 'utf8')).toBe(readFileSync(join(first.cwd, 'node_modules', '.package-lock.json'), 'utf8'));

    // One byte more in the package's script: another key, npm runs.
    const third = project('exit 0\n');
    const other = cachedInstall(third);
    expect(other.status, other.stderr).toBe(0);
    expect(other.copied).toBe(false);
    expect(readFileSync(join(third.cwd, 'node_modules', 'tool', 'bin', 'tool.sh'), 'utf8')).toContain('exit 0');
  });
});
