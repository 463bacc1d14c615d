import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

// CSV cells write `;` (671), controls and `##[` as visible escapes (`\x3b`, `\n`, `##\x5b`); a name
// holding that very text (`a\x3bb.ts`, `a\nb.ts`) read the same as the one escaped: two files, one name.
const PAIRS = [
  ['a;b.ts', 'a\\x3bb.ts'],
  ['c\nd.ts', 'c\\nd.ts'],
  ['##[e].ts', '##\\x5b' + 'e].ts'],
];

/** A cell's value as RFC 4180 reads it, its escapes decoded (`\xNN`, `\n`, `\r`, `\t`, `\u{…}`). */
function decode(cell: string): string {
  const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
  return value.replace(/\\(?:x([0-9a-f]{2})|u\{([0-9a-f]+)\}|([nrt]))/g, (_, hex, code, letter) =>
    hex ? String.fromCharCode(parseInt(hex, 16)) : code ? String.fromCodePoint(parseInt(code, 16)) : ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[letter],
  );
}

describe('CSV names stay apart from names holding an escape text (s44t)', () => {
  it('blame --format csv writes every file its own name, which decodes back to it', () => {
    const repo = makeRepo();
    const files = PAIRS.flat();
    repo.commit('feat: files\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', Object.fromEntries(files.map((name, at) => [name, `line ${at}\n`])));
    const result = aitrail(repo.dir, ['blame', '--no-cache', '--format', 'csv', '--by', 'file']);
    expect(result.code).toBe(0);
    const names = result.stdout.split('\r\n').slice(1, -1).map((line) => line.split(',')[0]);
    expect(new Set(names).size).toBe(files.length);
    expect(names.map(decode).sort()).toEqual([...files].sort());
  });
});
