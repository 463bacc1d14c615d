import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { QWEN, commitCase, project, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo } from '../helpers/gitdir.js';

const POLICY = 'policy:\n  deny: ["qwen/*"]\n';
const EMPTY = 'core.hooksPath is set but empty';

// git (2.39) runs the hooks of a repository whose core.hooksPath is '' from the file system's root
// (`/pre-receive`), while `git rev-parse --git-path hooks` answers `./`: init installed in the
// repository's own folder, said the hooks were in, and none ran (row 626).
describe("core.hooksPath set but empty: git runs no hook of the repository", () => {
  it('a bare server: init refuses (no pre-receive left where git never looks); unset, init, and Qwen\'s push is refused', () => {
    const env = envWithAitrailOnPath();
    const { remote, work } = project(POLICY, { hooks: [] });
    remote.git(['config', 'core.hooksPath', '']);
    const init = aitrail(remote.dir, ['init'], { env });
    expect(init.code, init.stdout).not.toBe(0);
    expect(init.stdout + init.stderr).toContain(EMPTY);
    expect(existsSync(join(remote.dir, 'pre-receive'))).toBe(false);
    // The replay of what init's success meant: git ran no hook, Qwen's push landed.
    commitCase(work, 'landed', `feat: qwen\n\n${QWEN}\n`);
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'main'], { env }).code).toBe(0);

    remote.git(['config', '--unset', 'core.hooksPath']);
    const again = aitrail(remote.dir, ['init'], { env });
    expect(again.code, again.stderr).toBe(0);
    commitCase(work, 'qwen', `feat: qwen again\n\n${QWEN}\n`);
    const push = tryGit(work.dir, ['push', 'origin', 'main'], { env });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('pre-receive hook declined');
  });

  it('a work repository: init refuses (no hooks dropped in the work tree\'s top), status warns that none runs', () => {
    const env = envWithAitrailOnPath();
    const repo = makeRepo();
    repo.commit('chore: policy\n', { '.aitrailrc.yml': POLICY });
    repo.git(['config', 'core.hooksPath', '']);
    const init = aitrail(repo.dir, ['init', '--mode', 'git'], { env });
    expect(init.code, init.stdout).not.toBe(0);
    expect(init.stdout + init.stderr).toContain(EMPTY);
    for (const hook of ['commit-msg', 'pre-push', 'prepare-commit-msg']) expect(existsSync(join(repo.dir, hook)), hook).toBe(false);
    const status = aitrail(repo.dir, ['status'], { env });
    expect(status.stdout).toContain(`Warning: none of the hooks above runs: ${EMPTY}`);

    repo.git(['config', '--unset', 'core.hooksPath']);
    expect(aitrail(repo.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    expect(aitrail(repo.dir, ['status'], { env }).stdout).not.toContain(EMPTY);
  });
});
