import { describe, expect, it } from 'vitest';
import { agentEdit, noteFiles } from '../helpers/agent-edits.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { aitrail, gitRun } from '../helpers/hooks.js';

/** The note git-ai writes for a commit it saw no AI line in: no attestation, only metadata. */
const emptyNote = (base: string) => `---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', git_ai_version: '1.1.4', base_commit_sha: base, prompts: {} }, null, 2)}\n`;

function addNote(repo: TestRepo, rev: string, text: string): void {
  repo.git(['notes', '--ref', 'ai', 'add', '-f', '-F', '-', rev], { input: text });
}

function totals(repo: TestRepo) {
  const result = aitrail(repo.dir, ['blame', '--format', 'json', '--no-cache']);
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout).totals;
}

describe('an empty git-ai note', () => {
  it("does not wipe the attribution of the commit's own message in blame (git-ai notes every commit, an empty note says it saw no AI line)", () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.ts': 'a\nb\n' });
    const ai = repo.commit('work\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'a.ts': 'a\nb\nc\nd\n' });
    expect(totals(repo)).toMatchObject({ lines: 4, ai: 2, byModel: { 'anthropic/claude-opus-4.6': 2 }, lineLevel: 0 });
    addNote(repo, ai, emptyNote(ai));
    expect(totals(repo)).toMatchObject({ lines: 4, ai: 2, byModel: { 'anthropic/claude-opus-4.6': 2 }, lineLevel: 0 });
    // A note that does say which lines are whose is still read line by line.
    addNote(repo, ai, `a.ts\n  h_31dce776f88375 3-4\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: ai, prompts: {}, humans: { h_31dce776f88375: { author: 'T' } } })}\n`);
    expect(totals(repo)).toMatchObject({ lines: 4, ai: 0, lineLevel: 2 });
  });

  it("post-commit replaces git-ai's empty note of the commit with aitrail's line-level note", () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.ts': 'a\nb\nc\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
    agentEdit(repo, 'a.ts', 'b\n', 'b\nai-1\nai-2\n');
    // git-ai's post-commit ran first (its hook chained before aitrail's) and wrote an empty note.
    const commit = gitRun(repo.dir, ['-c', 'core.hooksPath=/dev/null', 'commit', '-qam', 'agent work']);
    expect(commit.status, commit.stderr).toBe(0);
    const head = repo.git(['rev-parse', 'HEAD']);
    addNote(repo, head, emptyNote(head));
    const hook = gitRun(repo.dir, ['hook', 'run', '--ignore-missing', 'post-commit']);
    expect(hook.stderr).not.toMatch(/already has a note/);
    expect(noteFiles(repo, head)).toEqual({ 'a.ts': ['3,4'] });
    // A note that holds lines is never replaced.
    const other = `a.ts\n  h_31dce776f88375 1\n---\n${JSON.stringify({ schema_version: 'authorship/3.0.0', base_commit_sha: head, prompts: {} })}\n`;
    addNote(repo, head, other);
    agentEdit(repo, 'a.ts', 'c\n', 'c\nai-3\n');
    expect(gitRun(repo.dir, ['-c', 'core.hooksPath=/dev/null', 'commit', '-qam', 'more agent work']).status).toBe(0);
    const next = repo.git(['rev-parse', 'HEAD']);
    addNote(repo, next, other);
    expect(gitRun(repo.dir, ['hook', 'run', '--ignore-missing', 'post-commit']).stderr).toMatch(/already has a note/);
    expect(noteFiles(repo, next)).toEqual({ 'a.ts': ['1,1'] });
  });

  it("notes squash replaces git-ai's empty note of the squash commit without --force", () => {
    const repo = makeRepo();
    repo.commit('base', { 'a.txt': 'a1\na2\na3\n' });
    expect(aitrail(repo.dir, ['init', '--mode', 'git']).status).toBe(0);
    repo.git(['checkout', '-q', '-b', 'feature']);
    agentEdit(repo, 'a.txt', 'a2\n', 'a2\nai-1\nai-2\n');
    expect(gitRun(repo.dir, ['commit', '-qam', 'claude lines']).status).toBe(0);
    repo.git(['checkout', '-q', 'main']);
    expect(gitRun(repo.dir, ['merge', '-q', '--squash', 'feature']).status).toBe(0);
    expect(gitRun(repo.dir, ['commit', '-qm', 'feature (#1)']).status).toBe(0);
    const squashed = repo.git(['rev-parse', 'HEAD']);
    addNote(repo, squashed, emptyNote(squashed));
    const result = aitrail(repo.dir, ['notes', 'squash', 'main~1..feature', '--onto', 'HEAD']);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(noteFiles(repo, squashed)).toEqual({ 'a.txt': ['3,4'] });
    expect(totals(repo)).toMatchObject({ ai: 2, byAgent: { 'claude-code': 2 } });
  });
});

