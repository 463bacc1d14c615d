// `aitrail blame`'s total line as a user reads it (table and markdown): one line and one file are said in the
// singular ("1 line", "1 file"), more in the plural; a real repository, the built CLI.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

describe('blame total line counts its lines and files in words a reader expects', () => {
  it('one file of one line: "1 line", "1 file"; two files of three lines: plural', () => {
    const repo = makeRepo();
    repo.commit('one line', { 'a.txt': 'a\n' });
    const one = aitrail(repo.dir, ['blame', '--no-cache']);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).toMatch(/: 0 of 1 line AI-authored \(0\.0%\), 1 human, 1 file\.\n/);
    const markdown = aitrail(repo.dir, ['blame', '--no-cache', '--format', 'markdown']);
    expect(markdown.stdout).toContain('of 1 line is AI-authored (0 AI, 1 human) in 1 file.');

    repo.commit('more', { 'b.txt': 'b\nc\n' });
    const two = aitrail(repo.dir, ['blame', '--no-cache']);
    expect(two.stdout).toMatch(/: 0 of 3 lines AI-authored \(0\.0%\), 3 human, 2 files\.\n/);
    expect(aitrail(repo.dir, ['blame', '--no-cache', '--format', 'markdown']).stdout).toContain('of 3 lines are AI-authored (0 AI, 3 human) in 2 files.');
  });
});
