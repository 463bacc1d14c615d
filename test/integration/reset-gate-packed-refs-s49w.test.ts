// Row 941 (review s49w of row 931): the post-commit shim's reset gate marked its look (reset-seen) only when a
// git-ai note may exist. With none, it never marked, so after any reset, merge, pull or rebase (git's ORIG_HEAD) each
// later commit of the person looked again: in a repository whose refs are packed (every clone: packed-refs), one
// `grep` of packed-refs a commit, for good. It now marks with no note too (nothing to carry). Real commits through the
// shims `init` installs, a `grep` on PATH noting each start (the shim's PATH keeps absolute folders outside the work tree).
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hookedRepo } from '../helpers/hooked-repo.js';

describe('the reset gate with no note, refs packed (row 941)', () => {
  it('after a reset and a merge, one grep on the first commit, none on the next; no node', () => {
    const { repo, env, started } = hookedRepo();
    const bin = env.PATH!.slice(0, env.PATH!.indexOf(':'));
    const greps = join(bin, '..', 'greps');
    const real = spawnSync('sh', ['-c', 'command -v grep'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(bin, 'grep'), `#!/bin/sh\nprintf 'grep %s\\n' "$*" >>'${greps}'\nexec '${real}' "$@"\n`);
    chmodSync(join(bin, 'grep'), 0o755);
    const run = (args: string[]) => {
      writeFileSync(started, '');
      writeFileSync(greps, '');
      const result = spawnSync('git', args, { cwd: repo.dir, env, encoding: 'utf8' });
      expect(result.status, result.stderr).toBe(0);
      return { node: readFileSync(started, 'utf8').split('\n').filter(Boolean), grep: readFileSync(greps, 'utf8').split('\n').filter(Boolean) };
    };
    const commit = (message: string) => run(['commit', '-q', '--allow-empty', '-m', message]);
    commit('one');
    commit('two');
    repo.git(['pack-refs', '--all']);
    expect(readFileSync(join(repo.dir, '.git', 'packed-refs'), 'utf8')).not.toContain('refs/notes/ai');
    run(['reset', '-q', '--soft', 'HEAD~1']);
    expect(commit('after a reset')).toEqual({ node: [], grep: ['grep -q -F refs/notes/ai .git/packed-refs'] });
    expect(commit('and again')).toEqual({ node: [], grep: [] });
    expect(commit('and again')).toEqual({ node: [], grep: [] });
    repo.git(['branch', 'side', 'HEAD~1']);
    repo.git(['checkout', '-q', 'side']);
    commit('side');
    repo.git(['checkout', '-q', '-']);
    run(['merge', '-q', '--no-ff', '--no-edit', 'side']);
    expect(commit('after a merge').grep).toHaveLength(1);
    expect(commit('and again')).toEqual({ node: [], grep: [] });
  });
});
