import { makeRepo } from './gitdir.js';

export const QWEN_TRAILER = '\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';

/** Qwen's commit writing a.ts (3 lines), and a person's commit with the same tree and parent that `git replace` stands in for it. */
export function replacedHistory() {
  const repo = makeRepo();
  repo.commit('human\n', { 'b.ts': 'b();\n' });
  const qwen = repo.commit(`parser${QWEN_TRAILER}`, { 'a.ts': 'q1();\nq2();\nq3();\n' });
  const person = repo.git(['commit-tree', '-p', `${qwen}~1`, '-m', 'a person wrote it', `${qwen}^{tree}`]);
  repo.git(['replace', qwen, person]);
  repo.commit('human c\n', { 'c.ts': 'c();\n' });
  return { repo, qwen };
}
