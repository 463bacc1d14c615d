import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, BIN, envWithAitrailOnPath, nodeForHooks } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';
import { npmInstall } from '../helpers/pnpm.js';

interface StatusJson {
  hooks: { hook: string; state: string; active: boolean; note?: string }[];
}

/**
 * Row 851: since row 825 husky mode's block cleans PATH as the git-mode shims do before its gates' tools, its
 * lookup and aitrail itself, so a committed `file:` package's `node`, `grep`, `tail` (linked into node_modules/.bin by
 * real npm `--ignore-scripts`, husky's PATH holding that folder first) no longer run at a commit or a push; init still
 * warned that they did (exit 2, "Remove the package … or run aitrail's own hooks") and status called every husky hook
 * inactive. Each planted tool here passes through to the system's and writes its name to a marker, so a run is seen.
 */
function huskyRepoWithTools(tools: readonly string[]) {
  const root = tempDir('aitrail-husky-tools-');
  const marker = join(root, 'ran');
  const repo = makeRepo({ dir: join(root, 'repo') });
  const folder = join(repo.dir, 'vendor', 'fake');
  mkdirSync(folder, { recursive: true });
  const bin: Record<string, string> = {};
  for (const tool of tools) {
    const real = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
    expect(real).not.toBe('');
    writeFileSync(join(folder, `${tool}.sh`), `#!/bin/sh\necho ${tool} >>'${marker}'\nexec '${real}' "$@"\n`);
    chmodSync(join(folder, `${tool}.sh`), 0o755);
    bin[tool] = `${tool}.sh`;
  }
  writeFileSync(join(folder, 'package.json'), `${JSON.stringify({ name: 'fake', version: '1.0.0', bin })}\n`);
  repo.commit('chore: start\n', { '.gitignore': 'node_modules\n', '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': '{"name":"app","version":"1.0.0","devDependencies":{"fake":"file:vendor/fake"}}\n' });
  npmInstall(repo.dir);
  for (const tool of tools) expect(existsSync(join(repo.dir, 'node_modules', '.bin', tool))).toBe(true);
  const env = envWithAitrailOnPath();
  return { repo, marker, env, init: aitrail(repo.dir, ['init', '--mode', 'husky'], { env }) };
}

/** Qwen's commit (`deny: ["qwen/*"]`) refused by aitrail's policy and HEAD unmoved; GPT-5's then recorded. */
function qwenRefusedGptRecorded(repo: ReturnType<typeof makeRepo>, env: NodeJS.ProcessEnv) {
  repo.write('q.txt', 'q\n');
  repo.git(['add', 'q.txt']);
  const head = repo.git(['rev-parse', 'HEAD']);
  const qwen = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by qwen'], { env: { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' } });
  expect(qwen.code).not.toBe(0);
  expect(qwen.stderr).toContain('model-denied');
  expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
  const gpt = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: by gpt'], { env: { ...env, AITRAIL_MODEL: 'openai/gpt-5' } });
  expect(gpt.code, gpt.stderr).toBe(0);
  expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
  return { qwen, gpt };
}

describe('husky mode: init and status name only the tools aitrail\'s lines still run under husky\'s PATH (row 851)', () => {
  it('a committed file: package whose bins are node, grep and tail: init exits 0 and warns of none, status calls the hooks active; commits and a push run none of them', () => {
    const { repo, marker, env, init } = huskyRepoWithTools(['node', 'grep', 'tail']);
    expect(init.code, init.stdout + init.stderr).toBe(0);
    expect(init.stdout).not.toContain("under husky's PATH, which the repository provides");
    expect(init.stdout).toContain('Next: commit as usual');
    const json = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { env }).stdout) as StatusJson;
    const husky = json.hooks.filter((hook) => hook.state === 'husky');
    expect(husky.length).toBeGreaterThan(0);
    expect(husky.every((hook) => hook.active)).toBe(true);
    // What init no longer warns of holds: real husky 9 runs the block with node_modules/.bin first on PATH.
    expect(tryGit(repo.dir, ['add', '.husky']).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: husky'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    qwenRefusedGptRecorded(repo, env);
    const person = tryGit(repo.dir, ['commit', '-q', '--allow-empty', '-m', 'chore: by hand'], { env });
    expect(person.code, person.stderr).toBe(0);
    const bare = join(tempDir('aitrail-husky-tools-bare-'), 'server.git');
    expect(tryGit(repo.dir, ['init', '-q', '--bare', bare]).code).toBe(0);
    const push = tryGit(repo.dir, ['push', '-q', bare, 'HEAD:refs/heads/main'], { env });
    expect(push.code, push.stderr).toBe(0);
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toBe('');
  });

  it('what the block still runs by name is still said: a package whose bin is cat (the stdin kept at the top of .husky/pre-push)', () => {
    const { init } = huskyRepoWithTools(['cat']);
    expect(init.code).not.toBe(0);
    expect(init.stdout).toContain("the stdin kept at the top of .husky/pre-push and .husky/post-rewrite, .husky/post-checkout's copy of husky's runtime into a new worktree) run node_modules/.bin/cat -> vendor/fake/cat.sh (as cat) under husky's PATH, which the repository provides");
  });
});

/**
 * Row 852: past yarn 2+'s PATH wrapper (`yarn run`/`yarn exec` put their folder first on PATH, row 804) the shims took
 * PATH's very next aitrail and, when it was the repository's, refused the commit, where the walk before the wrapper
 * (row 825) passes the repository's over: with `.` (or `./node_modules/.bin`) on the person's PATH and a committed
 * ./aitrail, every agent's commit under `yarn run` was blocked, its message telling a person whose aitrail is global to
 * `npm i -g aitrail`; init/status (hookBinary) named no binary. The wrapper here has yarn's two lines (makePathWrapper).
 */
describe('past yarn\'s PATH wrapper, the repository\'s aitrail is passed over for PATH\'s next (row 852)', () => {
  it('yarn\'s wrapper, then a committed ./aitrail on `.`, then the person\'s: the person\'s runs; Qwen refused, GPT-5 recorded; status names it', () => {
    const root = tempDir('aitrail-yarn-next-');
    const marker = join(root, 'pwned');
    const repo = makeRepo({ dir: join(root, 'repo') });
    const person = envWithAitrailOnPath();
    const global = (person.PATH ?? '').split(':')[0] ?? '';
    const xfs = join(root, 'xfs-1234');
    mkdirSync(xfs);
    writeFileSync(join(xfs, 'aitrail'), `#!/bin/sh\nexec "${nodeForHooks()}" '${BIN}' "$@"\n`);
    chmodSync(join(xfs, 'aitrail'), 0o755);
    writeFileSync(join(repo.dir, 'aitrail'), `#!/bin/sh\ntouch '${marker}'\nexit 0\n`);
    chmodSync(join(repo.dir, 'aitrail'), 0o755);
    repo.commit('chore: start\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    expect(repo.git(['ls-files', 'aitrail'])).toBe('aitrail');
    expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env: person }).code).toBe(0);
    const env = { ...person, PATH: `${xfs}:.:${person.PATH ?? ''}` };
    const status = aitrail(repo.dir, ['status'], { env });
    expect(status.stdout).toContain(`Binary the hooks run: ${join(global, 'aitrail')}`);
    const { qwen, gpt } = qwenRefusedGptRecorded(repo, env);
    expect(qwen.stderr).not.toContain('npm i -g aitrail');
    expect(gpt.stderr).toContain(`not running ./aitrail: it comes from the repository (git tracks it or files under node_modules); using ${join(global, 'aitrail')} instead.`);
    expect(existsSync(marker)).toBe(false);
  });
});
