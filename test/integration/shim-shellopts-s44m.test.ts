// Where /bin/sh is bash, SHELLOPTS from the environment a hook inherits (a committed .env an agent
// loads: Node's dotenv, Gemini CLI's and Qwen Code's, and aider's python-dotenv all take it) is applied
// before bash reads the script's first line. `onecmd` (set -t) makes bash read one command and exit:
// the first thing it reads is the `#!/bin/sh` comment line, so no line of any hook runs and each ends
// at 0, as `noexec` does (row 696's limit); `xtrace` traces the first line before any `set +x`,
// expanding PS4, whose `$(…)` then runs (bash imports PS4 for every user but root). No shim line can
// close either: the person's push names them, as it names `noexec`. GIT_EXEC_PATH (Node's dotenv sets it,
// unset everywhere): git runs the `git` there for its own subcommands, the repository's for a relative `tools`.
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { hookedWithOrigin } from '../helpers/hooked-repo.js';
import { tempDir } from '../helpers/gitdir.js';
import { BASH, bashAsSh } from '../helpers/bash-as-sh.js';

describe.skipIf(BASH === '')('a committed .env no hook line can undo: named at push (session 44, helper m)', () => {
  it("SHELLOPTS=onecmd ends every hook at 0 unread; the person's push names it, and xtrace", () => {
    const { repo, env, setUp } = hookedWithOrigin();
    bashAsSh(join(repo.dir, '.git', 'hooks'));
    repo.commit('chore: env\n', { '.env': "LOG_LEVEL=info\nSHELLOPTS=onecmd\n" }, setUp);
    repo.write('a.txt', 'qwen\n');
    repo.git(['add', 'a.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: change'], { env: { ...env, SHELLOPTS: 'onecmd', QWEN_CODE: '1', OPENAI_MODEL: 'qwen3-coder' } });
    // The limit, replayed: bash reads the shim's first line (a comment) and exits 0, so Qwen's commit went in unjudged.
    expect(made.code, made.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B']).trim()).toBe('feat: change');
    const pushed = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
    expect(pushed.stderr).toContain('a .env this repository commits sets');
    // Before: only noexec was named; the push said nothing.
    expect(pushed.stderr).toContain('SHELLOPTS=onecmd (.env)');

    repo.commit('chore: env\n', { '.env': "SHELLOPTS=xtrace\nPS4='$(touch planted)+ '\n" }, setUp);
    const again = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
    expect(again.stderr).toContain('SHELLOPTS=xtrace (.env)');
  });

  it("GIT_EXEC_PATH in a committed .env: git runs the repository's `git` for its own subcommands; the person's push names it", () => {
    const { repo, env, setUp } = hookedWithOrigin();
    const marker = join(tempDir('aitrail-planted-'), 'ran');
    repo.commit('chore: tools\n', { '.env': 'GIT_EXEC_PATH=tools\n', 'tools/git': `#!/bin/sh\necho "$*" >>'${marker}'\n` }, setUp);
    chmodSync(join(repo.dir, 'tools', 'git'), 0o755);
    // git's default (the test repositories switch it off).
    repo.git(['config', 'maintenance.auto', 'true']);
    repo.write('a.txt', 'claude\n');
    repo.git(['add', 'a.txt']);
    const made = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: change'], { env: { ...env, GIT_EXEC_PATH: 'tools', CLAUDECODE: '1', ANTHROPIC_MODEL: 'claude-opus-4-6' } });
    expect(made.code, made.stderr).toBe(0);
    // git's `maintenance run --auto` after the commit ran the committed tools/git (a hookless commit is one line there).
    expect(existsSync(marker) ? readFileSync(marker, 'utf8') : '').toContain('maintenance');
    const pushed = tryGit(repo.dir, ['push', '-q', 'origin', 'main'], { env });
    // Before: the push said nothing.
    expect(pushed.stderr).toContain('GIT_EXEC_PATH (.env)');
  });
});
