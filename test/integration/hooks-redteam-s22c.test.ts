import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit, type JudgedViolation } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
/** Qwen may write anywhere but in src/crypto. */
const QWEN_NOT_IN_CRYPTO = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';
const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';
const KEY = 'export function deriveTheKey(secret: string): string {\n  return stretchTheSecretWithManyRoundsOfHashing(secret, 600000);\n}\n';
const HUSKY_BIN = fileURLToPath(new URL('../../node_modules/husky/bin.js', import.meta.url));

/**
 * aitrail is out of `worktree`: Qwen's commit (aitrail on PATH) is neither refused nor given a
 * trailer, and a person's commit with no aitrail anywhere is not failed by a shim left behind.
 */
function expectNoAitrailIn(worktree: string, env: NodeJS.ProcessEnv): void {
  const qwen = tryGit(worktree, ['commit', '-q', '--allow-empty', '-m', 'feat: by qwen'], { env: { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' } });
  expect(qwen.code, qwen.stderr).toBe(0);
  expect(tryGit(worktree, ['log', '-1', '--format=%B'], { env }).stdout).toBe('feat: by qwen\n\n');
  const person = tryGit(worktree, ['commit', '-q', '--allow-empty', '-m', 'fix: by hand'], { env: TEST_GIT_ENV });
  expect(person.code, person.stderr).toBe(0);
}

describe('uninstall and linked worktrees (git mode, a hooks directory in the work tree)', () => {
  it('uninstall, run in any worktree, takes the shims post-checkout copied out of every worktree and leaves hooks aitrail did not write', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.write('.githooks/pre-commit', '#!/bin/sh\nexit 0\n');
    repo.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    repo.git(['config', 'core.hooksPath', '.githooks']);
    expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    const first = join(tempDir('aitrail-agent-worktree-'), 'wt');
    const second = join(tempDir('aitrail-agent-worktree-'), 'wt');
    expect(tryGit(repo.dir, ['worktree', 'add', '-q', '-b', 'agent', first], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['worktree', 'add', '-q', '-b', 'other', second], { env }).code).toBe(0);
    // A person's own post-commit in the second worktree, in place of the copy: never aitrail's to remove.
    const own = '#!/bin/sh\necho mine\n';
    writeFileSync(join(second, '.githooks', 'post-commit'), own, { mode: 0o755 });
    expect(readFileSync(join(first, '.githooks', 'commit-msg'), 'utf8')).toContain('# aitrail-shim: commit-msg');
    // Run from the first linked worktree: the main one and the second are cleaned too.
    const uninstall = aitrail(first, ['uninstall'], { env });
    expect(uninstall.code, uninstall.stderr).toBe(0);
    expect(uninstall.stdout).toContain(join(second, '.githooks', 'commit-msg'));
    for (const tree of [repo.dir, first]) expect(readdirSync(join(tree, '.githooks'))).toEqual(['pre-commit']);
    expect(readdirSync(join(second, '.githooks')).sort()).toEqual(['post-commit', 'pre-commit']);
    expect(readFileSync(join(second, '.githooks', 'post-commit'), 'utf8')).toBe(own);
    for (const tree of [repo.dir, first, second]) {
      expect(tryGit(tree, ['status', '--porcelain'], { env }).stdout).toBe(tree === second ? '?? .githooks/post-commit\n' : '');
      expectNoAitrailIn(tree, env);
    }
  });
});

describe('uninstall and linked worktrees (husky mode)', () => {
  it('the husky set up by the team: aitrail\'s lines come out of every worktree\'s husky files, husky\'s runtime stays', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.write('.husky/commit-msg', 'echo team-commit-msg\n');
    repo.commit('chore: policy\n', { 'package.json': '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n', '.aitrailrc.yml': DENY_QWEN });
    const husky = spawnSync(process.execPath, [HUSKY_BIN], { cwd: repo.dir, env, encoding: 'utf8' });
    expect(husky.status, husky.stderr).toBe(0);
    expect(aitrail(repo.dir, ['init'], { env }).code).toBe(0);
    repo.git(['add', '-A']);
    repo.commit('chore: aitrail hooks\n');
    const worktree = join(tempDir('aitrail-agent-worktree-'), 'wt');
    expect(tryGit(repo.dir, ['worktree', 'add', '-q', '-b', 'agent', worktree], { env }).code).toBe(0);
    const uninstall = aitrail(repo.dir, ['uninstall'], { env });
    expect(uninstall.code, uninstall.stderr).toBe(0);
    for (const tree of [repo.dir, worktree]) {
      expect(readFileSync(join(tree, '.husky', 'commit-msg'), 'utf8')).toBe('echo team-commit-msg\n');
      expect(existsSync(join(tree, '.husky', '_', 'h'))).toBe(true);
      expectNoAitrailIn(tree, env);
    }
  });

  it('the husky aitrail set up: the runtime post-checkout copied into a worktree comes down with it', () => {
    const repo = makeRepo();
    const env = envWithAitrailOnPath();
    repo.commit('chore: policy\n', { 'package.json': '{"name":"p","devDependencies":{"husky":"^9.1.7"}}\n', '.aitrailrc.yml': DENY_QWEN });
    expect(aitrail(repo.dir, ['init'], { env }).code).toBe(0);
    repo.git(['add', '-A']);
    repo.commit('chore: aitrail hooks\n');
    const worktree = join(tempDir('aitrail-agent-worktree-'), 'wt');
    expect(tryGit(repo.dir, ['worktree', 'add', '-q', '-b', 'agent', worktree], { env }).code).toBe(0);
    expect(existsSync(join(worktree, '.husky', '_', 'h'))).toBe(true);
    const uninstall = aitrail(repo.dir, ['uninstall'], { env });
    expect(uninstall.code, uninstall.stderr).toBe(0);
    expect(tryGit(repo.dir, ['config', 'core.hooksPath'], { env }).code).toBe(1);
    for (const tree of [repo.dir, worktree]) expect(existsSync(join(tree, '.husky', '_'))).toBe(false);
    expectNoAitrailIn(worktree, env);
  });
});

/** Qwen's lib/key.ts on a new branch `branch` from main (hooks skipped: lib is not protected); its sha. */
function qwenKeyOn(work: TestRepo, branch: string): string {
  work.git(['checkout', '-q', '-b', branch, 'main']);
  expect(commitWith(work, `feat: key helper\n\n${QWEN_DECLARED}\n`, { 'lib/key.ts': KEY }, { noVerify: true }).code).toBe(0);
  return work.git(['rev-parse', 'HEAD']);
}

/** A person's `git mv` (hooks skipped), creating the destination directory. */
function move(work: TestRepo, from: string, to: string, message: string): void {
  mkdirSync(dirname(join(work.dir, to)), { recursive: true });
  work.git(['mv', from, to]);
  work.git(['commit', '-q', '--no-verify', '-m', message]);
}

/** `aitrail check <range>` (policy of the server's main) as JSON, and as text. */
function checked(work: TestRepo, range: string): { code: number; violations: Array<JudgedViolation & { path: string }>; text: string } {
  const json = aitrail(work.dir, ['check', range, '--policy-from', 'refs/remotes/origin/main', '--format', 'json'], { timeout: 60_000 });
  const text = aitrail(work.dir, ['check', range, '--policy-from', 'refs/remotes/origin/main'], { timeout: 60_000 });
  expect(text.code).toBe(json.code);
  return { code: json.code, violations: json.stdout.trim() === '' ? [] : (JSON.parse(json.stdout) as { violations: Array<JudgedViolation & { path: string }> }).violations, text: `${text.stdout}${text.stderr}` };
}

describe('path rules and a protected file whose name ends in a carriage return', () => {
  it('Qwen\'s lines moved into src/crypto/key.ts\\r are judged (git cat-file had read the name without its \\r) and the name is printed escaped', () => {
    const { remote, work } = policyServer(QWEN_NOT_IN_CRYPTO);
    const qwen = qwenKeyOn(work, 'cr');
    move(work, 'lib/key.ts', 'src/crypto/key.ts\r', 'refactor: the key belongs in crypto');
    expect(work.git(['ls-files', '-z', 'src'], { raw: true })).toBe('src/crypto/key.ts\r\0');
    const check = checked(work, 'refs/remotes/origin/main..cr');
    expect(check.code, check.text).toBe(1);
    expect(check.violations.filter((violation) => violation.sha === qwen && violation.rule === 'path-model-denied').map((violation) => violation.path)).toEqual(['src/crypto/key.ts\r']);
    expect(check.text).toContain('src/crypto/key.ts\\r');
    expect(check.text).not.toMatch(/[\r\u001b]/);
    const push = tryGit(work.dir, ['push', '--no-verify', 'origin', 'cr']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain(qwen.slice(0, 12));
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main');
  });
});

const HEADER = '// Copyright 2026 The Example Authors. All rights reserved.\n// Licensed under the Apache License, Version 2.0 (the "License").\n';

describe('path rules and copies whose source file the copying commit leaves untouched', () => {
  it('a person copies Qwen\'s file into src/crypto, or copies src/crypto/aes.ts out for Qwen to edit and copies it back: refused by check and pre-receive, naming Qwen\'s commit', () => {
    const { remote, work } = policyServer(QWEN_NOT_IN_CRYPTO);
    // Qwen's lib/key.ts already on the server's main (allowed there), and a person's src/crypto/aes.ts.
    const qwen = qwenKeyOn(work, 'qwen-key');
    work.git(['checkout', '-q', 'main']);
    work.git(['merge', '-q', '--ff-only', 'qwen-key']);
    work.write('src/crypto/aes.ts', 'export function aes(block: Uint8Array, key: Uint8Array): Uint8Array {\n  const rounds = expandTheKeyScheduleForTheseRounds(key, 14);\n  return encryptTheBlockWithTheRoundKeys(block, rounds);\n}\n');
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: aes by hand']);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']).code).toBe(0);
    work.git(['fetch', '-q', 'origin']);

    // A copy of Qwen's file, lib/key.ts left as it is (git blame -C looks only at files the commit changed).
    work.git(['checkout', '-q', '-b', 'copy-in', 'main']);
    work.write('src/crypto/key.ts', readFileSync(join(work.dir, 'lib', 'key.ts'), 'utf8'));
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'refactor: the key belongs in crypto']);
    const copyIn = checked(work, 'refs/remotes/origin/main..copy-in');
    expect(copyIn.code, copyIn.text).toBe(1);
    expect(copyIn.violations.filter((violation) => violation.sha === qwen).map((violation) => [violation.rule, violation.path])).toEqual([['path-model-denied', 'src/crypto/key.ts']]);
    const pushIn = tryGit(work.dir, ['push', '--no-verify', 'origin', 'copy-in']);
    expect(pushIn.code, pushIn.stderr).not.toBe(0);
    expect(pushIn.stderr).toContain(qwen.slice(0, 12));

    // The copy re-spaced (git blame -w reads it as the same lines) and lib/ marked binary: still Qwen's.
    work.git(['checkout', '-q', '-b', 'squeezed', 'main']);
    work.write('.gitattributes', 'lib/** binary\n');
    work.write('src/crypto/key.ts', KEY.replace(/\(secret: string\): string \{/, '(secret:string):string{').replace('  return', '\treturn').replace(', 600000', ',600000'));
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'refactor: the key belongs in crypto']);
    const squeezed = checked(work, 'refs/remotes/origin/main..squeezed');
    expect(squeezed.violations.filter((violation) => violation.sha === qwen).map((violation) => [violation.rule, violation.path])).toEqual([['path-model-denied', 'src/crypto/key.ts']]);

    // Out and back by copies in one push: a person copies aes.ts to lib/, Qwen edits the copy, a person copies it back.
    work.git(['checkout', '-q', '-b', 'out-and-back', 'main']);
    work.write('lib/aes.ts', readFileSync(join(work.dir, 'src', 'crypto', 'aes.ts'), 'utf8'));
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'chore: a copy to work on']);
    const edited = readFileSync(join(work.dir, 'lib', 'aes.ts'), 'utf8').replace('14);\n', '14);\n  const leaked = sendTheKeyMaterialToSomeServerElsewhere(key);\n');
    expect(commitWith(work, `feat: aes, faster\n\n${QWEN_DECLARED}\n`, { 'lib/aes.ts': edited }, { noVerify: true }).code).toBe(0);
    const qwenEdit = work.git(['rev-parse', 'HEAD']);
    work.write('src/crypto/aes.ts', edited);
    work.git(['commit', '-q', '--no-verify', '-am', 'chore: sync aes']);
    const back = checked(work, 'refs/remotes/origin/main..out-and-back');
    expect(back.code, back.text).toBe(1);
    expect(back.violations.filter((violation) => violation.sha === qwenEdit).map((violation) => [violation.rule, violation.path])).toEqual([['path-model-denied', 'src/crypto/aes.ts']]);
    const pushBack = tryGit(work.dir, ['push', '--no-verify', 'origin', 'out-and-back']);
    expect(pushBack.code, pushBack.stderr).not.toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/heads/'])).toBe('refs/heads/main');
  });

  it('a person\'s own copy, and a licence header Qwen\'s file repeats from a person\'s, stay the person\'s', () => {
    const { work } = policyServer(QWEN_NOT_IN_CRYPTO);
    work.git(['checkout', '-q', '-b', 'by-hand', 'main']);
    work.write('src/util/value.ts', `${HEADER}export const util = computeTheUtilityValueForEverything();\n`);
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: util by hand']);
    expect(commitWith(work, `feat: x\n\n${QWEN_DECLARED}\n`, { 'lib/x.ts': `${HEADER}export const q = qwenWroteThisVeryParticularExpression();\n` }, { noVerify: true }).code).toBe(0);
    work.write('src/crypto/mine.ts', `${HEADER}export const mine = aPersonWroteThisLineThemselvesToday();\n`);
    work.write('src/crypto/util-copy.ts', readFileSync(join(work.dir, 'src', 'util', 'value.ts'), 'utf8'));
    work.git(['add', '-A']);
    work.git(['commit', '-q', '--no-verify', '-m', 'feat: crypto by hand']);
    const check = checked(work, 'refs/remotes/origin/main..by-hand');
    expect(check.violations.filter((violation) => violation.rule.startsWith('path-')), check.text).toEqual([]);
    expect(check.code, check.text).toBe(0);
  });
});
