import { describe, expect, it } from 'vitest';
import { listRootEntries } from '../../src/git/read-blob.js';
import { makeRepo } from '../helpers/gitdir.js';

// 485 listed the whole top of the base's tree and decoded every record of it on each `check` (a
// root of 50,000 files: ~100 ms more of node's CPU); only names holding `aitrail` or `package.json`
// can be a search place or a misnamed config, and only their records are decoded now.
describe('the top of a tree, read for the names a config may have', () => {
  it('gives the entries whose name holds a match, hostile names included, and nothing else', () => {
    const repo = makeRepo();
    const files: Record<string, string> = { 'package.json': '{}\n', '.aitrail.yml': 'a\n', 'x\taitrail.yml': 'b\n', 'line\nAITRAIL.json': 'c\n', 'aitrail/inner.txt': 'd\n' };
    for (let at = 0; at < 300; at += 1) files[`f${at}.txt`] = `${at}\n`;
    repo.commit('init\n', files);
    const named = listRootEntries(repo.dir, 'HEAD', /aitrail|package\.json/gi);
    return named.then((entries) => {
      expect(entries.map((entry) => entry.path).sort()).toEqual(['.aitrail.yml', 'aitrail', 'line\nAITRAIL.json', 'package.json', 'x\taitrail.yml']);
      expect(entries.find((entry) => entry.path === 'package.json')).toMatchObject({ type: 'blob', mode: '100644', size: 3 });
      expect(entries.find((entry) => entry.path === 'aitrail')).toMatchObject({ type: 'tree', size: null });
    });
  });
});
