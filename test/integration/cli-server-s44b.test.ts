import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aitrail, type CliResult } from '../helpers/cli.js';
import { makeRepo, tempDir } from '../helpers/gitdir.js';

// The CLI server of test/helpers/cli.ts (AITRAIL_TEST_CLI, test/helpers/cli-server.cjs) must say
// what a fresh `node bin/aitrail.js` says, run after run: same exit code, stdout and stderr, whatever
// the runs before it set (an environment variable, a directory, a failure, help printed through
// process.stdout).

const before = process.env.AITRAIL_TEST_CLI;
afterEach(() => {
  if (before === undefined) delete process.env.AITRAIL_TEST_CLI;
  else process.env.AITRAIL_TEST_CLI = before;
});

function run(mode: 'spawn' | 'server', cwd: string, args: string[], env?: NodeJS.ProcessEnv): CliResult {
  process.env.AITRAIL_TEST_CLI = mode;
  return aitrail(cwd, args, env ? { env } : {});
}

function policyRepo() {
  const repo = makeRepo();
  repo.commit('policy\n', { '.aitrailrc.yml': 'policy:\n  allow: ["*"]\n  deny: ["qwen/*"]\n', 'src/a.ts': 'a\n' });
  repo.git(['checkout', '-q', '-b', 'feature']);
  repo.commit('feat: qwen wrote it\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/b.ts': 'b\nb\n' });
  repo.commit('feat: claude wrote it\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'src/c.ts': 'c\n' });
  mkdirSync(join(repo.dir, 'src', 'deep'));
  return repo;
}

describe('the CLI server says what a fresh process says', () => {
  it('over the read-only commands, their mistakes and help, run after run in one server', () => {
    const repo = policyRepo();
    const range = `${repo.git(['rev-parse', 'HEAD~2'])}..feature`;
    const cases: { cwd?: string; args: string[]; env?: NodeJS.ProcessEnv }[] = [
      { args: ['check', range] },
      { args: ['check', range, '--format', 'json'] },
      // An environment variable of one run is gone in the next (--quiet's notes come back).
      { args: ['check', range, '--format', 'github'], env: { AITRAIL_QUIET: '1' } },
      { args: ['check', range, '--format', 'github'] },
      { args: ['check', 'nope..feature'] },
      { args: ['check', range, '--config', ''] },
      { args: ['check', range, '--format', 'xml'] },
      { args: ['log'] },
      { args: ['log', '--format', 'json', '-n', '1'] },
      { args: ['log', '-1', '--ai-only'] },
      { args: ['log', '--frob'] },
      { args: ['blame'] },
      { args: ['blame', '--format', 'json', '--by', 'model'] },
      { args: ['blame', '--no-cache', '--', 'src/b.ts'] },
      // Another directory: the repository found from it, paths shown from it.
      { cwd: join(repo.dir, 'src', 'deep'), args: ['blame', '--format', 'json'] },
      { cwd: join(repo.dir, 'src'), args: ['log', '--format', 'json'] },
      { args: ['status'] },
      { args: ['trend', '--format', 'json'] },
      { args: ['lgo'] },
      { args: ['--version'] },
      { args: [] },
      { args: ['--frob', 'status'] },
      { args: ['help', 'blame'] },
      // Help goes through process.stdout: a listener each time, put back after each run (no warning after ten).
      ...Array.from({ length: 12 }, () => ({ args: ['check', '--help'] })),
      { args: ['check', range] },
    ];
    const differences: string[] = [];
    for (const { cwd = repo.dir, args, env } of cases) {
      const fresh = run('spawn', cwd, args, env);
      const served = run('server', cwd, args, env);
      if (JSON.stringify(served) !== JSON.stringify(fresh)) differences.push(`${args.join(' ')}:\n${JSON.stringify(fresh)}\n${JSON.stringify(served)}`);
    }
    expect(differences).toEqual([]);
    // The cases say something: a violation, a usage error, a git error.
    expect(run('server', repo.dir, ['check', range]).code).toBe(1);
    expect(run('server', repo.dir, ['check', range, '--format', 'xml']).code).toBe(2);
    expect(run('server', repo.dir, ['check', 'nope..feature']).code).toBe(3);
  });

  it('leaves to a fresh process what it cannot run as one: stdin, a start-up environment, commands that change the repository', () => {
    const repo = policyRepo();
    // NODE_OPTIONS is read by node at start: a preloaded file says whether a fresh node ran.
    const preload = join(tempDir('aitrail-preload-'), 'said.cjs');
    writeFileSync(preload, "process.stderr.write('fresh node\\n');\n");
    const options = { NODE_OPTIONS: `--require ${preload}` };
    const started = run('server', repo.dir, ['log', '-1'], options);
    expect(started.stderr).toContain('fresh node');
    expect(started).toEqual(run('spawn', repo.dir, ['log', '-1'], options));
    process.env.AITRAIL_TEST_CLI = 'server';
    const piped = aitrail(repo.dir, ['hook', 'pre-push', 'origin', 'x'], { input: `refs/heads/feature ${repo.git(['rev-parse', 'feature'])} refs/heads/feature ${'0'.repeat(40)}\n` });
    process.env.AITRAIL_TEST_CLI = 'spawn';
    const pipedFresh = aitrail(repo.dir, ['hook', 'pre-push', 'origin', 'x'], { input: `refs/heads/feature ${repo.git(['rev-parse', 'feature'])} refs/heads/feature ${'0'.repeat(40)}\n` });
    expect(piped).toEqual(pipedFresh);
  });
});
