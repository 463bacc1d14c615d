import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySuspects, type WrittenLines } from '../../src/git/copy-suspects.js';
import { makeRepo, removeTempDirs } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

const key = (lines: WrittenLines) => `${lines.rev} ${lines.path}`;

/** Three lines of 12+ letters and digits, each holding `bytes` (a Latin-1 `é`, `\xE9`, is no UTF-8). */
const linesWith = (bytes: number[]) => Buffer.concat(['const alphaBetaGamma1 = "', 'const deltaEpsilonZeta2 = "', 'const etaThetaIotaKappa3 = "'].flatMap((start) => [Buffer.from(start), Buffer.from(bytes), Buffer.from('";\n')]));

describe('copy suspects of lines git grep -P cannot be asked for as the file holds them (s40f)', () => {
  const cases: Array<[string, number[]]> = [
    ['a Latin-1 byte (not UTF-8)', [0xe9]],
    ['a NUL byte', [0]],
    ['a UTF-8 é, then two Latin-1 bytes and a cut UTF-8 sequence', [0xc3, 0xa9, 0xe9, 0x20, 0xe8, 0xe2, 0x82]],
  ];
  for (const [name, byte] of cases) {
    it(`finds lines holding ${name}, standing in the boundary tree, copied into another file`, async () => {
      const repo = makeRepo();
      writeFileSync(join(repo.dir, 'lib-q.ts'), linesWith(byte));
      const base = repo.commit('base');
      // A line of its own beside the copy: the other lines wanted are asked of git grep -P.
      writeFileSync(join(repo.dir, 'k.ts'), Buffer.concat([linesWith(byte), Buffer.from('const plainLineOfLetters42 = 0;\n')]));
      const copy = repo.commit('copy');
      const asked: WrittenLines[] = [{ rev: copy, parent: base, path: 'k.ts', start: 1, end: 4 }];
      expect((await copySuspects(repo.dir, asked, { range: new Map([[copy, { firstParent: base }]]) })).map(key)).toEqual([`${copy} k.ts`]);
    });
  }

  it('a Latin-1 line found nowhere else is no suspect', async () => {
    const repo = makeRepo();
    writeFileSync(join(repo.dir, 'lib-q.ts'), Buffer.from('const somethingElseEntirely9 = 1;\n'));
    const base = repo.commit('base');
    writeFileSync(join(repo.dir, 'k.ts'), linesWith([0xe9]));
    const copy = repo.commit('new');
    const asked: WrittenLines[] = [{ rev: copy, parent: base, path: 'k.ts', start: 1, end: 3 }];
    expect(await copySuspects(repo.dir, asked, { range: new Map([[copy, { firstParent: base }]]) })).toEqual([]);
  });
});
