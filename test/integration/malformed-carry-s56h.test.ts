// Session 56 helper h (row 1195): a rebase, amend or cherry-pick of a commit whose git-ai note is
// malformed (its parser refuses it; its metadata names Qwen, row 1158) warned that the note "is no
// git-ai note (no lines nor models can be read from it)", while check, pre-push and pre-receive read
// Qwen from it. Found replaying row 1158's notes through init's post-rewrite and post-commit hooks
// after session 55 left notesForRewrite telling "malformed" from "foreign" by nothing. Now the carry
// says the note is malformed (or of another schema version) and that enforcement still reads it.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { addNote, NOTE_KEYS } from '../helpers/git-ai-notes.js';
import { commitFile, hookedRepo } from '../helpers/hooked-repo.js';

const MALFORMED = (sha: string, version = 'authorship/3.0.0', range = '2-3x') =>
  `f.txt\n  ${NOTE_KEYS.qwen}::t_1 ${range}\n---\n${JSON.stringify({ schema_version: version, base_commit_sha: sha, prompts: {}, sessions: { [NOTE_KEYS.qwen]: { agent_id: { tool: 'opencode', id: 'c3', model: 'qwen3-coder' } } } }, null, 2)}\n`;

function noted(note: (sha: string) => string) {
  const { repo, env } = hookedRepo();
  const human = { ...env, AITRAIL: '0' };
  commitFile(repo, human, 'a\nb\nc\n', 'base');
  repo.git(['checkout', '-q', '-b', 'feature']);
  const qwen = commitFile(repo, human, 'a\nq1\nq2\nb\nc\n', 'feat: q');
  addNote(repo, qwen, note(qwen));
  return { repo, env, qwen };
}

describe('a commit whose git-ai note cannot be carried, rewritten under the hooks (row 1195)', () => {
  it('an amend is told the note is malformed and that check still reads its models, which it does', () => {
    const { repo, env } = noted((sha) => MALFORMED(sha));
    const amend = tryGit(repo.dir, ['commit', '-q', '--amend', '-m', 'feat: q (amended)'], { env });
    expect(amend.code, amend.stderr).toBe(0);
    // Before: "is no git-ai note (no lines nor models can be read from it)".
    expect(amend.stderr).not.toContain('no lines nor models can be read');
    expect(amend.stderr).toContain('is malformed (its parser refuses it), so its line numbers are not carried; check, pre-push and pre-receive read the models its metadata names');
    // What it says is so: git's copy is on the amended commit and check reads Qwen from it.
    expect(tryGit(repo.dir, ['notes', '--ref', 'ai', 'show', 'HEAD']).stdout).toContain('qwen3-coder');
    const check = aitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
    expect(check.stdout).toContain('qwen/qwen3-coder');
  });

  it('a note of another schema_version is told as such, not as malformed nor as no git-ai note', () => {
    const { repo, env } = noted((sha) => MALFORMED(sha, 'authorship/4.0.0', '2-3'));
    const amend = tryGit(repo.dir, ['commit', '-q', '--amend', '-m', 'feat: q (amended)'], { env });
    expect(amend.code, amend.stderr).toBe(0);
    expect(amend.stderr).not.toContain('no lines nor models can be read');
    expect(amend.stderr).toContain("is of a schema version this aitrail does not write: another git-ai version's, so its line numbers are not carried");
  });

  it('notes squash over a branch note of another schema_version says so, not "malformed"', () => {
    const { repo, env } = noted((sha) => MALFORMED(sha, 'authorship/4.0.0', '2-3'));
    repo.git(['checkout', '-q', 'main']);
    expect(tryGit(repo.dir, ['merge', '-q', '--squash', 'feature'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '--no-verify', '-m', 'Squash feature'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    const squash = aitrail(repo.dir, ['notes', 'squash', 'main~1..feature', '--onto', 'HEAD']);
    expect(squash.code, squash.stdout + squash.stderr).toBe(2);
    expect(squash.stdout).toContain("cannot be read (of a schema version this aitrail does not write: another git-ai version's)");
    expect(squash.stdout).toContain("(naming opencode/qwen3-coder)");
  });

  it('notes squash over a branch note of two good notes joined that disagree about a line says so: not "malformed", no "upgrade aitrail" (last re-read z3)', () => {
    const good = (sha: string, key: string, tool: string, model: string) =>
      `f.txt\n  ${key}::t_1 2-3\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: sha, prompts: {}, sessions: { [key]: { agent_id: { tool, id: 'c3', model } } } }, null, 2)}\n`;
    const { repo, env } = noted((sha) => `${good(sha, NOTE_KEYS.qwen, 'opencode', 'qwen3-coder')}${good(sha, NOTE_KEYS.claude, 'claude', 'claude-sonnet-4-5')}`);
    repo.git(['checkout', '-q', 'main']);
    expect(tryGit(repo.dir, ['merge', '-q', '--squash', 'feature'], { env }).code).toBe(0);
    expect(tryGit(repo.dir, ['commit', '-q', '--no-verify', '-m', 'Squash feature'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    const squash = aitrail(repo.dir, ['notes', 'squash', 'main~1..feature', '--onto', 'HEAD']);
    expect(squash.code, squash.stdout + squash.stderr).toBe(2);
    expect(squash.stdout).toContain('cannot be read (it joins notes that disagree about an AI line)');
    expect(squash.stdout).not.toContain('malformed');
    expect(squash.stdout).not.toContain('upgrade aitrail');
  });
});
