import { mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { configBytesNow } from '../../src/hooks/fast-path-stamp.js';
import { treeCpuClock } from '../helpers/cpu-clock.js';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

async function found(root: string): Promise<string> {
  const error = await loadConfig(root).then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems.map((problem) => `${problem.file}: ${problem.found}`).join('; ');
}

describe('a config link in the work tree is judged as at a revision: refused, never skipped (row 299)', () => {
  it('a link to a directory (in or out of the repository) or round in a loop is exit 2 naming it; hooks and commands no longer read the defaults', async () => {
    const links: [string, string][] = [
      ['/etc', 'a symbolic link leading out of the repository'],
      ['policies', 'a symbolic link to a directory'],
      ['.aitrailrc.yml', 'a symbolic link that leads round in a loop'],
      ['missing.yml', 'a dangling symbolic link'],
      ['/dev/zero', 'a symbolic link leading out of the repository'],
    ];
    for (const [target, problem] of links) {
      const repo = makeRepo();
      mkdirSync(join(repo.dir, 'policies'));
      symlinkSync(target, join(repo.dir, '.aitrailrc.yml'));
      expect(await found(repo.dir), target).toBe(`.aitrailrc.yml: ${problem}`);
    }
    // A real directory of that name is refused too, as a tree at a revision is (s45k: `.aitrailrc.yml/policy.yml` read as no config).
    const plain = makeRepo();
    mkdirSync(join(plain.dir, '.aitrailrc.yml'));
    expect(await found(plain.dir)).toBe('.aitrailrc.yml: a directory');
    // Through the CLI: the committed link git checks out, exit 2 where it was exit 0 under the defaults.
    const repo = makeRepo();
    mkdirSync(join(repo.dir, 'policies'));
    repo.write('policies/keep', '');
    symlinkSync('policies', join(repo.dir, '.aitrailrc.yml'));
    repo.commit('config\n');
    const status = aitrail(repo.dir, ['status']);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('.aitrailrc.yml: found a symbolic link to a directory, expected a regular JSON or YAML file');
  });
});

describe('a config file of gigabytes in the work tree (row 301)', () => {
  it('the hooks refuse it unread: the fast-path stamp no longer reads it whole before loading refuses it', () => {
    const { repo, env } = hookedRepo();
    writeFileSync(join(repo.dir, '.aitrailrc.yml'), '');
    truncateSync(join(repo.dir, '.aitrailrc.yml'), 1900 * 1024 * 1024); // sparse: no disk, 1.9 GB to a reader
    expect(configBytesNow(repo.dir)).toBeNull();
    repo.write('a.txt', 'b\n');
    repo.git(['add', 'a.txt']);
    const started = treeCpuClock();
    const commit = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: b'], { env });
    expect(commit.code).not.toBe(0);
    expect(commit.stderr).toContain(`.aitrailrc.yml: found a file of ${1900 * 1024 * 1024} bytes, expected at most 1048576 bytes`);
    expect(treeCpuClock() - started).toBeLessThan(15_000); // was ~18 s and 1.6 GB of memory for 1.5 GB
    // A config of allowed size is read.
    truncateSync(join(repo.dir, '.aitrailrc.yml'), 0);
    expect(configBytesNow(repo.dir)?.get('.aitrailrc.yml')?.length).toBe(0);
  });
});

describe('a glob a reviewer reads otherwise than aitrail (row 300)', () => {
  it('check refuses a committed path rule whose glob holds a zero-width space (it protected nothing: Claude\'s commit to src/crypto passed)', () => {
    const repo = makeRepo();
    repo.commit('config\n', { '.aitrailrc.yml': 'policy:\n  paths:\n    - files: ["src/cry\u200bpto/**"]\n      allow: []\n', 'src/crypto/aes.ts': 'a\n' });
    repo.commit('feat: aes\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'src/crypto/aes.ts': 'b\n' });
    const checked = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    expect(checked.code).toBe(2);
    expect(checked.stderr).toMatch(/:\.aitrailrc\.yml: policy\.paths\[0\]\.files\[0\]: found "src\/cry\\u200bpto\/\*\*", which holds U\+200B/);
  });
});
