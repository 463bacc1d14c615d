// Session 55 helper g (row 1161): `aitrail log --author '['` exited 3 ("git log failed: fatal: header,
// '[': Invalid regular expression"), the code of a git error or internal failure, for a pattern the
// user typed wrong; found by session 54 and replayed with the built CLI. A pattern git refuses is bad
// input now: one line naming the pattern and git's reason, exit 2 (DESIGN.md), in text and JSON.
// Row 1163: `aitrail blame --merge /dev/zero` read the device to V8's longest string (~620 MB, 3 s) and
// then said `RangeError: Invalid string length`; a device or socket is refused before it is read.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('log --author: a pattern git refuses is bad usage (row 1161)', () => {
  const repo = makeRepo();
  repo.commit('feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'a.ts': 'a\n' });

  it.each([
    ['[', 'Invalid regular expression'],
    ['\\(', 'Unmatched ( or \\('],
    ['a**', 'Invalid preceding regular expression'],
  ])('--author %s: exit 2, one line with git reason', (pattern, reason) => {
    const result = aitrail(repo.dir, ['log', '--author', pattern]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`aitrail: invalid --author pattern '${pattern}': ${reason}. git log reads it as a regular expression: put a backslash before a special character meant literally, or give a plain name.\n`);
  });

  it('--format json says it as a usage error on stdout', () => {
    const result = aitrail(repo.dir, ['log', '--author', '[', '--format', 'json']);
    expect(result.code).toBe(2);
    const error = (JSON.parse(result.stdout) as { error: { exitCode: number; kind: string; message: string } }).error;
    expect(error.exitCode).toBe(2);
    expect(error.kind).toBe('usage');
    expect(error.message).toContain("invalid --author pattern '['");
  });

  it('a valid pattern and a bad range are as before', () => {
    expect(aitrail(repo.dir, ['log', '--author', 'Test']).code).toBe(0);
    const bad = aitrail(repo.dir, ['log', 'nope..HEAD', '--author', 'x']);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain("unknown revision or range 'nope..HEAD'");
  });
});

describe('blame --merge: a device is refused unread (row 1163)', () => {
  it('--merge /dev/zero: exit 2, one line, before any read', () => {
    const repo = makeRepo();
    repo.commit('feat: a\n', { 'a.ts': 'a\n' });
    const result = aitrail(repo.dir, ['blame', '--merge', '/dev/zero']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("aitrail: --merge: cannot read '/dev/zero' (a device or socket, not a file); give the JSON files that `aitrail blame --format json --shard <i>/<n>` wrote.\n");
  });
});
