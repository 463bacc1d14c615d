import { describe, expect, it } from 'vitest';
import { LINK_LOOP, linksInsideDirectoryLinks, MAX_LINK_HOPS, resolveThroughLinks } from '../../../src/core/policy/link-reach.js';

describe('resolveThroughLinks: a link target as the file system reads it', () => {
  const links = new Map([
    ['lib/a.ts', '../vendor/b.ts'],
    ['d1', 'x/y'],
    ['up', '.'],
    ['loop/a', 'b'],
    ['loop/b', 'a'],
    ['abs', '/etc'],
  ]);
  it.each([
    ['src/crypto/k.ts', '../../lib/a.ts', 'vendor/b.ts'],
    ['src/crypto/k.ts', '../../d1/../lib/key.ts', 'x/lib/key.ts'],
    ['src/crypto/k.ts', '../../d1/f.ts', 'x/y/f.ts'],
    ['src/crypto/k.ts', '../../up/up/up/lib/key.ts', 'lib/key.ts'],
    ['src/crypto/k.ts', '../../lib/./key.ts', 'lib/key.ts'],
    ['src/crypto', '..', ''],
    ['src/crypto/k.ts', '../../..', null],
    ['src/crypto/k.ts', '/etc/passwd', null],
    ['src/crypto/k.ts', '../../abs/passwd', null],
    ['src/crypto/k.ts', '', null],
    ['src/crypto/k.ts', '../../loop/a', LINK_LOOP],
  ])('%s -> %s', (path, text, expected) => {
    expect(resolveThroughLinks(path, text, links)).toBe(expected);
  });

  it('ways: the path read on at each link passed (a file put there in place of the link shows)', () => {
    const chain: string[] = [];
    expect(resolveThroughLinks('src/crypto/k.ts', '../../lib/a.ts', links, chain)).toBe('vendor/b.ts');
    expect(chain).toEqual(['lib/a.ts']);
    const through: string[] = [];
    expect(resolveThroughLinks('src/crypto/x', '../../d1/../lib/f.ts', links, through)).toBe('x/lib/f.ts');
    expect(through).toEqual(['lib/f.ts']);
  });

  it(`a chain of ${MAX_LINK_HOPS} links resolves, one more is a loop`, () => {
    const chain = (count: number) => new Map(Array.from({ length: count }, (_, at) => [`c${at}`, at === count - 1 ? 'end.ts' : `c${at + 1}`]));
    expect(resolveThroughLinks('k', 'c0', chain(MAX_LINK_HOPS))).toBe('end.ts');
    expect(resolveThroughLinks('k', 'c0', chain(MAX_LINK_HOPS + 1))).toBe(LINK_LOOP);
  });
});

describe('linksInsideDirectoryLinks', () => {
  const outer = { path: 'src/crypto', text: '../lib', target: 'lib' };
  const inner = { path: 'lib/inner', text: '../vendor', target: 'vendor' };
  const deeper = { path: 'vendor/deep', text: '../other', target: 'other' };
  const back = { path: 'lib/up', text: '.', target: 'lib' };
  it('adds a link inside a directory link, and one inside that, not one pointing back inside the outer target', () => {
    const added = linksInsideDirectoryLinks([outer], [outer, inner, deeper, back], () => true, 100, () => new Error('cap'));
    expect(added.map((link) => [link.path, link.target])).toEqual([['src/crypto/inner', 'vendor'], ['src/crypto/inner/deep', 'other']]);
  });
  it('refuses past the cap', () => {
    expect(() => linksInsideDirectoryLinks([outer], [outer, inner, deeper], () => true, 1, () => new Error('cap'))).toThrow('cap');
  });
});
