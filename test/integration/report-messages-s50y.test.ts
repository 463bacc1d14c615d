// Row 978: row 966's evidence line for a commit a report did not read whole printed its size raw
// ("is 17000006 bytes, past the 16,777,216 a report reads"): two numbers in one line, one with separators and one
// without, hard to compare by eye. Now both are written alike (en-US separators), as the warning beside it is.
// Row 1073: replayed with the bound divided by 256 (AITRAIL_SIZE_CAPS_DIVISOR: 65,536 bytes, a 70 KB message).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';
import { SCALED_ENV } from '../helpers/size-caps.js';

describe('row 978: the unread commit evidence writes its size as the bound is written', () => {
  it('log names a 70 KB message size with separators, as its warning does (the bound lowered, row 1073)', () => {
    const repo = makeRepo();
    repo.commit('feat: a\n', { 'a.ts': 'a\n' });
    // A real `git commit -F` of a message past 16 MiB / 256 (no hooks installed: the report is what is tried).
    repo.write('b.ts', 'b\n');
    repo.git(['add', 'b.ts']);
    repo.git(['commit', '-q', '--no-verify', '-F', '-'], { input: `feat: big\n\n${'x'.repeat(70_000)}\n` });
    const run = aitrail(repo.dir, ['log'], { env: SCALED_ENV });
    expect(run.code, run.stderr).toBe(0);
    const evidence = run.stdout.split('\n').find((line) => line.includes('not read: '));
    expect(evidence).toMatch(/- not read: its text as git shows it is 70,0\d\d bytes, past the 65,536 a report reads$/);
    expect(run.stderr).toMatch(/is 70,0\d\d bytes, more than the 65,536 a report reads/);
  });
});
