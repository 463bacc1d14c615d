// Session 52 helper r (row 1064), reviewing rows 1047/1048 as the attacker: the readers read a joined
// note's parts apart (no part takes another's lines), but the three writers composed them as successive
// notes, a later part winning a line: a part calling Qwen's lines a person's (an `h_` entry over them)
// took them, so a plain hooked `git commit --amend` (post-rewrite's carry) or `aitrail notes squash`
// wrote a note without Qwen's lines, and `check` passed what it refused the moment before. Before
// 1048 the carry left git's joined copy (read apart: refused). Now a part's AI line is never given
// to a person by another part; parts that give one line to two other AI keys are not composed.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { treeCpuClock } from '../helpers/cpu-clock.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, forCommit, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';
import { appendedNotes, QWEN_PATH_POLICY } from '../helpers/qwen-noted-branch.js';
import { squashedAppendedNotes } from '../helpers/squash-joined.js';

const QWEN = gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.qwen, '2-3')] });
/** A hostile note calling every line of src/k.ts a person's. */
const HUMAN = gitAiNote({ 'src/k.ts': [`${NOTE_KEYS.human} 1-3`] });
const CLAUDE_ALL = gitAiNote({ 'src/k.ts': [session(NOTE_KEYS.claude, '1-3')] });

/** A hooked repository (hookedRepo) whose base commits QWEN_PATH_POLICY, then a person's three-line `src/k.ts` noted `first` then `second` (appendedNotes), both with the hooks off. */
function hookedAppended(first: string, second: string): { repo: TestRepo; env: NodeJS.ProcessEnv; base: string } {
  const { repo, env } = hookedRepo();
  const quiet = { ...env, AITRAIL: '0' };
  const base = repo.commit('policy', { '.aitrailrc.yml': QWEN_PATH_POLICY }, quiet);
  appendedNotes(repo, repo.commit('feat: keys', { 'src/k.ts': 'a\nb\nc\n' }, quiet), first, second);
  return { repo, env, base };
}

/** A plain hooked `git commit --amend -m` (post-rewrite's carry runs). */
function amend(repo: TestRepo, env: NodeJS.ProcessEnv): void {
  const before = repo.git(['rev-parse', 'HEAD']);
  const done = tryGit(repo.dir, ['commit', '-q', '--amend', '-m', 'feat: keys, reworded'], { env });
  expect(done.code, done.stderr).toBe(0);
  expect(repo.git(['rev-parse', 'HEAD'])).not.toBe(before);
}

/** `check base..HEAD --format json` refuses Qwen's lines under the path rule, once. */
function expectQwenRefused(repo: TestRepo, base: string): void {
  const check = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
  expect(check.code, check.stdout + check.stderr).toBe(1);
  const violations = (JSON.parse(check.stdout) as { violations: Array<{ rule: string; model: string }> }).violations;
  expect(violations.filter((each) => each.model === 'qwen/qwen3-coder' && each.rule === 'path-model-denied'), check.stdout).toHaveLength(1);
}

describe('a joined note carried by a hooked amend keeps every part\'s AI lines (row 1064)', () => {
  it('a later part calling Qwen\'s lines a person\'s: check refuses Qwen before and after a plain amend', () => {
    const { repo, env, base } = hookedAppended(QWEN, HUMAN);
    expectQwenRefused(repo, base);
    amend(repo, env);
    expectQwenRefused(repo, base);
  });

  it('a later part giving Qwen\'s lines to Claude: the amend leaves the joined note, both models still read', () => {
    const { repo, env, base } = hookedAppended(QWEN, CLAUDE_ALL);
    amend(repo, env);
    expectQwenRefused(repo, base);
  });
});

describe('aitrail notes squash over a joined note whose later part calls Qwen\'s lines a person\'s (row 1064)', () => {
  it('the squash note keeps Qwen\'s lines', () => {
    const note = squashedAppendedNotes(QWEN, HUMAN);
    expect(note).toContain(`  ${session(NOTE_KEYS.qwen, '2-3')}\n`);
    expect(note.match(/schema_version/g)?.length).toBe(1);
  });
});

// Row 1065: a joined note of many parts judged each run of moved lines once per part (joinedNoteLines.judge).
describe('a joined note of thousands of parts (row 1065)', () => {
  it('its first 100 parts read (the rest said unread): check refuses Qwen\'s moved lines within a CPU bound', () => {
    const repo = makeRepo();
    repo.commit('policy', { '.aitrailrc.yml': 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n' });
    const lines = Array.from({ length: 3000 }, (_, at) => `line ${at + 1}`);
    const sha = repo.commit('util', { 'src/util/k.ts': `${lines.join('\n')}\n` });
    const part = (at: number) => forCommit(gitAiNote({ 'src/util/k.ts': [session(NOTE_KEYS.qwen, String((at % 3000) + 1))] }), sha);
    addNote(repo, sha, Array.from({ length: 5000 }, (_, at) => part(at)).join('\n'));
    // Moved into src/crypto with a line added after every third: a thousand runs of Qwen's lines land there.
    repo.git(['rm', '-q', 'src/util/k.ts']);
    repo.commit('move into crypto', { 'src/crypto/k.ts': `${lines.flatMap((line, at) => ((at + 1) % 3 === 0 ? [line, `new ${at + 1}`] : [line])).join('\n')}\n` });
    const started = treeCpuClock();
    const check = aitrail(repo.dir, ['check', 'HEAD~1..HEAD']);
    const spent = treeCpuClock() - started;
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain('lines written by model qwen/qwen3-coder (via opencode) in this commit now sit in src/crypto/k.ts');
    expect(check.stderr).toContain(`the git-ai note of commit ${sha.slice(0, 12)} is more than 100 notes joined in one`);
    expect(spent, check.stderr).toBeLessThan(6000);
  });
});
