import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
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

/**
 * Rewrite a commit's entry in a commit-graph file (format v1, SHA-1: the CDAT chunk holds each
 * commit's tree, then its first and second parents' positions): what a step that can write
 * `.git` does. git reads the file on trust (its checksum only in `git commit-graph verify`).
 */
function patchGraph(file: string, commit: string, change: { tree?: string; firstParent?: string }): void {
  const graph = readFileSync(file);
  const chunks = new Map<string, number>();
  for (let index = 0; index < graph[6]!; index++) chunks.set(graph.toString('latin1', 8 + index * 12, 12 + index * 12), Number(graph.readBigUInt64BE(12 + index * 12)));
  const oids = chunks.get('OIDL')!;
  const count = graph.readUInt32BE(chunks.get('OIDF')! + 255 * 4);
  const position = (oid: string) => {
    for (let index = 0; index < count; index++) if (graph.toString('hex', oids + index * 20, oids + index * 20 + 20) === oid) return index;
    throw new Error(`${oid} not in ${file}`);
  };
  const entry = chunks.get('CDAT')! + position(commit) * 36;
  if (change.tree !== undefined) Buffer.from(change.tree, 'hex').copy(graph, entry);
  if (change.firstParent !== undefined) graph.writeUInt32BE(position(change.firstParent), entry + 20);
  chmodSync(file, 0o644);
  writeFileSync(file, graph);
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
