// Session 51, task v: the final re-read of row 988 (aitrail_phys).
// row 1019: aitrail_phys took the shell's $PWD as the top's physical path when it names this folder (`-ef .`)
//   with no link on it; a $PWD naming the same folder by another path with no link on the way (a bind mount, a
//   case-insensitive volume's other spelling) is not the path `pwd -P`, realpath and readlink give, so a target in
//   the work tree (the repository's own aitrail linked in by npm, `file:vendor/aitrail`) was judged as outside it,
//   and ran as aitrail. The lookup now asks `pwd -P` again before it judges a target as outside the top.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { vendoredAitrailRepo } from '../helpers/shim-fast-path.js';

const canBind = process.platform === 'linux' && spawnSync('unshare', ['-rm', 'true']).status === 0;

describe.runIf(canBind)('row 1019: a $PWD naming the top through a bind mount', () => {
  it("the repository's own aitrail linked in by npm (file:vendor/aitrail) is refused, as when $PWD is the physical path", () => {
    const { repo, marker } = vendoredAitrailRepo('aitrail-phys-bind-');
    mkdirSync(join(repo.dir, 'node_modules', '.bin'), { recursive: true });
    symlinkSync('../vendor/aitrail', join(repo.dir, 'node_modules', 'aitrail'));
    symlinkSync('../aitrail/bin/aitrail', join(repo.dir, 'node_modules', '.bin', 'aitrail'));
    writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'Add a feature\n');
    const other = join(repo.dir, '..', 'mnt');
    mkdirSync(other);
    // The shell reached the folder through the mount (getcwd, pwd -P, realpath: `mnt`) but inherited $PWD naming it as `repo`.
    const script = 'mount --bind "$1" "$2" && cd "$2" && PWD=$1 exec sh .git/hooks/prepare-commit-msg .git/COMMIT_EDITMSG message';
    const env = { ...TEST_GIT_ENV, AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
    const run = spawnSync('unshare', ['-rm', 'sh', '-c', script, 'sh', repo.dir, other], { env, encoding: 'utf8', input: '' });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
    expect(run.stderr).toContain('comes from the repository');
    expect(readFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'utf8')).not.toContain('Assisted-by');
  });
});
