// Session 55 helper g (row 1162): a report on one commit whose message is a 15 MiB line (within the 16 MiB
// cap) took `log` ~230 MB resident and ~1 s of CPU in one step: detection's unread-tail check put the tail in
// keyForm 1 MiB at a time (row 1117), and each piece's global replace of ~200,000 runs grew V8's heap by ~15 MB,
// while each piece looked for its last escape back to the tail's start (quadratic). Found measuring session 54's
// leftover with /usr/bin/time; pieces are 64 KiB now and the escape is looked for within the piece: ~125 MB.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { repoWithHugeMessage } from '../helpers/huge-message.js';

const TIME = '/usr/bin/time';

describe.skipIf(!existsSync(TIME))('a 15 MiB message is detected in a bounded resident size (row 1162)', () => {
  it('log: the trailer read, the tail said unread, peak RSS under 170 MB (was ~230 MB)', () => {
    const repo = repoWithHugeMessage();
    const run = spawnSync(TIME, ['-f', 'maxrss=%M', process.execPath, BIN, 'log'], { cwd: repo.dir, env: { ...TEST_GIT_ENV }, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(run.status, run.stderr.slice(-500)).toBe(0);
    expect(run.stdout).toContain('AI    feat: big');
    expect(run.stdout).toContain('trailer Assisted-by: "Claude:claude-opus-4-5"');
    expect(run.stdout).toContain('a message past 20000 lines or a line past 65536 characters');
    const kb = Number(/maxrss=(\d+)/.exec(run.stderr)?.[1]);
    expect(kb).toBeGreaterThan(0);
    expect(kb).toBeLessThan(170 * 1024);
  }, 180_000);
});
