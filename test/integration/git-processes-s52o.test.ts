// Session 52 task o: fewer git processes per judgement at the gate. judgeCommits listed the judged range with
// `git rev-list <range>` (row 943's sizes, the stored reading) and then again with `git log --boundary --format=%m %H %T %P
// <range>` (row 857's bound on changed files): the log's commits are the rev-list's, in the same order. Now the range is
// listed once, by the log, for all three. Replayed with the built CLI's `check` and a real bare server's pre-receive,
// git traced (GIT_TRACE).
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rangeShas, rangeTrees } from '../../src/git/change-size.js';
import { revisionShas } from '../../src/git/commit-size.js';
import { aitrail, BIN } from '../helpers/cli.js';
import { CLAUDE_DECLARED, commitCase, policyServer, project, QWEN, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

/** The git processes a GIT_TRACE file records (each logs its command line once as it starts). */
function gitCommands(trace: string): string[] {
  return readFileSync(trace, 'utf8')
    .split('\n')
    .flatMap((line) => /trace: (?:built-in|exec): git (.*)$/.exec(line)?.[1] ?? []);
}

/** Commands listing the judged range itself (`rev-list <range>`, not `rev-list --objects --stdin`), and the range's `log --boundary`. */
const dated = (date: string) => ({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date });
const rangeRevLists = (commands: string[]) => commands.filter((command) => command.startsWith('rev-list ') && !command.includes('--stdin'));
const boundaryLogs = (commands: string[]) => commands.filter((command) => command.startsWith('log --boundary '));

describe('the judged range listed by one git process (session 52 task o)', () => {
  it("the log's commits are git rev-list's, in git's order, on a history of merges and clock skew", async () => {
    const repo = makeRepo();
    repo.commit('root\n', { 'r.txt': 'r\n' });
    repo.git(['checkout', '-q', '-b', 'side']);
    for (let at = 0; at < 3; at += 1) repo.commit(`side ${at}\n`, { [`s${at}.txt`]: `${at}\n` }, dated(`2026-01-0${5 - at}T00:00:00Z`));
    repo.git(['checkout', '-q', 'main']);
    for (let at = 0; at < 3; at += 1) repo.commit(`main ${at}\n`, { [`m${at}.txt`]: `${at}\n` }, dated(`2026-01-0${2 + at}T00:00:00Z`));
    repo.git(['merge', '-q', '--no-ff', '-m', 'merge side', 'side']);
    repo.commit('after\n', { 'a.txt': 'a\n' });
    const root = repo.git(['rev-list', '--max-parents=0', 'HEAD']);
    for (const revisions of [['HEAD', '--not', root], ['--end-of-options', 'side..HEAD'], ['HEAD'], ['HEAD', '--not', 'side', 'main~2']]) {
      const listed = await rangeTrees(repo.dir, revisions, { asStored: true });
      expect(rangeShas(listed), revisions.join(' ')).toEqual(await revisionShas(repo.dir, revisions, { asStored: true }));
    }
  });

  it('check and pre-receive run no `git rev-list <range>` beside the `git log --boundary` of it; a refusal still refuses', () => {
    const { remote, work } = policyServer('policy:\n  deny: ["qwen/*"]\n');
    const trace = join(tempDir('aitrail-trace-'), 'pre-receive.trace');
    writeFileSync(join(remote.dir, 'hooks', 'pre-receive'), `#!/bin/sh\nGIT_TRACE='${trace}' exec "${process.execPath}" "${BIN}" hook pre-receive "$@"\n`);
    chmodSync(join(remote.dir, 'hooks', 'pre-receive'), 0o755);
    for (const at of [1, 2, 3]) commitCase(work, `c${at}`, `feat: change ${at}\n\n${CLAUDE_DECLARED}\n`);
    const checkTrace = join(tempDir('aitrail-trace-'), 'check.trace');
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { env: { GIT_TRACE: checkTrace } });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const push = tryGit(work.dir, ['push', '-q', '--no-verify', 'origin', 'main']);
    expect(push.code, push.stderr).toBe(0);
    expect(tryGit(remote.dir, ['rev-parse', 'main']).stdout.trim()).toBe(work.git(['rev-parse', 'HEAD']));
    // Before: `rev-list <range> --` then `log --boundary … <range> --`, the same commits (13 git processes in check, 16 in pre-receive).
    for (const [commands, most] of [[gitCommands(checkTrace), 12], [gitCommands(trace), 14]] as const) {
      expect(rangeRevLists(commands)).toEqual([]);
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
    const trace = join(tempDir('aitrail-trace-'), 'pre-push.trace');
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
