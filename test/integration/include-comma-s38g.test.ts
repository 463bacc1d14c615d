import { describe, expect, it } from 'vitest';
import { aitrail, reportOf } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

interface BlameJson {
  totals: { lines: number };
  files: { path: string }[];
}

function repoOfFiles() {
  const repo = makeRepo();
  repo.commit('files', { 'a.py': 'p\n', 'b.js': 'j 1\nj 2\n', 'c.txt': 't\n', 'x,y.py': 'comma\n', 'foo.c,v': 'rcs\n' });
  return repo;
}

const paths = (result: { stdout: string }) => (JSON.parse(result.stdout) as BlameJson).files.map((file) => file.path).sort();

describe('--include/--exclude written as a comma-separated list (s38g)', () => {
  it('blame and trend refuse it (exit 2) with the two ways to write it, never count nothing in silence', () => {
    const repo = repoOfFiles();
    for (const args of [['blame', '--include=*.py,*.js'], ['blame', '--include', '*.py,*.js', '--format', 'json'], ['trend', 'HEAD', '--include', '*.py,*.js']]) {
      const result = aitrail(repo.dir, [...args, '--no-cache']);
      expect(result.code, args.join(' ')).toBe(2);
      expect(reportOf(result.stdout)).toBe('');
      expect(result.stderr).toContain("--include '*.py,*.js' is one glob, and a comma is not glob syntax here");
      expect(result.stderr).toContain("repeat the flag (--include '*.py' --include '*.js'), or list them in braces (--include '{*.py,*.js}')");
    }
    const exclude = aitrail(repo.dir, ['blame', '--exclude', 'src/**,test/**']);
    expect(exclude.code).toBe(2);
    expect(exclude.stderr).toContain("--exclude 'src/**' --exclude 'test/**'");
  });

  it('the forms it names count what was meant; a glob or a name holding a comma of its own still works', () => {
    const repo = repoOfFiles();
    const blame = (...args: string[]) => aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', ...args]);
    expect(paths(blame('--include', '*.py', '--include', '*.js'))).toEqual(['a.py', 'b.js', 'x,y.py']);
    expect(paths(blame('--include', '{*.py,*.js}'))).toEqual(['a.py', 'b.js', 'x,y.py']);
    expect(paths(blame('--include', '*.{py,js}'))).toEqual(['a.py', 'b.js', 'x,y.py']);
    expect(paths(blame('--include', 'x,y.py'))).toEqual(['x,y.py']);
    expect(paths(blame('--include', '*,v'))).toEqual(['foo.c,v']);
  });
});
