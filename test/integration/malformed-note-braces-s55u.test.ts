// Session 55 helper u (row 1189): row 1185 read a malformed note's JSON objects opened at a line's
// first column, but an earlier line opening a `{` that is no object (a cookiecutter path such as
// `{{cookiecutter.slug}}/q.ts` in the note's attestation, a hand-written `{wip` line) took every line up
// to the metadata's closing `}` as its span, failed, and the metadata inside it was skipped (or, with no
// `}` line after it, the search stopped): `check` passed a silent commit whose note names Qwen. Found
// re-reading salvaged-log.ts in session 55's final review, replayed with the built CLI and real
// `git notes`. Now a span starts at the line opening a `{` nearest before its `}` line, and a line
// with no `}` line after it ends no search.
import { describe, expect, it } from 'vitest';
import { aitrail as runAitrail } from '../helpers/cli.js';
import { addNote } from '../helpers/git-ai-notes.js';
import type { TestRepo } from '../helpers/gitdir.js';
import { QWEN_SESSION, sessionMeta as meta, silentCommit } from '../helpers/malformed-notes.js';

const checkOf = (repo: TestRepo) => runAitrail(repo.dir, ['check', 'main..feature', '--format', 'json']);
const denied = (stdout: string) => (JSON.parse(stdout) as { violations: Array<{ rule: string; model: string }> }).violations.filter((v) => v.rule === 'model-denied').map((v) => v.model);

describe('a malformed note with a line opening a `{` before its metadata (row 1189)', () => {
  it('a cookiecutter path in its attestation, a line appended: check refuses Qwen', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, `{{cookiecutter.slug}}/q.ts\n  ${QWEN_SESSION}::t_1 1-2x\n---\n${meta(sha, 'qwen3-coder')}\n`);
    repo.git(['notes', '--ref', 'ai', 'append', '-m', 'reviewed by Ana', sha]);
    const check = checkOf(repo);
    // Before: exit 0, the note "is malformed" and named nothing.
    expect(check.code, check.stderr).toBe(1);
    expect(denied(check.stdout)).toContain('qwen/qwen3-coder');
  });

  it('a `{wip` line and no `}` line after it, then one-line metadata: check refuses Qwen', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, `{wip: notes of the review\n${JSON.stringify(JSON.parse(meta(sha, 'qwen3-coder')))}\n`);
    const check = checkOf(repo);
    expect(check.code, check.stderr).toBe(1);
    expect(denied(check.stdout)).toContain('qwen/qwen3-coder');
  });

  it('an honest note naming an allowed model under a cookiecutter path still passes', () => {
    const { repo, sha } = silentCommit();
    addNote(repo, sha, `{{cookiecutter.slug}}/q.ts\n  ${QWEN_SESSION}::t_1 1-2x\n---\n${meta(sha, 'claude-sonnet-4-5', 'claude')}\n`);
    repo.git(['notes', '--ref', 'ai', 'append', '-m', 'reviewed by Ana', sha]);
    const check = checkOf(repo);
    expect(check.code, check.stderr).toBe(0);
  });
});
