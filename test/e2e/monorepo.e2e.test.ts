import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { npmInstall, ok, run } from '../helpers/e2e.js';

// A monorepo whose package.json is in web/: `cd web && npm i -D aitrail && npx aitrail init`, from the packed tarball.
const tarball = inject('tarball');
const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
const QWEN = { AITRAIL_MODEL: 'qwen/qwen3-coder', AITRAIL_AGENT: 'qwen-code' };

const trailer = (repo: TestRepo) => repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)']);
const commit = (cwd: string, subject: string, env: NodeJS.ProcessEnv) => run(cwd, 'git', ['commit', '-q', '--allow-empty', '-m', subject], env);

function monorepo(rootPackage?: object): TestRepo {
  const repo = makeRepo();
  repo.write('.gitignore', 'node_modules/\n');
  if (rootPackage) repo.write('package.json', `${JSON.stringify(rootPackage, null, 2)}\n`);
  repo.write('web/package.json', `${JSON.stringify({ name: 'web', version: '1.0.0', private: true }, null, 2)}\n`);
  repo.write('web/src/app.js', 'export {};\n');
  // Committed on the default branch: the policy every commit is judged by.
  repo.write('.aitrailrc.json', '{ "policy": { "deny": ["qwen/*"] } }\n');
  repo.commit('initial\n');
  return repo;
}

describe.each([
  ['package.json in a sub-folder', undefined, ['web/node_modules/.bin/aitrail']],
  ['npm workspaces (binary hoisted to the top)', { name: 'root', private: true, workspaces: ['web'] }, ['node_modules/.bin/aitrail']],
] as const)('monorepo: %s', (_name, rootPackage, binary) => {
  let repo: TestRepo;
  let web: string;

  beforeAll(() => {
    repo = monorepo(rootPackage);
    web = join(repo.dir, 'web');
    npmInstall(web, [tarball]);
  });

  it('npx aitrail init in web/ installs hooks that run the package binary', () => {
    const init = ok(run(web, 'npx', ['--no', 'aitrail', 'init']));
    expect(init.stdout).toContain(`The hooks run ${binary[0]}`);
    const status = ok(run(join(web, 'src'), 'npx', ['--no', 'aitrail', 'status', '--format', 'json']));
    expect(JSON.parse(status.stdout).binary).toBe(join(repo.dir, binary[0]));
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
