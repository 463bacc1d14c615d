import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claudeCode, geminiCli, type EditCase } from '../fixtures/agent-payloads.js';
import { checkpoint } from '../helpers/checkpoint.js';
import { aitrail, servedRuns } from '../helpers/cli.js';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';

// `aitrail checkpoint` served by the worker's CLI server (test/helpers/cli-server.cjs evaluates
// dist/bundle/checkpoint.cjs, the payload fed to its reads of descriptor 0) says and records what a
// fresh `node bin/aitrail.js checkpoint` does: exit code, stdout, stderr and the checkpoint files, run
// after run, whatever the run before it read or printed. Session 52 a: a fresh node per checkpoint cost ~60 ms of CPU.

const before = process.env.AITRAIL_TEST_CLI;
afterEach(() => {
  if (before === undefined) delete process.env.AITRAIL_TEST_CLI;
  else process.env.AITRAIL_TEST_CLI = before;
});

/** The checkpoint files under .git/aitrail/checkpoints, name -> content. */
function checkpoints(repo: TestRepo): Record<string, string> {
  const dir = join(repo.dir, '.git', 'aitrail', 'checkpoints');
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => [join(entry.parentPath, entry.name).slice(dir.length), readFileSync(join(entry.parentPath, entry.name), 'utf8')]));
}

function run(mode: 'spawn' | 'server', repo: TestRepo, agent: string, payload: unknown) {
  process.env.AITRAIL_TEST_CLI = mode;
  const served = servedRuns();
  const result = checkpoint(repo.dir, agent, payload);
  return { result, served: servedRuns() - served, files: checkpoints(repo) };
}

describe('checkpoint through the CLI server (s52a)', () => {
  it('says and records what a fresh node does, payload after payload', () => {
    const fresh = makeRepo();
    const served = makeRepo();
    for (const repo of [fresh, served]) {
      repo.commit('base\n', { 'a.txt': 'one\ntwo\n' });
      expect(aitrail(repo.dir, ['init', '--mode', 'git']).code).toBe(0);
    }
    const edit = (repo: TestRepo): EditCase => ({ file: join(repo.dir, 'a.txt'), relative: 'a.txt', cwd: repo.dir, old: 'two\n', replacement: 'two\nai\n', transcript: '' });
    const cases: { agent: string; payload: (repo: TestRepo) => unknown }[] = [
      { agent: 'claude-code', payload: (repo) => claudeCode.pre(edit(repo)) },
      { agent: 'claude-code', payload: (repo) => claudeCode.post(edit(repo)) },
      // Gemini CLI reads `{}` on stdout.
      { agent: 'gemini-cli', payload: (repo) => geminiCli.pre(edit(repo)) },
      // Not JSON, not an object, empty, an unknown agent: a warning, exit 0.
      { agent: 'claude-code', payload: () => '{not json' },
      { agent: 'claude-code', payload: () => '[1]' },
      { agent: 'claude-code', payload: () => '' },
      { agent: 'no-such-agent', payload: () => '{}' },
      // A payload of a few megabytes (many reads of descriptor 0), then a good one again.
      { agent: 'claude-code', payload: (repo) => ({ ...(claudeCode.pre(edit(repo)) as object), padding: 'p'.repeat(3 << 20) }) },
      { agent: 'claude-code', payload: (repo) => claudeCode.post({ ...edit(repo), old: 'one\n', replacement: 'one\nai 2\n' }) },
    ];
    for (const { agent, payload } of cases) {
      const spawned = run('spawn', fresh, agent, payload(fresh));
      const server = run('server', served, agent, payload(served));
      expect(spawned.served).toBe(0);
      expect(server.served, `${agent}: served`).toBe(1);
      const same = (text: string, repo: TestRepo) => text.split(repo.dir).join('<repo>');
      expect({ ...server.result, stdout: same(server.result.stdout, served), stderr: same(server.result.stderr, served) }).toEqual({ ...spawned.result, stdout: same(spawned.result.stdout, fresh), stderr: same(spawned.result.stderr, fresh) });
      const files = (found: Record<string, string>, repo: TestRepo) => Object.fromEntries(Object.entries(found).map(([name, text]) => [name, same(text, repo).replace(/"(updated|at|time)":\s*\d+/g, '"$1":0')]));
      expect(files(server.files, served)).toEqual(files(spawned.files, fresh));
    }
    expect(Object.keys(checkpoints(served)).length).toBeGreaterThan(0);
  });
});
