import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, project, tryGit } from '../helpers/enforce-repos.js';

// Row 317: an agent that updates its own branch with `git merge main` takes main's people's
// lines into protected files whole; the merge wrote none of them, and is not refused for them.
// What a merge writes itself into a protected file (a conflict's resolution, an evil merge, an
// older version brought back by a merge made by hand) stays the merge's own.
const POLICY = 'policy:\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["qwen/*"]\n';
const QWEN_DECLARED = 'Assisted-by: qwen-code:qwen/qwen3-coder';

describe("an agent's merge of main into its branch (row 317)", () => {
  it('passes commit-msg, pre-push and check when it takes main\'s protected files whole; its own resolution there is refused', () => {
    const { work, base } = project(POLICY);
    expect(commitWith(work, 'feat: key schedule\n', { 'src/crypto/aes.ts': 'round 1\n' }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main']).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'topic', base]);
    expect(commitWith(work, `feat: parser\n\n${QWEN_DECLARED}\n`, { 'lib/parse.ts': 'parse\n' }).code).toBe(0);
    // The merge as an agent makes it: git's merge, the agent's declaration in its message, hooks on.
    const merged = tryGit(work.dir, ['merge', '-q', '--no-ff', '-m', `Merge branch 'main' into topic\n\n${QWEN_DECLARED}`, 'main']);
    expect(merged.stderr).not.toContain('path-model-denied');
    expect(merged.code).toBe(0);
    const merge = work.git(['rev-parse', 'HEAD']);
    expect(work.git(['rev-list', '--parents', '-1', 'HEAD']).split(' ')).toHaveLength(3);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'topic']).code).toBe(0);
    expect(aitrail(work.dir, ['check', 'origin/main..topic']).code).toBe(0);

    // main moves on in the same file; the topic changes it too (by a person); the agent's merge conflicts and it resolves it.
    work.git(['checkout', '-q', 'main']);
    expect(commitWith(work, 'feat: round 2\n', { 'src/crypto/aes.ts': 'round 1\nround 2\n' }).code).toBe(0);
    work.git(['checkout', '-q', 'topic']);
    expect(commitWith(work, 'feat: person tweak\n', { 'src/crypto/aes.ts': 'round 1\nmine\n' }).code).toBe(0);
    expect(tryGit(work.dir, ['merge', '-q', '--no-commit', 'main']).code).not.toBe(0);
    const resolved = commitWith(work, `Merge branch 'main' into topic\n\n${QWEN_DECLARED}\n`, { 'src/crypto/aes.ts': 'round 1\nmine\nround 2\n' });
    expect(resolved.code).not.toBe(0);
    expect(resolved.stderr).toContain('path-model-denied');
    expect(commitWith(work, `Merge branch 'main' into topic\n\n${QWEN_DECLARED}\n`, {}, { noVerify: true }).code).toBe(0);
    const conflicted = work.git(['rev-parse', 'HEAD']);

    // A merge made by hand of an old commit, putting the old version back over the topic's.
    const tree = work.git(['rev-parse', `${base}^{tree}`]);
    const back = work.git(['commit-tree', tree, '-p', 'HEAD', '-p', base, '-m', `Merge old\n\n${QWEN_DECLARED}`]);
    const check = aitrail(work.dir, ['check', `${merge}..${back}`, '--format', 'json']);
    expect(check.code).toBe(1);
    const violations = JSON.parse(check.stdout).violations as Array<{ sha: string; rule: string; path: string }>;
    expect(violations.map((v) => [v.sha, v.rule, v.path]).sort()).toEqual(
      [
        [conflicted, 'path-model-denied', 'src/crypto/aes.ts'],
        [back, 'path-model-denied', 'src/crypto/aes.ts'],
      ].sort(),
    );
  });
});
