import { describe, expect, it } from 'vitest';
import { makeRepo } from '../helpers/gitdir.js';
import { resolveCommit } from '../../src/git/resolve-commit.js';
import { resolveCheckRange } from '../../src/enforce/check-range.js';

describe('resolveCommit (one rev-parse helper for check, log and blame)', () => {
  it('peels tags to commits and refuses trees, option-like and unknown names', async () => {
    const repo = makeRepo();
    expect(await resolveCommit(repo.dir, 'HEAD')).toBeNull(); // unborn
    const first = repo.commit('first\n', { a: '1' });
    const second = repo.commit('second\n', { a: '2' });
    repo.git(['tag', '-a', '-m', 'v', 'v1', first]);
    expect(await resolveCommit(repo.dir, 'HEAD')).toBe(second);
    expect(await resolveCommit(repo.dir, 'v1')).toBe(first);
    expect(await resolveCommit(repo.dir, 'HEAD^{tree}')).toBeNull();
    expect(await resolveCommit(repo.dir, '--all')).toBeNull();
    expect(await resolveCommit(repo.dir, 'nosuch')).toBeNull();
    expect((await resolveCheckRange(repo.dir, 'v1..HEAD')).base).toBe(first);
    expect((await resolveCheckRange(repo.dir, 'nosuch..HEAD')).missingBase).toBe('nosuch');
    expect((await resolveCheckRange(repo.dir, 'v1...HEAD')).base).toBe(first);
    await expect(resolveCheckRange(repo.dir, 'v1...nosuch')).rejects.toThrow(/unknown revision 'nosuch'/);
  });
});
