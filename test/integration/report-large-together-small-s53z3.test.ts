// Row 1118: after a report's large messages passed their bound together (row 1107), a message that is not
// large (over a third of the large size in characters, at most the large size in bytes) was dropped unread too:
// a person's commit of a 160-byte message was counted as AI of an unknown model, its warning saying its
// "large message" was past the bound. Only a large message is counted and dropped now.
// Replayed with the caps divided by 256 (row 1073: 256 B a large message, 256 KiB together).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { largeMessageHistory, SCALED, SCALED_ENV, type LogJsonEntry as Entry } from '../helpers/size-caps.js';

describe('past the bound of large messages together, a message that is not large is still read (row 1118)', () => {
  it('log reads a person\'s 160-byte message older than the large ones past the bound: not AI, no warning', () => {
    const repo = makeRepo();
    const message = `feat: p\n\n${'word '.repeat(30)}\n`;
    expect(Buffer.byteLength(message)).toBeGreaterThan(SCALED.large / 3);
    expect(Buffer.byteLength(message)).toBeLessThanOrEqual(SCALED.large);
    repo.commit(message, { 'p.ts': 'p\n' });
    largeMessageHistory(repo);
    const run = aitrail(repo.dir, ['log', '--format', 'json'], { env: SCALED_ENV });
    expect(run.code, run.stderr).toBe(0);
    const entries = JSON.parse(run.stdout) as Entry[];
    // Newest first: c, four large read, four large unread, a, then p (oldest), read.
    expect(entries.map((e) => e.subject)).toEqual(['feat: c', 'feat: m7', 'feat: m6', 'feat: m5', 'feat: m4', '', '', '', '', 'feat: a', 'feat: p']);
    const p = entries[10]!;
    expect(p.warnings).toBeUndefined();
    expect(p.ai).toBe(false);
    expect(run.stderr).not.toContain(p.sha.slice(0, 12));
    expect(entries.filter((e) => e.warnings !== undefined)).toHaveLength(4);
  });
});
