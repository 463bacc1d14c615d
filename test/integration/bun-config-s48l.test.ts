import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hooked } from '../helpers/agent-home.js';
import { BIN, envWithAitrailOnPath } from '../helpers/cli.js';
import { bunFound, bunInstall, bunServers, warnWithoutBun } from '../helpers/bun.js';
import { TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { commit, DENY_QWEN, expectLocalRuns, expectLockRefused, home, npm, PACKAGE_JSON, run, type Served } from '../helpers/lock-resolved.js';
import { honestAitrail, npmFound, PNPM_PATH } from '../helpers/pnpm.js';

/**
 * Row 891: bun fetches a bun.lock entry whose source is `""` (the default registry) from the registry the
 * project's bunfig.toml (`[install] registry`) or a `.env` bun loads at install (`BUN_CONFIG_REGISTRY=`) names.
 * Row 873 took `""` for the public registry: a committed bun.lock saying `["aitrail@9.9.9", "", …, <the server's
 * integrity>]` beside such a file installed the server's "aitrail", and the hooks ran it. Such a file is now the
 * repository's (aitrail_nw in src/install/shim-source.ts, bunConfigNamed in src/install/binary-reachable.ts).
 * Real bun (`bun install --frozen-lockfile --ignore-scripts`), a server on 127.0.0.1, the real hooks init installs.
 */

warnWithoutBun('rows 891 and 893');

/** A bun.lock (text, as bun 1.3 writes it) whose one devDependency aitrail 9.9.9 is `source` (`""`: the default registry) with `tgz`'s integrity. */
function bunLock(tgz: string, source: string): string {
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tgz)).digest('base64')}`;
  return `{\n  "lockfileVersion": 1,\n  "configVersion": 1,\n  "workspaces": {\n    "": {\n      "name": "p",\n      "devDependencies": {\n        "aitrail": "9.9.9",\n      },\n    },\n  },\n  "packages": {\n    "aitrail": ["aitrail@9.9.9", "${source}", { "bin": { "aitrail": "bin/aitrail.js" } }, "${integrity}"],\n  }\n}\n`;
}

/** The server's "aitrail" (its bin writes `marker`), and the person's own registry serving an honest aitrail 1.0.0. */
let evil: Served | undefined;
let evilTgz = '';
let marker = '';
let registry: Served | undefined;
beforeAll(async () => {
  if (!npmFound || !bunFound) return;
  ({ evil, registry, evilTgz, marker } = await bunServers(honestAitrail(tempDir('aitrail-honest-')).tarball));
});
afterAll(() => {
  evil?.stop();
  registry?.stop();
});

describe.skipIf(!npmFound || !bunFound)("bun's registry from the project's bunfig.toml or .env, a bun.lock saying the default registry (row 891)", () => {
  /** The server's aitrail installed (its script runs), then refused, said as `file`: PATH's aitrail refuses Qwen; alone, init warns and the commit is blocked; the script never ran. */
  function expectRefused(repo: TestRepo, homeDir: string, file: string): void {
    const denied = commit(repo, { ...envWithAitrailOnPath(), HOME: homeDir }, 'qwen/qwen3-coder');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toContain(`not running node_modules/.bin/aitrail: bun installed it under a registry, proxy or TLS setting the project's ${file} names`);
    expect(denied.stderr).toContain('model-denied');
    expect(denied.stderr).not.toContain('127.0.0.1');
    const aloneEnv = { ...TEST_GIT_ENV, PATH: PNPM_PATH, HOME: homeDir };
    const said = run(repo, aloneEnv, [process.execPath, BIN, 'init', '--mode', 'git']);
    expect(`${said.stdout}${said.stderr}`).toContain(`Warning: the hooks will not run node_modules/.bin/aitrail: it was installed by bun, which takes its registry (or a proxy or TLS setting) from the project's ${file}`);
    const alone = commit(repo, aloneEnv, 'openai/gpt-5');
    expect(alone.status).not.toBe(0);
    expect(alone.stderr).toContain(`from the project's ${file}, and a repository can name any server there`);
    expect(existsSync(marker)).toBe(false);
  }

  it(`bunfig.toml's [install] registry: bun fetched the server's aitrail; refused, said as bunfig.toml`, () => {
    const repo = hooked(DENY_QWEN, {
      'package.json': PACKAGE_JSON('9.9.9'),
      '.gitignore': 'node_modules\n',
      'bun.lock': bunLock(evilTgz, ''),
      'bunfig.toml': `[install]\nregistry = "${evil!.url}/"\n`,
    });
    const homeDir = home('');
    bunInstall(repo, homeDir, true);
    // bun took the lock's `""` from bunfig.toml's registry: the server's bin is what it linked.
    expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).toContain('9.9.9');
    expectRefused(repo, homeDir, 'bunfig.toml');
  });

  it(`a committed .env's BUN_CONFIG_REGISTRY (bun loads it at install): refused, said as .env`, () => {
    const repo = hooked(DENY_QWEN, {
      'package.json': PACKAGE_JSON('9.9.9'),
      '.gitignore': 'node_modules\n',
      'bun.lock': bunLock(evilTgz, ''),
      '.env': `APP_NAME=p\nBUN_CONFIG_REGISTRY=${evil!.url}/\n`,
    });
    const homeDir = home('');
    bunInstall(repo, homeDir, true);
    expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).toContain('9.9.9');
    expectRefused(repo, homeDir, '.env');
  });

  it("the honest twin: bunfig.toml and .env saying nothing of registries (a cache, an app's settings), aitrail 1.0.0 from the person's own registry: it runs", () => {
    const repo = hooked(DENY_QWEN, {
      'package.json': PACKAGE_JSON('1.0.0'),
      '.gitignore': 'node_modules\n',
      'bunfig.toml': '[install]\nexact = true\n\n[install.cache]\ndir = "~/.bun/install/cache"\n',
      '.env': 'DATABASE_URL=postgres://localhost/p\nREDIS_CACHE=1\n',
    });
    const homeDir = home(`registry=${registry!.url}/\n`);
    bunInstall(repo, homeDir, false);
    expectLocalRuns(repo, homeDir);
  });
});

/**
 * Row 893: `bun install` replaces node_modules/aitrail and leaves npm's record (node_modules/.package-lock.json)
 * as npm wrote it. A person's npm install of aitrail 1.0.0 from their own registry, then a branch whose package.json
 * asks a server's tarball, `bun install`: the server's aitrail in node_modules, npm's record still saying 1.0.0 from
 * the person's registry, which the shims judged (873 read bun.lock only where no npm record is). A bun.lock with
 * the package's entry beside npm's record is now judged too.
 */
describe.skipIf(!npmFound || !bunFound)("bun.lock beside npm's stale record (row 893)", () => {
  /** npm installs aitrail 1.0.0 from the person's registry; then package.json asks `range` and bun installs it. */
  function npmThenBun(range: string) {
    const repo = hooked(DENY_QWEN, { 'package.json': PACKAGE_JSON('1.0.0'), '.gitignore': 'node_modules\n' });
    const homeDir = home(`registry=${registry!.url}/\n`);
    npm(repo, homeDir, ['install']);
    repo.write('package.json', PACKAGE_JSON(range));
    bunInstall(repo, homeDir, false);
    expect(readFileSync(join(repo.dir, 'node_modules', '.package-lock.json'), 'utf8')).toContain('"version": "1.0.0"');
    return { repo, homeDir };
  }

  it("a server's tarball installed by bun over npm's install: refused, said as bun.lock; the script never runs", () => {
    const { repo, homeDir } = npmThenBun(`${evil!.url}/aitrail/-/aitrail-9.9.9.tgz`);
    expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'package.json'), 'utf8')).toContain('9.9.9');
    expectLockRefused(repo, homeDir, 'bun.lock', marker);
  });

  it("the honest twin: bun installs the same 1.0.0 from the person's registry over npm's install: it runs", () => {
    const { repo, homeDir } = npmThenBun('1.0.0');
    expectLocalRuns(repo, homeDir);
  });
});
