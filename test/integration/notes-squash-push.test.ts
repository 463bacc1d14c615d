import { describe, expect, it } from 'vitest';
import { agentEdit, commitAll, noteOf } from '../helpers/agent-edits.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { copiedRepo } from '../helpers/hooked-repo.js';
import { aitrail, gitRun, hookEnv } from '../helpers/hooks.js';

function blame(repo: TestRepo, args: string[] = []) {
  const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache', ...args]);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout).totals;
}

/**
 * main with a.txt and b.txt; feature with two noted agent commits (Claude Code in a.txt, Gemini CLI in b.txt) and a human one.
 * Made once per file and copied (test/helpers/hooked-repo.ts copiedRepo): init's and the four checkpoints' node runs and the
 * three hooked commits once, not in each of the six tests (the file's CPU, npx vitest run and its servers, interleaved: 5.22, 5.55 -> 3.47, 4.18 s).
 */
function branchWithNotes(): TestRepo {
  return copiedRepo('branchWithNotes', () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.txt': 'a1\na2\na3\n', 'b.txt': 'b1\nb2\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
    repo.git(['checkout', '-q', '-b', 'feature']);
    agentEdit(repo, 'a.txt', 'a2\n', 'a2\nai-1\nai-2\n');
    commitAll(repo, 'claude lines');
    agentEdit(repo, 'b.txt', 'b1\n', 'b1\ngem-1\n', 'gemini-cli');
    repo.write('a.txt', 'a1\na2\nai-1\nai-2 edited by hand\na3\n');
    commitAll(repo, 'gemini lines, a hand edit');
    repo.write('b.txt', 'b0\nb1\ngem-1\nb2\n');
    commitAll(repo, 'human line');
    return repo;
  });
}

describe('aitrail notes squash', () => {
  it('a squash merge gets a note composed from the branch notes: exactly the AI lines that survived, at their lines in the squashed commit', () => {
    const repo = branchWithNotes();
    repo.git(['checkout', '-q', 'main']);
    repo.commit('main moves', { 'c.txt': 'c\n' }, hookEnv());
    expect(gitRun(repo.dir, ['merge', '-q', '--squash', 'feature']).status).toBe(0);
    const squashed = commitAll(repo, 'feature (#1)');
    // The hooks composed the squash commit's note themselves (row 422): the same note; taken off to compose it by hand.
    expect(noteOf(repo, 'HEAD')).toEqual({ files: { 'a.txt': ['3,3'], 'b.txt': ['3,3'] }, sessions: ['claude', 'gemini'] });
    expect(gitRun(repo.dir, ['notes', '--ref=ai', 'remove', squashed]).status).toBe(0);

    const result = aitrail(repo.dir, ['notes', 'squash', 'main~1..feature', '--onto', 'HEAD']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/wrote the git-ai note of [0-9a-f]{12}: 2 files, composed from 2 notes/);
    expect(noteOf(repo, 'HEAD')).toEqual({ files: { 'a.txt': ['3,3'], 'b.txt': ['3,3'] }, sessions: ['claude', 'gemini'] });
    expect(blame(repo)).toMatchObject({ lines: 10, ai: 2, byAgent: { 'claude-code': 1, 'gemini-cli': 1 } });

    // Idempotent; a different note there is kept unless --force.
    expect(aitrail(repo.dir, ['notes', 'squash', 'main~1..feature', '--onto', 'HEAD']).stdout).toMatch(/already this one; nothing changed/);
    const other = aitrail(repo.dir, ['notes', 'squash', 'main~1..feature~2', '--onto', 'HEAD']);
    expect(other.status).toBe(2);
    expect(other.stdout).toMatch(/already has a different note in refs\/notes\/ai; use --force/);
    expect(noteOf(repo, 'HEAD').files).toEqual({ 'a.txt': ['3,3'], 'b.txt': ['3,3'] });
    expect(aitrail(repo.dir, ['notes', 'squash', 'main~1..feature~2', '--onto', 'HEAD', '--force']).status).toBe(0);
    expect(noteOf(repo, 'HEAD')).toEqual({ files: { 'a.txt': ['3,3'] }, sessions: ['claude'] });
  });

  it('bad ranges are usage errors (exit 2), unknown commits git errors (exit 3, as in every command); a range without notes says so (exit 0)', () => {
    const repo = branchWithNotes();
    for (const range of ['main', 'main...feature', '--upload-pack=evil..main']) {
      const result = aitrail(repo.dir, ['notes', 'squash', range, '--onto', 'HEAD']);
      expect(result.status, range).toBe(2);
      expect(result.stderr, range).toMatch(range.startsWith('-') ? /Not enough non-option arguments/ : /not a range <base>\.\.<head> \(two dots\)/);
    }
    const unknown = aitrail(repo.dir, ['notes', 'squash', 'nope..feature', '--onto', 'HEAD']);
    expect(unknown.status).toBe(3);
    expect(unknown.stderr).toMatch(/unknown commit 'nope'/);
    const none = aitrail(repo.dir, ['notes', 'squash', 'feature~1..feature', '--onto', 'HEAD']);
    expect(none).toMatchObject({ status: 0, stdout: expect.stringMatching(/has a git-ai note: nothing to compose/) });
  });
});

describe('pre-push pushes refs/notes/ai', () => {
  function withRemote(config?: string) {
    const repo = branchWithNotes();
    const remote = makeRepo({ bare: true });
    if (config) {
      repo.write('.aitrailrc.yml', config);
      commitAll((repo.git(['add', '.aitrailrc.yml']), repo), 'config');
    }
    repo.git(['remote', 'add', 'origin', remote.dir]);
    return { repo, remote };
  }

  it('along with the branch, to a real bare remote; nothing new: no second push', () => {
    const { repo, remote } = withRemote();
    const push = gitRun(repo.dir, ['push', '-q', 'origin', 'feature']);
    expect(push.status, push.stderr).toBe(0);
    expect(remote.git(['rev-parse', 'refs/notes/ai'])).toBe(repo.git(['rev-parse', 'refs/notes/ai']));
    expect(remote.git(['notes', '--ref=ai', 'show', 'feature~1'], { raw: true })).toBe(repo.git(['notes', '--ref=ai', 'show', 'feature~1'], { raw: true }));
    // A clone gets them with the usual fetch refspec for notes.
    const clone = makeRepo();
    clone.git(['fetch', '-q', remote.dir, 'refs/heads/*:refs/remotes/origin/*', 'refs/notes/ai:refs/notes/ai']);
    expect(blame(clone, ['--rev', 'origin/feature'])).toMatchObject({ byAgent: { 'claude-code': 1, 'gemini-cli': 1 } });
  });

  it('notes.push: false in the config: the branch goes, the notes stay', () => {
    const { repo, remote } = withRemote('notes:\n  push: false\n');
    const push = gitRun(repo.dir, ['push', '-q', 'origin', 'feature']);
    expect(push.status, push.stderr).toBe(0);
    expect(remote.git(['rev-parse', 'feature'])).toBe(repo.git(['rev-parse', 'feature']));
    expect(gitRun(remote.dir, ['rev-parse', '--verify', '-q', 'refs/notes/ai']).status).not.toBe(0);
  });

  it("a remote with a branch named refs/notes/ai (refs/heads/refs/notes/ai), without notes or beside them: the notes land in refs/notes/ai itself, the branch untouched", () => {
    const { repo, remote } = withRemote();
    // Anyone who can push a branch names it so; git matches a push's destination by its end.
    const other = makeRepo();
    other.commit('decoy', { 'x.txt': 'x\n' });
    other.git(['push', '-q', remote.dir, 'HEAD:refs/heads/refs/notes/ai']);
    const decoy = other.git(['rev-parse', 'HEAD']);
    const exact = (name: string) => remote.git(['for-each-ref', '--format=%(objectname)', name]).split('\n').map((line) => line.trim()).filter(Boolean);
    const push = gitRun(repo.dir, ['push', '-q', 'origin', 'feature']);
    expect(push.status, push.stderr).toBe(0);
    expect(push.stderr).not.toMatch(/could not push/);
    expect(exact('refs/notes/ai')).toEqual([repo.git(['rev-parse', 'refs/notes/ai'])]);
    expect(exact('refs/heads/refs/notes/ai')).toEqual([decoy]);
    // Now the remote holds both: the next notes push still goes to the notes (git calls the name ambiguous).
    repo.git(['notes', '--ref=ai', 'add', '-f', '-m', 'more', 'main']);
    repo.commit('feat: more', { 'c.txt': 'c\n' });
    const again = gitRun(repo.dir, ['push', '-q', 'origin', 'feature']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/could not push/);
    expect(exact('refs/notes/ai')).toEqual([repo.git(['rev-parse', 'refs/notes/ai'])]);
    expect(exact('refs/heads/refs/notes/ai')).toEqual([decoy]);
    // No ref of aitrail's own is left in the pushing clone.
    expect(repo.git(['for-each-ref', '--format=%(refname)'])).not.toMatch(/aitrail/);
  });

  it('a remote whose notes diverged refuses them: one warning naming the fix, the branch push still succeeds', () => {
    const { repo, remote } = withRemote();
    const other = makeRepo();
    other.commit('other', { 'x.txt': 'x\n' });
    other.git(['notes', '--ref=ai', 'add', '-m', 'foreign', 'HEAD']);
    other.git(['push', '-q', remote.dir, 'refs/notes/ai:refs/notes/ai']);
    const push = gitRun(repo.dir, ['push', '-q', 'origin', 'feature']);
    expect(push.status, push.stderr).toBe(0);
    expect(push.stderr).toMatch(/aitrail: warning: could not push refs\/notes\/ai to origin .*git notes --ref=ai merge/);
    expect(remote.git(['rev-parse', 'feature'])).toBe(repo.git(['rev-parse', 'feature']));
  });
});
