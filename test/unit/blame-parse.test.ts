import { describe, expect, it } from 'vitest';
import { createBlameParser, parseBlame, unquoteCPath } from '../../src/core/blame/parse-blame.js';
import { splitBlameFlags } from '../../src/core/blame/blame-flags.js';

const A = 'a'.repeat(40);
const B = '0123456789abcdef0123456789abcdef01234567';
const C = 'c'.repeat(40);

// Real-shaped `git blame --porcelain <since>..<rev>` output: commit details only on a commit's
// first group, `boundary` once, `previous`, C-quoted odd file names, content lines that look like headers.
const PORCELAIN = [
  `${A} 1 1 2`,
  'author Jane',
  'author-mail <jane@example.com>',
  'author-time 1700000000',
  'author-tz +0000',
  'committer Jane',
  'committer-mail <jane@example.com>',
  'committer-time 1700000000',
  'committer-tz +0000',
  'summary boundary commit',
  'boundary',
  'filename "new\\nline \\"q\\" \\303\\274.txt"',
  '\tline one',
  `${A} 2 2`,
  `\t${B} 1 1 1`,
  `${B} 3 3 1`,
  'author Bot',
  'author-mail <bot@example.com>',
  'author-time 1700000001',
  'author-tz +0000',
  'committer Bot',
  'committer-mail <bot@example.com>',
  'committer-time 1700000001',
  'committer-tz +0000',
  'summary feat: x',
  `previous ${A} -rf x.txt`,
  'filename -rf x.txt',
  '\tboundary',
  `${A} 4 4 1`,
  'filename "new\\nline \\"q\\" \\303\\274.txt"',
  '\tfilename fake',
  `${C} 1 5 3`,
  'author C',
  'summary c',
  'filename =cmd.txt',
  '\t',
  `${C} 2 6`,
  '\t\tindented',
  `${C} 3 7`,
  '\t',
  '',
].join('\n');

describe('blame porcelain parser', () => {
  it('counts lines per commit and leaves boundary lines out', () => {
    const result = parseBlame(PORCELAIN);
    expect(result).toEqual({ lines: 4, boundary: 3, commits: new Map([[B, 1], [C, 3]]) });
  });

  it('reads C-quoted and plain origin file names', () => {
    const parser = createBlameParser();
    for (const line of PORCELAIN.split('\n')) parser.line(line);
    expect([...parser.origins()].sort()).toEqual(['-rf x.txt', '=cmd.txt', 'new\nline "q" ü.txt']);
  });

  it('parses --incremental output (no content lines) the same way', () => {
    const incremental = [`${B} 10 1 5`, 'author X', 'summary s', 'filename f', `${A} 1 6 2`, 'boundary', 'filename f', `${B} 20 8 1`, 'filename f'].join('\n');
    expect(parseBlame(incremental)).toEqual({ lines: 6, boundary: 2, commits: new Map([[B, 6]]) });
  });

  it('accepts sha-256 object names', () => {
    const sha = 'e'.repeat(64);
    expect(parseBlame(`${sha} 1 1 3\nfilename x\n`).commits.get(sha)).toBe(3);
  });

  it('unquotes git C-quoted paths', () => {
    expect(unquoteCPath('"tab\\there"')).toBe('tab\there');
    expect(unquoteCPath('"\\346\\227\\245\\346\\234\\254.txt"')).toBe('日本.txt');
    expect(unquoteCPath('plain "name"')).toBe('plain "name"');
    expect(unquoteCPath('"back\\\\slash"')).toBe('back\\slash');
  });
});

describe('-M/-C/-w flag splitting', () => {
  const split = (...tokens: string[]) => splitBlameFlags(tokens);
  it('reads every git form', () => {
    expect(split('-M').flags).toEqual(['-M']);
    expect(split('-M50').flags).toEqual(['-M50']);
    expect(split('-C', '-C').flags).toEqual(['-C', '-C']);
    expect(split('-C', '-C', '-C').flags).toEqual(['-C', '-C', '-C']);
    expect(split('-C50').flags).toEqual(['-C50']);
    expect(split('-wC50').flags).toEqual(['-w', '-C50']);
    expect(split('-wwM').flags).toEqual(['-w', '-w', '-M']);
  });
  it('reads a cluster as git does: the rest after -M/-C is its score, and a score that is not all digits is none', () => {
    // git blame: -CC is ONE -C (score "C" is no score); -Cw has no -w; -CC50 is -C with no score.
    expect(split('-CC').flags).toEqual(['-C']);
    expect(split('-CCC').flags).toEqual(['-C']);
    expect(split('-CC50').flags).toEqual(['-C']);
    expect(split('-wCM').flags).toEqual(['-w', '-C']);
    expect(split('-Cw').flags).toEqual(['-C']);
    expect(split('-C5M').flags).toEqual(['-C']);
    expect(split('-MC').flags).toEqual(['-M']);
  });
  it('keeps paths, and a detached score is a path (as in git)', () => {
    expect(split('-C', '50', 'src')).toEqual({ flags: ['-C'], paths: ['50', 'src'], unknown: [] });
  });
  it('reports anything else that looks like an option', () => {
    expect(split('-X', '--bogus', '-C5x', '-', '-M-1', '-Cw-').unknown).toEqual(['-X', '--bogus', '-C5x', '-', '-M-1', '-Cw-']);
  });
});
