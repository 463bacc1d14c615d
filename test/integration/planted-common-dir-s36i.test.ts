// A committed `.env` (loaded by aider, Gemini CLI and Qwen Code into their `git commit`'s environment)
// setting GIT_COMMON_DIR to a folder the repository commits: git then takes the hooks (and the config,
// refs and objects) from that folder, whose committed links lead back to the real .git's refs and
// objects, so the agent's commit lands on the real branch with no aitrail hook run. Row 442's list
// of such variables missed it: the person's push said nothing.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedWithOrigin } from '../helpers/hooked-repo.js';
import { tempDir } from '../helpers/gitdir.js';

describe('a committed .env naming GIT_COMMON_DIR', () => {
  it("runs no hook for the agent's commit (git looks for hooks there); the person's push names it", () => {
    const { repo, env, setUp } = hookedWithOrigin();
    // The planted folder: a config of its own (no hooks there), links back to the repository's refs and objects.
    mkdirSync(join(repo.dir, 'tools/git'), { recursive: true });
    writeFileSync(join(repo.dir, 'tools/git/config'), '[core]\n\trepositoryformatversion = 0\n\tbare = false\n');
    for (const name of ['objects', 'refs', 'packed-refs']) symlinkSync(`../../.git/${name}`, join(repo.dir, 'tools/git', name));
    repo.write('.env', 'LOG_LEVEL=info\nGIT_COMMON_DIR=tools/git\n');
    repo.git(['add', '-A']);
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: tools'], { env: setUp }).code).toBe(0);

    repo.write('a.txt', 'one\n');
    repo.git(['add', 'a.txt']);
    const agent = { ...env, HOME: tempDir('aitrail-home-'), GIT_COMMON_DIR: 'tools/git', QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' };
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: qwen'], { env: agent });
    // The limit, replayed: no hook runs, so Qwen's commit under deny: ["qwen/*"] lands on main, neither refused nor recorded.
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('feat: qwen');

    const pushed = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
    expect(pushed.code, pushed.stderr).toBe(0);
    // Before: the push said nothing.
    expect(pushed.stderr).toContain('a .env this repository commits sets GIT_COMMON_DIR (.env):');
  });
});
