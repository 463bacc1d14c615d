import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';
import { npmInstalledRepo, shipBinary } from '../helpers/shim-fast-path.js';

/**
 * The shims remember that git tracks nothing under the top's node_modules while git's index stays
 * as it was (src/install/shim-source.ts untrackedNodeModulesLines): git is not asked again for the
 * next hooks of an agent's commit. Every refusal of a binary the repository ships stays as it was.
 * git's own trace (GIT_TRACE) tells how often a hook asked git.
 */
function installed(): { repo: TestRepo; env: NodeJS.ProcessEnv; asked: () => number; marker: string; note: string } {
  // aitrail as `npm i -D aitrail` installs it: an untracked node_modules/.bin/aitrail.
  const repo = npmInstalledRepo('aitrail-nm-note-');
  // GIT_TRACE (an absolute path): every git process appends what it runs (git puts its own folder first on the PATH of hooks: no wrapper there would see them).
  const gitLog = join(repo.dir, '..', 'git-trace');
  writeFileSync(gitLog, '');
  const env = { ...TEST_GIT_ENV, PATH: '/usr/local/bin:/usr/bin:/bin', AITRAIL_MODEL: 'openai/gpt-5', GIT_TRACE: gitLog };
  const asked = () => readFileSync(gitLog, 'utf8').split('\n').filter((line) => line.endsWith("trace: built-in: git ls-files --error-unmatch -- node_modules")).length;
  return { repo, env, asked, marker: join(repo.dir, '..', 'pwned'), note: join(repo.dir, '.git', 'aitrail', 'fast-path', 'node-modules-untracked') };
}

const commit = (repo: TestRepo, env: NodeJS.ProcessEnv, args: string[]) => spawnSync('git', ['commit', '-q', ...args], { cwd: repo.dir, env, encoding: 'utf8' });

describe('the shims remember that git tracks nothing under node_modules while the index is unchanged', () => {
  it("an agent's commit asks git once: the hooks after the first read the note, and the trailer is recorded", () => {
    const { repo, env, asked, note } = installed();
    const result = commit(repo, env, ['--allow-empty', '-m', 'AI change']);
    expect(result.status, result.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%(trailers:key=Assisted-by,valueonly)'])).toBe('unknown:openai/gpt-5');
    // prepare-commit-msg asked git and left the note; commit-msg read it (post-commit ends before, with no checkpoint to record).
    expect(asked()).toBe(1);
    expect(readFileSync(note, 'utf8')).toBe(`untracked\n${repo.dir}\n`);
    // The next commit, index untouched: git is not asked at all.
    expect(commit(repo, env, ['--allow-empty', '-m', 'AI change 2']).status).toBe(0);
    expect(asked()).toBe(1);
  });

  it('a binary the repository starts to track (git add -f) is refused as before: the index is newer than the note', () => {
    const { repo, env, asked, marker } = installed();
    expect(commit(repo, env, ['--allow-empty', '-m', 'AI change']).status).toBe(0);
    shipBinary(repo, marker);
    const result = commit(repo, env, ['-m', 'ship it']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/aitrail: commit blocked: node_modules\/\.bin\/aitrail comes from the repository/);
    expect(existsSync(marker)).toBe(false);
    expect(asked()).toBeGreaterThan(1);
  });

  it('a note as new as the index, or older, is not trusted; an answer other than "nothing tracked" empties it', () => {
    const { repo, env, asked, marker, note } = installed();
    expect(commit(repo, env, ['--allow-empty', '-m', 'AI change']).status).toBe(0);
    shipBinary(repo, marker);
    // The note rewritten to say "untracked" but dated with the index (a shell comparing seconds sees them equal).
    writeFileSync(note, `untracked\n${repo.dir}\n`);
    const index = join(repo.dir, '.git', 'index');
    const when = new Date(Math.floor(Date.now() / 1000) * 1000);
    utimesSync(index, when, when);
    utimesSync(note, when, when);
    const result = commit(repo, env, ['-m', 'ship it']);
    expect(result.status).not.toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(asked()).toBeGreaterThan(1);
    expect(readFileSync(note, 'utf8')).toBe('');
  });

  it('a node_modules that is a link (whether git counts it depends on the work tree, not the index) never reads the note', () => {
    const { repo, env, asked, note } = installed();
    expect(commit(repo, env, ['--allow-empty', '-m', 'AI change']).status).toBe(0);
    const before = asked();
    // node_modules becomes a link (to a folder outside the work tree holding the same binary), the index as it was.
    const elsewhere = join(repo.dir, '..', 'nm');
    mkdirSync(join(elsewhere, '.bin'), { recursive: true });
    symlinkSync(BIN, join(elsewhere, '.bin', 'aitrail'));
    spawnSync('rm', ['-rf', join(repo.dir, 'node_modules')]);
    symlinkSync(elsewhere, join(repo.dir, 'node_modules'));
    // A note newer than the index, saying "untracked", as the hooks before the link left it.
    writeFileSync(note, `untracked\n${repo.dir}\n`);
    const later = new Date(Date.now() + 60_000);
    utimesSync(note, later, later);
    const result = commit(repo, env, ['--allow-empty', '-m', 'through the link']);
    expect(result.status, result.stderr).toBe(0);
    // prepare-commit-msg and commit-msg each asked git (post-commit ends before, with no checkpoint to record).
    expect(asked()).toBe(before + 2);
  });

  it('a copy of the repository elsewhere (cp -a: its note still newer than its index) asks git: the note names the top it was made in', () => {
    const { repo, env, asked, note } = installed();
    expect(commit(repo, env, ['--allow-empty', '-m', 'AI change']).status).toBe(0);
    expect(asked()).toBe(1);
    const copy = join(repo.dir, '..', 'copy');
    expect(spawnSync('cp', ['-a', repo.dir, copy]).status).toBe(0);
    const copied = join(copy, '.git', 'aitrail', 'fast-path', 'node-modules-untracked');
    const later = new Date(Date.now() + 60_000);
    utimesSync(copied, later, later);
    expect(readFileSync(copied, 'utf8')).toBe(`untracked\n${repo.dir}\n`);
    const result = spawnSync('git', ['commit', '-q', '--allow-empty', '-m', 'AI change in the copy'], { cwd: copy, env, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(asked()).toBe(2);
    expect(readFileSync(copied, 'utf8')).toBe(`untracked\n${copy}\n`);
    expect(readFileSync(note, 'utf8')).toBe(`untracked\n${repo.dir}\n`);
  });

  it('`git commit <path>` (git gives the hooks another index) asks git', () => {
    const { repo, env, asked } = installed();
    expect(commit(repo, env, ['--allow-empty', '-m', 'AI change']).status).toBe(0);
    expect(asked()).toBe(1);
    repo.write('a.txt', 'b\n');
    const result = commit(repo, env, ['-m', 'only a.txt', 'a.txt']);
    expect(result.status, result.stderr).toBe(0);
    expect(asked()).toBeGreaterThan(1);
  });

  it('an aitrail found outside the work tree (PATH) asks git nothing and leaves no note a later hook could trust', () => {
    const { repo, env, asked, note, marker } = installed();
    // The repository's own binary gone: the hooks find aitrail on PATH only (a global install).
    spawnSync('rm', ['-rf', join(repo.dir, 'node_modules')]);
    const bin = join(repo.dir, '..', 'global-bin');
    mkdirSync(bin);
    symlinkSync(BIN, join(bin, 'aitrail'));
    const onPath = { ...env, PATH: `${bin}:${env.PATH}` };
    expect(commit(repo, onPath, ['--allow-empty', '-m', 'AI change']).status).toBe(0);
    expect(asked()).toBe(0);
    expect(existsSync(note) ? readFileSync(note, 'utf8') : '').toBe('');
    // A branch then ships node_modules/.bin/aitrail, the index dated before any note: still asked, still refused.
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    shipBinary(repo, marker);
    const result = commit(repo, env, ['-m', 'ship it']);
    expect(result.status).not.toBe(0);
    expect(existsSync(marker)).toBe(false);
  });
});
