// Session 55 helper k (row 1186): a branch commit whose git-ai note is malformed (its parser refuses
// it, its metadata names Qwen: row 1158) was left out without a word when a squash merge's note was
// composed, by `aitrail notes squash` and by post-commit after `git merge --squash`: the squash
// commit's note named the other notes' models only, so nothing on the squash commit named Qwen. Found
// reviewing 1158's leftovers, with the built CLI, init's hooks and real `git notes`. Now
// `notes squash` writes no note and exits 2 naming the note and its models; post-commit writes no
// note and warns, saying how to mend it.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { commitFile, hookedRepo } from '../helpers/hooked-repo.js';

const CLAUDE = { AITRAIL_MODEL: 'anthropic/claude-opus-4-6', AITRAIL_AGENT: 'claude-code' };
const MALFORMED = (sha: string) =>
  `f.txt\n  ${NOTE_KEYS.qwen}::t_1 2-3x\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: sha, prompts: {}, sessions: { [NOTE_KEYS.qwen]: { agent_id: { tool: 'opencode', id: 'c3', model: 'qwen3-coder' } } } }, null, 2)}\n`;

/** main holds `a b c`; feature: a silent commit with a malformed note naming Qwen, then Claude's with a well-formed note. */
function branch() {
  const { repo, env } = hookedRepo();
  const human = { ...env, AITRAIL: '0' };
  commitFile(repo, human, 'a\nb\nc\n', 'base');
  repo.git(['checkout', '-q', '-b', 'feature']);
  const qwen = commitFile(repo, human, 'a\nq1\nq2\nb\nc\n', 'feat: q');
  addNote(repo, qwen, MALFORMED(qwen));
  const claude = commitFile(repo, { ...env, ...CLAUDE }, 'a\nq1\nq2\nb\nc\nc1\n', 'feat: c');
  addNote(repo, claude, gitAiNote({ 'f.txt': [session(NOTE_KEYS.claude, '6')] }), 'ai');
  repo.git(['checkout', '-q', 'main']);
  return { repo, env, qwen };
}

describe('a squash merge over a branch commit whose note is malformed (row 1186)', () => {
  it('aitrail notes squash writes no note, exits 2 and names the note and Qwen', () => {
    const { repo, env, qwen } = branch();
    expect(tryGit(repo.dir, ['merge', '-q', '--squash', 'feature'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '--no-verify', '-m', 'Squash feature'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    tryGit(repo.dir, ['notes', '--ref', 'ai', 'remove', '--ignore-missing', 'HEAD']);
    const squash = aitrail(repo.dir, ['notes', 'squash', 'main~1..feature', '--onto', 'HEAD']);
    // Before: exit 0, "wrote the git-ai note … composed from 1 note", naming Claude only.
    expect(squash.code, squash.stdout + squash.stderr).toBe(2);
    expect(squash.stdout).toContain(`the git-ai note of ${qwen.slice(0, 12)} (naming opencode/qwen3-coder) cannot be read (malformed`);
    expect(tryGit(repo.dir, ['notes', '--ref', 'ai', 'show', 'HEAD']).code).not.toBe(0);
  });

  it("post-commit after git merge --squash (init's hooks) writes no note without Qwen, and warns", () => {
    const { repo, env, qwen } = branch();
    expect(tryGit(repo.dir, ['merge', '-q', '--squash', 'feature'], { env }).code).toBe(0);
    const made = tryGit(repo.dir, ['commit', '-q', '--no-edit'], { env });
    expect(made.code, made.stderr).toBe(0);
    // Before: a note naming Claude's line only, no word of the malformed note.
    expect(made.stderr).toContain(`the git-ai note of squashed commit ${qwen.slice(0, 12)} cannot be read (malformed`);
    const note = tryGit(repo.dir, ['notes', '--ref', 'ai', 'show', 'HEAD']);
    expect(note.code, note.stdout).not.toBe(0);
  });
});
