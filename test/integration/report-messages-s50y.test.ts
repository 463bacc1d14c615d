// Row 978: row 966's evidence line for a commit a report did not read whole printed its size raw
// ("is 17000006 bytes, past the 16,777,216 a report reads"): two numbers in one line, one with separators and one
// without, hard to compare by eye. Now both are written alike (en-US separators), as the warning beside it is.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('row 978: the unread commit evidence writes its size as the bound is written', () => {
  it('log names a 17 MB message size with separators, as its warning does', () => {
    const repo = makeRepo();
    repo.commit('feat: a\n', { 'a.ts': 'a\n' });
    // A real `git commit -F` of a message past 16 MiB (no hooks installed: the report is what is tried).
    repo.write('b.ts', 'b\n');
    repo.git(['add', 'b.ts']);
    repo.git(['commit', '-q', '--no-verify', '-F', '-'], { input: `feat: big\n\n${'x'.repeat(17_000_000)}\n` });
    const run = aitrail(repo.dir, ['log']);
    expect(run.code, run.stderr).toBe(0);
    const evidence = run.stdout.split('\n').find((line) => line.includes('not read: '));
    expect(evidence).toMatch(/- not read: its text as git shows it is 17,000,0\d\d bytes, past the 16,777,216 a report reads$/);
    expect(run.stderr).toMatch(/is 17,000,0\d\d bytes, more than the 16,777,216 a report reads/);
  });
});
