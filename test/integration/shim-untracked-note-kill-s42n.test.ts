import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { npmInstalledRepo, shipBinary } from '../helpers/shim-fast-path.js';

/**
 * The shims' note that git tracks nothing under node_modules (row s42G's, src/install/shim-source.ts
 * untrackedNodeModulesLines) was written as "untracked" before git was asked, and emptied after
 * unless git said so: a hook killed while git answered (Ctrl-C, an agent tool's timeout) left it
 * saying "untracked" with no answer, and the next hook trusted it.
 */
describe("a hook killed while git answers whether node_modules is tracked leaves no note that says it is not", () => {
  it("the next push still refuses the repository's own node_modules/.bin/aitrail", () => {
    const repo = npmInstalledRepo('aitrail-nm-kill-');
    // A hostile branch's node_modules/.bin/aitrail, tracked (git add -f), committed past the hooks.
    const marker = join(repo.dir, '..', 'pwned');
    shipBinary(repo, marker);
    repo.git(['commit', '-q', '--no-verify', '-m', 'vendored']);
    const remote = makeRepo({ bare: true });
    repo.git(['remote', 'add', 'origin', remote.dir]);
    // The pre-push hook run as git runs it, its `git` on PATH killing it (SIGKILL, as a timeout's
    // last signal) when it asks whether node_modules is tracked, before git answers.
    const wrap = join(repo.dir, '..', 'wrap');
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { env: TEST_GIT_ENV, encoding: 'utf8' }).stdout.trim();
    mkdirSync(wrap);
    writeFileSync(
      join(wrap, 'git'),
      [
        '#!/bin/sh',
        'case "$*" in *"--error-unmatch -- node_modules")',
        '  for p in $PPID $(ps -o ppid= -p $PPID); do case $(tr \'\\0\' \' \' <"/proc/$p/cmdline") in *hooks/pre-push*) kill -9 "$p" ;; esac; done',
        '  exit 1 ;;',
        'esac',
        `exec '${realGit}' "$@"`,
      ].join('\n'),
    );
    chmodSync(join(wrap, 'git'), 0o755);
    const env = { ...TEST_GIT_ENV, PATH: '/usr/local/bin:/usr/bin:/bin', AITRAIL_MODEL: 'openai/gpt-5' };
    const killed = spawnSync('sh', ['.git/hooks/pre-push', 'origin', remote.dir], { cwd: repo.dir, env: { ...env, PATH: `${wrap}:${env.PATH}` }, input: '', encoding: 'utf8' });
    expect(killed.signal).toBe('SIGKILL');
    const note = join(repo.dir, '.git', 'aitrail', 'fast-path', 'node-modules-untracked');
    // Before: the note said "untracked" with no answer from git.
    expect(existsSync(note) ? readFileSync(note, 'utf8') : '').not.toContain('untracked');
    const push = spawnSync('git', ['push', 'origin', 'HEAD:refs/heads/main'], { cwd: repo.dir, env, encoding: 'utf8' });
    // Before: the push ran the repository's own binary (it touched the marker) and went through.
    expect(existsSync(marker)).toBe(false);
    expect(push.status).not.toBe(0);
    expect(push.stderr).toContain('comes from the repository');
  });
});
