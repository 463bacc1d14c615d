import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { settingsPlace, type SettingsPlace } from '../../src/agent-settings/settings-place.js';

/** A work tree and a home of their own, with `files` (paths starting `home/`), the ancestors' command lines `lines`. */
export function argvPlace(files: Record<string, string>, env: Record<string, string>, lines: string[][]): SettingsPlace {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-argv-')));
  for (const dir of ['root', 'home']) mkdirSync(join(base, dir));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  return { ...settingsPlace(join(base, 'root'), join(base, 'root/.git'), { HOME: join(base, 'home'), ...env }, join(base, 'system')), commandLines: lines };
}
