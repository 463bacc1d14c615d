// Row 967: the id prepare-commit-msg keeps for post-rewrite on a person's `git commit --amend --no-edit`
// (amend-source, session 50 task d) outlived the amend that wrote it. git fills that hook's message file
// from HEAD's object with C strings: a NUL byte in an extra header (which `git log`, node and CI read past)
// leaves the file empty, so the shim judged HEAD plain and kept its id; git then aborted the amend
// ("Aborting commit due to empty commit message"), post-rewrite never ran, and the keep stayed. The
// person's next try, `git commit --amend -m Fix`, dropped HEAD's `Co-Authored-By: Claude` line and
// post-rewrite took the stale keep for "HEAD names no agent": no `git log`, no node, nothing recorded
// again (on lead, before task d, node recorded `Assisted-by: claude-code:unknown`). The keep now holds
// the id of the git process that ran prepare-commit-msg; post-rewrite takes it only from the same git.
// Real git (the commit object written with hash-object --literally, as another tool or a fetch may
// bring it), real hooks installed by init, real node.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { npmInstalledRepo } from '../helpers/shim-fast-path.js';

describe('amend-source is taken only by the amend that kept it (session 50, task p)', () => {
  it('row 967: an amend git aborted after prepare-commit-msg leaves no keep that a later amend of HEAD takes', () => {
    const repo = npmInstalledRepo('aitrail-amend-source-p-');
    const kept = join(repo.dir, '.git', 'aitrail', 'fast-path', 'amend-source');
    const git = (args: string[]) => spawnSync('git', args, { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
    repo.write('b.txt', 'b\n');
    repo.git(['add', 'b.txt']);
    expect(git(['commit', '-q', '-m', 'Add b']).status).toBe(0);
    expect(existsSync(join(repo.dir, '.git', 'aitrail', 'fast-path', 'version'))).toBe(true);
    // HEAD: a person's author, an agent's line in the message, a NUL in an extra header.
    const made = repo.git(['commit-tree', '-p', 'HEAD^', '-m', 'placeholder', 'HEAD^{tree}'], { env: { ...TEST_GIT_ENV, GIT_AUTHOR_NAME: 'Jane Doe', GIT_AUTHOR_EMAIL: 'jane@example.com' } });
    const raw = repo.git(['cat-file', 'commit', made]).replace(/\n\nplaceholder\n?$/, '\nx-tool a\u0000b\n\nFix the parser\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n');
    const head = spawnSync('git', ['hash-object', '-t', 'commit', '-w', '--literally', '--stdin'], { cwd: repo.dir, input: raw, encoding: 'utf8' }).stdout.trim();
    repo.git(['update-ref', 'HEAD', head]);
    expect(repo.git(['log', '-1', '--format=%B'])).toMatch(/^Co-Authored-By: Claude/m);
    // The amend git aborts: the message file it gave prepare-commit-msg was empty.
    const aborted = git(['commit', '-q', '--amend', '--no-edit', '--allow-empty']);
    expect(aborted.status).toBe(1);
    expect(aborted.stderr).toContain('empty commit message');
    expect(repo.git(['rev-parse', 'HEAD'])).toBe(head);
    // The person rewords: the agent's line is gone from the message, node records the agent again.
    const reworded = git(['commit', '-q', '--amend', '--allow-empty', '-m', 'Fix the parser']);
    expect(reworded.status, reworded.stderr).toBe(0);
    expect(repo.git(['log', '-1', '--format=%B'])).toMatch(/^Assisted-by: claude-code:/m);
    // A plain amend --no-edit that git carries out still takes its own keep (no git log: amend-source-s50d.test.ts).
    rmSync(kept, { force: true });
    const plain = repo.git(['commit-tree', '-p', 'HEAD^', '-m', 'Plain work', 'HEAD^{tree}'], { env: { ...TEST_GIT_ENV, GIT_AUTHOR_NAME: 'Jane Doe', GIT_AUTHOR_EMAIL: 'jane@example.com' } });
    repo.git(['update-ref', 'HEAD', plain]);
    expect(git(['commit', '-q', '--amend', '--no-edit', '--allow-empty']).status).toBe(0);
    expect(readFileSync(kept, 'utf8')).toMatch(new RegExp(`^aitrail 0\\.1\\.0\\n${plain}\\n[1-9][0-9]*\\n$`));
  });
});
