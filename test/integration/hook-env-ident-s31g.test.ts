import { execFileSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';

// Differential: in real hooks of real git operations, the author the commit hooks read
// (gatherCommitTimeSignals: from the environment where that is exact) equals what
// `git var GIT_AUTHOR_IDENT` answers in that very hook, and the git dir they read (hookGitDir,
// worktreeGitDir: GIT_DIR or the message file's directory) is the one `git rev-parse
// --absolute-git-dir` names; and `git commit`, which exports the author, costs them no git process.

const dist = resolve(fileURLToPath(import.meta.url), '../../../dist');
// Session 56 k (issue 12 item 4): each hook records, in shell, what it was given (argv, cwd, its whole environment)
// and what git answers in that very hook (`git var GIT_AUTHOR_IDENT`, `git rev-parse --absolute-git-dir`); one node
// process then runs aitrail's functions on each record, in that cwd and environment, instead of ~100 node starts.
const HOOK = `#!/bin/sh
d=$(mktemp -d "$PROBE_DIR/p.XXXXXX") || exit 1
printf '%s' "$HOOK_NAME" > "$d/hook"
if [ $# -gt 0 ]; then printf '%s' "$1" > "$d/file"; fi
pwd -P > "$d/cwd"
env -0 > "$d/env"
git var GIT_AUTHOR_IDENT > "$d/ident" 2>/dev/null || rm -f "$d/ident"
git rev-parse --absolute-git-dir > "$d/gitdir" 2>/dev/null || :
`;
const PROBE = `
import { appendFileSync, existsSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gatherCommitTimeSignals } from ${JSON.stringify(join(dist, 'hooks/commit-time-signals.js'))};
import { hookGitDir, worktreeGitDir } from ${JSON.stringify(join(dist, 'hooks/hook-git-dir.js'))};
const [dir, log] = process.argv.slice(2);
const read = (d, name) => (existsSync(join(d, name)) ? readFileSync(join(d, name), 'utf8') : undefined);
for (const name of readdirSync(dir)) {
  const d = join(dir, name);
  const hook = read(d, 'hook');
  const file = read(d, 'file');
  const cwd = read(d, 'cwd').replace(/\\n$/, '');
  const env = Object.fromEntries(read(d, 'env').split('\\0').filter(Boolean).map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)]));
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, env);
  process.chdir(cwd);
  const trace = join(d, 'trace');
  rmSync(trace, { force: true });
  process.env.GIT_TRACE = trace;
  const gitDir = file === undefined ? await worktreeGitDir(cwd, process.env) : hookGitDir(cwd, process.env, file);
  const signals = await gatherCommitTimeSignals(cwd, gitDir ?? cwd, process.env);
  let spawned = '';
  try { spawned = readFileSync(trace, 'utf8'); } catch {}
  delete process.env.GIT_TRACE;
  const ident = read(d, 'ident');
  const match = ident === undefined ? null : /^(.*?) ?<([^<>]*)>(?: -?\\d+ [+-]\\d{4})?\\s*$/.exec(ident.replace(/\\n$/, ''));
  const pick = (...names) => Object.fromEntries(names.filter((n) => env[n] !== undefined).map((n) => [n, env[n]]));
  appendFileSync(log, JSON.stringify({
    op: env.PROBE_OP, hook, exported: pick('GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_AUTHOR_NAME', 'GIT_AUTHOR_EMAIL', 'GIT_AUTHOR_DATE', 'GIT_PREFIX'),
    author: signals.author ?? null, gitVar: match ? { name: match[1], email: match[2] } : null,
    gitDir: gitDir === undefined ? null : realpathSync(gitDir), absoluteGitDir: (read(d, 'gitdir') ?? '').trim(),
    spawned: [...spawned.matchAll(/trace: built-in: git (\\S+)/g)].map((m) => m[1]),
  }) + '\\n');
}
`;

let probeBundle: string | undefined;
/**
 * The probe with the dist modules it imports in one file, bundled once per test file and run once per
 * operations() (it replays every hook's record). The same built code runs (dist/ holds no import.meta
 * or require() that bundling would change: checked here).
 */
function probeSource(): string {
  if (probeBundle !== undefined) return probeBundle;
  const built = buildSync({ stdin: { contents: PROBE, loader: 'js', resolveDir: dist, sourcefile: 'probe.mjs' }, bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'silent' });
  const text = built.outputFiles[0]?.text ?? '';
  expect(text).toContain('gatherCommitTimeSignals');
  expect(text).not.toMatch(/import\.meta|\brequire\(/);
  probeBundle = text;
  return text;
}

interface Probe {
  op: string;
  hook: string;
  exported: Record<string, string>;
  author: { name: string; email: string } | null;
  gitVar: { name: string; email: string } | null;
  gitDir: string | null;
  absoluteGitDir: string;
  spawned: string[];
}

/** Environments a person may commit in: no author set (the config's), both set with git's crud, only the name (the address from config). */
const AUTHOR_ENVS: Record<string, NodeJS.ProcessEnv> = {
  'config identity': { GIT_AUTHOR_NAME: undefined, GIT_AUTHOR_EMAIL: undefined },
  'crud in env': { GIT_AUTHOR_NAME: ' "Cla<ude>". ', GIT_AUTHOR_EMAIL: '<noreply@anthropic.com>.' },
  'name only': { GIT_AUTHOR_NAME: 'Claude', GIT_AUTHOR_EMAIL: undefined },
};
/**
 * The operations probed in the environments that set the author: those that export none (merge and
 * the sequencer's own commits read the person's variables) and two `git commit`s (which export the
 * author stripped, whatever the variables held); the rest only differ in the git dir, which the
 * config identity's run checks in every operation.
 */
const AUTHOR_OPS = new Set(['commit', 'commit --author', 'merge', 'cherry-pick', 'revert', 'rebase (pick)', 'merge in a worktree']);

function setUp() {
  const root = tempDir('aitrail-s31g-');
  const hooks = join(root, 'hooks');
  mkdirSync(hooks);
  writeFileSync(join(root, 'probe.mjs'), probeSource());
  for (const hook of ['prepare-commit-msg', 'commit-msg', 'post-commit']) {
    writeFileSync(join(hooks, hook), HOOK.replace('#!/bin/sh\n', `#!/bin/sh\nHOOK_NAME=${hook}\n`), { mode: 0o755 });
  }
  const log = join(root, 'probe.log');
  const records = join(root, 'records');
  mkdirSync(records);
  // core.hooksPath (and an identity) through the environment: the same in worktrees, submodules and a bare repository's work tree.
  const base: NodeJS.ProcessEnv = { ...TEST_GIT_ENV, GIT_CONFIG_COUNT: '4', GIT_CONFIG_KEY_0: 'core.hooksPath', GIT_CONFIG_VALUE_0: hooks, GIT_CONFIG_KEY_1: 'protocol.file.allow', GIT_CONFIG_VALUE_1: 'always',
    GIT_CONFIG_KEY_2: 'user.name', GIT_CONFIG_VALUE_2: 'Config Human', GIT_CONFIG_KEY_3: 'user.email', GIT_CONFIG_VALUE_3: 'config@example.com', PROBE_DIR: records, GIT_EDITOR: 'true' };
  delete base.GIT_COMMITTER_NAME;
  delete base.GIT_COMMITTER_EMAIL;
  return { root, log, records, base };
}

function run(cwd: string, env: NodeJS.ProcessEnv, args: string[]): string {
  const clean = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
  return execFileSync('git', args, { cwd, env: clean, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every operation of the brief (or those `only` names), in `authorEnv`; the probes' records. */
function operations(authorEnv: NodeJS.ProcessEnv, only?: ReadonlySet<string>): Probe[] {
  const { root, log, records, base } = setUp();
  const repo = makeRepo({ dir: join(root, 'repo') });
  const dir = repo.dir;
  // Set-up steps run no hooks (an empty hooks folder): only the operations' probes start node.
  const noHooks = join(root, 'no-hooks');
  mkdirSync(noHooks);
  const quiet: NodeJS.ProcessEnv = { ...base, GIT_CONFIG_VALUE_0: noHooks, PROBE_DIR: join(root, 'no-records') };
  // Under `only`, the other operations run as set-up (their git effects, no probes).
  const doing = (op: string, cwd: string, args: string[], extra: NodeJS.ProcessEnv = {}) =>
    only === undefined || only.has(op) ? run(cwd, { ...base, ...authorEnv, PROBE_OP: op, ...extra }, args) : run(cwd, { ...quiet, ...extra }, args);
  repo.commit('initial\n', { 'a.txt': 'a\n' });
  const setupCommit = (cwd: string, file: string, message: string) => {
    writeFileSync(join(cwd, file), `${message}\n`);
    run(cwd, quiet, ['add', '-A']);
    run(cwd, quiet, ['commit', '-q', '-m', message]);
  };

  writeFileSync(join(dir, 'b.txt'), 'b\n');
  run(dir, quiet, ['add', 'b.txt']);
  doing('commit', dir, ['commit', '-q', '-m', 'plain commit']);
  doing('commit --amend', dir, ['commit', '-q', '--amend', '-m', 'amended']);
  doing('commit -C', dir, ['commit', '-q', '--allow-empty', '-C', 'HEAD']);
  doing('commit -c', dir, ['commit', '-q', '--allow-empty', '-c', 'HEAD']);
  doing('commit --author', dir, ['commit', '-q', '--allow-empty', '--author', 'Given Author <given@example.com>', '-m', 'given author']);
  doing('commit --date', dir, ['commit', '-q', '--allow-empty', '--date', '2020-01-02T03:04:05+0530', '-m', 'given date']);
  mkdirSync(join(dir, 'sub'));
  doing('commit from a subdirectory', join(dir, 'sub'), ['commit', '-q', '--allow-empty', '-m', 'from sub']);

  run(dir, quiet, ['checkout', '-q', '-b', 'side']);
  setupCommit(dir, 'side.txt', 'side work');
  setupCommit(dir, 'side2.txt', 'side work 2');
  run(dir, quiet, ['checkout', '-q', 'main']);
  setupCommit(dir, 'main.txt', 'main work');
  doing('merge', dir, ['merge', '-q', '--no-ff', '--no-edit', 'side']);
  run(dir, quiet, ['checkout', '-q', '-b', 'picks', 'HEAD~1']);
  doing('cherry-pick', dir, ['cherry-pick', 'side~1']);
  doing('cherry-pick --edit', dir, ['cherry-pick', '--edit', 'side']);
  doing('revert', dir, ['revert', '--no-edit', 'HEAD']);
  setupCommit(dir, 'c.txt', 'to squash one');
  setupCommit(dir, 'd.txt', 'to squash two');
  doing('rebase -i reword + squash', dir, ['rebase', '-q', '-i', 'HEAD~3'], { GIT_SEQUENCE_EDITOR: "sed -i -e '1s/^pick/reword/' -e '3s/^pick/squash/'" });
  doing('rebase (pick)', dir, ['rebase', '-q', '--force-rebase', 'HEAD~2']);
  run(dir, quiet, ['checkout', '-q', '-b', 'side3', 'main']);
  setupCommit(dir, 'side3.txt', 'side work 3');
  run(dir, quiet, ['checkout', '-q', 'main']);

  run(dir, quiet, ['worktree', 'add', '-q', join(root, 'wt'), '-b', 'wt']);
  doing('commit in a worktree', join(root, 'wt'), ['commit', '-q', '--allow-empty', '-m', 'in worktree']);
  doing('merge in a worktree', join(root, 'wt'), ['merge', '-q', '--no-ff', '--no-edit', 'side3']);

  doing('--git-dir/--work-tree', dir, ['--git-dir=.git', '--work-tree=.', 'commit', '-q', '--allow-empty', '-m', 'explicit dirs']);
  doing('GIT_DIR from a subdirectory', join(dir, 'sub'), ['commit', '-q', '--allow-empty', '-m', 'GIT_DIR relative'], { GIT_DIR: '../.git', GIT_WORK_TREE: '..' });
  doing('GIT_DIR absolute', dir, ['commit', '-q', '--allow-empty', '-m', 'GIT_DIR absolute'], { GIT_DIR: join(dir, '.git') });

  // A bare repository with core.worktree (dotfiles-style).
  const bare = makeRepo({ bare: true, dir: join(root, 'bare.git') });
  mkdirSync(join(root, 'home'));
  bare.git(['config', 'core.bare', 'false']);
  bare.git(['config', 'core.worktree', join(root, 'home')]);
  writeFileSync(join(root, 'home', 'rc'), 'x\n');
  run(join(root, 'home'), { ...quiet, GIT_DIR: bare.dir }, ['add', 'rc']);
  doing('bare + core.worktree', join(root, 'home'), ['commit', '-q', '-m', 'dotfile'], { GIT_DIR: bare.dir });
  doing('bare + core.worktree, --git-dir', join(root, 'home'), [`--git-dir=${bare.dir}`, 'commit', '-q', '--allow-empty', '-m', 'dotfile 2']);

  // A submodule (its .git a file naming .git/modules/lib).
  const lib = makeRepo({ dir: join(root, 'lib') });
  lib.commit('lib\n', { 'l.txt': 'l\n' });
  run(dir, quiet, ['submodule', 'add', '-q', lib.dir, 'lib']);
  run(dir, quiet, ['commit', '-q', '-m', 'add lib']);
  doing('commit in a submodule', join(dir, 'lib'), ['commit', '-q', '--allow-empty', '-m', 'in submodule']);

  execFileSync(process.execPath, [join(root, 'probe.mjs'), records, log], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  expect(existsSync(log)).toBe(true);
  return readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Probe);
}

describe('the hooks read the author and the git dir as git would answer them', () => {
  for (const [name, authorEnv] of Object.entries(AUTHOR_ENVS)) {
    it(`in every operation's hooks, ${name}`, () => {
      const only = name === 'config identity' ? undefined : AUTHOR_OPS;
      const probes = operations(authorEnv, only);
      if (process.env.S31G_PRINT) for (const probe of probes) console.log(JSON.stringify(probe));
      const ops = new Set(probes.map((probe) => probe.op));
      expect(ops.size).toBe(only?.size ?? 21);
      for (const probe of probes) {
        const where = `${probe.op} (${probe.hook})`;
        expect(probe.gitVar, where).not.toBeNull();
        expect(probe.author, where).toEqual(probe.gitVar);
        expect(probe.gitDir, where).toBe(probe.absoluteGitDir);
        // git commit exports the author it will record (stripped as git strips it): no git process.
        if (probe.exported.GIT_AUTHOR_DATE !== undefined && probe.exported.GIT_AUTHOR_NAME !== undefined && probe.exported.GIT_AUTHOR_EMAIL !== undefined) expect(probe.spawned, where).toEqual([]);
      }
      // The commits git commit makes: no process at all (the git dir from the message file or GIT_DIR, the author from git's export).
      const plain = probes.filter((probe) => probe.op === 'commit' && probe.hook !== 'post-commit');
      expect(plain.length).toBe(2);
      for (const probe of plain) expect(probe.spawned).toEqual([]);
    });
  }
});
