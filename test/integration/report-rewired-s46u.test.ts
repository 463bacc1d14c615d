import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { makeRepo } from '../helpers/gitdir.js';

const QWEN = '\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n';
// The warning names the replaced object by its id (its first 12 hex digits), never by a path of the ref's name.
const said = (qwen: string) => new RegExp(`git shows 1 object in place of the stored ones \\(replace refs: ${qwen.slice(0, 12)}\\)`);

// Qwen's commit writing a.ts, and a person's commit with the same tree and parent (not yet standing in for it).
function withPersonsTwin() {
  const repo = makeRepo();
  repo.commit('human\n', { 'b.ts': 'b();\n' });
  const qwen = repo.commit(`parser${QWEN}`, { 'a.ts': 'q1();\nq2();\nq3();\n' });
  const person = repo.git(['commit-tree', '-p', `${qwen}~1`, '-m', 'a person wrote it', `${qwen}^{tree}`]);
  repo.commit('human c\n', { 'c.ts': 'c();\n' });
  return { repo, qwen, person };
}

const aiLines = (stdout: string): number => (JSON.parse(stdout) as { totals: { ai: number } }).totals.ai;

describe('replace refs git reads under GIT_REPLACE_REF_BASE as git matches it: a prefix of characters (s46u)', () => {
  it("GIT_REPLACE_REF_BASE=refs/heads/x: the branch x<Qwen's id> stands the person's commit in for Qwen's, said (and the cache sees it)", () => {
    const { repo, qwen, person } = withPersonsTwin();
    const env = { GIT_REPLACE_REF_BASE: 'refs/heads/x' };
    // Before the branch exists: Qwen's 3 lines, nothing said (and a report cached).
    const before = aitrail(repo.dir, ['blame', '--format', 'json'], { env });
    expect(aiLines(before.stdout)).toBe(3);
    expect(before.stderr).not.toMatch(/replace refs/);
    repo.git(['update-ref', `refs/heads/x${qwen}`, person]);
    // git now shows the person's commit for Qwen's (git log says so): the report follows it, and says it.
    expect(repo.git(['log', '--format=%s', '-1', qwen], { env })).toBe('a person wrote it');
    const blame = aitrail(repo.dir, ['blame', '--format', 'json'], { env });
    expect(blame.code, blame.stderr).toBe(0);
    expect(aiLines(blame.stdout)).toBe(0);
    expect(blame.stderr).toMatch(said(qwen));
    expect(aitrail(repo.dir, ['log'], { env }).stderr).toMatch(said(qwen));
  });

  it("GIT_REPLACE_REF_BASE set but empty: every ref is a replace ref, a branch named with Qwen's id replaces it, said", () => {
    const { repo, qwen, person } = withPersonsTwin();
    repo.git(['update-ref', `refs/heads/${qwen}`, person]);
    const env = { GIT_REPLACE_REF_BASE: '' };
    expect(repo.git(['log', '--format=%s', '-1', qwen], { env })).toBe('a person wrote it');
    const blame = aitrail(repo.dir, ['blame', '--format', 'json'], { env });
    expect(aiLines(blame.stdout)).toBe(0);
    expect(blame.stderr).toMatch(said(qwen));
    expect(aitrail(repo.dir, ['log'], { env }).stderr).toMatch(said(qwen));
  });

  it("refs/replace/any/dir/<Qwen's id>: named by the object's id; a name git skips (no id) is not counted", () => {
    const { repo, qwen, person } = withPersonsTwin();
    repo.git(['update-ref', `refs/replace/zz/${qwen}`, person]);
    repo.git(['update-ref', 'refs/replace/not-an-id', person]);
    const blame = aitrail(repo.dir, ['blame', '--format', 'json']);
    expect(aiLines(blame.stdout)).toBe(0);
    expect(blame.stderr).toMatch(said(qwen));
  });
});
