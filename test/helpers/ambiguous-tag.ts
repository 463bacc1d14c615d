import { makeRepo, type TestRepo } from './gitdir.js';

/**
 * Row 1081's history: a person's commit, then Qwen's, and a tag spelled like Qwen's abbreviated sha at the
 * person's commit (git's short-name rules read the tag first).
 */
export function tagLikeAbbreviatedSha(): { repo: TestRepo; person: string; qwen: string; abbrev: string } {
  const repo = makeRepo();
  repo.commit('chore: start\n', { 'README.md': 'hi\n' });
  const person = repo.commit('feat: y\n', { 'src/y.ts': 'y\n' });
  const qwen = repo.commit('feat: b\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/b.ts': 'b\n' });
  const abbrev = qwen.slice(0, 8);
  repo.git(['tag', abbrev, person]);
  return { repo, person, qwen, abbrev };
}
