import { expect } from 'vitest';
import { aitrail, type CliResult } from './cli.js';
import { addNote, forCommit } from './git-ai-notes.js';
import { makeRepo, type TestRepo } from './gitdir.js';

/**
 * A repository whose `feature` commit of the three-line `src/k.ts` has the note `first` with `second` joined
 * after it by `git notes append` (rows s52m-2, s52w-1), squashed onto `main` by a real `git merge --squash`,
 * and `aitrail notes squash main~1..feature --onto <squash>` run: the squash commit and that run.
 */
export function squashJoinedNote(first: string, second: string): { repo: TestRepo; squash: string; run: CliResult } {
  const repo = makeRepo();
  repo.commit('base', { 'README.md': 'hi\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  const sha = repo.commit('feat: keys', { 'src/k.ts': 'a\nb\nc\n' });
  addNote(repo, sha, first);
  repo.git(['notes', '--ref', 'ai', 'append', '-F', '-', sha], { input: forCommit(second, sha) });
  expect(repo.git(['notes', '--ref', 'ai', 'show', sha]).match(/schema_version/g)?.length).toBe(2);
  repo.git(['checkout', '-q', 'main']);
  repo.git(['merge', '-q', '--squash', 'feature']);
  repo.git(['commit', '-q', '-m', 'feat: keys (#1)']);
  const squash = repo.git(['rev-parse', 'HEAD']);
  return { repo, squash, run: aitrail(repo.dir, ['notes', 'squash', 'main~1..feature', '--onto', squash]) };
}
