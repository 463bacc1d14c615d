import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NETWORK_ENV } from './gitdir.js';

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
