// Task w of session 53 (review of rows s53o-1 and s53n-1): `log`, `blame` and `trend --help` said only that a commit of
// more than 16 MiB is not read, and that AITRAIL_SIZE_CAPS_DIVISOR "divides that"; since row s53o-1 a report also leaves
// unread a large message (over 64 KiB) past 64 MiB of them in one walk, and the divisor lowers that bound too. `trend`
// shares blame's cache, sealed under AITRAIL_CACHE_SECRET (row 1045), which its --help did not name.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('--help of the reports says what they leave unread and the variables they read (rows s53o-1, s53n-1)', () => {
  it('log, blame and trend name the 64 MiB of large messages a walk reads; blame and trend the cache secret', () => {
    const repo = makeRepo();
    for (const command of ['log', 'blame', 'trend']) {
      const help = aitrail(repo.dir, [command, '--help']);
      expect(help.code, command).toBe(0);
      const text = help.stdout.replace(/\s+/g, ' ');
      expect(text, command).toContain('nor one whose message of more than 64 KiB comes after 64 MiB of such messages in the same walk');
      expect(text, command).toContain('AITRAIL_SIZE_CAPS_DIVISOR=<n> (1 to 65536) divides these, never raising them.');
      if (command !== 'log') expect(text, command).toContain('AITRAIL_CACHE_SECRET');
    }
  });
});
