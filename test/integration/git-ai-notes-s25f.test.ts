import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { SPEC_EXAMPLE } from '../fixtures/git-ai-spec-example.js';

/** The commit the spec's example was written for (its base_commit_sha): the note is put on another one here, so it names that one. */
const SPEC_BASE = '7734793b756b3921c88db5375a8c156e9532447b';

/**
 * Notes written as git-ai's batch writer writes them (src/git/refs.rs `notes_add_batch`): one
 * `git fast-import` commit on refs/notes/ai putting each blob at the path given (git-ai: the
 * two-level fanout `ab/cdef…`), the text without a final line feed.
 */
function fastImportNotes(repo: TestRepo, notes: Array<{ path: string; text: string }>): void {
  const blobs = notes.map(({ text }, index) => `blob\nmark :${index + 1}\ndata ${Buffer.byteLength(text)}\n${text}\n`).join('');
  const tip = repo.git(['for-each-ref', '--format=%(objectname)', 'refs/notes/ai']);
  const files = notes.map(({ path }, index) => `M 100644 :${index + 1} ${path}\n`).join('');
  repo.git(['fast-import', '--quiet'], { input: `${blobs}commit refs/notes/ai\ncommitter git-ai <git-ai@local> 1700000000 +0000\ndata 0\n${tip ? `from ${tip}\n` : ''}${files}\n` });
}

const lines = (count: number, tag: string) => Array.from({ length: count }, (_, at) => `${tag} ${at + 1}`).join('\n') + '\n';

function blameTotals(repo: TestRepo) {
  const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout).totals;
}

describe('git-ai notes as git-ai writes them today', () => {
  it('row 305: a commit noted twice (git-ai #1517: a new note at ab/cdef…, the stale one left at ab/cd/ef…) is read by the note git-ai wrote last', () => {
    const repo = makeRepo();
    const commit = repo.commit('spec example, committed by hand', { 'src/main.rs': lines(50, 'main'), 'src/lib.rs': lines(50, 'lib') });
    const stale = `src/main.rs\n  s_5a5a5a5a5a5a5a::t_0000000000000a 1-50\nsrc/lib.rs\n  s_5a5a5a5a5a5a5a::t_0000000000000a 1-50\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', git_ai_version: '1.2.0', base_commit_sha: commit, prompts: {}, sessions: { s_5a5a5a5a5a5a5a: { agent_id: { tool: 'opencode', id: 'old', model: 'qwen3-coder' } } } }, null, 2)}`;
    // The stale note, where `git notes add` put it in a notes tree dense enough for two fanout levels.
    fastImportNotes(repo, [{ path: `${commit.slice(0, 2)}/${commit.slice(2, 4)}/${commit.slice(4)}`, text: stale }]);
    // git-ai's later write: its batch writer deletes the flat and two-level paths only.
    fastImportNotes(repo, [{ path: `${commit.slice(0, 2)}/${commit.slice(2)}`, text: SPEC_EXAMPLE.replace(SPEC_BASE, commit) }]);
    const listed = repo.git(['ls-tree', '-r', '--name-only', 'refs/notes/ai']).split('\n');
    expect(listed).toEqual([`${commit.slice(0, 2)}/${commit.slice(2, 4)}/${commit.slice(4)}`, `${commit.slice(0, 2)}/${commit.slice(2)}`]);
    // git itself shows the two concatenated (a text neither git-ai nor aitrail reads as a note).
    expect(repo.git(['notes', '--ref=ai', 'show', commit])).toContain('qwen3-coder');

    // §1.2.5: Cursor's session owns 23 lines of src/main.rs (42-50 are a known human's), Claude Code's all 50 of src/lib.rs.
    expect(blameTotals(repo)).toMatchObject({
      lines: 100,
      ai: 73,
      human: 27,
      lineLevel: 100,
      byModel: { 'anthropic/claude-sonnet-4.5': 73 },
      byAgent: { cursor: 23, 'claude-code': 50 },
    });
  });

  it('row 306: notes squash carries a git-ai note naming `say "hi".md` instead of failing with an internal error', () => {
    const repo = makeRepo();
    const base = repo.commit('base', { 'base.txt': 'base\n' });
    repo.git(['checkout', '-q', '-b', 'feature']);
    const feature = repo.commit('agent work', { 'say "hi".md': 'one\ntwo\n', 'plain.md': 'x\n' });
    const note = `"say "hi".md"\n  s_0c9883b05a2487::t_9f8e7d6c5b4a32 1-2\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', git_ai_version: '1.4.5', base_commit_sha: feature, prompts: {}, sessions: { s_0c9883b05a2487: { agent_id: { tool: 'claude', id: 'c1', model: 'claude-opus-4-6' } } } }, null, 2)}`;
    fastImportNotes(repo, [{ path: `${feature.slice(0, 2)}/${feature.slice(2)}`, text: note }]);
    repo.git(['checkout', '-q', 'main']);
    repo.git(['merge', '-q', '--squash', 'feature']);
    const squash = repo.commit('feature (#1)');

    const result = aitrail(repo.dir, ['notes', 'squash', `${base}..${feature}`, '--onto', squash]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(repo.git(['notes', '--ref=ai', 'show', squash]).split('\n').slice(0, 2)).toEqual(['"say "hi".md"', '  s_0c9883b05a2487::t_9f8e7d6c5b4a32 1-2']);
    expect(blameTotals(repo)).toMatchObject({ lines: 4, ai: 2, byModel: { 'anthropic/claude-opus-4.6': 2 }, byAgent: { 'claude-code': 2 } });
  });
});
