import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blameJson } from '../helpers/blame-json.js';
import { aitrail, BIN } from '../helpers/cli.js';
import { emptyBloomFilters, patchGraph } from '../helpers/commit-graph.js';
import { QWEN } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

// Row 837: the reports' git blame reads the repository's commit-graph once
// `git commit-graph verify` passed, never its Bloom filters, never an alternate's graph;
// enforcement never reads it (row 807).

const POLICY = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';
/** 16 one-line files: a report blames this many or more before it verifies and reads the graph (GRAPH_MIN_FILES). */
const FILLER = Object.fromEntries(Array.from({ length: 16 }, (_, index) => [`docs/page-${index}.md`, `page ${index}\n`]));

/** A person writes src/crypto/aes.ts (1 line) and 16 pages, Qwen adds 2 lines, a person edits README twice; the graph written with Bloom filters. */
function history(): { repo: TestRepo; base: string; qwen: string; graph: string } {
  const repo = makeRepo();
  const base = repo.commit('chore: policy\n', { ...FILLER, '.aitrailrc.yml': POLICY, 'README.md': 'hi\n', 'src/crypto/aes.ts': 'export const a = 1;\n' });
  const qwen = repo.commit(`feat: aes\n\n${QWEN}\n`, { 'src/crypto/aes.ts': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n' });
  repo.commit('docs: more\n', { 'README.md': 'hi\nmore\n' });
  repo.commit('docs: again\n', { 'README.md': 'hi\nmore\nagain\n' });
  repo.git(['commit-graph', 'write', '--reachable', '--changed-paths']);
  return { repo, base, qwen, graph: join(repo.dir, '.git', 'objects', 'info', 'commit-graph') };
}

/** Qwen's two lines, counted whatever the graph says. */
function expectQwenLines(repo: TestRepo, lines = 26): void {
  const { totals } = blameJson(repo.dir, ['--no-cache']);
  expect(totals).toMatchObject({ lines, ai: 2 });
}

function verifyExit(repo: TestRepo): number | null {
  return spawnSync('git', ['commit-graph', 'verify', '--no-progress'], { cwd: repo.dir, env: TEST_GIT_ENV }).status;
}

const strace = spawnSync('strace', ['-V']).status === 0;

/** `aitrail blame --no-cache` (`cache`: with the cache) under strace: whether any `git blame` it ran opened the commit-graph file. */
function blameOpenedGraph(repo: TestRepo, cache = false): boolean {
  const log = join(tempDir(), 'strace.log');
  const run = spawnSync('strace', ['-f', '-qq', '-e', 'trace=execve,openat', '-o', log, process.execPath, BIN, 'blame', ...(cache ? [] : ['--no-cache']), '--format', 'json'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  expect((JSON.parse(run.stdout) as { totals: { ai: number } }).totals.ai).toBeGreaterThanOrEqual(2);
  const lines = readFileSync(log, 'utf8').split('\n');
  const blames = new Set(lines.filter((line) => / execve\(.*"blame", "--incremental"/.test(line) && !line.includes('ENOENT')).map((line) => line.split(' ')[0]));
  expect(blames.size).toBeGreaterThan(0);
  return lines.some((line) => blames.has(line.split(' ')[0]) && /\/info\/commit-graph(s\/[^"]*)?"/.test(line) && !/= -1 /.test(line));
}

describe('837: blame reads a verified commit-graph, and nothing a lying one says', () => {
  it.skipIf(!strace)('an honest graph: each git blame opens it (no commit-graph write, no timing), and the count is right', () => {
    const { repo } = history();
    expect(verifyExit(repo)).toBe(0);
    expect(blameOpenedGraph(repo)).toBe(true);
  });

  it.skipIf(!strace)('a cached report after a one-file commit: that file blamed without verify or graph (under 16 files)', () => {
    const { repo } = history();
    blameJson(repo.dir, []);
    repo.commit('docs: one page\n', { 'docs/page-1.md': 'page 1\nmore\n' });
    expect(blameOpenedGraph(repo, true)).toBe(false);
  });

  it.skipIf(!strace)('no graph of its own and an alternate object store: not read (verify never looks at the alternate)', () => {
    const { repo, graph } = history();
    const alternate = tempDir();
    mkdirSync(join(alternate, 'info'));
    renameSync(graph, join(alternate, 'info', 'commit-graph'));
    writeFileSync(join(repo.dir, '.git', 'objects', 'info', 'alternates'), `${alternate}\n`);
    expect(blameOpenedGraph(repo)).toBe(false);
  });

  it('emptied Bloom filters, checksum fixed: verify passes and git blame gives Qwen\'s lines to the first commit; aitrail still counts them', () => {
    const { repo, base } = history();
    emptyBloomFilters(join(repo.dir, '.git', 'objects', 'info', 'commit-graph'));
    expect(verifyExit(repo)).toBe(0);
    // The attack is live: git blame trusts the filters.
    expect(repo.git(['blame', '-s', '-l', '--root', 'src/crypto/aes.ts']).split('\n').map((line) => line.slice(0, 40))).toEqual([base, base, base]);
    expectQwenLines(repo);
  });

  it("Qwen's entry holding its parent's tree, checksum fixed: verify fails, blame counts Qwen's lines and check denies", () => {
    const { repo, base, qwen, graph } = history();
    patchGraph(graph, qwen, { tree: repo.git(['rev-parse', `${base}^{tree}`]) }, { checksum: true });
    expect(repo.git(['diff-tree', '--no-commit-id', '--name-only', '-r', qwen])).toBe('');
    expect(verifyExit(repo)).not.toBe(0);
    expectQwenLines(repo);
    const check = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json']);
    expect(check.code, check.stdout + check.stderr).toBe(1);
    expect(check.stdout).toContain('src/crypto/aes.ts');
  });

  it("a split graph whose base layer lies about Qwen's commit: verify checks every layer, blame counts Qwen's lines", () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { ...FILLER, '.aitrailrc.yml': POLICY, 'README.md': 'hi\n', 'src/crypto/aes.ts': 'export const a = 1;\n' });
    const qwen = repo.commit(`feat: aes\n\n${QWEN}\n`, { 'src/crypto/aes.ts': 'export const a = 1;\nexport const b = 2;\nexport const c = 3;\n' });
    repo.git(['commit-graph', 'write', '--reachable', '--split']);
    repo.commit('docs: more\n', { 'README.md': 'hi\nmore\n' });
    repo.git(['commit-graph', 'write', '--reachable', '--split=no-merge']);
    const layers = join(repo.dir, '.git', 'objects', 'info', 'commit-graphs');
    const chain = readFileSync(join(layers, 'commit-graph-chain'), 'utf8').trim().split('\n');
    expect(chain).toHaveLength(2);
    // The base layer's file keeps its name (its old checksum): git finds it by the chain and reads it on trust.
    patchGraph(join(layers, `graph-${chain[0]}.graph`), qwen, { tree: repo.git(['rev-parse', `${base}^{tree}`]) });
    expect(repo.git(['diff-tree', '--no-commit-id', '--name-only', '-r', qwen])).toBe('');
    expect(verifyExit(repo)).not.toBe(0);
    expectQwenLines(repo, 25);
  });

  it("the lying graph in an alternate, none of the repository's own: verify passes (it looks at no alternate), blame still counts Qwen's lines", () => {
    const { repo, base, qwen, graph } = history();
    patchGraph(graph, qwen, { tree: repo.git(['rev-parse', `${base}^{tree}`]) }, { checksum: true });
    const alternate = tempDir();
    mkdirSync(join(alternate, 'info'));
    renameSync(graph, join(alternate, 'info', 'commit-graph'));
    writeFileSync(join(repo.dir, '.git', 'objects', 'info', 'alternates'), `${alternate}\n`);
    expect(repo.git(['diff-tree', '--no-commit-id', '--name-only', '-r', qwen])).toBe('');
    expect(verifyExit(repo)).toBe(0);
    expectQwenLines(repo);
  });
});
