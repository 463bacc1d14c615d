// row 1069: the range's commits over 64 KiB are capped at 64 MiB together (row 1037) and each at 16 MiB (row 943),
// read from `git cat-file --batch-check` sizes, so that nothing holds their text. Session 52 (task o) listed the range for
// those sizes with the `git log --boundary --format=%m %H %T %P` of row 857's bound instead of `git rev-list`: a `git log`
// of a range with a bottom keeps every commit's text while it walks (40 commits of 15 MiB messages, a 2 MB pack: 620 MB
// in that git at the server, `git rev-list` 36 MB), and it ran before the sizes were read. Replayed with the built CLI's
// `check` and a real bare server's pre-receive, git traced (GIT_TRACE): no `git log` before the refusal.
// Row 1073: replayed with the caps divided by 256 (AITRAIL_SIZE_CAPS_DIVISOR): the order of the reads is the
// same at any size (range-large-commits-s52e.test.ts and huge-commit-object-s49z.test.ts keep the real defaults).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { gitCommands, traceFile, tracedPreReceive } from '../helpers/git-trace.js';
import { bigMessageCommits as bigCommits, SCALED_ENV, SIZE_DIVISOR } from '../helpers/size-caps.js';

const MiB = (1024 * 1024) / SIZE_DIVISOR;

describe('a range of too large commits is refused before any git process holds their text (row 1069)', () => {
  it('check and pre-receive refuse five commits of 14 MiB / 256 messages, and one of 17 MiB / 256, with no `git log` run (the caps lowered, row 1073)', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const trace = tracedPreReceive(remote.dir);
    const imported = tryGit(work.dir, ['fast-import', '--quiet'], { input: bigCommits(work.git(['rev-parse', 'HEAD']), 5, 14 * MiB) });
    expect(imported.code, imported.stderr).toBe(0);
    const checkTrace = traceFile('check.trace');
    const check = aitrail(work.dir, ['check', 'origin/main..big'], { env: { ...SCALED_ENV, GIT_TRACE: checkTrace } });
    expect(check.code, check.stdout + check.stderr).toBe(3);
    expect(check.stdout + check.stderr).toContain('read in one judgement');
    // The range listed by `git rev-list` (which keeps no commit's text), its sizes by `git cat-file --batch-check`; no `git log`.
    const commands = gitCommands(checkTrace);
    expect(commands.filter((command) => command.startsWith('rev-list ') && !command.includes('--stdin')), commands.join('\n')).toHaveLength(1);
    expect(commands.filter((command) => command.startsWith('log ')), commands.join('\n')).toEqual([]);
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'big'], { env: SCALED_ENV });
    expect(pushed.code, pushed.stderr).not.toBe(0);
    expect(pushed.stderr).toContain('read in one judgement');
    expect(tryGit(remote.dir, ['rev-parse', '--verify', '--quiet', 'refs/heads/big']).code).not.toBe(0);
    expect(gitCommands(trace).filter((command) => command.startsWith('log ')), gitCommands(trace).join('\n')).toEqual([]);
    // One commit past 16 MiB / 256 (row 943): the same order.
    const one = tryGit(work.dir, ['fast-import', '--quiet', '--force'], { input: bigCommits(work.git(['rev-parse', 'origin/main']), 1, 17 * MiB) });
    expect(one.code, one.stderr).toBe(0);
    const oneTrace = traceFile('one.trace');
    const refused = aitrail(work.dir, ['check', 'origin/main..big'], { env: { ...SCALED_ENV, GIT_TRACE: oneTrace } });
    expect(refused.code, refused.stdout + refused.stderr).toBe(3);
    expect(refused.stdout + refused.stderr).toContain('so it is refused unread');
    expect(gitCommands(oneTrace).filter((command) => command.startsWith('log '))).toEqual([]);
  });
});
