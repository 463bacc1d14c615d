import { describe, expect, it } from 'vitest';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';

// Row 318: `git merge -s ours` of a denied model's branch keeps none of its content but brings
// the commit into the history; the server refuses it (a denied model's commit entering the
// history), and now says which merge brought it and that rewriting the commit is not enough.
describe('a denied commit brought in by git merge -s ours (row 318)', () => {
  it('is refused by pre-receive, the fix naming the merge to make again', () => {
    const { work, remote } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    work.git(['checkout', '-q', '-b', 'topic']);
    const qwen = work.commit('feat: parser\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/parser.ts': 'qwen\n' });
    work.git(['checkout', '-q', 'main']);
    work.git(['merge', '-q', '-s', 'ours', '-m', 'Merge branch topic, keeping ours', 'topic']);
    const merge = work.git(['rev-parse', 'HEAD']);
    expect(work.git(['diff', '--name-only', 'HEAD~1', 'HEAD'])).toBe('');
    const push = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain(`error   ${qwen.slice(0, 12)}`);
    expect(push.stderr).toContain(`came into the branch through merge ${merge.slice(0, 12)} "Merge branch topic, keeping ours"`);
    expect(remote.git(['rev-list', '--count', 'main'])).toBe('1');
  });
});
