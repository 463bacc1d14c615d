// Session 52 helper r (row s52r-1), reviewing rows s52m-1/s52m-2 as the attacker: the readers read a joined
// note's parts apart (no part takes another's lines), but the three writers composed them as successive
// notes, a later part winning a line: a part calling Qwen's lines a person's (an `h_` entry over them)
// took them, so a plain hooked `git commit --amend` (post-rewrite's carry) or `aitrail notes squash`
// wrote a note without Qwen's lines, and `check` passed what it refused the moment before. Before
// s52m-2 the carry left git's joined copy (read apart: refused). Now a part's AI line is never given
// to a person by another part; parts that give one line to two other AI keys are not composed.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, forCommit, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { QWEN_PATH_POLICY } from '../helpers/qwen-noted-branch.js';

const QWEN = gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.qwen, '2-3')] });
/** A hostile note calling every line of src/k.ts a person's. */
const HUMAN = gitAiNote({ 'src/k.ts': [`${NOTE_KEYS.human} 1-3`] });
const CLAUDE_ALL = gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.claude, '1-3')] });

/** `second` appended (`git notes append`) to the note `first` of `sha`: one note of two. */
function joined(repo: TestRepo, sha: string, first: string, second: string): void {
  addNote(repo, sha, first);
  repo.git(['notes', '--ref', 'ai', 'append', '-F', '-', sha], { input: forCommit(second, sha) });
  expect(repo.git(['notes', '--ref', 'ai', 'show', sha]).match(/schema_version/g)?.length).toBe(2);
}

/** `check base..HEAD --format json`: its exit code and the Qwen path violations. */
function qwenViolations(repo: TestRepo, base: string): { code: number; qwen: number; out: string } {
  const check = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
  const violations = (JSON.parse(check.stdout) as { violations: Array<{ rule: string; model: string }> }).violations;
  return { code: check.code, qwen: violations.filter((each) => each.model === 'qwen/qwen3-coder' && each.rule === 'path-model-denied').length, out: check.stdout + check.stderr };
}

describe('a joined note carried by a hooked amend keeps every part\'s AI lines (row s52r-1)', () => {
  it('a later part calling Qwen\'s lines a person\'s: check refuses Qwen before and after a plain amend', () => {
    const { repo, env } = hookedRepo();
    const quiet = { ...env, AITRAIL: '0' };
    const base = repo.commit('policy', { '.aitrailrc.yml': QWEN_PATH_POLICY }, quiet);
    const sha = repo.commit('feat: keys', { 'src/k.ts': 'a\nb\nc\n' }, quiet);
    joined(repo, sha, QWEN, HUMAN);
    const before = qwenViolations(repo, base);
    expect(before.code, before.out).toBe(1);
    expect(before.qwen, before.out).toBe(1);
    const amend = tryGit(repo.dir, ['commit', '-q', '--amend', '-m', 'feat: keys, reworded'], { env });
    expect(amend.code, amend.stderr).toBe(0);
    expect(repo.git(['rev-parse', 'HEAD'])).not.toBe(sha);
    const after = qwenViolations(repo, base);
    expect(after.code, after.out).toBe(1);
    expect(after.qwen, after.out).toBe(1);
  });

  it('a later part giving Qwen\'s lines to Claude: the amend leaves the joined note, both models still read', () => {
    const { repo, env } = hookedRepo();
    const quiet = { ...env, AITRAIL: '0' };
    const base = repo.commit('policy', { '.aitrailrc.yml': QWEN_PATH_POLICY }, quiet);
    const sha = repo.commit('feat: keys', { 'src/k.ts': 'a\nb\nc\n' }, quiet);
    joined(repo, sha, QWEN, CLAUDE_ALL);
    expect(tryGit(repo.dir, ['commit', '-q', '--amend', '-m', 'feat: keys, reworded'], { env }).code).toBe(0);
    const after = qwenViolations(repo, base);
    expect(after.code, after.out).toBe(1);
    expect(after.qwen, after.out).toBe(1);
  });
});

describe('aitrail notes squash over a joined note whose later part calls Qwen\'s lines a person\'s (row s52r-1)', () => {
  it('the squash note keeps Qwen\'s lines', () => {
    const repo = makeRepo();
    repo.commit('base', { 'README.md': 'hi\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const sha = repo.commit('feat: keys', { 'src/k.ts': 'a\nb\nc\n' });
    joined(repo, sha, QWEN, HUMAN);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--squash', 'feature']);
    repo.git(['commit', '-q', '-m', 'feat: keys (#1)']);
    const squash = repo.git(['rev-parse', 'HEAD']);
    const run = aitrail(repo.dir, ['notes', 'squash', 'main~1..feature', '--onto', squash]);
    expect(run.code, run.stderr).toBe(0);
    const note = repo.git(['notes', '--ref', 'ai', 'show', squash]);
    expect(note).toContain(`  ${session(NOTE_KEYS.qwen, '2-3')}\n`);
    expect(note.match(/schema_version/g)?.length).toBe(1);
  });
});
