import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

/**
 * The shims' fast path skips node only while every config file is byte for byte the copy node
 * validated (src/install/fast-path.ts stampedLines, aitrail_same): package.json goes to one cmp,
 * a dedicated config past COMPARE_BYTES too. Real `git commit`s through hooks installed by the real
 * `aitrail init`, with an `aitrail` on PATH that notes each start and then runs the real one.
 */
function setup(files: Record<string, string>) {
  const bin = join(tempDir('aitrail-compare-'), 'bin');
  mkdirSync(bin);
  const log = join(bin, 'started');
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\n[ "$1" = hook ] && printf '%s\\n' "$2" >>'${log}'\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  const env = { ...TEST_GIT_ENV, PATH: `${bin}:${process.env.PATH ?? ''}` };
  const repo = makeRepo();
  repo.commit('start\n', { 'a.txt': 'a\n', ...files });
  const init = spawnSync(process.execPath, [BIN, 'init', '--mode', 'git'], { cwd: repo.dir, env, encoding: 'utf8' });
  expect(init.status, init.stderr).toBe(0);
  let tick = 0;
  // Each commit a second after the one before (author dates from a fixed past): no commit looks like an amend of another.
  const commit = (message: string) => {
    writeFileSync(log, '');
    tick += 1;
    const result = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: repo.dir, env: { ...env, GIT_AUTHOR_DATE: `@${1780000000 + tick} +0000` }, encoding: 'utf8' });
    return { status: result.status, started: readFileSync(log, 'utf8').split('\n').filter(Boolean) };
  };
  return { repo, commit };
}

/** A package.json of about 5 KB (a project's scripts and dependencies; no aitrail key), as JSON.stringify writes it. */
function packageJson(): string {
  const dependencies = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`some-package-${i}`, `^${i}.2.3`]));
  return `${JSON.stringify({ name: 'demo', version: '1.0.0', scripts: { test: 'vitest', build: 'tsc' }, dependencies }, null, 2)}\n`;
}

/** `text` differing in one way: a byte at 1, in the middle, at the end; a trailing newline more; a NUL byte more. */
function variants(text: string): Array<[string, string]> {
  const middle = Math.floor(text.length / 2);
  const swap = (at: number) => `${text.slice(0, at)}${text[at] === 'x' ? 'y' : 'x'}${text.slice(at + 1)}`;
  return [
    ['byte 1', swap(0)],
    ['a byte in the middle', swap(middle)],
    ['the last byte', swap(text.length - 1)],
    ['a trailing newline only', `${text}\n`],
    ['a NUL byte only (at the start)', `\0${text}`],
    ['a NUL byte only (in the middle)', `${text.slice(0, middle)}\0${text.slice(middle)}`],
    ['a NUL byte only (at the end)', `${text}\0`],
  ];
}

describe('the fast path compares the config with its stamped copy exactly (session 43)', () => {
  it.each([
    ['a 5 KB package.json (cmp)', 'package.json', packageJson()],
    ['a 3 KB .aitrailrc.yml (past COMPARE_BYTES: cmp)', '.aitrailrc.yml', `${'# a comment line to make the config long enough\n'.repeat(60)}policy:\n  deny: ["qwen/*"]\n`],
  ])('%s: a person\'s commit skips node while the bytes are the same; node starts for a file differing in one byte anywhere, by a newline or by a NUL byte alone', (_, name, text) => {
    expect(text.length).toBeGreaterThan(2048);
    const files: Record<string, string> = name === 'package.json' ? { [name]: text, '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' } : { [name]: text };
    const { repo, commit } = setup(files);
    expect(commit('A person\'s first commit').started).toEqual([]);
    for (const [how, changed] of variants(text)) {
      expect(changed.length, how).toBeGreaterThanOrEqual(text.length);
      writeFileSync(join(repo.dir, name), changed);
      expect(commit(`Changed: ${how}`).started, how).toContain('prepare-commit-msg');
      // Back to the validated bytes: node stamps them again, then a person's commit skips it.
      writeFileSync(join(repo.dir, name), text);
      commit(`Restored after: ${how}`);
      expect(commit(`Again after: ${how}`).started, how).toEqual([]);
    }
  });
});
