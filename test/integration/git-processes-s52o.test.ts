// Session 52 task o: fewer git processes per judgement at the gate. pre-receive reads HEAD's branch tip in the for-each-ref
// of the notes refs it already ran; pre-push reads the notes tips once for the judgement and the notes push. (Task o also
// listed the judged range with row 857's `git log --boundary` in place of `git rev-list`; row 1069 put the rev-list back:
// that log holds every commit's text while it walks, so it runs only once row 943's and row 1037's sizes passed.)
// Replayed with the built CLI's `check` and a real bare server's pre-receive, git traced (GIT_TRACE).
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { CLAUDE_DECLARED, commitCase, policyServer, project, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { gitCommands, traceFile, tracedPreReceive } from '../helpers/git-trace.js';

/** Commands listing the judged range itself (`rev-list <range>`, not `rev-list --objects --stdin`), and the range's `log --boundary`. */
const rangeRevLists = (commands: string[]) => commands.filter((command) => command.startsWith('rev-list ') && !command.includes('--stdin'));
const boundaryLogs = (commands: string[]) => commands.filter((command) => command.startsWith('log --boundary '));

describe('fewer git processes at the gate (session 52 task o)', () => {
  it('check and pre-receive list the range once by `git rev-list`, once by row 857\'s `git log --boundary`; pre-receive one for-each-ref; a refusal still refuses', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const trace = tracedPreReceive(remote.dir);
    for (const at of [1, 2, 3]) commitCase(work, `c${at}`, `feat: change ${at}\n\n${CLAUDE_DECLARED}\n`);
    const checkTrace = traceFile('check.trace');
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { env: { GIT_TRACE: checkTrace } });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'main']);
    expect(push.code, push.stderr).toBe(0);
    expect(tryGit(remote.dir, ['rev-parse', 'main']).stdout.trim()).toBe(work.git(['rev-parse', 'HEAD']));
    // `rev-list <range> --` (row 943's and 1037's sizes, nothing held) then `log --boundary … <range> --` (row 857), as
    // row 1069 keeps them; pre-receive 16 git processes before task o's for-each-ref, 15 after. Row 1079 adds one to
    // each: the cherry-pick twin search (`log --all -- <paths>`) now runs for commits that declare an allowed model too.
    for (const [commands, most] of [[gitCommands(checkTrace), 14], [gitCommands(trace), 16]] as const) {
      expect(rangeRevLists(commands)).toHaveLength(1);
      expect(boundaryLogs(commands)).toHaveLength(1);
      expect(commands.length, commands.join('\n')).toBeLessThanOrEqual(most);
    }
    // pre-receive: HEAD's branch and the notes refs of one `for-each-ref` (before: a second one, of refs/heads/main alone).
    expect(gitCommands(trace).filter((command) => command.startsWith('for-each-ref '))).toHaveLength(1);
    // HEAD's tip so read still names the policy for another branch's push: a person's side branch lands, a deletion too.
    work.git(['checkout', '-q', '-b', 'side']);
    commitCase(work, 'side', 'feat: side\n');
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'side']).code).toBe(0);
    expect(tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', ':side']).code).toBe(0);
    work.git(['checkout', '-q', 'main']);
    // The same judgement: a denied model in the range is refused by check and by the server.
    commitCase(work, 'qwen', `feat: qwen\n\n${QWEN}\n`);
    const refused = aitrail(work.dir, ['check', 'origin/main..HEAD']);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('qwen');
    const rejected = tryGit(work.dir, ['push', '--no-verify', 'origin', 'main']);
    expect(rejected.code, rejected.stderr).not.toBe(0);
    expect(rejected.stderr).toContain('push rejected by the server');
  });

  it("pre-push reads the notes tips once for the judgement and the notes push: the note still lands on the server, a denied model's still refuses", () => {
    const { remote, work } = project('policy:\n  deny: ["qwen/*"]\n', { hooks: ['pre-push'] });
    const sha = commitCase(work, 'noted', `feat: noted\n\n${CLAUDE_DECLARED}\n`, 'src/noted.ts');
    addNote(work, sha, gitAiNote({ 'src/noted.ts': [session(NOTE_KEYS.claude, '1')] }));
    const trace = traceFile('pre-push.trace');
    const pushed = tryGit(work.dir, ['push', '-q', 'origin', 'main'], { env: { GIT_TRACE: trace } });
    expect(pushed.code, pushed.stderr).toBe(0);
    // Before: `for-each-ref … refs/notes/ai refs/notes/ai-attribution` (judgeCommits), then `for-each-ref … refs/notes/ai` (pushNotes).
    expect(gitCommands(trace).filter((command) => command.startsWith('for-each-ref ') && command.includes('refs/notes/'))).toHaveLength(1);
    expect(tryGit(remote.dir, ['rev-parse', 'refs/notes/ai']).stdout.trim()).toBe(work.git(['rev-parse', 'refs/notes/ai']));
    // A note naming a denied model: refused by the same reading.
    const qwen = commitCase(work, 'quiet', 'feat: quiet\n', 'src/quiet.ts');
    addNote(work, qwen, gitAiNote({ 'src/quiet.ts': [session(NOTE_KEYS.qwen, '1')] }));
    const refused = tryGit(work.dir, ['push', 'origin', 'main']);
    expect(refused.code, refused.stderr).not.toBe(0);
  });
});
