import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

// A CI job that prints `aitrail blame --format csv` into its log hands every line to the runner,
// which runs a line starting with `::` (GitHub Actions) or `##` (its older form, Azure's `##vso[`)
// as a workflow command: a file named so must not start a line.
const NAMES = ['::stop-commands::tok', '::add-mask::qwen3-coder', '##[warning]x', '##vso[task.setvariable variable=A]b'];

/** The cells of one CSV line (RFC 4180: quoted cells, inner quotes doubled; no line breaks in these). */
function cells(line: string): string[] {
  const out: string[] = [];
  const cell = /("(?:[^"]|"")*"|[^,]*)(?:,|$)/gy;
  for (let match = cell.exec(line); match && match.index < line.length; match = cell.exec(line)) {
    const raw = match[1]!;
    out.push(raw.startsWith('"') ? raw.slice(1, -1).replace(/""/g, '"') : raw);
  }
  return out;
}

describe('blame --format csv and a CI runner reading it', () => {
  it('starts no line with a workflow command, and keeps each other name as it is', () => {
    const repo = makeRepo();
    const files = Object.fromEntries(NAMES.map((name, at) => [name, `line ${at}\n`]));
    repo.commit('feat: files\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', files);
    for (const by of ['file', 'dir', 'author']) {
      const result = aitrail(repo.dir, ['blame', '--format', 'csv', '--by', by]);
      expect(result.code).toBe(0);
      const lines = result.stdout.split('\r\n').filter((line) => line !== '');
      expect(lines.filter((line) => /^(?:::|##)/.test(line))).toEqual([]);
      // The older `##[…]` and Azure's `##vso[…]` run ANYWHERE in a line, quoted or not: their `[` is shown escaped (row 610).
      if (by === 'file') expect(lines.slice(1).map((line) => cells(line)[0]).sort()).toEqual(NAMES.map((name) => name.replace(/^(##(?:vso)?)\[/, '$1\\x5b')).sort());
      expect(lines.filter((line) => /##(?:vso)?\[/.test(line))).toEqual([]);
    }
  });
});
