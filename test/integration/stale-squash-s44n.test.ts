import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, installHooks, policyServer, tryGit, type JudgedViolation } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';

// 687 keeps, at a hooked rewrite, the copy git made of a note written for another commit (or
// that note alone): a squash or fixup of such a commit with another noted commit, or a hooked amend
// adding noted lines, then lost the other note's models (git's joined copy is malformed, read as none).

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
const REWRITE_GLOB = 'refs/notes/a[i]';

describe('a squash of a commit whose note was written for another commit (s44n)', () => {
  it('keeps the models of the other commit’s note: Qwen’s lines squashed in are still refused', () => {
    const { work } = policyServer(DENY_QWEN);
    work.git(['config', 'notes.rewriteRef', REWRITE_GLOB]);
    work.git(['checkout', '-q', '-b', 'topic', 'main']);
    expect(commitWith(work, 'feat: a\n', { 'lib/a.ts': 'export const a1 = 1;\nexport const a2 = 2;\n' }, { noVerify: true }).code).toBe(0);
    addNote(work, 'HEAD', gitAiNote({ 'lib/a.ts': [session(NOTE_KEYS.claude, '1-2')] }));
    // An amend with the hooks skipped: git copies the note word for word (written for the commit before).
    work.write('lib/a.ts', 'export const a0 = 0;\nexport const a1 = 1;\nexport const a2 = 2;\n');
    work.git(['add', 'lib/a.ts']);
    expect(tryGit(work.dir, ['-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--amend', '--no-edit']).code).toBe(0);
    // A person's commit of Qwen's checkpointed lines: the note is the only word of Qwen.
    expect(commitWith(work, 'feat: b\n', { 'lib/b.ts': 'export const b1 = 1;\nexport const b2 = 2;\n' }, { noVerify: true }).code).toBe(0);
    addNote(work, 'HEAD', gitAiNote({ 'lib/b.ts': [session(NOTE_KEYS.qwen, '1-2')] }));
    const before = aitrail(work.dir, ['check', 'refs/remotes/origin/main..topic', '--policy-from', 'refs/remotes/origin/main', '--format', 'json']);
    expect(before.code, before.stdout + before.stderr).toBe(1);
    installHooks(join(work.dir, '.git', 'hooks'), ['post-rewrite', 'post-commit']);
    const squash = tryGit(work.dir, ['-c', 'core.editor=true', 'rebase', '-q', '-i', 'main'], { env: { GIT_SEQUENCE_EDITOR: "sed -i '2s/^pick/squash/'" } });
    expect(squash.code, squash.stderr).toBe(0);
    expect(work.git(['rev-list', '--count', 'main..topic'])).toBe('1');
    const after = aitrail(work.dir, ['check', 'refs/remotes/origin/main..topic', '--policy-from', 'refs/remotes/origin/main', '--format', 'json']);
    expect(after.code, `${work.git(['notes', '--ref', 'ai', 'show', 'HEAD'])}\n${after.stdout}${after.stderr}`).toBe(1);
    const violations = (JSON.parse(after.stdout) as { violations: JudgedViolation[] }).violations;
    expect(violations.some((violation) => violation.model.startsWith('qwen/'))).toBe(true);
  });

  it('`aitrail notes squash` does not compose a note written for another commit into one naming the squash commit (706)', () => {
    const { work } = policyServer(DENY_QWEN);
    work.git(['checkout', '-q', '-b', 'topic', 'main']);
    expect(commitWith(work, 'feat: a\n', { 'lib/a.ts': 'export const a1 = 1;\nexport const a2 = 2;\n' }, { noVerify: true }).code).toBe(0);
    addNote(work, 'HEAD', gitAiNote({ 'lib/a.ts': [session(NOTE_KEYS.qwen, '1-2')] }));
    work.write('lib/a.ts', 'export const a0 = 0;\nexport const a1 = 1;\nexport const a2 = 2;\n');
    work.git(['add', 'lib/a.ts']);
    expect(tryGit(work.dir, ['-c', 'notes.rewriteRef=refs/notes/ai', '-c', 'core.hooksPath=/dev/null', 'commit', '-q', '--amend', '--no-edit']).code).toBe(0);
    const amended = work.git(['rev-parse', 'HEAD']);
    // The squash commit a forge makes: the branch's tree on main, by a person.
    work.git(['checkout', '-q', 'main']);
    const squash = work.git(['commit-tree', `${amended}^{tree}`, '-p', 'main', '-m', 'feat: a (#1)']);
    const result = aitrail(work.dir, ['notes', 'squash', `main..${amended}`, '--onto', squash]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const note = work.git(['notes', '--ref', 'ai', 'show', squash]);
    // Its line numbers (1-2: a0 and a1, not Qwen's a1 and a2) are not trusted for the squash commit: the note is not named for it.
    expect(note).not.toContain(squash);
    const log = aitrail(work.dir, ['log', '--format', 'json', `main..${squash}`]);
    expect(log.stderr).toContain('was written for another commit');
    expect(log.stdout).toContain('qwen/');
  });
});
