// Row 975: the id prepare-commit-msg keeps for post-rewrite on a person's `git commit --amend --no-edit`
// (amend-source, rows s50d/967) was kept when git had filled the message file with nothing of HEAD's message:
// a NUL byte in an extra header of HEAD (which `git log` reads past) ends git's C string of the object before
// the message. With `--trailer` (interpret-trailers writes a blank line, then the trailer) or
// `--allow-empty-message` git carries the amend out: the new message lost HEAD's `Co-Authored-By: Claude`
// line and post-rewrite took the keep for "HEAD names no agent", so nothing was recorded again (before the
// keep, post-rewrite's git log read the line and node recorded `Assisted-by: claude-code:unknown`).
// The shim now keeps nothing when the file's first line is empty (git fills it from HEAD's subject on).
// Real git (the commit object written with hash-object --literally), real hooks installed by init, real node.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { npmInstalledRepo } from '../helpers/shim-fast-path.js';

const person = { ...TEST_GIT_ENV, GIT_AUTHOR_NAME: 'Jane Doe', GIT_AUTHOR_EMAIL: 'jane@example.com' };

/** A repository with the hooks, HEAD a person's commit whose message names Claude after a NUL in an extra header. */
function headerNulRepo() {
  const repo = npmInstalledRepo('aitrail-amend-source-u-');
  const git = (args: string[]) => spawnSync('git', args, { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
  repo.write('b.txt', 'b\n');
  repo.git(['add', 'b.txt']);
  expect(git(['commit', '-q', '-m', 'Add b']).status).toBe(0);
  const made = repo.git(['commit-tree', '-p', 'HEAD^', '-m', 'placeholder', 'HEAD^{tree}'], { env: person });
  const raw = repo.git(['cat-file', 'commit', made]).replace(/\n\nplaceholder\n?$/, '\nx-tool a\u0000b\n\nFix the parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n');
  const head = spawnSync('git', ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { cwd: repo.dir, input: raw, encoding: 'utf8' }).stdout.trim();
  repo.git(['update-ref', 'HEAD', head]);
  expect(repo.git(['log', '-1', '--format=%B'])).toMatch(/^Co-Authored-By: Claude/m);
  return { repo, git, kept: join(repo.dir, '.git', 'aitrail', 'fast-path', 'amend-source') };
}

describe('amend-source keeps nothing when git filled the message file with none of HEAD (session 50, task u)', () => {
  it('row 975: `--amend --no-edit --trailer` of a HEAD with a NUL in a header records the agent again', () => {
    const { repo, git, kept } = headerNulRepo();
    const amended = git(['commit', '-q', '--amend', '--allow-empty', '--no-edit', '--trailer', 'Reviewed-by: Jo <jo@example.com>']);
    expect(amended.status, amended.stderr).toBe(0);
    const message = repo.git(['log', '-1', '--format=%B']);
    expect(message).toMatch(/^Reviewed-by: Jo/m);
    expect(message).not.toMatch(/Co-Authored-By: Claude/);
    expect(message).toMatch(/^Assisted-by: claude-code:/m);
    expect(existsSync(kept)).toBe(false);
  });

  it('row 975: `--amend --no-edit --allow-empty-message` of such a HEAD records the agent again', () => {
    const { repo, git } = headerNulRepo();
    const amended = git(['commit', '-q', '--amend', '--allow-empty', '--no-edit', '--allow-empty-message']);
    expect(amended.status, amended.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toMatch(/^Assisted-by: claude-code:/m);
  });

  it('row 975: a plain HEAD amended with `--no-edit --trailer` is still kept (no git log in post-rewrite)', () => {
    const { repo, git, kept } = headerNulRepo();
    rmSync(kept, { force: true });
    const plain = repo.git(['commit-tree', '-p', 'HEAD^', '-m', 'Plain work', 'HEAD^{tree}'], { env: person });
    repo.git(['update-ref', 'HEAD', plain]);
    expect(git(['commit', '-q', '--amend', '--allow-empty', '--no-edit', '--trailer', 'Reviewed-by: Jo <jo@example.com>']).status).toBe(0);
    expect(readFileSync(kept, 'utf8')).toMatch(new RegExp(`^aitrail 0\\.1\\.0\\n${plain}\\n[1-9][0-9]*\\n$`));
    expect(repo.git(['log', '-1', '--format=%B'])).toBe('Plain work\n\nReviewed-by: Jo <jo@example.com>');
  });
});
