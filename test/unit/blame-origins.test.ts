import { describe, expect, it } from 'vitest';
import { createOriginParser } from '../../src/core/blame/parse-origins.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

/** Real-shaped `git blame --incremental` output: commit details only with a commit's first group, `boundary` once, `filename` closing every group. */
const INCREMENTAL = [
  `${B} 5 5 1`,
  'author Bot',
  'summary feat: faster aes',
  'previous cccccccccccccccccccccccccccccccccccccccc lib/aes.ts',
  'filename lib/aes.ts',
  `${A} 1 1 4`,
  'author Jane',
  'summary 1234567890123456789012345678901234567890 1 1 1',
  'boundary',
  'filename src/crypto/aes.ts',
  `${A} 7 6 2`,
  'filename "src/crypto/new\\nline.ts"',
];

describe('createOriginParser (git blame --incremental)', () => {
  it('reads one group per header, with the origin file, lines and boundary flag of every group', () => {
    const parser = createOriginParser();
    for (const line of INCREMENTAL) parser.line(line);
    expect(parser.groups()).toEqual([
      { sha: B, boundary: false, originPath: 'lib/aes.ts', originLine: 5, finalLine: 5, count: 1 },
      { sha: A, boundary: true, originPath: 'src/crypto/aes.ts', originLine: 1, finalLine: 1, count: 4 },
      { sha: A, boundary: true, originPath: 'src/crypto/new\nline.ts', originLine: 7, finalLine: 6, count: 2 },
    ]);
  });
  it('ignores lines outside a group and SHA-256 ids are read too', () => {
    const parser = createOriginParser();
    const long = 'd'.repeat(64);
    for (const line of ['filename stray', 'boundary', `${long} 1 1 1`, 'filename x']) parser.line(line);
    expect(parser.groups()).toEqual([{ sha: long, boundary: false, originPath: 'x', originLine: 1, finalLine: 1, count: 1 }]);
  });
});
