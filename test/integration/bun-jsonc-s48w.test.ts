import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { bunFound, bunInstall, bunServers, expectBunLockbRefused, warnWithoutBun } from '../helpers/bun.js';
import { tempDir } from '../helpers/gitdir.js';
import { DENY_QWEN, expectLocalRuns, expectLockRefused, home, PACKAGE_JSON, type Served } from '../helpers/lock-resolved.js';
import { honestAitrail, npmFound } from '../helpers/pnpm.js';

/**
 * Row 906: bun reads bun.lock as JSONC. A comment line `// ["aitrail@9.9.9", "", {}]` (the judged form: the
 * default registry) and the real entry written over two lines (`"aitrail": [` then `"aitrail@9.9.9", "<server's
 * tarball>", …`), or written in bun's single-quoted strings, passed the shims' and node's reading of bun.lock
 * (row 873: aitrail_nb, bunFromRepository), which took only lines holding `["aitrail@`, while
 * `bun install --frozen-lockfile` installed the server's aitrail. Real bun, a server on 127.0.0.1, the real hooks.
 */

warnWithoutBun('row 906');

/** bun.lock's text around `entry` (the packages' lines), as bun 1.3 writes the rest. */
function bunLock(entry: string): string {
  return `{\n  "lockfileVersion": 1,\n  "configVersion": 1,\n  "workspaces": {\n    "": {\n      "name": "p",\n      "devDependencies": {\n        "aitrail": "9.9.9",\n      },\n    },\n  },\n  "packages": {\n${entry}  }\n}\n`;
}

let evil: Served | undefined;
let evilTgz = '';
let marker = '';
let integrity = '';
let registry: Served | undefined;
beforeAll(async () => {
  if (!npmFound || !bunFound) return;
  ({ evil, registry, evilTgz, marker } = await bunServers(honestAitrail(tempDir('aitrail-honest-')).tarball));
  integrity = `sha512-${createHash('sha512').update(readFileSync(evilTgz)).digest('base64')}`;
});
afterAll(() => {
  evil?.stop();
  registry?.stop();
});

describe.skipIf(!npmFound || !bunFound)('bun.lock read as JSONC: a judged-looking line bun never installs (row 906)', () => {
  /** bun installs the server's aitrail from `entry` (frozen: the lock as committed); the hooks and init refuse it, said as bun.lock. */
  function expectServersRefused(entry: (url: string) => string): void {
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('9.9.9'), '.gitignore': 'node_modules\n', 'bun.lock': bunLock(entry(`${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`)) });
    const homeDir = home('');
    bunInstall(repo, homeDir, true);
    expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).toContain('9.9.9');
    expectLockRefused(repo, homeDir, 'bun.lock', marker);
  }
  const bin = '{ "bin": { "aitrail": "bin/aitrail.js" } }';

  it("l's replay: a `//` comment in the judged form, the real entry over two lines: refused, said as bun.lock", () => {
    expectServersRefused((url) => `    // ["aitrail@9.9.9", "", {}]\n    "aitrail": [\n      "aitrail@9.9.9", "${url}", ${bin}, "${integrity}"],\n`);
  });

  it("bun's single-quoted strings (no `\"aitrail@` at all) beside a judged-looking comment: refused", () => {
    expectServersRefused((url) => `    /* "aitrail": ["aitrail@9.9.9", "", {}], */\n    'aitrail': ['aitrail@9.9.9', '${url}', ${bin}, "${integrity}"],\n`);
  });

  // Row 873's committed bun.lock in bun's own form, one line (s49p's mutation audit: with aitrail_nb's judgement of
  // the entry's source taken out, every test still passed): bun fetches the server's tarball the entry names.
  it("the entry on one line, as bun writes it, naming the server's tarball: refused, said as bun.lock", () => {
    expectServersRefused((url) => `    "aitrail": ["aitrail@9.9.9", "${url}", ${bin}, "${integrity}"],\n`);
  });

  it("the honest twin: bun's own bun.lock, aitrail 1.0.0 from the person's ~/.npmrc registry: it runs", () => {
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('1.0.0'), '.gitignore': 'node_modules\n' });
    const homeDir = home(`registry=${registry!.url}/\n`);
    bunInstall(repo, homeDir, false);
    expect(readFileSync(join(repo.dir, 'bun.lock'), 'utf8')).toContain('"aitrail": ["aitrail@1.0.0", "');
    expectLocalRuns(repo, homeDir);
  });
});

/**
 * Row 907: a project whose lock is bun.lockb (bun before 1.2 wrote only that binary lock) is refused, as 873
 * says, but the hooks, init and status said `a source the project's bun.lock names … name that registry in your own
 * ~/.npmrc`: no bun.lock there, and no registry in ~/.npmrc makes a bun.lockb pass. They now name bun.lockb and the
 * way out (bun's text lock, or the global install).
 */
describe.skipIf(!npmFound || !bunFound)('bun.lockb said as bun.lockb (row 907)', () => {
  it("aitrail 1.0.0 from the person's registry, the project's lock bun.lockb: refused, said as bun.lockb with bun's text lock as the fix", () => {
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('1.0.0'), '.gitignore': 'node_modules\n' });
    const homeDir = home(`registry=${registry!.url}/\n`);
    bunInstall(repo, homeDir, false);
    // The project as bun < 1.2 left it: its binary lock only (its header as bun writes it; aitrail reads no more of it).
    rmSync(join(repo.dir, 'bun.lock'));
    writeFileSync(join(repo.dir, 'bun.lockb'), '#!/usr/bin/env bun\nbun-lockfile-format-v0\n\u0002\u0000\u0000\u0000');
    const { said, alone } = expectBunLockbRefused(repo, homeDir);
    expect(said).not.toContain("bun.lock names");
    expect(alone.stderr).toContain("from the project's bun.lockb, a binary lock aitrail does not read, and a repository can name any source there");
    expect(alone.stderr).toContain('bun install --save-text-lockfile --frozen-lockfile --lockfile-only');
  });
});
