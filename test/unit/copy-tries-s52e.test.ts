import { afterAll, describe, expect, it } from 'vitest';
import { COPY_TRIES_CAP, CopyLookupsCapError, copySuspects, type WrittenLines } from '../../src/git/copy-suspects.js';
import { makeRepo, removeTempDirs } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

// row 1036: the copy search's tries of a line at a path, counted whether git was asked or not.
describe('copySuspects: one file copied by every commit of a range (row 1036)', () => {
  const body = Array.from({ length: 10 }, (_, n) => `export const sharedValue${n} = computeSomething(alphaInput, ${n * 7});`).join('\n') + '\n';

  /** A range whose first commit adds lib/big.ts and whose next `copies` commits each copy it into src/crypto. */
  function copiedEachCommit(copies: number) {
    const repo = makeRepo();
    const base = repo.commit('base', { 'app.ts': 'app\n' });
    const range = new Map<string, { firstParent: string | undefined }>();
    const big = repo.commit('big', { 'lib/big.ts': body });
    range.set(big, { firstParent: base });
    const asked: WrittenLines[] = [];
    let parent = big;
    for (let n = 0; n < copies; n += 1) {
      const sha = repo.commit(`copy ${n}`, { [`src/crypto/c${n}.ts`]: body });
      range.set(sha, { firstParent: parent });
      // Newest first, as a range is judged: the later copies are found (and tried) before lib/big.ts.
      asked.unshift({ rev: sha, parent, path: `src/crypto/c${n}.ts`, start: 1, end: 10 });
      parent = sha;
    }
    return { repo, range, asked };
  }

  it('gives up past its cap of tries (each line tried at the paths of later copies, absent from the parents), not only past its git lookups', async () => {
    const { repo, range, asked } = copiedEachCommit(30);
    expect(COPY_TRIES_CAP).toBeGreaterThan(1_000_000);
    // Within the caps every copy is a suspect (lib/big.ts holds its lines at its parent).
    expect(await copySuspects(repo.dir, asked, { range })).toHaveLength(30);
    // Few git lookups (each parent asked once per path), many more tries (each of 10 lines at each path).
    await expect(copySuspects(repo.dir, asked, { range }, 100_000, 2_000)).rejects.toThrow(CopyLookupsCapError);
  });
});
