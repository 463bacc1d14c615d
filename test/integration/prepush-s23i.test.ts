import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aitrail, envWithAitrailOnPath } from '../helpers/cli.js';
import { QWEN, tryGit } from '../helpers/enforce-repos.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

const DENY_QWEN = 'policy:\n  deny: ["qwen/*"]\n';
/** Set-up commits (not what is judged) with aitrail off: no node run each. */
const OFF = { AITRAIL: '0' };

/** On a branch of its own (from main), Qwen's commit past commit-msg (an agent that skips it, aider's default): only pre-push judges it. */
function qwenBranch(work: TestRepo, branch: string, files: Record<string, string> = {}): void {
  work.git(['checkout', '-q', '-b', branch, 'main']);
  for (const [path, content] of Object.entries({ 'src/q.ts': 'export const q = 1;\n', ...files })) work.write(path, content);
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-F', '-'], { input: `feat: parser\n\n${QWEN}\n`, env: OFF });
  work.git(['checkout', '-q', 'main']);
}

function serverBranches(server: TestRepo): string {
  return server.git(['for-each-ref', '--format=%(refname)', 'refs/heads/']);
}

describe('pre-push: a remote whose default branch this clone never recorded', () => {
  it('refuses, naming `git remote set-head --auto`, a push to a remote whose default is neither main nor master, with no <remote>/HEAD (git remote add + git fetch), when a branch it tracks there holds a config', () => {
    const server = makeRepo({ bare: true });
    const work = makeRepo();
    const env = envWithAitrailOnPath();
    work.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    work.git(['push', '-q', server.dir, 'main:trunk']);
    server.git(['symbolic-ref', 'HEAD', 'refs/heads/trunk']);
    // What `git init && git remote add origin <url> && git fetch` leaves (git before 2.48 records no origin/HEAD): origin/trunk only.
    work.git(['remote', 'add', 'origin', server.dir]);
    work.git(['fetch', '-q', 'origin']);
    expect(aitrail(work.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    // The branch checked out loosens the config: the work tree's config would pass Qwen.
    qwenBranch(work, 'loose', { '.aitrailrc.yml': 'policy: {}\n' });
    work.git(['checkout', '-q', 'loose']);
    const refused = tryGit(work.dir, ['push', 'origin', 'loose'], { env });
    expect(refused.code, refused.stderr).not.toBe(0);
    expect(refused.stderr).toContain("origin's default branch, which this clone does not know");
    expect(refused.stderr).toContain('git fetch origin && git remote set-head origin --auto');
    expect(refused.stderr).not.toContain('    at ');
    expect(serverBranches(server)).toBe('refs/heads/trunk');
    // The fix it names works: the default branch's policy judges, Qwen refused by name.
    work.git(['remote', 'set-head', 'origin', '--auto']);
    const judged = tryGit(work.dir, ['push', 'origin', 'loose'], { env });
    expect(judged.code).not.toBe(0);
    expect(judged.stderr).toContain('qwen/qwen3-coder');
    expect(serverBranches(server)).toBe('refs/heads/trunk');
  });

  it('a side branch\'s second push to a new server (no default known, no config on what it tracks) is judged by the work tree\'s config, not refused', () => {
    const server = makeRepo({ bare: true });
    const work = makeRepo();
    const env = envWithAitrailOnPath();
    work.commit('docs: start\n', { 'README.md': 'hello\n' });
    work.git(['remote', 'add', 'origin', server.dir]);
    expect(aitrail(work.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    work.git(['checkout', '-q', '-b', 'feature']);
    work.commit('feat: one\n', { 'a.txt': 'a\n' });
    expect(tryGit(work.dir, ['push', '-q', 'origin', 'feature'], { env }).code).toBe(0);
    work.commit('feat: two\n', { 'b.txt': 'b\n' });
    const again = tryGit(work.dir, ['push', '-q', 'origin', 'feature'], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(server.git(['rev-parse', 'refs/heads/feature'])).toBe(work.git(['rev-parse', 'HEAD']));
  });
});

describe('pre-push: a push to a file:// URL git reads with a % that escapes nothing', () => {
  it('judges (no internal error) a push to file://…/s%zz.git, the path of origin: a person\'s branch goes, Qwen\'s is refused', () => {
    const server = makeRepo({ bare: true, dir: join(tempDir(), 'team%zz', 'app.git') });
    const work = makeRepo();
    const env = envWithAitrailOnPath();
    work.git(['remote', 'add', 'origin', server.dir]);
    work.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    work.git(['push', '-q', '-u', 'origin', 'main']);
    work.git(['remote', 'set-head', 'origin', 'main']);
    expect(aitrail(work.dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    qwenBranch(work, 'qwen');
    work.commit('docs: by hand\n', { 'README.md': 'hello\n' }, OFF);
    const url = `file://${server.dir}`;
    const person = tryGit(work.dir, ['push', url, 'main:human'], { env });
    expect(person.stderr).not.toContain('internal error');
    expect(person.code, person.stderr).toBe(0);
    const qwen = tryGit(work.dir, ['push', url, 'qwen'], { env });
    expect(qwen.code).not.toBe(0);
    expect(qwen.stderr).toContain('qwen/qwen3-coder');
    expect(serverBranches(server)).toBe('refs/heads/human\nrefs/heads/main');
  });
});

describe('pre-push: a remote git names with letters beyond ASCII', () => {
  it('judges a push to a remote cloned as `équipe` (git clone -o) by its default branch\'s policy, not the work tree\'s loosened config', () => {
    const server = makeRepo({ bare: true });
    const seed = makeRepo();
    seed.commit('chore: policy\n', { '.aitrailrc.yml': DENY_QWEN });
    seed.git(['push', '-q', server.dir, 'main']);
    const dir = join(tempDir(), 'clone');
    seed.git(['clone', '-q', '-o', 'équipe', server.dir, dir]);
    const work = makeRepo({ dir }); // the clone, as a test repository (git init again changes nothing there)
    const env = envWithAitrailOnPath();
    expect(aitrail(dir, ['init', '--mode', 'git'], { env }).code).toBe(0);
    qwenBranch(work, 'loose', { '.aitrailrc.yml': 'policy: {}\n' });
    work.git(['checkout', '-q', 'loose']);
    const push = tryGit(dir, ['push', 'équipe', 'loose'], { env });
    expect(push.code, push.stderr).not.toBe(0);
    expect(push.stderr).toContain('qwen/qwen3-coder');
    expect(serverBranches(server)).toBe('refs/heads/main');
  });
});
