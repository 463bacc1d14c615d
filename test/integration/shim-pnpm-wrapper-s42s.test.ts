import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

/**
 * pnpm's node_modules/.bin/aitrail is an sh wrapper whose first target, "$basedir/node", exists in no
 * install. The shims (and init/status, src/install/binary-reachable.ts) judged every "$basedir/…"
 * target by its real path and counted one that cannot be resolved as the repository's: a strict
 * realpath (macOS's, busybox's: the last part must exist) or a readlink without -f (macOS before
 * 12.3) then refused every agent's commit as "comes from the repository", and init warned on every
 * pnpm install (node's realpath is strict) (src/install/shim-source.ts ledIntoTrackedLines).
 */
const PATH = '/usr/local/bin:/usr/bin:/bin';

/** pnpm 9's wrapper, as `pnpm install` writes it (replayed), for the package `pkg` under node_modules. */
function pnpmWrapper(pkg: string): string {
  return `#!/bin/sh
basedir=$(dirname "$(echo "$0" | sed -e 's,\\\\,/,g')")

case \`uname\` in
    *CYGWIN*) basedir=\`cygpath -w "$basedir"\`;;
esac

if [ -x "$basedir/node" ]; then
  exec "$basedir/node"  "$basedir/../${pkg}/bin/aitrail.js" "$@"
else
  exec node  "$basedir/../${pkg}/bin/aitrail.js" "$@"
fi
`;
}

/** A folder of tools for PATH: a `realpath` whose last part must exist (as macOS's and busybox's), the system's tools after it. */
function strictRealpath(): string {
  const dir = tempDir('aitrail-strict-realpath-');
  writeFileSync(join(dir, 'realpath'), '#!/bin/sh\n[ "$1" = -- ] && shift\nexec /usr/bin/realpath -e -- "$@"\n');
  chmodSync(join(dir, 'realpath'), 0o755);
  return `${dir}:${PATH}`;
}

/** A PATH as macOS before 12.3 has it: no realpath, a readlink without -f. */
function oldMacPath(): string {
  const dir = tempDir('aitrail-old-mac-path-');
  for (const base of ['/usr/local/bin', '/usr/bin', '/bin']) {
    if (!existsSync(base)) continue;
    for (const name of readdirSync(base)) {
      if (name === 'realpath' || name === 'readlink' || existsSync(join(dir, name))) continue;
      try {
        symlinkSync(join(base, name), join(dir, name));
      } catch {
        // a name already linked
      }
    }
  }
  writeFileSync(join(dir, 'readlink'), '#!/bin/sh\ncase $1 in -f) echo "readlink: illegal option -- f" >&2; exit 1 ;; esac\nexec /usr/bin/readlink "$@"\n');
  chmodSync(join(dir, 'readlink'), 0o755);
  return dir;
}

/** aitrail installed by pnpm: node_modules/aitrail -> .pnpm/aitrail@0.1.0/node_modules/aitrail, .bin/aitrail its wrapper; its bin runs the built CLI. */
function pnpmInstalled(): TestRepo {
  const repo = makeRepo({ dir: join(tempDir('aitrail-pnpm-'), 'repo') });
  repo.commit('start\n', { '.gitignore': 'node_modules\n', 'a.txt': 'a\n', '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
  const pkg = join(repo.dir, 'node_modules', '.pnpm', 'aitrail@0.1.0', 'node_modules', 'aitrail');
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"aitrail","version":"0.1.0","bin":{"aitrail":"bin/aitrail.js"}}\n');
  writeFileSync(join(pkg, 'bin', 'aitrail.js'), `#!/usr/bin/env node\nrequire(${JSON.stringify(BIN)});\n`);
  symlinkSync('.pnpm/aitrail@0.1.0/node_modules/aitrail', join(repo.dir, 'node_modules', 'aitrail'));
  mkdirSync(join(repo.dir, 'node_modules', '.bin'));
  writeFileSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'), pnpmWrapper('aitrail'));
  chmodSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'), 0o755);
  return repo;
}

function commit(repo: TestRepo, path: string, model: string): ReturnType<typeof spawnSync> {
  repo.write('a.txt', `${Math.random()}\n`);
  repo.git(['add', 'a.txt']);
  return spawnSync('git', ['commit', '-q', '-m', 'AI change'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, PATH: path, AITRAIL_MODEL: model }, encoding: 'utf8' });
}

function judged(repo: TestRepo, path: string): void {
  // Twice: the second commit's hooks may read the note that git tracks nothing under node_modules.
  for (let i = 0; i < 2; i++) {
    const denied = commit(repo, path, 'qwen/qwen3-coder');
    expect(denied.status).not.toBe(0);
    expect(denied.stderr).toMatch(/qwen/);
    expect(denied.stderr).not.toMatch(/comes from the repository/);
    const allowed = commit(repo, path, 'openai/gpt-5');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(allowed.stderr).not.toMatch(/comes from the repository/);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  }
}

describe("aitrail installed by pnpm (its .bin wrapper names \"$basedir/node\", absent)", () => {
  it('init does not warn that the hooks will find no aitrail', () => {
    const repo = pnpmInstalled();
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env: { PATH } });
    expect(init.code, init.stderr).toBe(0);
    expect(`${init.stdout}${init.stderr}`).not.toMatch(/will not find the aitrail binary/);
  });

  it("an agent's commit is judged with a realpath whose last part must exist (macOS, busybox)", () => {
    const repo = pnpmInstalled();
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    judged(repo, strictRealpath());
  });

  it("an agent's commit is judged with no realpath and a readlink without -f (macOS before 12.3)", () => {
    const repo = pnpmInstalled();
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    judged(repo, oldMacPath());
  });

  it("a wrapper whose target leads into a folder the repository commits is still refused with a strict realpath", () => {
    const repo = makeRepo({ dir: join(tempDir('aitrail-pnpm-'), 'repo') });
    const marker = join(repo.dir, '..', 'pwned');
    repo.commit('start\n', {
      '.gitignore': 'node_modules\n',
      'a.txt': 'a\n',
      'vendor/aitrail/package.json': '{"name":"aitrail","version":"9.9.9","bin":{"aitrail":"bin/aitrail.js"}}\n',
      'vendor/aitrail/bin/aitrail.js': `require('fs').writeFileSync(${JSON.stringify(marker)}, '');\n`,
    });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync('../vendor/aitrail', join(repo.dir, 'node_modules', 'aitrail'));
    writeFileSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'), pnpmWrapper('aitrail'));
    chmodSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'), 0o755);
    const path = strictRealpath();
    for (let i = 0; i < 2; i++) {
      const result = commit(repo, path, 'qwen/qwen3-coder');
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/aitrail: commit blocked: node_modules\/\.bin\/aitrail comes from the repository/);
      expect(existsSync(marker)).toBe(false);
    }
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env: { PATH } });
    expect(`${init.stdout}${init.stderr}`).toMatch(/the hooks will not find the aitrail binary/);
  });
});

describe("an npm link whose real path ends in a line break (a package's \"bin\": \"bin/ai\\n\")", () => {
  it("is judged by that exact name: the repository's committed file is refused, never run", () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-bin-newline-', 'bin/ai\n');
    // As npm 10 links them (npm install --ignore-scripts, replayed).
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync('../vendor/aitrail', join(repo.dir, 'node_modules', 'aitrail'));
    symlinkSync('../aitrail/bin/ai\n', join(repo.dir, 'node_modules', '.bin', 'aitrail'));
    for (let i = 0; i < 2; i++) {
      const result = commit(repo, PATH, 'qwen/qwen3-coder');
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/aitrail: commit blocked: node_modules\/\.bin\/aitrail comes from the repository/);
      expect(existsSync(marker)).toBe(false);
    }
  });
});

describe("pnpm's wrapper of a bin path holding shell syntax (pnpm writes it unescaped inside double quotes)", () => {
  it('a `bin` of `bin/a$(sh x)`: refused, the shell never runs the repository\'s x', () => {
    const repo = makeRepo({ dir: join(tempDir('aitrail-pnpm-subst-'), 'repo') });
    const marker = join(repo.dir, '..', 'pwned');
    repo.commit('start\n', { '.gitignore': 'node_modules\n', 'a.txt': 'a\n', x: `touch '${marker}'\n` });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    // As pnpm 9 installs a `file:` dependency whose package.json says "bin": {"aitrail": "bin/a$(sh x)"} (replayed): a copy under .pnpm, the wrapper naming it.
    const pkg = join(repo.dir, 'node_modules', '.pnpm', 'aitrail@file+vendor+aitrail', 'node_modules', 'aitrail');
    mkdirSync(join(pkg, 'bin'), { recursive: true });
    writeFileSync(join(pkg, 'bin', 'a$(sh x)'), '#!/usr/bin/env node\n');
    symlinkSync('.pnpm/aitrail@file+vendor+aitrail/node_modules/aitrail', join(repo.dir, 'node_modules', 'aitrail'));
    mkdirSync(join(repo.dir, 'node_modules', '.bin'));
    writeFileSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'), pnpmWrapper('aitrail').replaceAll('aitrail/bin/aitrail.js', 'aitrail/bin/a$(sh x)'));
    chmodSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'), 0o755);
    for (let i = 0; i < 2; i++) {
      const result = commit(repo, PATH, 'qwen/qwen3-coder');
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/aitrail: commit blocked: node_modules\/\.bin\/aitrail comes from the repository/);
      expect(existsSync(marker)).toBe(false);
    }
    // init judges it as the hooks do (src/install/binary-reachable.ts): it warns that they will find no aitrail.
    const again = aitrail(repo.dir, ['init', '--mode', 'git'], { env: { PATH } });
    expect(`${again.stdout}${again.stderr}`).toMatch(/the hooks will not find the aitrail binary/);
    expect(existsSync(marker)).toBe(false);
  });

  it('a `"` in the bin path ending the quoted target early: refused', () => {
    const repo = makeRepo({ dir: join(tempDir('aitrail-pnpm-quote-'), 'repo') });
    const marker = join(repo.dir, '..', 'pwned');
    repo.commit('start\n', { '.gitignore': 'node_modules\n', 'a.txt': 'a\n', x: `touch '${marker}'\n` });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'), pnpmWrapper('aitrail').replaceAll('aitrail/bin/aitrail.js"', 'aitrail/bin/a" "$(sh x)'));
    chmodSync(join(repo.dir, 'node_modules', '.bin', 'aitrail'), 0o755);
    const result = commit(repo, PATH, 'qwen/qwen3-coder');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/comes from the repository/);
    expect(existsSync(marker)).toBe(false);
  });
});
