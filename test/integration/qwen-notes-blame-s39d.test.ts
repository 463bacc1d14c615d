import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { otherNote, qwenNote } from '../helpers/qwen-code-notes.js';

interface Counts {
  lines: number;
  ai: number;
  human: number;
  byModel: Record<string, number>;
  byAgent: Record<string, number>;
}

const blame = (repo: TestRepo, args: string[] = []): Counts & { files: (Counts & { path: string })[]; ignoredAi?: string[] } => {
  const result = aitrail(repo.dir, ['blame', '--format', 'json', ...args]);
  expect(result.code, result.stderr).toBe(0);
  const report = JSON.parse(result.stdout) as { totals: Counts; files: (Counts & { path: string })[]; ignoredAi?: string[] };
  return { ...report.totals, files: report.files, ...(report.ignoredAi ? { ignoredAi: report.ignoredAi } : {}) };
};

const aiCommits = (repo: TestRepo): string[] => {
  const result = aitrail(repo.dir, ['log', '--format', 'json', '--ai-only']);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { sha: string }[]).map((commit) => commit.sha);
};

/** A person's 2-line file, then a silent 3-line one: what Qwen Code commits through a heredoc message (no Qwen line). */
function silentQwenCommit(): { repo: TestRepo; human: string; sha: string } {
  const repo = makeRepo();
  const human = repo.commit('docs: readme', { 'README.md': 'hello\nworld\n' });
  const sha = repo.commit('feat: parser\n\nParse the input.\n', { 'src/parse.ts': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n' });
  return { repo, human, sha };
}

describe("blame, trend and status read Qwen Code's attribution notes (refs/notes/ai-attribution) as log does", () => {
  it("blame counts a silent commit's lines as its Qwen Code note says, as log calls the commit AI; --no-notes reads none", () => {
    const { repo, sha } = silentQwenCommit();
    qwenNote(repo, sha, 'Qwen-Coder', ['src/parse.ts']);
    expect(aiCommits(repo)).toEqual([sha]);
    const report = blame(repo);
    expect(report).toMatchObject({ lines: 5, ai: 3, human: 2, byModel: { 'qwen/unknown': 3 }, byAgent: { 'qwen-code': 3 } });
    expect(report.files.find((file) => file.path === 'src/parse.ts')).toMatchObject({ lines: 3, ai: 3 });
    expect(blame(repo, ['--no-notes'])).toMatchObject({ ai: 0, human: 5 });
    // The HTML report is the same report.
    const html = aitrail(repo.dir, ['blame', '--format', 'html']);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toContain('qwen-code');
  });

  it('the caches are never stale: a note added, changed or removed changes the next report (the commit read cold first)', () => {
    const { repo, sha } = silentQwenCommit();
    // A cold run stores the commit as a person's (its message names no AI) in the attribution cache.
    expect(blame(repo)).toMatchObject({ ai: 0, human: 5 });
    qwenNote(repo, sha, 'Qwen-Coder', ['src/parse.ts']);
    expect(blame(repo)).toMatchObject({ ai: 3, byModel: { 'qwen/unknown': 3 } });
    // Cached: the same answer again.
    expect(blame(repo)).toMatchObject({ ai: 3, byModel: { 'qwen/unknown': 3 } });
    qwenNote(repo, sha, 'gpt-4o', ['src/parse.ts']);
    const changed = blame(repo);
    expect(changed.byModel).toEqual({ 'openai/gpt-4o': 3 });
    repo.git(['notes', '--ref=refs/notes/ai-attribution', 'remove', sha]);
    expect(blame(repo)).toMatchObject({ ai: 0, human: 5, byModel: {} });
    // A later commit (read by name, cache warm) with its note.
    const later = repo.commit('feat: more\n', { 'src/more.ts': 'export const m = 1;\n' });
    qwenNote(repo, later, 'Qwen-Coder', ['src/more.ts']);
    expect(blame(repo)).toMatchObject({ lines: 6, ai: 1, byModel: { 'qwen/unknown': 1 } });
    expect(blame(repo, ['--no-cache'])).toMatchObject({ lines: 6, ai: 1, byModel: { 'qwen/unknown': 1 } });
  });

  it("only Qwen Code's shape counts (another model is that model); beside the Qwen model the commit declares, Qwen-Coder is that model's evidence (one model)", () => {
    const { repo, sha } = silentQwenCommit();
    otherNote(repo, sha, '{"attribution_state":"measured","ai_lines":3,"human_lines":0,"total_lines":3,"ai_files":["src/parse.ts"],"human_files":[]}');
    const human = repo.commit('feat: more\n', { 'src/more.ts': 'export const m = 1;\n' });
    otherNote(repo, human, '{"version":1,"generator":"Qwen-Coder","files":[],"summary":{}}');
    const declared = repo.commit('feat: declared\n\nAssisted-by: qwen-code:qwen/qwen3-coder-plus\n', { 'src/declared.ts': 'export const d = 1;\nexport const e = 2;\n' });
    qwenNote(repo, declared, 'Qwen-Coder', ['src/declared.ts']);
    const other = repo.commit('feat: other\n', { 'src/other.ts': 'export const o = 1;\n' });
    qwenNote(repo, other, 'gpt-4o', ['src/other.ts']);
    expect(aiCommits(repo)).toEqual([other, declared]);
    const report = blame(repo, ['--no-cache']);
    expect(report).toMatchObject({ lines: 9, ai: 3, byAgent: { 'qwen-code': 3 } });
    expect(report.byModel).toEqual({ 'qwen/qwen3-coder-plus': 2, 'openai/gpt-4o': 1 });
  });

  it('an ignored revision named AI only by its Qwen Code note is said (ignoredAi), as one its message names', () => {
    const { repo, sha } = silentQwenCommit();
    qwenNote(repo, sha, 'Qwen-Coder', ['src/parse.ts']);
    expect(blame(repo, ['--ignore-rev', sha]).ignoredAi).toEqual([sha]);
  });

  it("trend counts each release's lines as blame does, the Qwen Code note read", () => {
    const { repo, human, sha } = silentQwenCommit();
    repo.git(['tag', 'v1', human]);
    repo.git(['tag', 'v2', sha]);
    qwenNote(repo, sha, 'Qwen-Coder', ['src/parse.ts']);
    const result = aitrail(repo.dir, ['trend', 'v1', 'v2', '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const { releases } = JSON.parse(result.stdout) as { releases: { totals: Counts }[] };
    expect(releases.map((release) => release.totals)).toEqual([expect.objectContaining({ lines: 3, ai: 3, byModel: { 'qwen/unknown': 3 } })]);
  });

  it("status counts Qwen Code's notes beside git-ai's (JSON `qwenNotes`, added; a line when there are some)", () => {
    const { repo, sha } = silentQwenCommit();
    const before = aitrail(repo.dir, ['status']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).not.toContain('refs/notes/ai-attribution');
    qwenNote(repo, sha, 'Qwen-Coder', ['src/parse.ts']);
    const text = aitrail(repo.dir, ['status']);
    expect(text.stdout).toContain("Commit-level data: 1 note in refs/notes/ai-attribution (Qwen Code's attribution notes)");
    const json = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json']).stdout) as { notes: unknown; qwenNotes: unknown };
    expect(json.notes).toEqual({ ref: 'refs/notes/ai', count: 0 });
    expect(json.qwenNotes).toEqual({ ref: 'refs/notes/ai-attribution', count: 1 });
  });
});
