// Session 55 helper k (row 1185): row 1158 read a malformed git-ai note's models from the JSON
// after its first `---` line only; when that text was not JSON alone (a line of text `git notes
// append` added after it, two malformed notes joined by `git notes merge -s union`, a second `---`
// line), the note named nothing again and `check` and pre-receive passed a silent commit whose note
// names Qwen. Found reviewing 1158 as an attacker, with the built CLI and real `git notes`. Now
// every JSON object opened at a line's first column is read (each span once), every record named.
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { aitrail as runAitrail } from '../helpers/cli.js';
import { addNote } from '../helpers/git-ai-notes.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { QWEN_SESSION, sessionMeta as meta, silentCommit, unhookedCommit } from '../helpers/malformed-notes.js';
import { initServer } from '../helpers/receive-server.js';

/** A note its parser refuses (a range with a letter) whose metadata names `model`. */
const malformed = (sha: string, model: string, tool = 'opencode', ranges = '1-2x') => `q.ts\n  ${QWEN_SESSION}::t_1 ${ranges}\n---\n${meta(sha, model, tool)}\n`;

const checkOf = (repo: TestRepo) => runAitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
const denied = (stdout: string) => (JSON.parse(stdout) as { violations: Array<{ rule: string; model: string }> }).violations.filter((v) => v.rule === 'model-denied').map((v) => v.model);

describe('a malformed note whose metadata is not JSON alone (row 1185)', () => {
  it('a line git notes append added after it: check refuses Qwen', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, malformed(sha, 'qwen3-coder'));
    repo.git(['notes', '--ref', 'ai', 'append', '-m', 'reviewed by Ana', sha]);
    const check = checkOf(repo);
    // Before: exit 0, "is malformed (metadata is not JSON …)".
    expect(check.code, check.stderr).toBe(1);
    expect(denied(check.stdout)).toContain('qwen/qwen3-coder');
  });

  it('two malformed notes joined by git notes merge -s union: check refuses Qwen', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, malformed(sha, 'qwen3-coder'));
    addNote(repo, sha, malformed(sha, 'qwen3-coder', 'opencode', '1-3x'), 'other');
    repo.git(['notes', '--ref', 'ai', 'merge', '-s', 'union', 'refs/notes/other']);
    expect(repo.git(['notes', '--ref', 'ai', 'show', sha]).split('\n---\n').length).toBe(3);
    const check = checkOf(repo);
    expect(check.code, check.stderr).toBe(1);
    expect(denied(check.stdout)).toContain('qwen/qwen3-coder');
  });

  it('a second --- line before the metadata: check refuses Qwen', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, malformed(sha, 'qwen3-coder').replace('\n---\n', '\n---\n---\n'));
    const check = checkOf(repo);
    expect(check.code, check.stderr).toBe(1);
    expect(denied(check.stdout)).toContain('qwen/qwen3-coder');
  });

  it('an honest note naming an allowed model, with a line appended, still passes', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, malformed(sha, 'claude-opus-4-6', 'claude'));
    repo.git(['notes', '--ref', 'ai', 'append', '-m', 'reviewed by Ana', sha]);
    const check = checkOf(repo);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('pre-receive (aitrail init on a real bare server) refuses the appended note with its commit', () => {
    const server = initServer();
    const sha = unhookedCommit(server.work);
    addNote(server.work, sha, malformed(sha, 'qwen3-coder'));
    server.work.git(['notes', '--ref', 'ai', 'append', '-m', 'reviewed by Ana', sha]);
    const push = tryGit(server.work.dir, ['push', '--no-verify', 'origin', 'main', 'refs/notes/ai'], { env: server.env });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
  });
});
