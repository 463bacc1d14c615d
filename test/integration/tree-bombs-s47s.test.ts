// Row 857: a commit of a tree of 30 million paths made of ~300 objects (trees that name one another
// a hundred times over) had every path listed by ONE `git log --name-only`, which holds a commit's
// whole change in git's own memory before printing it: pre-receive on a real bare server ran past 60 s
// at 5 GB and growing, as a root commit, a commit adding it under a folder, or a merge bringing it in,
// a person's commit or an AI one; pre-push and `aitrail check` of a range holding it the same. Now the
// change is counted from the trees themselves (each distinct tree read once) and past 2,000,000 files
// the commit is refused in one line (exit 3), in under a second.
// Row 925: under no path rule a commit naming no AI (message, git-ai notes) is judged without listing its files
// (it passes every rule whatever they are): a person's bomb goes in, as quickly; an AI's is refused as here.
import { describe, expect, it } from 'vitest';
import { policyServer, project, tryGit, CLAUDE_DECLARED, type Project } from '../helpers/enforce-repos.js';
import { aitrailCpu, cpuTimed } from '../helpers/cpu-timed.js';
import { TEST_GIT_ENV } from '../helpers/gitdir.js';
import { treeAddingFolder, treeBomb } from '../helpers/tree-bomb.js';

const POLICY = 'policy:\n  undeclared: deny\n  deny: ["qwen/*"]\n';
const PATHS = `${POLICY}  paths:\n    - files: ["src/crypto/**"]\n      allow: ["anthropic/*"]\n`;
const REFUSED = /^aitrail: cannot judge commit ([0-9a-f]{40}): it changes more than 2000000 files, more than are read; split it into smaller commits\.$/m;
const THIRTY_MILLION = [100, 100, 30];

/** A commit of `tree` (parents given) with `message`, hooks not run: its id. */
function commitTree(server: Project, tree: string, parents: string[], message: string): string {
  return server.work.git(['commit-tree', tree, ...parents.flatMap((parent) => ['-p', parent]), '-F', '-'], { input: message });
}

/**
 * Push `commit` to `ref` (server hooks only unless `verify`): the push, whether the server holds the ref after, and
 * the CPU the push used with its pre-push and the server's pre-receive (git's children and grandchildren, reaped:
 * counted; never wall time, which a loaded machine stretches). Its hang guard CPU too: 60 s a process (ulimit -t).
 */
function pushed(server: Project, commit: string, ref: string, verify = false): { code: number; stderr: string; held: boolean; cpu: number } {
  const push = cpuTimed('git', ['push', ...(verify ? [] : ['--no-verify']), 'origin', `${commit}:refs/heads/${ref}`], { cwd: server.work.dir, env: TEST_GIT_ENV, cpuLimit: 60 });
  const held = tryGit(server.remote.dir, ['rev-parse', '--verify', '-q', `refs/heads/${ref}`]).code === 0;
  return { code: push.status, stderr: push.stderr, held, cpu: push.cpu };
}

/** Refused in one line naming `commit` (or one of `commits`: a merge's range holds the commit it brings too), within 20 s of CPU. */
function expectRefused(result: { code: number; stderr: string; held: boolean; cpu: number }, commit: string | string[]): void {
  expect(result.code, result.stderr).not.toBe(0);
  expect(result.held).toBe(false);
  const named = REFUSED.exec(result.stderr.replace(/^remote: /gm, '').replace(/ +$/gm, ''));
  expect(named, result.stderr).not.toBeNull();
  expect([commit].flat()).toContain(named![1]);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.cpu).toBeLessThan(20_000);
}

describe('commits of trees of tens of millions of paths (row 857)', () => {
  for (const [policy, label] of [[POLICY, 'no path rule'], [PATHS, 'a path rule']] as const) {
    it(`pre-receive refuses in one line, quickly, a root commit, a folder's commit and a merge bringing the bomb, an AI's, a person's too under a path rule (${label})`, () => {
      const server = policyServer(policy);
      const bomb = treeBomb(server.work, THIRTY_MILLION);
      const base = server.base;
      const cases: Array<[string, string]> = [
        ['root-person', commitTree(server, bomb, [], 'import\n')],
        ['root-ai', commitTree(server, bomb, [], `import\n\n${CLAUDE_DECLARED}\n`)],
        ['folder-person', commitTree(server, treeAddingFolder(server.work, base, 'vendor', bomb), [base], 'vendor\n')],
        ['folder-ai', commitTree(server, treeAddingFolder(server.work, base, 'src', bomb), [base], `vendor\n\n${CLAUDE_DECLARED}\n`)],
      ];
      const side = cases[2]![1];
      cases.push(['merge', commitTree(server, treeAddingFolder(server.work, base, 'vendor', bomb), [base, side], 'Merge branch vendor\n')]);
      for (const [ref, commit] of cases) {
        // Row 925: under no path rule a person's commit (no AI named) is judged without listing its files: it goes in, as quickly.
        if (policy === POLICY && !ref.endsWith('-ai')) {
          const result = pushed(server, commit, ref);
          expect(result.code, result.stderr).toBe(0);
          expect(result.held).toBe(true);
          expect(result.cpu).toBeLessThan(20_000);
          continue;
        }
        expectRefused(pushed(server, commit, ref), ref === 'merge' ? [commit, side] : commit);
      }
    });
  }

  it('counts a tree whose entries git reads as trees though written zero-padded (040000)', () => {
    const server = policyServer(POLICY);
    const bomb = treeBomb(server.work, THIRTY_MILLION, '040000');
    const commit = commitTree(server, bomb, [], `import\n\n${CLAUDE_DECLARED}\n`);
    expectRefused(pushed(server, commit, 'padded'), commit);
  });

  it('pre-push and `aitrail check` of a range holding it refuse it in one line, exit 3', () => {
    const work = project(POLICY);
    const bomb = treeBomb(work.work, THIRTY_MILLION);
    const commit = commitTree(work, treeAddingFolder(work.work, work.base, 'vendor', bomb), [work.base], `vendor\n\n${CLAUDE_DECLARED}\n`);
    expectRefused(pushed(work, commit, 'vendor', true), commit);
    work.work.git(['branch', 'big', commit]);
    const run = aitrailCpu(work.work.dir, ['check', 'main..big'], { cpuLimit: 60 });
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toMatch(REFUSED);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.cpu).toBeLessThan(20_000);
  });

  it('passes an honest commit below the bound: 10,000 files vendored, as a root commit and under a folder', () => {
    const server = policyServer(POLICY);
    const vendored = treeBomb(server.work, [100]);
    const root = commitTree(server, vendored, [], `import\n\n${CLAUDE_DECLARED}\n`);
    const folder = commitTree(server, treeAddingFolder(server.work, server.base, 'vendor', vendored), [server.base], 'vendor\n');
    for (const [ref, commit] of [['root', root], ['folder', folder]] as const) {
      const result = pushed(server, commit, ref);
      expect(result.code, result.stderr).toBe(0);
      expect(result.held).toBe(true);
    }
  });
});
