import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copySuspects, type WrittenLines } from '../../src/git/copy-suspects.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// Path rules blame a protected file's new lines again with `git blame -C -C -C` (which searches
// the whole tree) only when copySuspects finds them elsewhere in the parent's tree. A real
// repository: what git grep finds there, spaces aside, decides.

const OTHER = [
  'export function deriveTheKey(secret: string): string {',
  '  return pbkdf2Sync(secret, saltForThisInstallation, 600000, 32).toString();',
  '}',
  'const theResultOfIt = 1;',
  'const theOtherOneToo = 2;',
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
  it('a found line counts as git blame counts a copy: in a chunk of found (or short) lines of 40 letters and digits at least', async () => {
    // One line shared with lib/key.ts (17 letters and digits) among the person's own lines: no chunk git would call a copy.
    const shared = written('export const fourthTest = writtenForTheFourthTestOnly();\nconst theResultOfIt = 1;\nexport const alsoMine = anotherLineOfMyOwnMaking();\n');
    expect(await copySuspects(repo.dir, [shared])).toEqual([]);
    // Two such lines together, re-spaced, with a short line between: 34 + the `}`... and a third makes it a chunk.
    const two = written('const theResultOfIt=1;\n}\nconst theOtherOneToo = 2;\n');
    expect(await copySuspects(repo.dir, [two])).toEqual([]);
    const chunk = written('const theResultOfIt=1;\n}\nconst theOtherOneToo = 2;\nexport function deriveTheKey(secret: string): string {\n');
    expect(await copySuspects(repo.dir, [chunk])).toEqual([chunk]);
  });
  it('a git built without Perl-compatible patterns: the fixed-string search finds the same suspects', async () => {
    const chunk = written('const theResultOfIt=1;\n}\nconst theOtherOneToo = 2;\nexport function deriveTheKey(secret: string): string {\n');
    const own = written('export const fifthTest = writtenForTheFifthTestOnly();\nconst theResultOfIt = 1;\n');
    // git as a build without PCRE answers -P (the real git for everything else, found after this folder on PATH).
    const bin = tempDir('aitrail-nopcre-');
    writeFileSync(join(bin, 'git'), `#!/bin/sh\nfor a in "$@"; do [ "$a" = -P ] && { echo "fatal: cannot use Perl-compatible regexes when not compiled with USE_LIBPCRE" >&2; exit 128; }; done\nPATH=${JSON.stringify(process.env.PATH ?? '')} exec git "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ''}`;
    try {
      expect(repo.git(['--version'])).toMatch(/^git version/);
      expect(await copySuspects(repo.dir, [chunk, own])).toEqual([chunk]);
    } finally {
      process.env.PATH = path;
    }
  });
});
