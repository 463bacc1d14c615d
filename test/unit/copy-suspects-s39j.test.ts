import { afterAll, describe, expect, it } from 'vitest';
import { copySuspects, type WrittenLines } from '../../src/git/copy-suspects.js';
import { copySuspectsPerCommit } from '../helpers/copy-suspects-per-commit.js';
import { makeRepo, removeTempDirs } from '../helpers/gitdir.js';
import { prng } from '../helpers/trailer-messages.js';

afterAll(removeTempDirs);

/** Lines of 12+ letters and digits with no word of 6 (the fixed-string search by word cannot find them). */
const WORDLESS = ['let abc = def + ghi + jkl;', 'let mno = pqr * stu - vwx;', 'let yza = bcd / efg + hij;'];
/** One line too long for PCRE (its pattern compiles past 64 KB): git grep -P refuses the whole search. */
const LONG = `export const table = [${Array.from({ length: 600 }, (_, n) => n).join(', ')}];`;

const key = (lines: WrittenLines) => `${lines.rev} ${lines.path}`;

describe('copy suspects when git grep -P refuses a pattern (s39j)', () => {
  it("finds one commit's copy of lines without long words though another commit of the range writes a line too long for PCRE", async () => {
    const repo = makeRepo();
    const base = repo.commit('base', { 'lib/q.ts': `${WORDLESS.join('\n')}\n` });
    const long = repo.commit('long line', { 'src/crypto/table.ts': `${LONG}\n` });
    const copy = repo.commit('copy', { 'src/crypto/k.ts': `${WORDLESS.join('\n')}\n` });
    const range = new Map([
      [long, { firstParent: base }],
      [copy, { firstParent: long }],
    ]);
    const asked: WrittenLines[] = [
      { rev: long, parent: base, path: 'src/crypto/table.ts', start: 1, end: 1 },
      { rev: copy, parent: long, path: 'src/crypto/k.ts', start: 1, end: 3 },
    ];
    // The per-commit search (one git grep -P per commit) found it.
    expect((await copySuspectsPerCommit(repo.dir, asked)).map(key)).toEqual([`${copy} src/crypto/k.ts`]);
    expect((await copySuspects(repo.dir, asked, { range })).map(key)).toEqual([`${copy} src/crypto/k.ts`]);
  });

  it('finds the copy when the long line is in the same commit', async () => {
    const repo = makeRepo();
    const base = repo.commit('base', { 'lib/q.ts': `${WORDLESS.join('\n')}\n` });
    const copy = repo.commit('copy', { 'src/crypto/k.ts': `${LONG}\n${WORDLESS.join('\n')}\n` });
    const asked: WrittenLines[] = [{ rev: copy, parent: base, path: 'src/crypto/k.ts', start: 1, end: 4 }];
    expect((await copySuspects(repo.dir, asked, { range: new Map([[copy, { firstParent: base }]]) })).map(key)).toEqual([`${copy} src/crypto/k.ts`]);
  });

  it('on random histories of word-less lines, a long line added at the range\'s tip changes no other commit\'s verdict, and without it the search agrees with the per-commit one', async () => {
    const POOL = [...WORDLESS, 'let klm = nop - qrs * tuv;', 'let wxy = zab + cde - fgh;', 'const sharedValueNine = computeSomething(alpha, 9);'];
    let flagged = 0;
    for (const seed of [11, 12, 13]) {
      const next = prng(seed);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
      const repo = makeRepo();
      const base = repo.commit('base', { 'lib/q.ts': `${WORDLESS.join('\n')}\n`, 'lib/r.ts': `${POOL.slice(3).join('\n')}\n` });
      const range = new Map<string, { firstParent: string | undefined }>();
      const asked: WrittenLines[] = [];
      let parent = base;
      for (let n = 0; n < 12; n += 1) {
        const path = `${pick(['src/crypto', 'lib', 'docs'])}/f${Math.floor(next() * 4)}.ts`;
        const lines = Array.from({ length: 2 + Math.floor(next() * 4) }, (_, at) => (next() < 0.7 ? pick(POOL) : `let u${n}x${at} = v${n} + w${at} + seed${seed};`));
        const sha = repo.commit(`c${n}`, { [path]: `${lines.join('\n')}\n` });
        range.set(sha, { firstParent: parent });
        asked.push({ rev: sha, parent, path, start: 1, end: lines.length });
        parent = sha;
      }
      const before = (await copySuspectsPerCommit(repo.dir, asked)).map(key).sort();
      const plain = (await copySuspects(repo.dir, asked, { range })).map(key).sort();
      expect(plain).toEqual(before);
      const long = repo.commit('long', { 'src/crypto/table.ts': `${LONG}\n` });
      const withLong = new Map([...range, [long, { firstParent: parent }]]);
      const all = [...asked, { rev: long, parent, path: 'src/crypto/table.ts', start: 1, end: 1 }];
      expect((await copySuspects(repo.dir, all, { range: withLong })).map(key).sort()).toEqual(plain);
      flagged += plain.length;
    }
    expect(flagged).toBeGreaterThan(3);
  }, 60_000);
});
