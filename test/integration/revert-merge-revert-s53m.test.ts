// row 1106: after `git revert -m 1 <merge>`, reverting that revert restores what the merge brought in, but the revert's
// restored parent is the merge, which has no note (git-ai and aitrail note the branch's commits): the shims' revert gate
// found no note and node never ran, so Qwen's lines came back with no note and were a person's at `check`. Now the gate
// doubts a merge parent and post-commit composes the notes of the commits the merge brought in (bounded), as a squash
// merge's. Replayed with init's hooks, a real `git merge --no-ff`, real `git revert -m 1` and `git revert`.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { countedHooksRepo } from '../helpers/counted-hooks.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';

const quiet = { AITRAIL: '0' };
const QWEN = session(NOTE_KEYS.qwen, '1-2');

describe('a revert of a `git revert -m 1` of a merge (row 1106)', () => {
  it('carries the notes of the commits the merge brought in', () => {
    const { repo, run } = countedHooksRepo();
    repo.commit('deny', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n' }, quiet);
    repo.git(['checkout', '-q', '-b', 'feat']);
    const agent = repo.commit('Add key\n', { 'k.ts': 'const key1 = computeTheSecretKeyMaterial(1);\nconst key2 = computeTheSecretKeyMaterial(2);\n' }, quiet);
    addNote(repo, agent, gitAiNote({ 'k.ts': [QWEN] }));
    const again = mergeRevertRevert(run, repo);
    expect(again.status, again.stderr).toBe(0);
    expect(again.started).toEqual(['prepare-commit-msg', 'post-commit']);
    expect(repo.git(['notes', '--ref=ai', 'show', 'HEAD'])).toContain(`k.ts\n  ${QWEN}`);
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
  });

  it('a revert of a revert of a merge whose branch has no note: no note written', () => {
    const { repo, run } = countedHooksRepo();
    repo.git(['checkout', '-q', '-b', 'feat']);
    repo.commit('Add key\n', { 'k.ts': 'const key1 = 1;\n' }, quiet);
    const again = mergeRevertRevert(run, repo);
    expect(again.status, again.stderr).toBe(0);
    expect(tryNote(repo)).toBe(false);
  });
});

/** Back on main, a commit there, `feat` merged (--no-ff), `git revert -m 1` of the merge, then a revert of that revert (with hooks). */
function mergeRevertRevert(run: ReturnType<typeof countedHooksRepo>['run'], repo: ReturnType<typeof countedHooksRepo>['repo']) {
  repo.git(['checkout', '-q', 'main']);
  repo.commit('other\n', { 'o.txt': 'o\n' }, quiet);
  expect(run(['merge', '-q', '--no-ff', '--no-edit', 'feat'], quiet).status).toBe(0);
  expect(run(['revert', '-m', '1', '--no-edit', 'HEAD'], quiet).status).toBe(0);
  return run(['revert', '--no-edit', 'HEAD']);
}

function tryNote(repo: { git: (args: string[]) => string }): boolean {
  try {
    repo.git(['notes', '--ref=ai', 'show', 'HEAD']);
    return true;
  } catch {
    return false;
  }
}
