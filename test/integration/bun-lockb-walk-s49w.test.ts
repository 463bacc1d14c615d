import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bunFound, bunServers, expectBunLockbRefused, npmThenBunLockb, warnWithoutBun } from '../helpers/bun.js';
import { tempDir } from '../helpers/gitdir.js';
import type { Served } from '../helpers/lock-resolved.js';
import { honestAitrail, npmFound } from '../helpers/pnpm.js';

/**
 * Review s49w of row 915 (no row: work, not a way past): the shims' aitrail_na ran `find … -cnewer <npm's record> -print`
 * over the whole package bun put over npm's install, every newer path captured into a shell variable, and init/status's
 * changedAfterRecord listed the whole package folder before looking at one change time: a bun-installed package of a
 * million files cost each hook a walk of a million entries. The first newer entry now ends both (`-print -quit`, an
 * early-exit walk). Shown by a folder deep in the package whose access time is set back: reading it (getdents)
 * sets it again on a relatime filesystem, so an untouched access time says no walk read it.
 * Real npm and bun, a server on 127.0.0.1, the real hooks init installs (row 915's replay).
 */

warnWithoutBun('review s49w of row 915');

let evil: Served | undefined;
let registry: Served | undefined;
beforeAll(async () => {
  if (!npmFound || !bunFound) return;
  ({ evil, registry } = await bunServers(honestAitrail(tempDir('aitrail-honest-')).tarball));
});
afterAll(() => {
  evil?.stop();
  registry?.stop();
});

const LONG_AGO = new Date('2001-01-01T00:00:00Z');

/** A folder under `dir` whose access time is LONG_AGO (its modification time kept), and whether a read of it sets it again here. */
function setBack(dir: string): boolean {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'file.js'), '');
  utimesSync(dir, LONG_AGO, statSync(dir).mtime);
  return statSync(dir).atimeMs === LONG_AGO.getTime();
}

describe.skipIf(!npmFound || !bunFound)("bun.lockb beside npm's record: the first changed entry ends the walk (review s49w of row 915)", () => {
  it("the hooks' find and init's walk stop at the package's own folder: a folder inside it is never read; still refused", (context) => {
    const probe = join(tempDir('aitrail-atime-'), 'probe');
    expect(setBack(probe)).toBe(true);
    readdirSync(probe);
    // A filesystem mounted noatime shows nothing: skipped there.
    if (statSync(probe).atimeMs === LONG_AGO.getTime()) context.skip();

    const { repo, homeDir } = npmThenBunLockb(registry!.url, `${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`);
    const deep = join(repo.dir, 'node_modules', 'aitrail', 'lib', 'deep');
    expect(setBack(deep)).toBe(true);
    expectBunLockbRefused(repo, homeDir);
    expect(statSync(deep).atime.toISOString()).toBe(LONG_AGO.toISOString());
  });
});
