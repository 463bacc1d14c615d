// row 1073: AITRAIL_SIZE_CAPS_DIVISOR divides the caps of row 943 (16 MiB a commit or tag object), row 1037
// (64 KiB a large commit, 64 MiB of large commits a range) the same way at check, pre-push, pre-receive and the
// reports, read at each use; it can only lower them: anything but 1 to 65536 as digits is a one-line usage error
// (exit 2), at the server too (its pre-receive refuses the push, never judges it under the default unsaid).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { SCALED_ENV } from '../helpers/size-caps.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';
const BAD = /^aitrail: AITRAIL_SIZE_CAPS_DIVISOR='(.*)' is not a divisor: give a whole number 1 to 65536, digits only \(it can only lower the caps of 16 MiB a commit, 64 KiB a large commit, 64 MiB of large commits a range, 10,000 merged commits the merge-footer walks read, 16 MiB of a noted commit's diff counted and 200,000 paths shown through symbolic links matched whole\), or unset it\.$/m;

/** A person's commit on HEAD whose message is about `bytes` long (an honest squash), on branch `long`. */
function longCommit(work: ReturnType<typeof policyServer>['work'], bytes: number): string {
  const message = `feat: squash\n\n${`${'x'.repeat(99)}\n`.repeat(Math.ceil(bytes / 100))}`;
  work.write('squash.ts', 'export const s = 1;\n');
  work.git(['add', 'squash.ts']);
  work.git(['commit', '-q', '--no-verify', '-F', '-'], { input: message });
  work.git(['branch', '-f', 'long', 'HEAD']);
  return work.git(['rev-parse', 'HEAD']);
}

describe('AITRAIL_SIZE_CAPS_DIVISOR lowers the size caps, never raises them (row 1073)', () => {
  it('an 80 KiB commit is judged under the defaults and refused unread at check and pre-receive under the divisor', () => {
    const { remote, work } = policyServer(POLICY);
    const sha = longCommit(work, 80 * 1024);
    const plain = aitrail(work.dir, ['check', 'origin/main..long']);
    expect(plain.code, plain.stderr).toBe(0);
    const lowered = aitrail(work.dir, ['check', 'origin/main..long'], { env: SCALED_ENV });
    expect(lowered.code, lowered.stderr).toBe(3);
    expect(lowered.stderr).toContain(`cannot judge commit ${sha}: its object is`);
    expect(lowered.stderr).toContain('more than the 65,536 read');
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'long:main'], { env: SCALED_ENV });
    expect(pushed.code).not.toBe(0);
    expect(pushed.stderr).toContain(`cannot judge commit ${sha}: its object is`);
    expect(tryGit(remote.dir, ['rev-parse', 'main']).stdout.trim()).not.toBe(sha);
  });

  for (const set of ['0', '0.5', '65537', '16MiB']) {
    it(`'${set}': check and log exit 2 with one line, and pre-receive refuses the push with it`, () => {
      const { remote, work } = policyServer(POLICY);
      const sha = longCommit(work, 1024);
      const env = { AITRAIL_SIZE_CAPS_DIVISOR: set };
      const check = aitrail(work.dir, ['check', 'origin/main..long'], { env });
      expect(check.code, check.stderr).toBe(2);
      expect(check.stderr.match(BAD)?.[1]).toBe(set);
      expect(check.stderr).not.toContain('    at ');
      const log = aitrail(work.dir, ['log', '--format', 'json'], { env });
      expect(log.code, log.stderr).toBe(2);
      expect(log.stderr).toMatch(BAD);
      const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'long:main'], { env });
      expect(pushed.code).not.toBe(0);
      expect(pushed.stderr).toMatch(/AITRAIL_SIZE_CAPS_DIVISOR='.*' is not a divisor/);
      expect(pushed.stderr).not.toContain('    at ');
      expect(tryGit(remote.dir, ['rev-parse', 'main']).stdout.trim()).not.toBe(sha);
      // Unset: the same push is judged and lands.
      const again = tryGit(work.dir, ['push', '--no-verify', 'origin', 'long:main']);
      expect(again.code, again.stderr).toBe(0);
    });
  }
});
