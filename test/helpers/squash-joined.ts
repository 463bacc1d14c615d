import { expect } from 'vitest';
import { aitrail, type CliResult } from './cli.js';
import { makeRepo, type TestRepo } from './gitdir.js';
import { appendedNotes } from './qwen-noted-branch.js';

/**
 * A repository whose `feature` commit of the three-line `src/k.ts` has the note `first` with `second` joined
 * after it by `git notes append` (rows 1048, 1060, 1064), squashed onto `main` by a real `git merge --squash`,
 * and `aitrail notes squash main~1..feature --onto <squash>` run: the squash commit and that run.
 */
export function squashJoinedNote(first: string, second: string): { repo: TestRepo; squash: string; run: CliResult } {
  const repo = makeRepo();
  repo.commit('base', { 'README.md': 'hi\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  appendedNotes(repo, repo.commit('feat: keys', { 'src/k.ts': 'a\nb\nc\n' }), first, second);
  repo.git(['checkout', '-q', 'main']);
  repo.git(['merge', '-q', '--squash', 'feature']);
  repo.git(['commit', '-q', '-m', 'feat: keys (#1)']);
  const squash = repo.git(['rev-parse', 'HEAD']);
  return { repo, squash, run: aitrail(repo.dir, ['notes', 'squash', 'main~1..feature', '--onto', squash]) };
}

/** The squash commit's note after squashJoinedNote (its `notes squash` exiting 0). */
export function squashedAppendedNotes(first: string, second: string): string {
  const { repo, squash, run } = squashJoinedNote(first, second);
  expect(run.code, run.stderr).toBe(0);
  return repo.git(['notes', '--ref', 'ai', 'show', squash]);
}
