// row 1116: row 1106 keeps a restored parent that is a merge with no note (the revert of a `revert -m 1`), and its
// shim gate doubts any merge parent. But a merge is also the restored parent of a person's revert of the commit made
// right after it: node's revertSource kept that merge, so post-commit started node too (~86 ms) to compose nothing. Now
// revertSource keeps the merge only when the reverted commit itself reverts it; post-commit stays in its shim (the
// prepare-commit-msg gate still starts node). The note and `check` asserted too. Real hooks from `init`, real merge and revert.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { countedHooksRepo } from '../helpers/counted-hooks.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';

const quiet = { AITRAIL: '0' };
const QWEN = session(NOTE_KEYS.qwen, '1-2');

describe('a revert of a commit made right after a merge (rows 1116, 1120)', () => {
  it('post-commit stays in its shim; no note of the merged branch; check passes', () => {
    const { repo, run } = countedHooksRepo();
    repo.commit('deny', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n  undeclared: allow\n' }, quiet);
    repo.git(['checkout', '-q', '-b', 'feat']);
    const agent = repo.commit('Add key\n', { 'k.ts': 'const key1 = computeTheSecretKeyMaterial(1);\nconst key2 = computeTheSecretKeyMaterial(2);\n' }, quiet);
    addNote(repo, agent, gitAiNote({ 'k.ts': [QWEN] }));
    repo.git(['checkout', '-q', 'main']);
    repo.commit('other\n', { 'o.txt': 'o\n' }, quiet);
    expect(run(['merge', '-q', '--no-ff', '--no-edit', 'feat'], quiet).status).toBe(0);
    // The person's commit through the hooks (not quiet): the shims' fast path is written, so what the revert starts is its own.
    repo.write('p.txt', 'one\ntwo\n');
    repo.git(['add', 'p.txt']);
    expect(run(['commit', '-q', '-m', 'A person\'s line']).status).toBe(0);
    const revert = run(['revert', '--no-edit', 'HEAD']);
    expect(revert.status, revert.stderr).toBe(0);
    let note = '';
    try {
      note = repo.git(['notes', '--ref=ai', 'show', 'HEAD']);
    } catch {
      note = '';
    }
    // Row 1120: the shims' revert gate reads the reverted commit's own revert line: no node in any hook.
    expect(revert.started).toEqual([]);
    expect(note).not.toContain('k.ts');
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD', '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});
