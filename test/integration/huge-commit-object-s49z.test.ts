// Row 943: nothing capped the size of a commit object that `check`, pre-push and pre-receive read. A commit
// written with `git hash-object -t commit` holding a 34 MB `mergetag` header or message took `check` 10.7 s and
// ~900 MB; ~100 MB would run pre-receive out of memory. Now a commit object over 16 MiB (its size from
// `git cat-file --batch-check`, before it is read) is refused unread, with one line naming it and the limit.
// Row 1073: the layers are replayed under AITRAIL_SIZE_CAPS_DIVISOR (a 64 KiB cap, commits of 80 KiB); one
// test keeps the real 16 MiB default (a 17 MiB commit at check).
import { describe, expect, it } from 'vitest';
import { policyServer, project, tryGit, type Project } from '../helpers/enforce-repos.js';
import { aitrail } from '../helpers/cli.js';
import { aitrailCpu } from '../helpers/cpu-timed.js';
import { SCALED, SCALED_ENV } from '../helpers/size-caps.js';

const POLICY = 'policy:\n  undeclared: deny\n  deny: ["qwen/*"]\n';
const CAP = 16 * 1024 * 1024;
const refused = (most: string): RegExp => new RegExp(`^aitrail: cannot judge commit ([0-9a-f]{40}): its object is [\\d,]+ bytes, more than the ${most} read, so it is refused unread; rewrite it with a shorter message and headers\\.$`, 'm');
const REFUSED = refused('16,777,216');

/** A commit on `parent` (its tree) whose object is about `bytes` long: `header` extra header lines, or a long message. */
function bigCommit(work: Project['work'], parent: string, bytes: number, where: 'message' | 'mergetag'): string {
  const tree = work.git(['rev-parse', `${parent}^{tree}`]);
  const filler = `${'x'.repeat(99)}\n`.repeat(Math.ceil(bytes / 100));
  const ident = 'A U Thor <author@example.com> 1700000000 +0000';
  const head = `tree ${tree}\nparent ${parent}\n${where === 'mergetag' ? `parent ${parent}\n` : ''}author ${ident}\ncommitter ${ident}\n`;
  const text = where === 'mergetag' ? `${head}mergetag object ${parent}\n type commit\n tag v1\n tagger ${ident}\n \n${filler.replace(/^/gm, ' ').slice(0, -1)}\n\nmerge v1\n` : `${head}\nchore: notes\n\n${filler}`;
  return work.git(['hash-object', '-t', 'commit', '-w', '--stdin', '--literally'], { input: text });
}

describe('a commit object larger than 16 MiB (row 943)', () => {
  for (const where of ['message', 'mergetag'] as const) {
    it(`is refused unread at check, pre-push and pre-receive, with one line (a huge ${where}; the cap lowered, row 1073)`, () => {
      const server = policyServer(POLICY);
      const commit = bigCommit(server.work, server.base, SCALED.commit + 16 * 1024, where);
      server.work.git(['branch', '-f', 'big', commit]);
      const run = aitrailCpu(server.work.dir, ['check', 'origin/main..big'], { env: SCALED_ENV });
      expect(run.status, run.stderr).toBe(3);
      expect(run.stderr.match(refused('65,536'))?.[1]).toBe(commit);
      const push = tryGit(server.work.dir, ['push', '--no-verify', 'origin', `${commit}:refs/heads/big`], { env: SCALED_ENV });
      expect(push.code).not.toBe(0);
      expect(push.stderr).toContain(`cannot judge commit ${commit}: its object is`);
      expect(tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', 'refs/heads/big']).code).not.toBe(0);
    });
  }

  // The real default, kept at its size (row 1073): one commit past 16 MiB, refused by check alone.
  it('at the real default: a 17 MiB message is refused unread by check, its CPU bounded', () => {
    const work = project(POLICY);
    const commit = bigCommit(work.work, work.base, CAP + 1024 * 1024, 'message');
    work.work.git(['branch', '-f', 'big', commit]);
    // The CLI spawned, its CPU and its git processes' bounded (never wall time, which a loaded machine stretches).
    const run = aitrailCpu(work.work.dir, ['check', 'origin/main..big']);
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr.match(REFUSED)?.[1]).toBe(commit);
    expect(run.cpu).toBeLessThan(5_000);
  });

  it('pre-push refuses it too (the cap lowered, row 1073)', () => {
    const work = project(POLICY);
    const commit = bigCommit(work.work, work.base, SCALED.commit + 16 * 1024, 'message');
    work.work.git(['branch', '-f', 'big', commit]);
    const push = tryGit(work.work.dir, ['push', 'origin', 'big'], { env: SCALED_ENV });
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(`cannot judge commit ${commit}: its object is`);
  });

  it('an honest long commit (a 2 MB squash message) is judged as before', () => {
    const work = project(POLICY);
    const commit = bigCommit(work.work, work.base, 2 * 1024 * 1024, 'message');
    work.work.git(['branch', '-f', 'long', commit]);
    const run = aitrail(work.work.dir, ['check', 'origin/main..long']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toMatch(REFUSED);
  });
});
