import { describe, expect, it } from 'vitest';
import { pathsShownByLinks } from '../../../src/core/policy/link-reach.js';

const link = (path: string, target: string) => ({ path, text: 'x', target });

describe('pathsShownByLinks: where links show the files a commit changes', () => {
  it('a file link at its own path, a directory link at each file under its target, the top at every file', () => {
    const file = link('src/crypto/key.ts', 'lib/key.ts');
    const dir = link('src/crypto', 'lib');
    const top = link('src/crypto/all', '');
    expect(pathsShownByLinks([file, dir, top], ['lib/key.ts', 'lib/x/y.ts', 'library.ts']).map((at) => [at.changed, at.shown])).toEqual([
      ['lib/key.ts', 'src/crypto/key.ts'],
      ['lib/key.ts', 'src/crypto/key.ts'],
      ['lib/x/y.ts', 'src/crypto/x/y.ts'],
      ['lib/key.ts', 'src/crypto/all/lib/key.ts'],
      ['lib/x/y.ts', 'src/crypto/all/lib/x/y.ts'],
      ['library.ts', 'src/crypto/all/library.ts'],
    ]);
  });

  it('a file that only shares a prefix with the target is not under it', () => {
    expect(pathsShownByLinks([link('src/crypto', 'lib')], ['libx/key.ts', 'lib.ts'])).toEqual([]);
  });
});
