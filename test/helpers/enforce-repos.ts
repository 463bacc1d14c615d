import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { aitrail, BIN, nodeForHooks } from './cli.js';
import { makeRepo, TEST_GIT_ENV, type TestRepo } from './gitdir.js';

/**
 * Install `hooks/<name>` shims that run the built CLI (what `aitrail init` will install), with the node
 * the worker's hooks run under (nodeForHooks: the hook client, test/helpers/hook-node.c): the hook
 * (commit-msg, post-commit ..., and pre-receive, pre-push, post-rewrite with their stdin) runs in the
 * worker's hook server, not a fresh node (~0.1 s of CPU each); the client execs the real node when
 * there is no server (AITRAIL_TEST_HOOKS=spawn).
 */
export function installHooks(hooksDir: string, names: string[], extraArgs = ''): void {
  for (const name of names) {
    const path = join(hooksDir, name);
    writeFileSync(path, `#!/bin/sh\nexec "${nodeForHooks()}" "${BIN}" hook ${name} ${extraArgs} "$@"\n`);
    chmodSync(path, 0o755);
  }
}

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run git expecting it may fail (a hook refusing): status and output, never a throw. */
export function tryGit(cwd: string, args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): GitResult {
  const result = spawnSync('git', args, { cwd, env: { ...TEST_GIT_ENV, ...options.env }, input: options.input ?? '', encoding: 'utf8' });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Stage files and `git commit -F -` (hooks run unless `noVerify`). */
export function commitWith(repo: TestRepo, message: string, files: Record<string, string>, options: { noVerify?: boolean } = {}): GitResult {
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  repo.git(['add', '-A']);
  return tryGit(repo.dir, ['commit', '-q', '--cleanup=verbatim', ...(options.noVerify ? ['--no-verify'] : []), '-F', '-'], { input: message });
}

export interface Project {
  remote: TestRepo;
  work: TestRepo;
  /** The commit on origin/main after set-up (the config commit). */
  base: string;
}

/**
 * What `git push origin main` of the work repository's only commit `base` does to a new bare server
 * without hooks, in 2 git processes instead of ~7 (push, sh, receive-pack, pack-objects,
 * unpack-objects, rev-list, for-each-ref): the commit's objects, all loose in the work repository,
 * copied into the server's (the files unpack-objects writes there: the same objects), the server's
 * `main` and the work repository's `origin/main` set by git update-ref (with the reflog entry push
 * writes). A set-up step no test judges.
 */
function firstPush(work: TestRepo, remote: TestRepo, base: string): void {
  cpSync(join(work.dir, '.git', 'objects'), join(remote.dir, 'objects'), { recursive: true });
  remote.git(['update-ref', 'refs/heads/main', base, '']);
  work.git(['update-ref', '-m', 'update by push', 'refs/remotes/origin/main', base, '']);
}

const madePairs = new Map<string, { remote: string; work: string; base: string }>();
/**
 * A copy of the server and work repository `build` made for `key`, made once per test file and key
 * (temporary directories go with the file): a set-up of ~6 git processes and a commit made once. The
 * work repository's only mention of a path, its origin's url, names the copy's server; git re-reads
 * the copied work tree's files at its next command (their stat data are not the index's).
 */
export function copiedPair(key: string, build: () => Project): Project {
  let made = madePairs.get(key);
  if (made === undefined || !existsSync(made.remote) || !existsSync(made.work)) {
    const built = build();
    made = { remote: built.remote.dir, work: built.work.dir, base: built.base };
    madePairs.set(key, made);
  }
  const remote = makeRepo({ bare: true, copyOf: made.remote });
  const work = makeRepo({ copyOf: made.work });
  const config = join(work.dir, '.git', 'config');
  const text = readFileSync(config, 'utf8');
  const url = `\turl = ${made.remote}\n`;
  if (!text.includes(url)) throw new Error(`no origin url in ${config}`);
  writeFileSync(config, text.replace(url, `\turl = ${remote.dir}\n`));
  return { remote, work, base: made.base };
}

/** A bare remote and a clone-like work repo whose `main` (with `config`) is pushed and tracked (a copy of one made once per file and config). */
export function project(config: string, options: { hooks?: string[] } = {}): Project {
  const made = copiedPair(`project\0${config}`, () => {
    const remote = makeRepo({ bare: true });
    const work = makeRepo();
    work.git(['remote', 'add', 'origin', remote.dir]);
    const base = work.commit('chore: aitrail policy\n', { '.aitrailrc.yml': config, 'README.md': 'hello\n' });
    firstPush(work, remote, base);
    work.git(['branch', '-q', '--set-upstream-to=origin/main', 'main']);
    work.git(['remote', 'set-head', 'origin', 'main']);
    return { remote, work, base };
  });
  installHooks(join(made.work.dir, '.git', 'hooks'), options.hooks ?? ['commit-msg', 'pre-push']);
  return made;
}

/**
 * A bare server whose pre-receive hook runs aitrail (`hookArgs` appended), and a work repo (no
 * hooks of its own) that pushed `config` to the server's `main` and tracks it as `origin/HEAD`
 * (a copy of the pair made once per file and config). `initEnv`: the work repository has the hooks of a
 * real `aitrail init --mode git` run in that environment (once per file and config: the first call's environment; the copy's
 * .git/aitrail repointed by makeRepo's copyOf), a developer's clone.
 * The set-up push goes in before the hook is installed: it is not what a test judges (a push that
 * creates a server's first branch is test/integration/enforce-server.test.ts'), and judging it cost
 * every server a node run.
 */
export function policyServer(config: string, hookArgs = '', options: { initEnv?: NodeJS.ProcessEnv } = {}): Project {
  const { initEnv } = options;
  const made = copiedPair(`policyServer\0${config}\0${initEnv === undefined ? '' : 'init'}`, () => {
    const remote = makeRepo({ bare: true });
    const work = makeRepo();
    work.git(['remote', 'add', 'origin', remote.dir]);
    const base = work.commit('chore: policy\n', { '.aitrailrc.yml': config });
    firstPush(work, remote, base);
    work.git(['remote', 'set-head', 'origin', 'main']);
    // initEnv: the work repository with `aitrail init --mode git`'s hooks, run in that environment once per file and config.
    if (initEnv !== undefined) {
      const init = aitrail(work.dir, ['init', '--mode', 'git'], { env: initEnv });
      expect(init.code, init.stderr).toBe(0);
    }
    return { remote, work, base };
  });
  installHooks(join(made.remote.dir, 'hooks'), ['pre-receive'], hookArgs);
  return made;
}

/** An undeclared co-author line that names a denied model (Qwen Code's own line names no model: it reads as qwen/unknown). */
export const QWEN = 'Co-authored-by: aider (qwen/qwen3-coder) <aider@aider.chat>';
export const CLAUDE_DECLARED = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
export const CLAUDE_COAUTHOR = 'Co-authored-by: Claude Opus 4.6 <noreply@anthropic.com>';

/** A commit of `message` adding its own file (hooks skipped) on the branch checked out: its sha. */
export function commitCase(work: TestRepo, name: string, message: string, file = `src/${name}.ts`): string {
  const made = commitWith(work, message, { [file]: `export const v = ${JSON.stringify(name)};\n` }, { noVerify: true });
  if (made.code !== 0) throw new Error(made.stderr);
  return work.git(['rev-parse', 'HEAD']);
}

export interface JudgedViolation {
  sha: string;
  rule: string;
  model: string;
  severity: string;
}

let batches = 0;

/** Each message, pushed on a branch of its own (pushCase), accepted by the server: a person's words the readers must leave alone. */
export function expectEachPasses(work: TestRepo, messages: readonly string[]): void {
  messages.forEach((message, at) => {
    const push = pushCase(work, `passes-${++batches}-${at}`, message);
    expect(push.code, `${message}\n${push.stderr}`).toBe(0);
  });
}

/**
 * Each message refused by `aitrail check` and by the server's pre-receive hook, whose refs stay
 * without it; `models(modelsOfTheCase, name, violationsOfTheCase)` asserts what check names. The cases are commits of
 * one branch from main, each adding its own file, judged by one check and one push instead of one
 * of each per case: check reports each commit's violations under its sha and the server names each
 * commit it refuses (`error   <sha>`), so every case is still asserted on its own (a case that
 * passes fails the test, named).
 */
export function expectEachRefused(remote: TestRepo, work: TestRepo, cases: Record<string, string>, models?: (found: string[], name: string, violations: JudgedViolation[]) => void, file?: (name: string) => string): void {
  const branch = `refused-${++batches}`;
  work.git(['checkout', '-q', '-b', branch, 'main']);
  const shas = Object.entries(cases).map(([name, message]) => [name, commitCase(work, name, message, file?.(name))] as const);
  const check = aitrail(work.dir, ['check', `main..${branch}`, '--format', 'json'], { timeout: 60_000 });
  const push = tryGit(work.dir, ['push', '--no-verify', 'origin', branch]);
  work.git(['checkout', '-q', 'main']);
  expect(check.code, `${check.stdout}${check.stderr}`).toBe(1);
  const found = (JSON.parse(check.stdout) as { violations: JudgedViolation[] }).violations;
  for (const [name, sha] of shas) {
    const own = found.filter((violation) => violation.sha === sha);
    expect(own.filter((violation) => violation.severity === 'error'), `${name}: ${check.stdout}`).not.toEqual([]);
    models?.(own.map((violation) => violation.model), name, own);
    expect(push.stderr, `${name}: ${push.stderr}`).toContain(`error   ${sha.slice(0, 12)} `);
  }
  expect(push.code, push.stderr).not.toBe(0);
  expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain(`refs/heads/${branch}`);
}

/** expectEachRefused over `{ name: [message, model] }`: each case refused, and among the models check names for it, its model. */
export function expectEachRefusedNaming(remote: TestRepo, work: TestRepo, cases: Record<string, readonly [message: string, model: string]>): void {
  expectEachRefused(remote, work, Object.fromEntries(Object.entries(cases).map(([name, [message]]) => [name, message])), (found, name) => {
    expect(found, name).toContain(cases[name]![1]);
  });
}

/** A commit of `message` on a new branch `name` from main (hooks skipped), pushed to the server: the push's result. */
export function pushCase(work: TestRepo, name: string, message: string, file?: string): GitResult {
  work.git(['checkout', '-q', '-b', name, 'main']);
  commitCase(work, name, message, file);
  const push = tryGit(work.dir, ['push', '--no-verify', 'origin', name]);
  work.git(['checkout', '-q', 'main']);
  return push;
}

/** Path rules that deny Qwen under src/crypto only. */
export const CRYPTO_PATH_POLICY = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';

/** A file link at CRYPTO_PATH_POLICY's protected path, `src/crypto/key.ts -> ../../lib/key.ts`, in the work tree `dir`. */
export const fileLink = (dir: string): void => {
  mkdirSync(join(dir, 'src/crypto'), { recursive: true });
  symlinkSync('../../lib/key.ts', join(dir, 'src/crypto/key.ts'));
};

/** On `work`'s main: lib/ with a placeholder, `link` made by a person, then the path rule added, all pushed (set-up: the person's commits pass). */
export function linkedBeforeTheRule(work: TestRepo, link: (dir: string) => void): void {
  work.write('lib/key.ts', 'export const placeholder = 0;\n');
  work.write('lib/other.ts', 'export const other = 0;\n');
  link(work.dir);
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', 'chore: crypto points at lib']);
  writeFileSync(join(work.dir, '.aitrailrc.yml'), CRYPTO_PATH_POLICY);
  work.git(['commit', '-q', '--no-verify', '-am', 'chore: protect src/crypto']);
  const push = tryGit(work.dir, ['push', '-q', 'origin', 'main']);
  if (push.code !== 0) throw new Error(push.stderr);
  work.git(['fetch', '-q', 'origin']);
}

/** The symbolic link `at` (relative to the work tree `dir`, its folders made, what was there replaced) holding `text`. */
export function linkAt(dir: string, text: string, at: string): void {
  mkdirSync(join(dir, at, '..'), { recursive: true });
  rmSync(join(dir, at), { force: true });
  symlinkSync(text, join(dir, at));
}

/**
 * A path rule through a link: `check origin/main..<branch>` refuses `sha` for path-model-denied at
 * `shown` (the path a link shows `written` at), and the server refuses the push of `branch`.
 */
export function expectLinkRefused(work: TestRepo, remote: TestRepo, branch: string, sha: string, shown: string, written: string): void {
  const check = aitrail(work.dir, ['check', `origin/main..${branch}`, '--format', 'json'], { timeout: 60_000 });
  expect(check.code, check.stdout + check.stderr).toBe(1);
  type Found = Array<{ sha: string; rule: string; paths: string[]; message: string }>;
  const found = (JSON.parse(check.stdout) as { violations: Found }).violations.filter((violation) => violation.rule !== 'undeclared');
  expect(found).toMatchObject([{ sha, rule: 'path-model-denied', paths: [shown] }]);
  expect(found[0]?.message).toContain(`It changed '${written}', which the symbolic link`);
  const push = tryGit(work.dir, ['push', '--no-verify', 'origin', branch]);
  expect(push.code, push.stderr).not.toBe(0);
  expect(push.stderr).toContain(`error   ${sha.slice(0, 12)} `);
  expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).not.toContain(`refs/heads/${branch}`);
}

/**
 * Rows 456, 500, 514 and 528's case: `make`'s links committed by a person before CRYPTO_PATH_POLICY
 * (no model denied otherwise), then Qwen's declared change to `written` on branch `qwen`:
 * expectLinkRefused at `shown`.
 */
export function expectQwenBehindLinkRefused(make: (dir: string) => void, written: string, shown: string): void {
  const { work, remote } = policyServer('policy:\n  deny: []\n');
  linkedBeforeTheRule(work, make);
  work.git(['checkout', '-q', '-b', 'qwen', 'main']);
  const qwen = committed(work, 'feat: key derivation\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { [written]: QWEN_KEY });
  expectLinkRefused(work, remote, 'qwen', qwen, shown, written);
}

/**
 * Rows 470 and 528's move: on `work` (linkedBeforeTheRule done, a directory link showing lib/ under
 * src/crypto), Qwen's declared `other/util.ts` pushed to main, then a person's `git mv` of it to
 * lib/util.ts on `moved`: check refuses the move (path-model-denied at lib/util.ts), the server the push.
 */
export function expectQwenMovedBehindLinkRefused(work: TestRepo): void {
  work.git(['checkout', '-q', '-b', 'moved', 'main']);
  committed(work, 'feat: util\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'other/util.ts': QWEN_KEY });
  expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'moved:main']).code).toBe(0);
  work.git(['fetch', '-q', 'origin']);
  work.git(['mv', '-f', 'other/util.ts', 'lib/util.ts']);
  work.git(['commit', '-q', '--no-verify', '-m', 'chore: move util']);
  const check = aitrail(work.dir, ['check', 'origin/main..moved', '--format', 'json'], { timeout: 60_000 });
  expect(check.code, check.stdout + check.stderr).toBe(1);
  type Found = Array<{ sha: string; rule: string; paths: string[] }>;
  expect((JSON.parse(check.stdout) as { violations: Found }).violations).toMatchObject([{ rule: 'path-model-denied', paths: ['lib/util.ts'] }]);
  expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'moved:main']).code).not.toBe(0);
}

/** A directory link at CRYPTO_PATH_POLICY's protected path, `src/crypto -> ../lib`, in the work tree `dir`. */
export const dirLink = (dir: string): void => {
  mkdirSync(join(dir, 'src'), { recursive: true });
  symlinkSync('../lib', join(dir, 'src/crypto'));
};
/** Qwen's key derivation: allowed in lib/, denied under src/crypto (lines long enough for git blame's copy score). */
export const QWEN_KEY = [
  'export function deriveKey(secret: string): string { return secret.split("").reverse().join("") + "pepper-and-salt"; }',
  'export const ROUNDS_OF_HASHING_FOR_KEYS = 600000;',
  'export function compareConstantTime(left: string, right: string): boolean { return left === right; }',
  '',
].join('\n');

/** commitWith with hooks skipped, that must succeed: the new commit. */
export function committed(work: TestRepo, message: string, files: Record<string, string>): string {
  const made = commitWith(work, message, files, { noVerify: true });
  if (made.code !== 0) throw new Error(made.stderr);
  return work.git(['rev-parse', 'HEAD']);
}

/** A commit object written byte for byte (`headers` after the committer line) on top of `parent`, adding `file`. */
export function rawCommit(repo: TestRepo, parent: string, file: string, headers: string[], message: Buffer): string {
  const blob = repo.git(['hash-object', '-w', '--stdin'], { input: `${file}\n` });
  const tree = repo.git(['mktree'], { input: `${repo.git(['ls-tree', parent])}\n100644 blob ${blob}\t${file}\n` });
  const head = [`tree ${tree}`, `parent ${parent}`, 'author H <h@example.com> 1700000000 +0000', 'committer H <h@example.com> 1700000000 +0000', ...headers, '', ''].join('\n');
  return repo.git(['hash-object', '-t', 'commit', '-w', '--stdin'], { input: Buffer.concat([Buffer.from(head), message]) as unknown as string });
}
