import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { aitrail, envWithAitrailOnPath } from './cli.js';
import { QWEN, commitCase, policyServer, tryGit, type GitResult, type Project } from './enforce-repos.js';
import { tempDir } from './gitdir.js';

/** `git push` in the background: its result when it ends. */
export function pushLater(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawn('git', ['push', ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * The admin's dispatcher in the bare repository `remote`: runs aitrail's installed pre-receive shim as
 * one of its hooks (AITRAIL_RECEIVE_PID=$PPID exported, as the README says), then, when the test left
 * `<gate>/hold`, writes `<gate>/held` and waits for `<gate>/go`. Returns the gate folder.
 */
export function holdingDispatcher(remote: string): string {
  const hooks = join(remote, 'hooks');
  const gate = tempDir('aitrail-gate-');
  renameSync(join(hooks, 'pre-receive'), join(hooks, 'aitrail-pre-receive'));
  writeFileSync(
    join(hooks, 'pre-receive'),
    `#!/bin/sh\nexport AITRAIL_RECEIVE_PID=$PPID\n"$(dirname "$0")/aitrail-pre-receive" "$@" || exit $?\nif [ -f "${gate}/hold" ]; then rm -f "${gate}/hold"; : >"${gate}/held"; while [ ! -f "${gate}/go" ]; do sleep 0.05; done; fi\nexit 0\n`,
  );
  chmodSync(join(hooks, 'pre-receive'), 0o755);
  return gate;
}

/** policyServer denying `qwen/*`, then `aitrail init` run in its bare repository (pre-receive and reference-transaction shims), aitrail on `env`'s PATH. */
export function initServer(): Project & { env: NodeJS.ProcessEnv } {
  const project = policyServer('policy:\n  deny: ["qwen/*"]\n');
  const env = envWithAitrailOnPath();
  const init = aitrail(project.remote.dir, ['init'], { env });
  expect(init.code, init.stderr).toBe(0);
  expect(existsSync(join(project.remote.dir, 'hooks', 'reference-transaction'))).toBe(true);
  return { ...project, env };
}

/**
 * aitrail's receive lock planted as held by process `pid` (a push killed holding it, its id since
 * given to `pid`), then a person's commit `<name>.ts` pushed: the push's result. The shim's wait for a
 * live holder is a second (AITRAIL_RECEIVE_LOCK_WAIT=1, 10 tries of 0.1 s), so a lock waited on, not taken
 * over, is refused ("has held aitrail's lock … for 1 s"): the wait the shim reports, never a wall-time bound
 * that a loaded machine stretches (the minute's wait is 600 sleeps, at least 60 s whatever the load).
 */
export function pushPastHeldLock(server: Project & { env: NodeJS.ProcessEnv }, pid: number, name: string): { push: GitResult } {
  const lock = join(server.remote.dir, 'aitrail', 'receive.lock');
  mkdirSync(lock, { recursive: true });
  writeFileSync(join(lock, 'pid'), `${pid}\n`);
  server.work.write(`${name}.ts`, `export const ${name} = 1;\n`);
  server.work.git(['add', '-A']);
  server.work.git(['commit', '-q', '--no-verify', '-m', `feat: ${name}`]);
  const push = tryGit(server.work.dir, ['push', 'origin', 'main'], { env: { ...server.env, AITRAIL_RECEIVE_LOCK_WAIT: '1' } });
  return { push };
}

const NOBODY = 65534;

/** Whether this run may replay a server whose /proc is changed by `hideProc` (a shell line): Linux, root, `unshare --mount-proc` working. */
export function canHideProc(hideProc: string): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('unshare', ['-mpf', '--mount-proc', 'sh', '-c', hideProc], { timeout: 10_000 }).status === 0;
}

/**
 * A server (initServer) owned by nobody, aitrail's receive lock held by another ssh user's live push
 * (uid 1, `sleep 300`, its id in the lock as a push writes it), then a person's commit `h.ts` pushed
 * by nobody's receive-pack, all in a mount and pid namespace of its own (`unshare --mount-proc`: the
 * host's /proc is left as it is) whose /proc is first changed by `hideProc` (a shell line). The server
 * waits `wait` seconds on a live holder (AITRAIL_RECEIVE_LOCK_WAIT: the same wait as the default minute,
 * shorter). The push's result, the server, the lock's path and the pushed commit.
 */
export function pushAgainstLiveLockHidden(hideProc: string, name: string, wait: number): { push: SpawnSyncReturns<string>; remoteMain: string; pushed: string; lock: string } {
  const { work, remote, env } = initServer();
  expect(spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, remote.dir]).status).toBe(0);
  chmodSync(dirname(remote.dir), 0o755);
  chmodSync(dirname(env.PATH!.split(':')[0]!), 0o755);
  const lock = join(remote.dir, 'aitrail', 'receive.lock');
  mkdirSync(lock, { recursive: true });
  expect(spawnSync('chown', ['-R', `${NOBODY}:${NOBODY}`, join(remote.dir, 'aitrail')]).status).toBe(0);
  work.write('h.ts', 'export const h = 1;\n');
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', 'feat: h']);
  const script = [
    `${hideProc} || exit 90`,
    // The holder: another ssh user's push, alive (uid 1), its id in the lock as a push writes it.
    'setpriv --reuid=1 --regid=1 --clear-groups sleep 300 & h=$!',
    `echo "$h" >'${join(lock, 'pid')}'`,
    `chown -R ${NOBODY}:${NOBODY} '${lock}'`,
    `git push --receive-pack='setpriv --reuid=${NOBODY} --regid=${NOBODY} --clear-groups env TMPDIR=/tmp git-receive-pack' origin main; s=$?`,
    'kill "$h"',
    'exit "$s"',
  ].join('\n');
  const file = join(work.dir, '..', `${name}-push.sh`);
  writeFileSync(file, script);
  const push = spawnSync('unshare', ['-mpf', '--mount-proc', 'sh', file], { cwd: work.dir, env: { ...env, AITRAIL_RECEIVE_LOCK_WAIT: String(wait) }, encoding: 'utf8', timeout: 110_000 });
  const remoteMain = spawnSync('git', ['-c', 'safe.directory=*', 'rev-parse', 'main'], { cwd: remote.dir, env, encoding: 'utf8' }).stdout.trim();
  return { push, remoteMain, pushed: work.git(['rev-parse', 'HEAD']), lock };
}

/** A linked worktree `deploy` of the server's bare repository (an admin's deploy worktree), on a new branch `deploy` at `main`: its path. */
export function deployWorktree(server: Project): string {
  const deploy = join(tempDir(), 'deploy');
  server.remote.git(['worktree', 'add', '-q', '-b', 'deploy', deploy, 'main']);
  return deploy;
}

/**
 * Qwen's commit pushed (`--no-verify`) from the server's work clone to the path of its linked worktree
 * `deploy`: refused as having come in through that worktree, the server's `main` unchanged. The push and the commit.
 */
export function expectWorktreePushRefused(server: Project, deploy: string, env: NodeJS.ProcessEnv): { push: GitResult; qwen: string } {
  const before = server.remote.git(['rev-parse', 'main']);
  const qwen = commitCase(server.work, 'qwen', `feat: qwen\n\n${QWEN}\n`);
  const push = tryGit(server.work.dir, ['push', '--no-verify', deploy, 'main'], { env });
  expect(push.code, push.stderr).not.toBe(0);
  expect(push.stderr).toContain('came in through the linked worktree');
  expect(server.remote.git(['rev-parse', 'main'])).toBe(before);
  return { push, qwen };
}
