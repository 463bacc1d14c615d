import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { project, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';

// Row 319: a vendored project kept under `vendor/` (git's subtree merge: `read-tree --prefix`,
// then `merge -Xsubtree`, what `git subtree add/pull` run) and `vendor/** allow: []`. An agent
// that pulls the upstream's people's update wrote none of it; Qwen's lines in the upstream's own
// history are still refused where they land.
const POLICY = 'policy:\n  paths:\n    - files: ["vendor/**"]\n      allow: []\n';
const CLAUDE = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

describe("an agent's subtree merge of a vendored project (row 319)", () => {
  it("passes when it takes the upstream's files whole; the upstream's Qwen lines are refused where they land", () => {
    const { work } = project(POLICY);
    const upstream = makeRepo();
    upstream.commit('init\n', { 'lib.c': 'v1\nv2\n' });
    work.git(['remote', 'add', 'up', upstream.dir]);
    work.git(['fetch', '-q', 'up']);
    // A person vendors it, as git's subtree merge how-to does.
    work.git(['merge', '-q', '-s', 'ours', '--no-commit', '--allow-unrelated-histories', 'up/main']);
    work.git(['read-tree', '--prefix=vendor/', '-u', 'up/main']);
    expect(tryGit(work.dir, ['commit', '-q', '-m', 'vendor: add lib']).code).toBe(0);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);

    upstream.commit('fix: v3\n', { 'lib.c': 'v1\nv2\nv3\n' });
    work.git(['fetch', '-q', 'up']);
    const pulled = tryGit(work.dir, ['merge', '-q', '-Xsubtree=vendor', '-m', `vendor: update lib\n\n${CLAUDE}`, 'up/main']);
    expect(pulled.stderr).not.toContain('path-model-not-allowed');
    expect(pulled.code).toBe(0);
    expect(work.git(['show', 'HEAD:vendor/lib.c'])).toBe('v1\nv2\nv3');
    expect(aitrail(work.dir, ['check', 'origin/main..HEAD']).code).toBe(0);

    const qwen = upstream.commit('feat: v4\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'lib.c': 'v1\nv2\nv3\nv4\n' });
    work.git(['fetch', '-q', 'up']);
    expect(tryGit(work.dir, ['merge', '-q', '-Xsubtree=vendor', '-m', `vendor: update lib\n\n${CLAUDE}`, 'up/main']).code).toBe(0);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD', '--format', 'json']);
    expect(check.code).toBe(1);
    expect(JSON.parse(check.stdout).violations).toEqual([expect.objectContaining({ sha: qwen, rule: 'path-model-not-allowed', path: 'vendor/lib.c', lines: 1 })]);
  });
});
