import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { patchGraph } from '../helpers/commit-graph.js';
import { QWEN } from '../helpers/enforce-repos.js';
import { makeRepo, removeTempDirs, TEST_GIT_ENV } from '../helpers/gitdir.js';

afterAll(removeTempDirs);

// Row 850 (review of 837 and 807): git 2.39 reads the commit-graph when
// GIT_TEST_COMMIT_GRAPH=1 is in its environment, whatever core.commitGraph says; row 807's
// `core.commitGraph=false` alone let a lying graph hide Qwen's file from check.

describe('850: GIT_TEST_COMMIT_GRAPH in the environment does not bring back a lying commit-graph', () => {
  it("Qwen's entry holding its parent's tree: check under GIT_TEST_COMMIT_GRAPH=1 still denies src/crypto/aes.ts", () => {
    const repo = makeRepo();
    const base = repo.commit('chore: policy\n', { '.aitrailrc.yml': 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n' });
    const qwen = repo.commit(`feat: aes\n\n${QWEN}\n`, { 'src/crypto/aes.ts': 'export const k = 1;\n' });
    repo.commit('docs: more\n', { 'README.md': 'more\n' }); // (git reads the tip, named by a ref, from its object)
    repo.git(['commit-graph', 'write', '--reachable']);
    patchGraph(join(repo.dir, '.git', 'objects', 'info', 'commit-graph'), qwen, { tree: repo.git(['rev-parse', `${base}^{tree}`]) });
    const env = { GIT_TEST_COMMIT_GRAPH: '1' };
    // The attack is live: git with core.commitGraph=false and the switch reads the graph.
    expect(repo.git(['-c', 'core.commitGraph=false', 'diff-tree', '--no-commit-id', '--name-only', '-r', qwen], { env: { ...TEST_GIT_ENV, ...env } })).toBe('');
    const check = aitrail(repo.dir, ['check', `${base}..HEAD`, '--format', 'json'], { env });
    expect(check.code, check.stdout + check.stderr).toBe(1);
    const { violations } = JSON.parse(check.stdout) as { violations: { sha: string; rule: string; paths: string[] }[] };
    expect(violations.filter((violation) => violation.rule !== 'undeclared').map(({ sha, rule, paths }) => ({ sha, rule, paths }))).toEqual([{ sha: qwen, rule: 'path-model-denied', paths: ['src/crypto/aes.ts'] }]);
  });
});
