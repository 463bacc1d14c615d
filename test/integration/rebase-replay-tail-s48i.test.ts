// row 876: a person's `git rebase` with GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL exported in the shell (as
// TEST_GIT_ENV and the hooks bench do; some people set them in their profile) gave every pick's
// prepare-commit-msg shim one `tail -n 1 rebase-merge/done` process, to learn whether an `exec` step made the
// commit. `git commit` exports GIT_AUTHOR_DATE with the name and email; a pick gets none of git's (and the
// person's environment never carries a date): without it, no `tail`. An exec step's `git commit` (git's date
// exported, no author-script then) is still recorded.
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { tempDir } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

/** A folder (outside any work tree) whose `tail` notes each start in `log`, then runs the system's. */
function loggingTail(): { dir: string; log: string } {
  const dir = join(tempDir('aitrail-tail-'), 'bin');
  mkdirSync(dir);
  const log = join(dir, '..', 'tail.log');
  writeFileSync(log, '');
  writeFileSync(join(dir, 'tail'), `#!/bin/sh\nprintf '%s\\n' "$*" >>'${log}'\nexec /usr/bin/tail "$@"\n`);
  chmodSync(join(dir, 'tail'), 0o755);
  return { dir, log };
}

describe("a person's rebase with GIT_AUTHOR_NAME exported starts no tail per replayed commit (row 876)", () => {
  it('replays three commits with no tail and no node, messages unchanged; an exec step commit is still recorded', () => {
    const { repo, env, started } = hookedRepo();
    for (const name of ['one', 'two', 'three']) repo.commit(`Human ${name}\n`, { [`${name}.txt`]: `${name}\n` }, { ...env, AITRAIL: '0' });
    const { dir, log } = loggingTail();
    const traced = { ...env, PATH: `${dir}:${env.PATH ?? ''}` };
    expect(traced.GIT_AUTHOR_NAME).toBeTruthy();
    expect(traced.GIT_AUTHOR_DATE).toBeUndefined();
    const before = repo.git(['log', '--format=%B', '-3']);
    writeFileSync(started, '');
    const rebase = tryGit(repo.dir, ['rebase', '-q', '--force-rebase', 'HEAD~3'], { env: traced });
    expect(rebase.code, rebase.stderr).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('');
    expect(readFileSync(started, 'utf8')).toBe('');
    expect(repo.git(['log', '--format=%B', '-3'])).toBe(before);

    // An exec step's own commit is new work: node records the model the environment names.
    writeFileSync(started, '');
    const exec = tryGit(repo.dir, ['rebase', '-q', '--force-rebase', '-x', 'git commit -q --allow-empty -m "Exec work"', 'HEAD~1'], {
      env: { ...traced, AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' },
    });
    expect(exec.code, exec.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toContain('Assisted-by: claude-code:anthropic/claude-opus-4.6');
    // The pick before it is a replay: its message gained nothing.
    expect(repo.git(['log', '-1', '--skip=1', '--format=%B'])).toBe('Human three');
  });
});
