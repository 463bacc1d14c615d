// Session 55 helper o (row 1182): pre-push asked git for the same commits' object info three times
// (`<new>^{commit} <old>^{commit}` to name the pushed ref's commits, `<old>^{commit}` again for the
// config's commit, `<new>` again for each commit's size): three `git cat-file --batch-check` processes
// in a push of one commit, two in the server's pre-receive. Found by counting the git processes of each
// hook (strace -f -e trace=execve, GIT_TRACE). Now a found answer is asked of git once a run
// (src/git/object-batch.ts objectInfoLines): one `cat-file --batch-check` in each hook; verdicts unchanged.
// Row 1183: `aitrail blame` asked `git rev-parse <commit>^{tree}` and then `git cat-file --batch` for that
// tree's bytes; the tree's id now comes with its bytes (change-size.ts treeCounts): a git process less.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CLAUDE_DECLARED, commitCase, project, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { gitCommands, traceFile, tracedPreReceive } from '../helpers/git-trace.js';
import { makeRepo } from '../helpers/gitdir.js';

const checks = (commands: string[]) => commands.filter((command) => command === 'cat-file --batch-check');

describe('one push of one branch asks git the object info of its commits once a hook (session 55 task o)', () => {
  it('pre-push and pre-receive each start one `cat-file --batch-check`, and a denied commit is still refused by both', () => {
    const { work, remote } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: ['pre-push'] });
    const received = tracedPreReceive(remote.dir);
    commitCase(work, 'one', `feat: one\n\n${CLAUDE_DECLARED}\n`);
    const pushed = traceFile('pre-push.trace');
    const push = tryGit(work.dir, ['push', '-q', 'origin', 'main'], { env: { GIT_TRACE: pushed } });
    expect(push.code, push.stderr).toBe(0);
    // At a8f01333: 3 in pre-push (the push's own git processes start none), 2 in pre-receive.
    expect(checks(gitCommands(pushed))).toHaveLength(1);
    expect(checks(gitCommands(received))).toHaveLength(1);
    // The verdicts: a denied model's commit is refused by pre-push, and by the server when pre-push is skipped.
    commitCase(work, 'qwen', `feat: qwen\n\n${QWEN}\n`);
    const refused = tryGit(work.dir, ['push', '-q', 'origin', 'main']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('qwen/');
    expect(refused.stderr).not.toContain('push rejected by the server');
    const server = tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'main']);
    expect(server.code).not.toBe(0);
    expect(server.stderr).toContain('push rejected by the server');
  });
});

describe('aitrail blame of a small repository asks no `rev-parse` of its tree (session 55 task o)', () => {
  it('reads the tree to count with its id from one `cat-file --batch` answer; the report is what it was', () => {
    const repo = makeRepo();
    repo.commit('feat: a\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'a.ts': 'export const a = 1;\nexport const b = 2;\n', '.gitattributes': 'gen/** linguist-generated\n' });
    repo.commit('feat: human\n', { 'b.ts': 'export const c = 3;\n' });
    const trace = traceFile('blame.trace');
    const blame = aitrail(repo.dir, ['blame', '--format', 'json'], { env: { GIT_TRACE: trace } });
    expect(blame.code, blame.stderr).toBe(0);
    // At a8f01333: `rev-parse --verify -q <commit>^{tree}` before the count's `cat-file --batch` of that tree.
    expect(gitCommands(trace).filter((command) => command.startsWith('rev-parse ') && command.includes('^{tree}'))).toEqual([]);
    // a.ts's two lines and .gitattributes' one by the AI commit, b.ts's one by a person.
    const report = JSON.parse(blame.stdout) as { totals: { lines: number; ai: number; human: number } };
    expect(report.totals).toMatchObject({ lines: 4, ai: 3, human: 1 });
  });
});
