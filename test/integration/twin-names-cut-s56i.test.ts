// Session 56 helper i (row 1216): the twin search's kept listing (aitrail/twin-names, row 1202) was renamed into
// place without being flushed to the disk and had no end: a crash or a full disk that left it cut short after its tips
// line (a rename can reach the disk before the bytes) was read as whole, its tips all still held, and Qwen's reverted
// commit missing from it was no twin: the copy passed check (and a server's pre-receive, whose own file it is). Found
// reviewing helper e's change; replayed with a real repository, the built CLI's `check` and its kept file cut after its
// tips line. Now the listing ends with a line of its own (a file without it is not read: a full listing) and is fsynced
// before its rename.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, tryGit } from '../helpers/enforce-repos.js';
import { deniedAfterRevert } from '../helpers/laundered-twins.js';

/** 17 files of a person's: with a twin's path, past EVERY_PATH_CAP, the listing is read (row 1167). */
const wide = Object.fromEntries(Array.from({ length: 17 }, (_, at) => [`wide/f${at}.ts`, `export const f${at} = ${at};\n`]));

describe('the kept listing cut short (row 1216)', () => {
  it("is not read: Qwen's change picked again is still refused by check, naming Q", () => {
    const { work, qwen } = deniedAfterRevert();
    expect(tryGit(work.dir, ['cherry-pick', '-n', qwen]).code).toBe(0);
    expect(commitWith(work, 'feat: wide again\n', wide, { noVerify: true }).code).toBe(0);
    const first = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(first.code, first.stdout + first.stderr).toBe(1);
    expect(first.stdout).toContain(qwen.slice(0, 12));
    const kept = join(work.dir, '.git', 'aitrail', 'twin-names');
    const lines = readFileSync(kept, 'latin1').split('\n');
    expect(lines.length).toBeGreaterThan(4);
    // As a crash leaves it: its header and tips on the disk, its listing not.
    writeFileSync(kept, `${lines.slice(0, 2).join('\n')}\n`, 'latin1');
    const cut = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(cut.code, cut.stdout + cut.stderr).toBe(1);
    expect(cut.stdout).toContain(qwen.slice(0, 12));
  });
});
