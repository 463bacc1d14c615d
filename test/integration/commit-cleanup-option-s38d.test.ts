import { beforeAll, describe, expect, it } from 'vitest';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { aitrail } from '../helpers/cli.js';
import { messageOf } from '../helpers/hooks.js';
import type { TestRepo } from '../helpers/gitdir.js';

// `git commit --no-cleanup` is git's default cleanup whatever `commit.cleanup` says (git 2.39 reads
// the setting into the option's own string, which `--no-cleanup` empties): with -m, whitespace.
// commit-msg read it as "no option given" and took the config's mode.
const QWEN = '# Assisted-by: qwen-code:qwen/qwen3-coder';

describe.runIf(process.platform === 'linux')('--no-cleanup on git commit\'s command line', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  beforeAll(() => {
    ({ repo, env } = hookedRepo());
    repo.write('.aitrailrc.json', JSON.stringify({ policy: { deny: ['qwen/*'] } }));
    repo.git(['add', '.aitrailrc.json']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'policy'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
  });

  it('under commit.cleanup=strip: git keeps the `#` declaration, and commit-msg refuses it as check does', () => {
    repo.write('src/w.ts', 'export const w = 1;\n');
    repo.git(['add', '.']);
    const before = repo.git(['rev-parse', 'HEAD']);
    const made = tryGit(repo.dir, ['-c', 'commit.cleanup=strip', 'commit', '-q', '--cleanup=verbatim', '--no-cleanup', '-m', 'Add w', '-m', QWEN], { env });
    // Before: exit 0, the commit stored with Qwen's `#` line (refused by check, pre-push and pre-receive).
    expect(made.code, made.stderr).toBe(1);
    expect(made.stderr).toContain('qwen/qwen3-coder');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(before);
    const forced = tryGit(repo.dir, ['-c', 'commit.cleanup=strip', 'commit', '-q', '--no-verify', '--no-cleanup', '-m', 'Add w', '-m', QWEN], { env });
    expect(forced.code, forced.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe(`Add w\n\n${QWEN}\n`);
    expect(aitrail(repo.dir, ['check', 'HEAD~1..HEAD'], { env }).code).toBe(1);
  });
});
