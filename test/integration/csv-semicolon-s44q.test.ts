import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

// A spreadsheet under a German, French or Spanish locale opens a CSV with `;` as its cell separator
// (Excel takes the system's list separator), honouring a quote only at a cell's start. A name holding
// `;` then starts a cell with what follows it, past the guard on a cell's first character.
const FILES = ['a;=2+3.ts', 'b; @SUM(1).ts', 'lib/c;-1+1/x.ts'];
const TAG = 'v2;+4+5';

/** The cells a `;`-locale spreadsheet reads from one line: split at `;`, a quote read only at a cell's start. */
function semicolonCells(line: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (at <= line.length) {
    if (line[at] === '"') {
      let text = '';
      let i = at + 1;
      for (; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') (text += '"'), i++;
        else if (line[i] === '"') break;
        else text += line[i];
      }
      const end = line.indexOf(';', i);
      out.push(text + line.slice(i + 1, end === -1 ? line.length : end));
      at = end === -1 ? line.length + 1 : end + 1;
    } else {
      const end = line.indexOf(';', at);
      out.push(line.slice(at, end === -1 ? line.length : end));
      at = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return out;
}

const formulas = (csv: string) =>
  csv
    .split('\r\n')
    .flatMap(semicolonCells)
    .filter((cell) => /^\s*[=+\-@]/.test(cell));

describe('CSV reports opened where `;` separates cells (s44q)', () => {
  it('blame and trend start no cell with a formula, whatever a file or tag holds', () => {
    const repo = makeRepo();
    repo.commit('base', { 'README.md': 'hi\n' });
    repo.git(['tag', 'v1']);
    repo.commit('feat: files\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', Object.fromEntries(FILES.map((name, at) => [name, `line ${at}\n`])));
    repo.git(['tag', TAG]);
    for (const by of ['file', 'dir', 'author']) {
      const result = aitrail(repo.dir, ['blame', '--no-cache', '--format', 'csv', '--by', by]);
      expect(result.code).toBe(0);
      expect(formulas(result.stdout)).toEqual([]);
      if (by === 'file') for (const name of FILES) expect(result.stdout).toContain(name.replace(/;/g, '\\x3b'));
    }
    const trend = aitrail(repo.dir, ['trend', 'v1', TAG, '--no-cache', '--format', 'csv']);
    expect(trend.code).toBe(0);
    expect(trend.stdout).toContain('v2\\x3b+4+5');
    expect(formulas(trend.stdout)).toEqual([]);
  });
});
