// Session 52 helper m (row 1047): two git-ai notes of one commit joined by `git notes merge -s union`
// (or `git notes append`, or git's own copy of two notes onto one squashed commit, notes.rewriteMode
// concatenate, when a rebase runs with hooks skipped) were read by
// nothing: `check`, pre-receive and `log` left the commit with its commit-level attribution, so a
// model denied by a path rule and named only in one of the two notes passed, and a pushed union of
// notes was not even judged. Now every layer that reads notes to add models reads each joined note
// apart (each model keeps the lines its own note gives it: a hostile half's `h_` entry takes nothing
// from the other); `blame` still reads none of it, as git-ai's blame. These tests failed before the fix.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { policyServer, tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { QWEN_PATH_POLICY } from '../helpers/qwen-noted-branch.js';
import { squashJoinedNote } from '../helpers/squash-joined.js';

const CLAUDE = gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.claude, '1')] });
const QWEN = gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.qwen, '2-3')] });
/** A hostile note calling every line of src/k.ts a person's. */
const HUMAN = gitAiNote({ 'src/k.ts': [`${NOTE_KEYS.human} 1-3`] });

/** refs/notes/ai of `repo`: `ours` on `sha`, merged with `-s union` with a notes ref holding `theirs` on it. */
function unionNotes(repo: TestRepo, sha: string, ours: string, theirs: string): void {
  addNote(repo, sha, theirs);
  repo.git(['update-ref', 'refs/notes/ai-theirs', 'refs/notes/ai']);
  repo.git(['update-ref', '-d', 'refs/notes/ai']);
  addNote(repo, sha, ours);
  repo.git(['notes', '--ref', 'ai', 'merge', '-q', '-s', 'union', 'refs/notes/ai-theirs']);
  repo.git(['update-ref', '-d', 'refs/notes/ai-theirs']);
  expect(repo.git(['notes', '--ref', 'ai', 'show', sha]).match(/schema_version/g)?.length).toBe(2);
}

/** A repository whose base commits QWEN_PATH_POLICY (Qwen denied in src/**) and a person's commit of src/k.ts after it. */
function noted(): { repo: TestRepo; base: string; sha: string } {
  const repo = makeRepo();
  const base = repo.commit('policy', { '.aitrailrc.yml': QWEN_PATH_POLICY });
  const sha = repo.commit('feat: keys', { 'src/k.ts': 'a\nb\nc\n' });
  return { repo, base, sha };
}

/** `check base..sha` refuses Qwen's lines under the path rule, once: its stderr. */
function expectQwenRefused(repo: TestRepo, base: string, sha: string): string {
  const check = aitrail(repo.dir, ['check', `${base}..${sha}`, '--format', 'json']);
  expect(check.code, check.stderr).toBe(1);
  const violations = (JSON.parse(check.stdout) as { violations: Array<{ rule: string; model: string }> }).violations;
  expect(violations.filter((violation) => violation.model === 'qwen/qwen3-coder' && violation.rule === 'path-model-denied')).toHaveLength(1);
  return check.stderr;
}

describe('git-ai notes joined by git notes merge -s union, read apart (row 1047)', () => {
  it('check refuses the model a path rule denies in one of the two notes; log names both; blame reads none', () => {
    const { repo, base, sha } = noted();
    unionNotes(repo, sha, CLAUDE, QWEN);
    expect(expectQwenRefused(repo, base, sha)).toContain(`the git-ai note of commit ${sha.slice(0, 12)} is 2 notes joined in one (git notes merge -s union)`);
    const log = aitrail(repo.dir, ['log', '-n', '1']);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toContain('git-ai tool "claude", model "claude-opus-4-6", 1 line in 1 file');
    expect(log.stdout).toContain('git-ai tool "opencode", model "qwen3-coder", 2 lines in 1 file');
    // git-ai's blame reads no line of a joined note: blame neither (row 1008's warning).
    const blame = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(blame.code, blame.stderr).toBe(0);
    expect(blame.stderr).toContain('two git-ai notes joined in one');
    expect(JSON.parse(blame.stdout).totals.lineLevel).toBe(0);
  });

  it("a hostile note joined after it takes no line of the other: Qwen's lines are still judged under the path rule", () => {
    const { repo, base, sha } = noted();
    unionNotes(repo, sha, QWEN, HUMAN);
    expectQwenRefused(repo, base, sha);
  });

  it('a fixup of two noted commits rebased with hooks skipped: git concatenates their notes (notes.rewriteRef), and check still refuses Qwen', () => {
    const repo = makeRepo();
    const base = repo.commit('policy', { '.aitrailrc.yml': QWEN_PATH_POLICY });
    addNote(repo, repo.commit('one', { 'src/k.ts': 'a\n' }), gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.claude, '1')] }));
    addNote(repo, repo.commit('two', { 'src/k.ts': 'a\nb\n' }), gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.qwen, '2')] }));
    repo.git(['config', 'notes.rewriteRef', 'refs/notes/a[i]']);
    repo.git(['-c', 'core.hooksPath=/dev/null', 'rebase', '-q', '-i', base], { env: { GIT_SEQUENCE_EDITOR: "sed -i '2s/^pick/fixup/'" } });
    const sha = repo.git(['rev-parse', 'HEAD']);
    expect(repo.git(['rev-list', '--count', `${base}..${sha}`])).toBe('1');
    expect(repo.git(['notes', '--ref', 'ai', 'show', sha]).match(/schema_version/g)?.length).toBe(2);
    expectQwenRefused(repo, base, sha);
  });

  it('pre-receive judges a pushed union of notes and refuses the denied model (accepted before)', () => {
    const { work, remote } = policyServer(QWEN_PATH_POLICY);
    work.write('src/k.ts', 'a\nb\nc\n');
    work.git(['add', 'src/k.ts']);
    work.git(['commit', '-q', '-m', 'feat: keys']);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    const sha = work.git(['rev-parse', 'HEAD']);
    unionNotes(work, sha, CLAUDE, QWEN);
    const push = tryGit(work.dir, ['push', 'origin', 'refs/notes/ai']);
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    expect(tryGit(remote.dir, ['rev-parse', '-q', '--verify', 'refs/notes/ai']).code).not.toBe(0);
  });
});

describe('aitrail notes squash over a branch commit whose note is two joined (row 1048)', () => {
  it('`git notes append` of a second note: the squash note carries both notes\' lines (none written before)', () => {
    const { repo, squash, run } = squashJoinedNote(CLAUDE, QWEN);
    expect(run.code, run.stderr).toBe(0);
    const note = repo.git(['notes', '--ref', 'ai', 'show', squash]);
    expect(note).toContain(`  ${session(NOTE_KEYS.claude, '1')}\n  ${session(NOTE_KEYS.qwen, '2-3')}\n---`);
    expect(note.match(/schema_version/g)?.length).toBe(1);
  });
});
