import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { enforceMessages } from '../../src/enforce/messages.js';
import { notesMessages } from '../../src/core/notes/messages.js';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { makeRepo, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';

/** Run a shell command line as a person would paste it, in `cwd`. */
function sh(cwd: string, line: string, env: NodeJS.ProcessEnv = TEST_GIT_ENV): { code: number; stderr: string } {
  const result = spawnSync('sh', ['-c', line], { cwd, env, encoding: 'utf8' });
  return { code: result.status ?? -1, stderr: result.stderr };
}

const noted = (repo: TestRepo) => repo.git(['notes', '--ref=ai', 'list']).split('\n').filter(Boolean).map((line) => line.split(' ')[1]!);

/** git-ai's own notes fetch (`fetch_authorship_notes`: `+refs/notes/ai:<tracking ref>`, then merged). */
const gitAiFetch = (repo: TestRepo) => tryGit(repo.dir, ['fetch', '-q', 'origin', '+refs/notes/ai:refs/notes/ai-remote/origin']);

/**
 * A remote whose notes moved on (another clone pushed the note of its commit) while `clone` holds a
 * noted commit of its own, not pushed yet: `mine` is the commit whose note only `clone` has,
 * `theirs` the one whose note only the remote has.
 */
function divergedNotes(clone: TestRepo, remote: TestRepo): { mine: string; theirs: string } {
  const other = makeRepo();
  other.git(['remote', 'add', 'origin', remote.dir]);
  other.git(['fetch', '-q', 'origin', '+refs/heads/*:refs/remotes/origin/*', '+refs/notes/ai*:refs/notes/ai*']);
  other.git(['checkout', '-q', '-b', 'side', 'origin/main']);
  const theirs = other.commit('Theirs\n', { 'theirs.ts': 'one\ntwo\n' });
  addNote(other, theirs, gitAiNote({ 'theirs.ts': [session(NOTE_KEYS.claude, '1-2')] }));
  other.git(['push', '-q', 'origin', 'side', 'refs/notes/ai*:refs/notes/ai*']);
  const mine = clone.commit('Mine\n', { 'mine.ts': 'alpha\nbeta\ngamma\n' }, { AITRAIL: '0' });
  addNote(clone, mine, gitAiNote({ 'mine.ts': [session(NOTE_KEYS.qwen, '1-3')] }));
  return { mine, theirs };
}

describe('notes synced with a remote as git-ai syncs them (s33c)', () => {
  it("pre-push's advice for a refused notes push merges into git-ai's tracking ref and leaves git-ai's own sync working", () => {
    const { repo, env } = hookedRepo();
    const remote = makeRepo({ bare: true });
    repo.git(['remote', 'add', 'origin', remote.dir]);
    addNote(repo, repo.git(['rev-parse', 'HEAD']), gitAiNote({ 'a.txt': [session(NOTE_KEYS.claude, '1')] }));
    expect(tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env }).code).toBe(0);
    expect(remote.git(['for-each-ref', '--format=%(refname)', 'refs/notes/'])).toBe('refs/notes/ai');
    // git-ai, installed too, has synced once: its tracking ref of origin exists.
    expect(gitAiFetch(repo).code).toBe(0);
    const { mine, theirs } = divergedNotes(repo, remote);
    const pushed = tryGit(repo.dir, ['push', 'origin', 'main'], { env });
    expect(pushed.code).toBe(0);
    expect(pushed.stderr).toContain('could not push refs/notes/ai');
    const advice = /(git fetch .+?)\. To stop/.exec(pushed.stderr)?.[1];
    expect(advice, pushed.stderr).toBeDefined();
    // The advice works in a clone where git-ai made refs/notes/ai-remote/origin (a ref named
    // refs/notes/ai-remote cannot sit beside it), and keeps this clone's unpushed note.
    expect(sh(repo.dir, advice!)).toMatchObject({ code: 0 });
    expect(noted(repo)).toEqual(expect.arrayContaining([mine, theirs]));
    expect(repo.git(['for-each-ref', '--format=%(refname)', 'refs/notes/ai-remote'])).toBe('refs/notes/ai-remote/origin');
    // git-ai's own notes fetch still works afterwards, and the next push brings the merged notes.
    expect(gitAiFetch(repo).code).toBe(0);
    repo.commit('More\n', { 'more.txt': 'm\n' }, { ...env, AITRAIL: '0' });
    expect(tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env }).code).toBe(0);
    expect(remote.git(['notes', '--ref=ai', 'list', mine])).not.toBe('');
    expect(remote.git(['notes', '--ref=ai', 'list', theirs])).not.toBe('');
  });

  it("the fetch the warnings advise keeps this clone's notes not yet pushed (blame still reads them)", () => {
    const advised = {
      missingNote: /(git fetch .+)$/.exec(notesMessages.notABlob('0'.repeat(40), 'missing'))?.[1],
      unresolved: /\((git fetch .+?)\),? or remove/.exec(enforceMessages.unresolvedRecords(['0'.repeat(40)]))?.[1],
    };
    for (const [name, line] of Object.entries(advised)) {
      expect(line, name).toBeDefined();
      const remote = makeRepo({ bare: true });
      const first = makeRepo();
      first.git(['remote', 'add', 'origin', remote.dir]);
      const base = first.commit('Base\n', { 'base.ts': 'x\n' });
      addNote(first, base, gitAiNote({ 'base.ts': [session(NOTE_KEYS.cursor, '1')] }));
      first.git(['push', '-q', 'origin', 'main', 'refs/notes/ai*:refs/notes/ai*']);
      const { mine, theirs } = divergedNotes(first, remote);
      expect(aitrail(first.dir, ['blame', 'mine.ts', '--format', 'json']).stdout).toContain('"ai": 3');
      expect(sh(first.dir, line!), name).toMatchObject({ code: 0 });
      expect(noted(first), name).toEqual(expect.arrayContaining([base, mine, theirs]));
      // The agent's three lines are still read from this clone's own note.
      const blamed = JSON.parse(aitrail(first.dir, ['blame', 'mine.ts', '--format', 'json']).stdout) as { totals: { ai: number; lines: number } };
      expect(blamed.totals, name).toMatchObject({ ai: 3, lines: 3 });
    }
  });
});
