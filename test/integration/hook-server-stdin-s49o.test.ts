import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLAUDE_DECLARED, commitCase, policyServer, QWEN, tryGit, type GitResult } from '../helpers/enforce-repos.js';
import { hookedRepo, hookedWithOrigin } from '../helpers/hooked-repo.js';
import { makeRepo, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';
import { BIN } from '../helpers/cli.js';

// The hooks git gives a list on stdin (pre-receive, pre-push, post-rewrite) run in the worker's hook
// server too (test/helpers/hook-node.c reads stdin whole and sends it; test/helpers/cli-server.cjs
// feeds it to the run's reads of descriptor 0): a push or an amend through them must end as one whose
// hook started a fresh node: the same exit code, what git printed, the refs and notes left, aitrail's
// files. Each case twice, on two copies of one set-up: served, then with no server named (the real node).
// AITRAIL_TEST_HOOKS=spawn: no client, nothing to compare.

const server = process.env.TEST_HOOK_SERVER;
/** The hook runs the server has taken, by name. */
const served = (): string[] => (server && existsSync(join(dirname(server), 'served')) ? readFileSync(join(dirname(server), 'served'), 'utf8').split('\n').filter(Boolean) : []);

/** What a run left that a test may check: code, output (paths and pids out), and `state` of the repositories. */
function outcome(run: GitResult, dirs: string[], state: string): { code: number; stdout: string; stderr: string; state: string } {
  const plain = (text: string) => dirs.reduce((at, dir, index) => at.split(dir).join(`<repo${index}>`), text).replace(/\b[0-9a-f]{7,64}\b/g, '<sha>').replace(/\d{3,}/g, 'N');
  return { code: run.code, stdout: plain(run.stdout), stderr: plain(run.stderr), state: plain(state) };
}

const files = (dir: string): string => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort().join('\n') : '');

/** `act` on a fresh set-up served, then not served (TEST_HOOK_SERVER empty: the client execs the real node): both outcomes and the hooks the server took for each. */
function both<T>(setUp: () => T, act: (made: T, env: NodeJS.ProcessEnv) => ReturnType<typeof outcome>) {
  return [true, false].map((serve) => {
    const made = setUp();
    const before = served().length;
    const result = act(made, serve ? {} : { TEST_HOOK_SERVER: '' });
    return { result, hooks: served().slice(before) };
  });
}

/** A server denying Qwen, its work repository with a commit of each `[branch, message]` (hooks skipped) on that branch, made from main unless it is main. */
function serverWith(commits: Array<[string, string]>) {
  const made = policyServer('policy:\n  deny: ["qwen/*"]\n');
  for (const [branch, message] of commits) {
    if (branch !== 'main') made.work.git(['checkout', '-q', '-b', branch, 'main']);
    commitCase(made.work, branch, message);
    made.work.git(['checkout', '-q', 'main']);
  }
  return made;
}

function serverState(remote: TestRepo): string {
  return `${remote.git(['for-each-ref', '--format=%(refname) %(objectname)'])}\n${files(join(remote.dir, 'aitrail'))}`;
}

describe.skipIf(!server)("the test hook server's pushes and rewrites are a fresh node's", () => {
  it('pre-receive: a push of three refs, one with a denied model, refused alike with the same words; objects read from the quarantine', () => {
    const [a, b] = both(
      () => serverWith([['ok-1', `feat: one\n\n${CLAUDE_DECLARED}\n`], ['bad', `feat: two\n\n${QWEN}\n`], ['ok-2', 'fix: by hand\n']]),
      ({ work, remote }, env) => {
        const push = tryGit(work.dir, ['push', '--no-verify', '--atomic', 'origin', 'ok-1', 'bad', 'ok-2'], { env });
        return outcome(push, [work.dir, remote.dir], serverState(remote));
      },
    );
    expect(a!.result).toEqual(b!.result);
    expect(a!.result.code).not.toBe(0);
    expect(a!.result.stderr).toMatch(/qwen/);
    expect(a!.result.state).not.toMatch(/refs\/heads\/bad/);
    expect(a!.hooks).toEqual(['pre-receive']);
    expect(b!.hooks).toEqual([]);
  });

  it('pre-receive: an accepted push lands alike, with the same receive record', () => {
    const [a, b] = both(
      () => serverWith([['main', `feat: fine\n\n${CLAUDE_DECLARED}\n`]]),
      ({ work, remote }, env) => outcome(tryGit(work.dir, ['push', '--no-verify', 'origin', 'main'], { env }), [work.dir, remote.dir], serverState(remote)),
    );
    expect(a!.result).toEqual(b!.result);
    expect(a!.result.code).toBe(0);
    expect(a!.hooks).toEqual(['pre-receive']);
  });

  it('pre-push: a denied model refused alike before anything is sent', () => {
    const [a, b] = both(
      () => {
        const made = hookedWithOrigin();
        made.repo.commit(`feat: qwen\n\n${QWEN}\n`, { 'src/q.ts': 'export const q = 1;\n' }, made.setUp);
        return made;
      },
      ({ repo, env }, own) => outcome(tryGit(repo.dir, ['push', 'origin', 'main'], { env: { ...env, ...own } }), [repo.dir, repo.git(['remote', 'get-url', 'origin'])], `${repo.git(['ls-remote', 'origin'])}\n${files(join(repo.dir, '.git', 'aitrail'))}`),
    );
    expect(a!.result).toEqual(b!.result);
    expect(a!.result.code).not.toBe(0);
    expect(a!.result.stderr).toMatch(/qwen/);
    expect(a!.hooks).toContain('pre-push');
    expect(b!.hooks).toEqual([]);
  });

  it("post-rewrite: an agent's commit amended keeps its note alike", () => {
    const [a, b] = both(
      () => {
        const made = hookedRepo();
        made.repo.write('src/a.ts', 'export const a = 1;\n');
        made.repo.git(['add', '-A']);
        expect(tryGit(made.repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...made.env, CLAUDECODE: '1' } }).code).toBe(0);
        return made;
      },
      ({ repo, env }, own) => {
        const amend = tryGit(repo.dir, ['commit', '-q', '--amend', '-m', 'feat: a, amended', '--date=@1700000000 +0000'], { env: { ...env, ...own, GIT_COMMITTER_DATE: '@1700000000 +0000' } });
        const note = tryGit(repo.dir, ['notes', '--ref=refs/notes/aitrail', 'show', 'HEAD']);
        return outcome(amend, [repo.dir], `${repo.git(['log', '-1', '--format=%B'])}\n${note.stdout}\n${files(join(repo.dir, '.git', 'aitrail'))}`);
      },
    );
    expect(a!.result).toEqual(b!.result);
    expect(a!.result.code).toBe(0);
    expect(a!.result.state).toMatch(/claude/);
    expect(a!.hooks).toContain('post-rewrite');
    expect(b!.hooks).toEqual([]);
  });

  it('a push the server sends back to the real node (NODE_OPTIONS set) still gets its whole stdin', () => {
    const [a, b] = both(
      () => serverWith([['main', `feat: fine\n\n${CLAUDE_DECLARED}\n`], ['bad', `feat: bad\n\n${QWEN}\n`]]),
      ({ work, remote }, env) => outcome(tryGit(work.dir, ['push', '--no-verify', 'origin', 'main', 'bad'], { env: { ...env, NODE_OPTIONS: '--no-warnings' } }), [work.dir, remote.dir], serverState(remote)),
    );
    expect(a!.result).toEqual(b!.result);
    expect(a!.result.code).not.toBe(0);
    // Both refs judged: main accepted, bad refused (the real node read both lines the client had read).
    expect(a!.result.state).toMatch(/refs\/heads\/main/);
    expect(a!.result.state).not.toMatch(/refs\/heads\/bad/);
    expect(a!.result.stderr).toMatch(/qwen/);
    expect(a!.hooks).toEqual([]);
  });

  it('a stdin of megabytes, NUL bytes in it, reaches the hook whole: served up to 16 MiB, past that the real node gets it all', () => {
    const bare = makeRepo({ bare: true });
    for (const [size, servedRuns] of [[1 << 20, 1], [17 << 20, 0]] as const) {
      // Lines git never writes: pre-receive names the first three and refuses; the last one shows the end arrived.
      const input = Buffer.concat([Buffer.from('a\0b\n'), Buffer.alloc(size, 'x'), Buffer.from('\nthe-end\n')]);
      const runs = [process.env.TEST_HOOK_SERVER, ''].map((socket) => {
        const before = served().length;
        const run = spawnSync(join(process.env.TEST_HOOK_NODE!, 'node'), [BIN, 'hook', 'pre-receive'], { cwd: bare.dir, input, env: { ...TEST_GIT_ENV, TEST_HOOK_SERVER: socket }, encoding: 'utf8', maxBuffer: 1 << 20 });
        return { code: run.status, stdout: run.stdout, stderr: run.stderr, served: served().length - before };
      });
      expect(runs[0]!.stderr).toContain('"a\\u0000b"');
      expect(runs[0]!.stderr).toContain('"the-end"');
      expect({ ...runs[0]!, served: 0 }).toEqual(runs[1]);
      expect(runs[0]!.code).not.toBe(0);
      expect(runs[0]!.served).toBe(servedRuns);
    }
  });
});
