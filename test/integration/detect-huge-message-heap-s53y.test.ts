// Row 1117: one commit of a 15 MiB message (within the 16 MiB cap) holding a key text took `log` ~300 MB of
// heap: detection put the whole unread tail of its 15 MiB line in keyForm at once. With the heap held to
// 100 MB, `log` aborted (signal 6, exit 134) before the fix; it now reads the commit as before.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { repoWithHugeMessage } from '../helpers/huge-message.js';

const BIN = fileURLToPath(new URL('../../bin/aitrail.js', import.meta.url));

describe('a 15 MiB message is detected within a bounded heap (row 1117)', () => {
  it('log with --max-old-space-size=100 reads it: AI, the trailer and the unread tail', () => {
    const repo = repoWithHugeMessage();
    const run = spawnSync(process.execPath, ['--max-old-space-size=100', BIN, 'log'], { cwd: repo.dir, env: { ...TEST_GIT_ENV }, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.signal, run.stderr.slice(0, 500)).toBeNull();
    expect(run.status, run.stderr.slice(0, 500)).toBe(0);
    expect(run.stdout).toContain('AI    feat: big');
    expect(run.stdout).toContain('trailer Assisted-by: "Claude:claude-opus-4-5"');
    expect(run.stdout).toContain('a message past 20000 lines or a line past 65536 characters');
  }, 120_000);
});
