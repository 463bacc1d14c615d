// Session 56 last re-read (row 1224): rows 1203..1206 give each run of added or removed lines as one text without
// white space, so a file whose change holds only blank or white-space lines reached `git patch-id --stable` as a bare
// header, whose id is the file's name alone: any white-space-only change of a file was the twin of any other. A
// person deleting a blank line of README.md was refused under `deny: ["qwen/*"]` as the same change as Qwen's reverted
// commit that added one (found reading the change, replayed with the built CLI's `check`). Now such a file gives git
// patch-id no part at all (a file with no hunk, binary or a mode change, keeps its header), and a commit whose every
// file is white space only has no id to match.
import { describe, expect, it } from 'vitest';
import { aitrail } from '../helpers/cli.js';
import { commitWith, policyServer, tryGit } from '../helpers/enforce-repos.js';
import { deniedAfterRevert, expectLaunderRefused, PARSE } from '../helpers/laundered-twins.js';

describe('a change of white space only is no twin (row 1224)', () => {
  it("a person deleting a blank line is not the twin of Qwen's reverted commit adding one: check and pre-receive pass it", () => {
    const server = policyServer('policy:\n  deny: ["anthropic/*"]\n');
    const { work, remote } = server;
    expect(commitWith(work, 'docs: readme\n', { 'README.md': 'Title\n\n\nBody text here\n' }, { noVerify: true }).code).toBe(0);
    expect(commitWith(work, 'docs: space\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'README.md': 'Title\n\n\n\nBody text here\n' }, { noVerify: true }).code).toBe(0);
    work.git(['revert', '--no-edit', 'HEAD']);
    expect(commitWith(work, 'chore: deny qwen\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' }, { noVerify: true }).code).toBe(0);
    expect(tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']).code).toBe(0);
    expect(commitWith(work, 'docs: one blank line fewer\n', { 'README.md': 'Title\n\nBody text here\n' }, { noVerify: true }).code).toBe(0);
    const check = aitrail(work.dir, ['check', 'origin/main..HEAD'], { timeout: 120_000 });
    expect(check.code, check.stdout + check.stderr).toBe(0);
    const pushed = tryGit(work.dir, ['push', '--no-verify', 'origin', 'HEAD:main']);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(tryGit(remote.dir, ['rev-parse', 'refs/heads/main']).stdout.trim()).toBe(work.git(['rev-parse', 'HEAD']));
  });

  it("Qwen's change typed again beside a white-space-only change of another file is still its twin", () => {
    const server = deniedAfterRevert();
    expect(commitWith(server.work, 'docs: readme\n', { 'README.md': 'Title\n\n\nBody\n' }, { noVerify: true }).code).toBe(0);
    expect(commitWith(server.work, 'feat: parse, with a blank line in the readme\n', { 'src/parse.ts': `${PARSE}\n`, 'README.md': 'Title\n\nBody\n' }, { noVerify: true }).code).toBe(0);
    expectLaunderRefused(server);
  });
});
