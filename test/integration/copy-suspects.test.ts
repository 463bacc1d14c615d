import { describe, expect, it } from 'vitest';
import { copySuspects, type WrittenLines } from '../../src/git/copy-suspects.js';
import { makeRepo } from '../helpers/gitdir.js';

// Path rules blame a protected file's new lines again with `git blame -C -C -C` (which searches
// the whole tree) only when copySuspects finds them elsewhere in the parent's tree. A real
// repository: what git grep finds there, spaces aside, decides.

const OTHER = [
  'export function deriveTheKey(secret: string): string {',
  '  return pbkdf2Sync(secret, saltForThisInstallation, 600000, 32).toString();',
  '}',
  '',
].join('\n');

describe('copySuspects: which written lines may be copies of another file of the parent', () => {
  const repo = makeRepo();
  const parent = repo.commit('feat: lib by hand', { 'lib/key.ts': OTHER, 'lib/blob.bin': '\0\0\nconst onlyInTheBinaryFileHere = readTheBinaryTable();\n', '.gitattributes': 'lib/blob.bin binary\n' });
  const written = (content: string): WrittenLines => {
    const rev = repo.commit('feat: crypto', { 'src/crypto/key.ts': content });
    return { rev, parent: repo.git(['rev-parse', `${rev}^`]), path: 'src/crypto/key.ts', start: 1, end: content.split('\n').length - 1 };
  };

  it('a line that stands in another file, spaces aside, is a suspect; one that only shares its longest word is not', async () => {
    expect(parent).toMatch(/^[0-9a-f]{40}$/);
    // Re-spaced: git blame -w reads it as the same line.
    const copied = written('const x = 1;\nreturn   pbkdf2Sync(secret,saltForThisInstallation,600000,32).toString();\n');
    expect(await copySuspects(repo.dir, [copied])).toEqual([copied]);
    // The same longest word (saltForThisInstallation) in a line of the person's own: no copy to look for.
    const own = written('export const saltForThisInstallation = readTheSaltFromTheVault();\n');
    expect(await copySuspects(repo.dir, [own])).toEqual([]);
  });

  it('a file marked binary is searched as text; lines of under 12 letters or digits are never searched', async () => {
    const fromBinary = written('const onlyInTheBinaryFileHere = readTheBinaryTable();\n');
    expect(await copySuspects(repo.dir, [fromBinary])).toEqual([fromBinary]);
    const short = written('}\n\n');
    expect(await copySuspects(repo.dir, [short])).toEqual([]);
  });

  it('only the written ranges that hold a found line are suspects', async () => {
    const rev = repo.commit('feat: two blocks', { 'src/crypto/two.ts': 'export const mineAlone = somethingOnlyIWroteToday();\n}\n  return pbkdf2Sync(secret, saltForThisInstallation, 600000, 32).toString();\n' });
    const base = { rev, parent: repo.git(['rev-parse', `${rev}^`]), path: 'src/crypto/two.ts' };
    const first: WrittenLines = { ...base, start: 1, end: 2 };
    const second: WrittenLines = { ...base, start: 3, end: 3 };
    expect(await copySuspects(repo.dir, [first, second])).toEqual([second]);
  });
});
