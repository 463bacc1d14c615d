import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { messageOf } from '../helpers/hooks.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';

// Speed of an AI commit's hooks (issue 12): commit-msg asks whether git strips the comment lines (git's
// --cleanup= on its command line under /proc, then commit.cleanup) only of a message with a line that
// starts with `#`: for one with none the answer changes nothing, and an agent's `-m` message has none.
const OPUS = { AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };

describe.runIf(process.platform === 'linux')('commit-msg: git\'s cleanup asked only of a message with a `#` line', () => {
  let repo: TestRepo;
  let env: NodeJS.ProcessEnv;
  let file = 0;
  beforeAll(() => {
    ({ repo, env } = hookedRepo());
    // An include in the repository's config: no config file can be said not to set commit.cleanup, so asking is a `git config` process.
    writeFileSync(join(repo.dir, '.git', 'config'), `${readFileSync(join(repo.dir, '.git', 'config'), 'utf8')}[include]\n\tpath = more.config\n`);
  });
  /** A commit of a new file with `args`, git traced (GIT_TRACE, inherited by the hooks' git processes): its exit code and the git commands traced. */
  const commit = (args: string[]) => {
    file += 1;
    repo.write(`src/f${file}.ts`, `export const f = ${file};\n`);
    repo.git(['add', '.']);
    const trace = join(tempDir('aitrail-trace-'), 'trace');
    const made = tryGit(repo.dir, ['commit', '-q', ...args], { env: { ...env, ...OPUS, GIT_TRACE: trace } });
    let traced = '';
    try {
      traced = readFileSync(trace, 'utf8');
    } catch {
      // nothing traced
    }
    return { ...made, traced };
  };

  it('an AI commit -m with no `#` line: recorded, and commit.cleanup never asked', () => {
    const made = commit(['-m', 'Add x', '-m', 'Fixes issue 42.']);
    expect(made.code, made.stderr).toBe(0);
    expect(messageOf(repo.dir)).toBe('Add x\n\nFixes issue 42.\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
    expect(made.traced).toContain('i18n.commitEncoding');
    expect(made.traced).not.toContain('commit.cleanup');
  });

  it('with a `#` line: asked as before, and git\'s --cleanup=strip still read from its command line', () => {
    const kept = commit(['-m', 'Add y', '-m', '#42 is fixed']);
    expect(kept.code, kept.stderr).toBe(0);
    expect(kept.traced).toContain('commit.cleanup');
    // git keeps the `#` line (-m: no editor); the trailer goes above it, where the hooks place it before what may be comment lines.
    expect(messageOf(repo.dir)).toBe('Add y\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n\n#42 is fixed\n');
    // git drops the `#` line, and only the recorded trailer would be left: aborted as git aborts it.
    const before = repo.git(['rev-parse', 'HEAD']);
    const stripped = commit(['--cleanup=strip', '-m', '#42 fix']);
    expect(stripped.code).toBe(1);
    expect(stripped.stderr).toContain('Aborting commit due to empty commit message');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(before);
    repo.git(['reset', '-q']);
  });
});
