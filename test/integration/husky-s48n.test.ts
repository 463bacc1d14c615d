import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { binaryMissingMessage } from '../../src/install/hook-messages.js';

/**
 * Row 888: `.husky/post-checkout`'s lines (the ones that copy husky's runtime into a new worktree) were not
 * CR-proof. In a `.husky` checked out with CRLF line ends (core.autocrlf=true with no `.husky/.gitattributes`, a
 * checkout made before init wrote one) `git worktree add` ran them, sh stopped at a syntax error, and the new
 * worktree got no runtime: git ran no hook there at all, so an agent's commit there went in with nothing recorded
 * and nothing refused, while in the checkout it came from every commit was refused with the fix said.
 * Real husky 9 (set up by husky's own API, as a teammate's `npm install` does), real git, the real CLI.
 */
const HUSKY = join(process.cwd(), 'node_modules', 'husky', 'index.js');

function commitAs(dir: string, file: string, env: NodeJS.ProcessEnv) {
  writeFileSync(join(dir, file), `${file}\n`);
  tryGit(dir, ['add', file], { env });
  return tryGit(dir, ['commit', '-q', '-m', `feat: ${file}`], { env });
}
const head = (dir: string) => tryGit(dir, ['rev-parse', 'HEAD']).stdout.trim();

/** A repository denying Qwen, with aitrail's husky mode set up by `init` (`files`: more in its first commit). */
function huskyRepo(name: string, files: Record<string, string> = {}) {
  const root = tempDir(`aitrail-husky-${name}-`);
  const repo = makeRepo({ dir: join(root, 'repo') });
  const env = envWithAitrailOnPath();
  repo.commit('chore: start\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': '{"name":"app","version":"1.0.0"}\n', ...files }, { ...env, AITRAIL: '0' });
  expect(aitrail(repo.dir, ['init', '--mode', 'husky'], { env }).code).toBe(0);
  return { root, repo, env };
}

describe('husky mode: post-checkout in a checkout with CRLF line ends (row 888)', () => {
  it('git worktree add still copies husky\'s runtime: the new worktree\'s commits run aitrail\'s block (refused with its fix), never no hook at all', () => {
    const { root, repo, env } = huskyRepo('crlf', { '.gitattributes': '* text eol=crlf\n' });
    tryGit(repo.dir, ['add', '.husky'], { env });
    // A checkout made before init wrote .husky/.gitattributes (or a project that dropped it): CRLF line ends.
    tryGit(repo.dir, ['rm', '-q', '--cached', '.husky/.gitattributes'], { env });
    expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: hooks'], { env: { ...env, AITRAIL: '0' } }).code).toBe(0);
    const clone = join(root, 'clone');
    expect(tryGit(root, ['clone', '-q', '-c', 'core.autocrlf=true', repo.dir, clone], { env }).code).toBe(0);
    const husky = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(HUSKY)}).then((m) => process.stdout.write(m.default()))`], { cwd: clone, env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(husky.status, husky.stderr).toBe(0);
    expect(readFileSync(join(clone, '.husky', 'post-checkout'), 'utf8')).toContain('\r\n');

    const wt = join(root, 'wt');
    const add = tryGit(clone, ['worktree', 'add', '-q', wt], { env });
    // In the new worktree, as in the clone: an agent's commit is refused, said with the fix, never let through unseen
    // (before: no runtime there, no hook ran, the commit went in with nothing recorded).
    const start = head(wt);
    const qwen = commitAs(wt, 'q.txt', { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' });
    expect(head(wt)).toBe(start);
    expect(qwen.code).not.toBe(0);
    expect(qwen.stderr).toMatch(/aitrail: commit blocked: .*checked out with CRLF line ends.*run 'aitrail init'/);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stderr).not.toMatch(/Syntax error|syntax error|post-checkout script failed/);
    expect(existsSync(join(wt, '.husky', '_', 'h'))).toBe(true);

    // init there rewrites post-checkout with LF ends (one block) and adds .husky/.gitattributes.
    expect(aitrail(clone, ['init', '--mode', 'husky'], { env }).code).toBe(0);
    const text = readFileSync(join(clone, '.husky', 'post-checkout'), 'utf8');
    expect(text).not.toContain('\r');
    expect(text.match(/^# >>> aitrail/gm)).toHaveLength(1);
  });
});

/**
 * Row 890: a teammate's line appended after aitrail's block (`echo "npx --no -- commitlint --edit \$1" >>
 * .husky/commit-msg`, as commitlint's and husky 8's `husky add` instructions append) never ran: the block ends the
 * hook (`exit`), status called the hook fine and init left the file as it was.
 */
describe('husky mode: lines after aitrail\'s block (row 890)', () => {
  it('status says they never run; init moves them before the block, where they run first; the policy holds', () => {
    const { repo, env } = huskyRepo('after');
    const hookFile = join(repo.dir, '.husky', 'commit-msg');
    writeFileSync(hookFile, `${readFileSync(hookFile, 'utf8')}echo "lint $(head -c 4 "$1")" >> "$(git rev-parse --git-dir)/after-marker"\n`);
    const marker = join(repo.dir, '.git', 'after-marker');

    const status = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { env }).stdout) as { hooks: { hook: string; active: boolean; note?: string }[] };
    expect(status.hooks.find((hook) => hook.hook === 'commit-msg')).toEqual(expect.objectContaining({ active: true, note: expect.stringMatching(/lines after aitrail's block never run.*run 'aitrail init'/) }));

    expect(aitrail(repo.dir, ['init', '--mode', 'husky'], { env }).code).toBe(0);
    const text = readFileSync(hookFile, 'utf8');
    expect(text.match(/^# >>> aitrail: added/gm)).toHaveLength(1);
    expect(text.endsWith('# <<< aitrail\n')).toBe(true);
    // A person's commit: the teammate's line runs (with git's "$1"), nothing recorded.
    expect(commitAs(repo.dir, 'p.txt', env).code).toBe(0);
    expect(readFileSync(marker, 'utf8')).toBe('lint feat\n');
    // Qwen refused (after the teammate's line ran), GPT-5 recorded.
    const start = head(repo.dir);
    expect(commitAs(repo.dir, 'q.txt', { ...env, AITRAIL_MODEL: 'qwen/qwen3-coder' }).code).not.toBe(0);
    expect(head(repo.dir)).toBe(start);
    expect(readFileSync(marker, 'utf8')).toBe('lint feat\nlint feat\n');
    const after = JSON.parse(aitrail(repo.dir, ['status', '--format', 'json'], { env }).stdout) as { hooks: { hook: string; active: boolean; note?: string }[] };
    expect(after.hooks.find((hook) => hook.hook === 'commit-msg')).toEqual(expect.objectContaining({ active: true }));
    expect(after.hooks.find((hook) => hook.hook === 'commit-msg')?.note).toBeUndefined();
    // uninstall leaves the teammate's line alone in the file.
    expect(aitrail(repo.dir, ['uninstall'], { env }).code).toBe(0);
    expect(readFileSync(hookFile, 'utf8')).toBe('echo "lint $(head -c 4 "$1")" >> "$(git rev-parse --git-dir)/after-marker"\n');
  });
});

/**
 * Row 889: `.husky/aitrail.sh` held one ~12 KB run function per hook (eight), whose lines differ only in `h=` and in
 * words of their messages: one text per kind of hook now (blocking or not), each hook's words set by its own one-line
 * function. What each hook says is the same, byte for byte: replayed through real husky 9 set up by `init`, real git,
 * the real CLI, with no aitrail binary on PATH (each hook's "not found" message, blocking and not).
 */
describe('husky mode: one run function for the hooks that differ only in their messages (row 889)', () => {
  it('aitrail.sh is ~150 KB, not ~250 KB; commit-msg, pre-push and prepare-commit-msg still say their own words', () => {
    const { root, repo } = huskyRepo('size');
    const lib = join(repo.dir, '.husky', 'aitrail.sh');
    // Before: 248,458 bytes (eight run functions); now: the two shared ones (170,485 bytes after row 1120's revert gate
    // lines; the bound is against the eight functions coming back, not a byte budget).
    expect(statSync(lib).size).toBeLessThan(180_000);
    expect(readFileSync(lib, 'utf8').match(/^aitrail_run_[0-9]+\(\) \{$/gm)).toHaveLength(2);

    // An agent's commit with no aitrail anywhere: prepare-commit-msg warns and goes on, commit-msg refuses, each in its words.
    const bare = join(root, 'server.git');
    tryGit(root, ['init', '-q', '--bare', bare]);
    tryGit(repo.dir, ['remote', 'add', 'origin', bare]);
    const none = { ...TEST_GIT_ENV, AITRAIL_MODEL: 'openai/gpt-5' };
    writeFileSync(join(repo.dir, 'a.txt'), 'a\n');
    tryGit(repo.dir, ['add', 'a.txt'], { env: none });
    const commit = tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: none });
    expect(commit.code).not.toBe(0);
    const said = commit.stderr.split('\n');
    expect(said).toContain(`aitrail: ${binaryMissingMessage('prepare-commit-msg')}`);
    expect(said).toContain(`aitrail: ${binaryMissingMessage('commit-msg')}`);
    // pre-push: its own words (`push blocked`, `git push`), not commit-msg's.
    tryGit(repo.dir, ['commit', '-q', '--no-verify', '-m', 'feat: a'], { env: none });
    const push = tryGit(repo.dir, ['push', '-q', 'origin', 'HEAD:refs/heads/main'], { env: none });
    expect(push.code).not.toBe(0);
    expect(push.stderr.split('\n')).toContain(`aitrail: ${binaryMissingMessage('pre-push')}`);
    expect(tryGit(bare, ['rev-parse', '-q', '--verify', 'refs/heads/main']).code).not.toBe(0);
  });
});
