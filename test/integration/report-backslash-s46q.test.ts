import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const QWEN = '\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

// A person's file named with the four characters `\x1b` and Qwen's file whose name holds ESC: two files, two names on every report.
function twoFiles() {
  const repo = makeRepo();
  repo.commit('human\n', { 'lib/a\\x1b.ts': 'h();\n', 'lib/b\\u{202e}.ts': 'h();\n', 'lib/c\\d.ts': 'h();\n' });
  repo.commit(`parser${QWEN}`, { 'lib/a\u001b.ts': 'q1();\nq2();\n', 'lib/b\u202e.ts': 'q1();\n' });
  return repo;
}

const fileRows = (stdout: string): string[] => stdout.split('\n').filter((line) => line.includes('lib/'));

describe("reports: a name's own backslash never reads as an escape (s46q)", () => {
  it('table: the person\'s `a\\x1b.ts` and Qwen\'s a<ESC>.ts are two names', () => {
    const repo = twoFiles();
    const { code, stdout } = aitrail(repo.dir, ['blame', '--by', 'file']);
    expect(code).toBe(0);
    const rows = fileRows(stdout);
    expect(rows.find((row) => row.includes('qwen'))).toMatch(/ lib\/a\\x1b\.ts /);
    expect(rows).toEqual(expect.arrayContaining([expect.stringMatching(/ lib\/a\\x5cx1b\.ts/), expect.stringMatching(/ lib\/b\\x5cu\{202e\}\.ts/), expect.stringMatching(/ lib\/b\\u\{202e\}\.ts /)]));
    // A `\` that begins no escape is shown as it is.
    expect(rows.some((row) => row.includes('lib/c\\d.ts'))).toBe(true);
    // No two rows show one name.
    const names = rows.map((row) => row.trim().split(/\s+/)[4]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('Markdown: the two names are two cells (GitHub renders `\\\\` as one `\\`)', () => {
    const repo = twoFiles();
    const { stdout } = aitrail(repo.dir, ['blame', '--by', 'file', '--format', 'markdown']);
    const cells = stdout.split('\n').filter((line) => line.startsWith('| <code>lib')).map((line) => line.slice(2, line.indexOf('</code>') + 7));
    expect(cells).toHaveLength(5);
    expect(new Set(cells).size).toBe(5);
    expect(cells).toContain('<code>lib\\/a\\\\x5cx1b\\.ts</code>');
    expect(cells).toContain('<code>lib\\/a\\\\x1b\\.ts</code>');
  });
});
