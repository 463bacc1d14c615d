import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { patchGraph } from '../helpers/commit-graph.js';
import { QWEN } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs, tempDir, type TestRepo } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

const POLICY = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';

/** The policy, Qwen's commit writing src/crypto/aes.ts, two of a person's; the commit-graph written. */
function judgedHistory(): { repo: TestRepo; base: string; qwen: string; person: string; tip: string; graph: string } {
  const repo = makeRepo();
  const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY, 'README.md': 'hi\n' });
  const qwen = repo.commit(`feat: aes\n\n${QWEN}\n`, { 'src/crypto/aes.ts': 'export const k = 1;\n' });
  const person = repo.commit('docs: more\n', { 'README.md': 'hi\nmore\n' });
  const tip = repo.commit('docs: again\n', { 'README.md': 'hi\nmore\nagain\n' });
  repo.git(['commit-graph', 'write', '--reachable']);
  return { repo, base, qwen, person, tip, graph: join(repo.dir, '.git', 'objects', 'info', 'commit-graph') };
}

function expectQwenDenied(repo: TestRepo, range: string, qwen: string): void {
  const check = aitrail(repo.dir, ['check', range, '--format', 'json']);
  expect(check.code, check.stdout + check.stderr).toBe(1);
  const report = JSON.parse(check.stdout) as { violations: { sha: string; rule: string; paths: string[] }[] };
  const denied = report.violations.filter((violation) => violation.rule !== 'undeclared');
  expect(denied.map(({ sha, rule, paths }) => ({ sha, rule, paths }))).toEqual([{ sha: qwen, rule: 'path-model-denied', paths: ['src/crypto/aes.ts'] }]);
}

describe('807: a commit-graph file that lies is never read', () => {
  it("Qwen's entry holding its parent's tree: git shows no file changed, check still denies src/crypto/aes.ts and blame counts the line", () => {
    const { repo, base, qwen, graph } = judgedHistory();
    patchGraph(graph, qwen, { tree: repo.git(['rev-parse', `${base}^{tree}`]) });
    // The attack is live: git itself reads the graph.
    expect(repo.git(['diff-tree', '--no-commit-id', '--name-only', '-r', qwen])).toBe('');
    expectQwenDenied(repo, `${base}..HEAD`, qwen);
    const blame = aitrail(repo.dir, ['blame', '--no-cache', '--format', 'json']);
    expect(blame.code, blame.stderr).toBe(0);
    expect((JSON.parse(blame.stdout) as { totals: { ai: number } }).totals.ai).toBe(1);
  });

  it("the person's commit below the tip given the policy commit as its parent: git leaves Qwen's out of the range, check still judges it", () => {
    const { repo, base, qwen, person, tip, graph } = judgedHistory();
    // (git reads a tip named by a ref from its object; the commits it reaches through parents, from the graph.)
    patchGraph(graph, person, { firstParent: base });
    expect(repo.git(['rev-list', `${base}..HEAD`]).split('\n')).toEqual([tip, person]);
    expectQwenDenied(repo, `${base}..HEAD`, qwen);
    const log = aitrail(repo.dir, ['log', '--format', 'json']);
    expect(log.code, log.stderr).toBe(0);
    expect(log.stdout).toContain(qwen);
  });

  it("the lying graph in an alternate object store (the repository's own moved away): check still denies", () => {
    const { repo, base, qwen, graph } = judgedHistory();
    patchGraph(graph, qwen, { tree: repo.git(['rev-parse', `${base}^{tree}`]) });
    const alternate = tempDir();
    mkdirSync(join(alternate, 'info'));
    renameSync(graph, join(alternate, 'info', 'commit-graph'));
    writeFileSync(join(repo.dir, '.git', 'objects', 'info', 'alternates'), `${alternate}\n`);
    expect(repo.git(['diff-tree', '--no-commit-id', '--name-only', '-r', qwen])).toBe('');
    expectQwenDenied(repo, `${base}..HEAD`, qwen);
  });
});
