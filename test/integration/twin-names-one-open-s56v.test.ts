// Session 56 helper v (rows 1202, 1216; no row of its own: no wrong verdict reproduced): the twin search's kept listing
// (`<git-common-dir>/aitrail/twin-names`) was opened three times by path: its tail check, its header and tips, and its lines. Found reading the code: a
// concurrent run renaming its new listing over the path in between (two pushes at once on a server) could have a run
// take the tips of one file and the lines of another. Now one open file serves all three reads (openKept), closed on
// every path: a listing renamed over the path after it is opened is not what that run reads. Real repository, the real
// module's functions (heldCommitNames writes the kept listing git printed), a real rename over it.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers/gitdir.js';
import { heldCommitNames, openKept } from '../../src/enforce/twin-names.js';

async function all(lines: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

describe('the kept twin listing is read from one open file (session 56 helper v)', () => {
  it('a listing renamed over the path after the open is not read: tips and lines are the first file\'s', async () => {
    const repo = makeRepo();
    repo.commit('feat: one\n', { 'a.ts': 'export const a = 1;\n' });
    const tip = repo.commit('feat: two\n', { 'b.ts': 'export const b = 2;\n' });
    const listed = await all(heldCommitNames(repo.dir));
    expect(listed).toContain(`\x01${tip}`);
    const path = join(repo.dir, '.git', 'aitrail', 'twin-names');
    const [header] = readFileSync(path, 'latin1').split('\n');

    const first = await openKept(path);
    expect(first).toBeDefined();
    expect(first!.tips).toEqual([tip]);
    try {
      // Another run's whole listing (its own tips, its own commits) renamed over the path, as its rename does.
      const other = 'f'.repeat(40);
      writeFileSync(`${path}.other`, `${header}\ntips ${other}\n\x01${other}\nlaundered.ts\n\x01end\n`);
      renameSync(`${path}.other`, path);
      // The first file's lines, read twice from the one open file (the same listing, then the incremental follow).
      expect(await all(first!.lines())).toEqual(listed);
      expect(await all(first!.lines())).toEqual(listed);
    } finally {
      first!.close();
    }
    // The new file, opened afresh, is the other run's (the rename did replace it).
    const second = await openKept(path);
    try {
      expect(second!.tips).toEqual(['f'.repeat(40)]);
      expect(await all(second!.lines())).toEqual([`\x01${'f'.repeat(40)}`, 'laundered.ts']);
    } finally {
      second!.close();
    }
    // The same tips again: the kept listing is what is read, and it is what git lists.
    expect(await all(heldCommitNames(repo.dir))).toEqual(listed);
  });

  it('a kept file cut short, of another format or missing is not opened (undefined, nothing left open)', async () => {
    const repo = makeRepo();
    repo.commit('feat: one\n', { 'a.ts': 'export const a = 1;\n' });
    await all(heldCommitNames(repo.dir));
    const path = join(repo.dir, '.git', 'aitrail', 'twin-names');
    const whole = readFileSync(path, 'latin1');
    writeFileSync(path, whole.slice(0, -2));
    expect(await openKept(path)).toBeUndefined();
    writeFileSync(path, whole.replace(/^aitrail twin-names 1 /, 'aitrail twin-names 0 '));
    expect(await openKept(path)).toBeUndefined();
    expect(await openKept(`${path}.none`)).toBeUndefined();
  });
});
