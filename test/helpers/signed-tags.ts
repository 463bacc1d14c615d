import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';
import { tryGit } from './enforce-repos.js';
import { tempDir, type TestRepo } from './gitdir.js';

/** `work` signs its tags (`git tag -s`) with a fresh SSH key (`gpg.format=ssh`). */
export function sshSigning(work: TestRepo): void {
  const key = join(tempDir('aitrail-key-'), 'id');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'test', '-f', key]);
  work.git(['config', 'gpg.format', 'ssh']);
  work.git(['config', 'user.signingkey', key]);
}

/**
 * On a branch from main: a person's commit, signed tag `name` of it saying `tagMessage`, merged into
 * `branch` by `git merge -m` (so the merge's own message quotes nothing of the tag: only its
 * `mergetag` header holds it, rows 920, 927). The merge's id.
 */
export function mergedSignedTag(work: TestRepo, name: string, tagMessage: string, branch: string): string {
  work.git(['checkout', '-q', '-b', `${name}-side`, 'main']);
  work.write(`src/${name}.ts`, `export const ${name} = 1;\n`);
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', `feat: ${name}`]);
  work.git(['tag', '-s', name, '-F', '-'], { input: tagMessage });
  work.git(['checkout', '-q', '-b', branch, 'main']);
  const merged = tryGit(work.dir, ['-c', 'gpg.ssh.allowedSignersFile=/dev/null', 'merge', '-q', '--no-ff', '--no-verify', '-m', `Merge ${name}`, name]);
  expect(merged.code, merged.stderr).toBe(0);
  const sha = work.git(['rev-parse', 'HEAD']);
  expect(work.git(['cat-file', '-p', sha])).toContain(`mergetag object`);
  work.git(['checkout', '-q', 'main']);
  return sha;
}
