import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './cli.js';
import { makeRepo, TEST_GIT_ENV, type TestRepo } from './gitdir.js';

/** Install `hooks/<name>` shims that run the built CLI (what `aitrail init` will install). */
export function installHooks(hooksDir: string, names: string[], extraArgs = ''): void {
  for (const name of names) {
    const path = join(hooksDir, name);
    writeFileSync(path, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" hook ${name} ${extraArgs} "$@"\n`);
    chmodSync(path, 0o755);
  }
}

export interface GitResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run git expecting it may fail (a hook refusing): status and output, never a throw. */
export function tryGit(cwd: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): GitResult {
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

/** A bare remote and a clone-like work repo whose `main` (with `config`) is pushed and tracked. */
export function project(config: string, options: { hooks?: string[] } = {}): Project {
  const remote = makeRepo({ bare: true });
  const work = makeRepo();
  work.git(['remote', 'add', 'origin', remote.dir]);
  const base = work.commit('chore: aitrail policy\n', { '.aitrailrc.yml': config, 'README.md': 'hello\n' });
  work.git(['push', '-q', '-u', 'origin', 'main']);
  work.git(['remote', 'set-head', 'origin', 'main']);
  installHooks(join(work.dir, '.git', 'hooks'), options.hooks ?? ['commit-msg', 'pre-push']);
  return { remote, work, base };
}

/**
 * A bare server whose pre-receive hook runs aitrail (`hookArgs` appended), and a work repo (no
 * hooks of its own) that pushed `config` to the server's `main` and tracks it as `origin/HEAD`.
 */
export function policyServer(config: string, hookArgs = ''): Project {
  const remote = makeRepo({ bare: true });
  const work = makeRepo();
  work.git(['remote', 'add', 'origin', remote.dir]);
  const base = work.commit('chore: policy\n', { '.aitrailrc.yml': config });
  installHooks(join(remote.dir, 'hooks'), ['pre-receive'], hookArgs);
  const push = tryGit(work.dir, ['push', '-q', 'origin', 'main']);
  if (push.code !== 0) throw new Error(`the first push to the test server failed: ${push.stderr}`);
  work.git(['remote', 'set-head', 'origin', 'main']);
  return { remote, work, base };
}

/** An undeclared co-author line that names a denied model (Qwen Code's own line names no model: it reads as qwen/unknown). */
export const QWEN = 'Co-authored-by: aider (qwen/qwen3-coder) <aider@aider.chat>';
export const CLAUDE_DECLARED = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';
export const CLAUDE_COAUTHOR = 'Co-authored-by: Claude Opus 4.6 <noreply@anthropic.com>';
