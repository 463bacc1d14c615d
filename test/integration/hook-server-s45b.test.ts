import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { homeWith } from '../helpers/agent-home.js';
import { agentAt } from '../helpers/fake-agent.js';
import { tempDir, type TestRepo } from '../helpers/gitdir.js';
import { hookedRepo } from '../helpers/hooked-repo.js';

// The hooks of the tests' commits run in the worker's server (test/helpers/hook-node.c sends them to
// test/helpers/cli-server.cjs; test/setup/hook-node.global-setup.ts): a commit made through them must
// end as one whose hooks each started a fresh node: the same exit code, what git printed, the
// message stored, the notes and aitrail's files in .git. Each case is made twice, on two copies of
// one hooked repository: served in the first, in the second with no server named (the client execs
// the real node). AITRAIL_TEST_HOOKS=spawn: no client, nothing to compare.

const server = process.env.TEST_HOOK_SERVER;
const served = () => (server && existsSync(join(dirname(server), 'served')) ? readFileSync(join(dirname(server), 'served'), 'utf8').split('\n').filter(Boolean).length : 0);

interface Outcome {
  code: number | null;
  stderr: string;
  message: string;
  notes: string;
  files: string[];
}

function outcome(repo: TestRepo, run: { code: number | null; stderr: string }): Outcome {
  const notes = tryGit(repo.dir, ['notes', '--ref=refs/notes/aitrail', 'show', 'HEAD']);
  const files = existsSync(join(repo.dir, '.git', 'aitrail')) ? readdirSync(join(repo.dir, '.git', 'aitrail'), { recursive: true }).map(String).sort() : [];
  return {
    code: run.code,
    stderr: run.stderr.split(repo.dir).join('<repo>'),
    message: repo.git(['log', '-1', '--format=%B']),
    notes: notes.code === 0 ? notes.stdout : '',
    files,
  };
}

/** `commit` run in a served copy and in a spawned one: both outcomes, and how many hook runs the server took for each. */
function both(commit: (repo: TestRepo, env: NodeJS.ProcessEnv) => { code: number | null; stderr: string }, prepare?: (repo: TestRepo, env: NodeJS.ProcessEnv) => void) {
  const runs = [true, false].map((serve) => {
    const { repo, env } = hookedRepo();
    const own: NodeJS.ProcessEnv = { ...env };
    // No server named: the client execs the real node (tryGit puts the test environment's back when the key is gone).
    if (!serve) own.TEST_HOOK_SERVER = '';
    prepare?.(repo, { ...own, AITRAIL: '0' });
    const before = served();
    const result = outcome(repo, commit(repo, own));
    return { result, served: served() - before };
  });
  return { served: runs[0]!, spawned: runs[1]! };
}

const stage = (repo: TestRepo, env: NodeJS.ProcessEnv) => {
  repo.write('src/a.ts', 'export const a = 1;\n');
  expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
};
const deny = (repo: TestRepo, env: NodeJS.ProcessEnv) => {
  repo.write('.aitrailrc.yml', 'policy:\n  deny: ["qwen/*"]\n');
  expect(tryGit(repo.dir, ['add', '-A'], { env }).code).toBe(0);
  // Dated before now: a commit in the same second as the one judged may be taken for its amend (files then differ by timing alone).
  expect(tryGit(repo.dir, ['commit', '-q', '-m', 'chore: policy'], { env: { ...env, GIT_AUTHOR_DATE: '@1700000000 +0000', GIT_COMMITTER_DATE: '@1700000000 +0000' } }).code).toBe(0);
  stage(repo, env);
};

describe.skipIf(!server)("the test hook server's commits are a fresh node's", () => {
  it('an agent marker: recorded alike, every hook that started node served', () => {
    const { served: a, spawned: b } = both((repo, env) => tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, CLAUDECODE: '1' } }), stage);
    expect(a.result).toEqual(b.result);
    expect(a.result.message).toContain('Assisted-by: claude-code');
    expect(a.served).toBeGreaterThanOrEqual(2);
    expect(b.served).toBe(0);
  });

  it('a denied model named in the message: refused alike, with the same words', () => {
    const { served: a, spawned: b } = both((repo, env) => tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a\n\nAssisted-by: qwen-code:qwen/qwen3-coder'], { env }), deny);
    expect(a.result).toEqual(b.result);
    expect(a.result.code).not.toBe(0);
    expect(a.result.stderr).toMatch(/qwen/);
    expect(a.served).toBeGreaterThanOrEqual(1);
    expect(b.served).toBe(0);
  });

  it("an agent's start directory, found among the hook's ancestors (/proc from the client's parent): its settings read alike", () => {
    const start = tempDir('aitrail-gemini-start-');
    mkdirSync(join(start, '.gemini'));
    writeFileSync(join(start, '.gemini', 'settings.json'), '{"model": {"name": "gemini-2.5-flash"}}\n');
    const { served: a, spawned: b } = both((repo, env) => {
      const run = agentAt(repo, 'gemini', start, { ...env, HOME: homeWith(), GEMINI_CLI: '1' });
      return { code: run.status, stderr: run.stderr };
    });
    expect(a.result).toEqual(b.result);
    expect(a.result.message).toContain('Assisted-by: gemini-cli:google/gemini-2.5-flash');
    expect(a.served).toBeGreaterThanOrEqual(2);
  });

  it("what the hook reads of git's command line (/proc, from the client's parent): --cleanup=verbatim keeps a comment line alike", () => {
    const message = 'feat: a\n\n# kept: verbatim\n';
    const { served: a, spawned: b } = both((repo, env) => tryGit(repo.dir, ['commit', '-q', '--cleanup=verbatim', '-m', message], { env: { ...env, CLAUDECODE: '1' } }), stage);
    expect(a.result).toEqual(b.result);
    expect(a.result.message).toContain('# kept: verbatim');
    expect(a.result.message).toContain('Assisted-by: claude-code');
    expect(a.served).toBeGreaterThanOrEqual(2);
  });

  it("a person's commit and a commit under NODE_OPTIONS (run by the real node, not served) say the same", () => {
    const person = both((repo, env) => tryGit(repo.dir, ['commit', '-q', '-m', 'fix: by hand'], { env }), stage);
    expect(person.served.result).toEqual(person.spawned.result);
    const options = both((repo, env) => tryGit(repo.dir, ['commit', '-q', '-m', 'feat: a'], { env: { ...env, CLAUDECODE: '1', NODE_OPTIONS: '--no-warnings' } }), stage);
    expect(options.served.result).toEqual(options.spawned.result);
    expect(options.served.result.message).toContain('Assisted-by: claude-code');
    expect(options.served.served).toBe(0);
  });
});
