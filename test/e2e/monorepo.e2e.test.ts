import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, NETWORK_ENV, type TestRepo } from '../helpers/gitdir.js';
import { installPacked, npmInstall, ok, packed, run } from '../helpers/e2e.js';

// A monorepo whose package.json is in web/: `cd web && npm i -D aitrail && npx aitrail init` (or
// pnpm's, yarn's), from the packed tarball; then commits from the top and from a sub-folder.
const { tarball } = packed();
const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const QWEN = { AITRAIL_MODEL: 'qwen/qwen3-coder', AITRAIL_AGENT: 'qwen-code' };

const trailer = (repo: TestRepo) => repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']);
const commit = (cwd: string, subject: string, env: NodeJS.ProcessEnv) => run(cwd, 'git', ['commit', '-q', '--allow-empty', '-m', subject], env);
const onPath = (tool: string) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;
const PNPM = onPath('pnpm');
const YARN = onPath('yarn');

function monorepo(rootPackage?: object, extra: Record<string, string> = {}): TestRepo {
  const repo = makeRepo();
  repo.write('.gitignore', 'node_modules/\n');
  if (rootPackage) repo.write('package.json', `${JSON.stringify(rootPackage, null, 2)}\n`);
  for (const [path, content] of Object.entries(extra)) repo.write(path, content);
  repo.write('web/package.json', `${JSON.stringify({ name: 'web', version: '1.0.0', private: true }, null, 2)}\n`);
  repo.write('web/src/app.js', 'export {};\n');
  // Committed on the default branch: the policy every commit is judged by.
  repo.write('.aitrailrc.json', '{ "policy": { "deny": ["qwen/*"] } }\n');
  repo.commit('initial\n');
  return repo;
}

/**
 * pnpm's layout without pnpm (not installed here): the package and its dependencies under the
 * top's node_modules/.pnpm/<name>@<version>/node_modules, web/node_modules/aitrail a symlink into
 * it, and web/node_modules/.bin/aitrail a sh wrapper (not a symlink) that execs node on the
 * package's bin by a path through .pnpm — as pnpm 9 writes it.
 */
function pnpmLayout(repo: TestRepo): void {
  const store = join(repo.dir, 'node_modules', '.pnpm', 'aitrail@0.1.0');
  mkdirSync(store, { recursive: true });
  installPacked(store);
  mkdirSync(join(repo.dir, 'web', 'node_modules', '.bin'), { recursive: true });
  symlinkSync('../../node_modules/.pnpm/aitrail@0.1.0/node_modules/aitrail', join(repo.dir, 'web', 'node_modules', 'aitrail'));
  const wrapper = join(repo.dir, 'web', 'node_modules', '.bin', 'aitrail');
  writeFileSync(wrapper, `#!/bin/sh
basedir=$(dirname "$(echo "$0" | sed -e 's,\\\\,/,g')")
exec node  "$basedir/../../../node_modules/.pnpm/aitrail@0.1.0/node_modules/aitrail/bin/aitrail.js" "$@"
`);
  chmodSync(wrapper, 0o755);
}

/**
 * yarn classic's layout without yarn: the package hoisted to the top's node_modules (npm
 * workspaces hoist the same way), and web/node_modules/.bin/aitrail a symlink to it, as
 * `yarn add` in a workspace writes it.
 */
function yarnLayout(repo: TestRepo): void {
  installPacked(join(repo.dir, 'web'), repo.dir);
  mkdirSync(join(repo.dir, 'web', 'node_modules', '.bin'), { recursive: true });
  symlinkSync('../../../node_modules/aitrail/bin/aitrail.js', join(repo.dir, 'web', 'node_modules', '.bin', 'aitrail'));
}

interface Layout {
  name: string;
  binary: string;
  setUp: () => { repo: TestRepo; init: (web: string) => ReturnType<typeof run> };
}

const npx = (web: string) => run(web, 'npx', ['--no', 'aitrail', 'init']);
const LAYOUTS: Layout[] = [
  {
    name: 'package.json in a sub-folder (npm)',
    binary: 'web/node_modules/.bin/aitrail',
    setUp: () => {
      const repo = monorepo();
      installPacked(join(repo.dir, 'web'));
      return { repo, init: npx };
    },
  },
  {
    name: 'npm workspaces (binary hoisted to the top)',
    binary: 'node_modules/.bin/aitrail',
    setUp: () => {
      const repo = monorepo({ name: 'root', private: true, workspaces: ['web'] });
      npmInstall(join(repo.dir, 'web'), [tarball]);
      return { repo, init: npx };
    },
  },
  {
    name: `pnpm workspace (${PNPM ? 'pnpm add -D' : 'pnpm not installed: its layout, made by hand'})`,
    binary: 'web/node_modules/.bin/aitrail',
    setUp: () => {
      const repo = monorepo({ name: 'root', private: true }, { 'pnpm-workspace.yaml': 'packages:\n  - web\n' });
      if (!PNPM) {
        pnpmLayout(repo);
        return { repo, init: (web) => run(web, join(web, 'node_modules', '.bin', 'aitrail'), ['init']) };
      }
      ok(run(join(repo.dir, 'web'), 'pnpm', ['add', '-D', '--prefer-offline', tarball], NETWORK_ENV));
      return { repo, init: (web) => run(web, 'pnpm', ['exec', 'aitrail', 'init']) };
    },
  },
  {
    name: `yarn workspaces (${YARN ? 'yarn add -D' : 'yarn not installed: its layout, made with npm and by hand'})`,
    binary: 'web/node_modules/.bin/aitrail',
    setUp: () => {
      const repo = monorepo({ name: 'root', private: true, workspaces: ['web'] });
      if (!YARN) {
        yarnLayout(repo);
        return { repo, init: npx };
      }
      ok(run(join(repo.dir, 'web'), 'yarn', ['add', '-D', '--prefer-offline', '--non-interactive', `file:${tarball}`], NETWORK_ENV));
      return { repo, init: (web) => run(web, 'yarn', ['--silent', 'aitrail', 'init']) };
    },
  },
];

describe.each(LAYOUTS)('monorepo: $name', ({ binary, setUp }) => {
  let repo: TestRepo;
  let web: string;
  let init: (web: string) => ReturnType<typeof run>;

  beforeAll(() => {
    ({ repo, init } = setUp());
    web = join(repo.dir, 'web');
  });

  it('init in web/ installs hooks that run the package binary; status names it from any folder', () => {
    const done = ok(init(web));
    expect(done.stdout).toContain(`The hooks run ${binary}`);
    const status = ok(run(join(web, 'src'), join(repo.dir, binary), ['status', '--format', 'json']));
    expect(JSON.parse(status.stdout).binary).toBe(join(repo.dir, binary));
    expect(ok(run(repo.dir, join(repo.dir, binary), ['status'])).stdout).toContain(binary);
  });

  it.each([
    ['the top', ''],
    ['a sub-folder', 'web/src'],
  ])('a commit from %s is recorded, and a denied model blocked', (_where, folder) => {
    const cwd = join(repo.dir, folder);
    ok(commit(cwd, `allowed from ${folder || 'top'}`, OPUS));
    expect(trailer(repo)).toBe('claude-code:anthropic/claude-opus-4.6');
    const before = repo.git(['rev-parse', 'HEAD']);
    const denied = commit(cwd, 'denied', QWEN);
    expect(denied.status).toBe(1);
    expect(denied.stderr).toMatch(/qwen\/qwen3-coder/);
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(before);
  });
});
