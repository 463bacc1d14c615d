import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as api from '../../src/index.js';
import { aitrail } from '../helpers/cli.js';
import { makeRepo, tempDir, type TestRepo } from '../helpers/gitdir.js';

/**
 * The programmatic API against the CLI's JSON, on the same real repository: same objects, no
 * printing, no implicit process.cwd() (the tests run from a directory that is no repository).
 */
let repo: TestRepo;
let base: string;
const OPUS = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

beforeAll(() => {
  repo = makeRepo();
  repo.write('.aitrailrc.json', JSON.stringify({ policy: { deny: ['qwen/*'] }, detect: { rules: [{ field: 'authorName', pattern: '^acme-bot$', agent: 'acme', model: 'acme/coder-2' }] } }));
  base = repo.commit('initial\n', { 'src/a.js': 'a\nb\n' });
  repo.commit(`feat: opus\n\n${OPUS}\n`, { 'src/b.js': 'one\ntwo\nthree\n' });
  repo.commit('fix: qwen \u202e evil\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/c.js': 'x\n' });
  repo.commit('chore: bot\n', { 'src/d.js': 'bot\n' }, { GIT_AUTHOR_NAME: 'acme-bot' });
  mkdirSync(join(repo.dir, 'src', 'deep'), { recursive: true });
});

const json = (args: string[], cwd = repo.dir) => {
  const result = aitrail(cwd, args);
  expect([0, 1], result.stderr).toContain(result.code);
  return JSON.parse(result.stdout) as unknown;
};

describe('log/check/blame resolve to the objects their --format json prints', () => {
  const outside = tempDir('aitrail-not-a-repo-');
  const cwd = process.cwd();
  let write: ReturnType<typeof vi.spyOn>;

  beforeAll(() => {
    process.chdir(outside);
    write = vi.spyOn(process.stdout, 'write');
    // The worker runs other files after this one (isolate: false): its directory and stdout as they were.
    return () => {
      write.mockRestore();
      process.chdir(cwd);
    };
  });
  afterEach(() => expect(write).not.toHaveBeenCalled());

  it('log', async () => {
    const entries = await api.log({ cwd: join(repo.dir, 'src', 'deep') });
    expect(entries).toEqual(json(['log', '--format', 'json']));
    expect(entries.map((entry) => entry.ai)).toEqual([true, true, true, false]);
    expect(entries[1]!.subject).toBe('fix: qwen \u202e evil');
    expect(await api.log({ cwd: repo.dir, range: `${base}..HEAD~1` })).toEqual(json(['log', `${base}..HEAD~1`, '--format', 'json']));
  });

  it('check', async () => {
    const report = await api.check({ cwd: repo.dir, range: `${base}..HEAD` });
    expect(report).toEqual(json(['check', `${base}..HEAD`, '--format', 'json']));
    expect(report.ok).toBe(false);
    expect(report.violations.map((violation) => [violation.rule, violation.severity, violation.model])).toEqual([
      ['undeclared', 'warning', 'acme/coder-2'],
      ['model-denied', 'error', 'qwen/qwen3-coder'],
    ]);
    const warnings: string[] = [];
    const pinned = await api.check({ cwd: join(repo.dir, 'src'), range: `${base}..HEAD`, config: '../.aitrailrc.json', onWarning: (text) => warnings.push(text) });
    expect(pinned).toEqual(json(['check', `${base}..HEAD`, '--config', '../.aitrailrc.json', '--format', 'json'], join(repo.dir, 'src')));
    expect(warnings.join('')).toMatch(/policy from --config \.\.\/\.aitrailrc\.json/);
  });

  it('blame, in each --by view', async () => {
    for (const by of ['file', 'model', 'agent', 'dir'] as const) {
      const report = await api.blame({ cwd: join(repo.dir, 'src'), paths: ['.'], by, cache: false });
      expect(report).toEqual(json(['blame', '.', '--by', by, '--format', 'json', '--no-cache'], join(repo.dir, 'src')));
    }
    const report = await api.blame({ cwd: repo.dir, cache: false });
    expect(report.totals).toMatchObject({ ai: 5, byModel: { 'anthropic/claude-opus-4.6': 3, 'qwen/qwen3-coder': 1, 'acme/coder-2': 1 } });
  });

  it('blame --by author', async () => {
    const report = await api.blame({ cwd: repo.dir, by: 'author', cache: false });
    expect(report).toEqual(json(['blame', '--by', 'author', '--format', 'json', '--no-cache']));
    expect(report.groups?.map((row) => row.key).sort()).toEqual(['Test Human <human@example.com>', 'acme-bot <human@example.com>']);
  });

  it('trend', async () => {
    const pairs: string[] = [];
    const report = await api.trend({ cwd: join(repo.dir, 'src'), revs: [base, 'HEAD~1', 'HEAD'], onPair: (index, count) => pairs.push(`${index}/${count}`) });
    expect(report).toEqual(json(['trend', base, 'HEAD~1', 'HEAD', '--format', 'json'], join(repo.dir, 'src')));
    expect(pairs).toEqual(['1/2', '2/2']);
    expect(report.releases.map((release) => release.totals.ai)).toEqual([4, 1]);
    const tooFew = await api.trend({ cwd: repo.dir, revs: ['HEAD'] }).catch((error: unknown) => error);
    expect(tooFew).toBeInstanceOf(api.UsageError);
  });

  it('prints nothing on either descriptor: the built API (dist/index.js) in a process of its own, its stdout and stderr captured', () => {
    // The commands print through the file descriptors (src/io/stdout.ts), which a spy on process.stdout cannot see.
    const script = [
      `const api = await import(${JSON.stringify(pathToFileURL(join(import.meta.dirname, '..', '..', 'dist', 'index.js')).href)});`,
      `const cwd = ${JSON.stringify(repo.dir)};`,
      `const log = await api.log({ cwd });`,
      `const check = await api.check({ cwd, range: ${JSON.stringify(`${base}..HEAD`)}, onWarning: () => {} });`,
      `const blame = await api.blame({ cwd, cache: false });`,
      `const trend = await api.trend({ cwd, revs: [${JSON.stringify(base)}, 'HEAD'] });`,
      `require('node:fs').writeFileSync(process.argv[1], JSON.stringify({ log: log.length, ok: check.ok, ai: blame.totals.ai, releases: trend.releases.length }));`,
    ].join('\n');
    const out = join(tempDir(), 'result.json');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);\n${script}`, out], { cwd: tempDir(), encoding: 'utf8' });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual({ log: 4, ok: false, ai: 5, releases: 1 });
  });

  it('errors are thrown as their classes, with the CLI exit codes', async () => {
    const usage = await api.log({ cwd: repo.dir, range: '--output=/tmp/x' }).catch((error: unknown) => error);
    expect(usage).toBeInstanceOf(api.UsageError);
    expect(api.exitCodeOf(usage)).toBe(api.ExitCode.usage);
    const notRepo = await api.check({ cwd: outside }).catch((error: unknown) => error);
    expect(notRepo).toBeInstanceOf(api.GitError);
    expect(api.exitCodeOf(notRepo)).toBe(3);
    const config = await api.loadConfig({ cwd: repo.dir, config: 'missing.json' }).catch((error: unknown) => error);
    expect(config).toBeInstanceOf(api.ConfigError);
    expect((config as api.ConfigError).problems[0]).toMatchObject({ file: 'missing.json', found: 'no such file' });
  });
});

describe('loadConfig and detect', () => {
  it('loadConfig from a sub-folder finds the root config, its rules compiled: detect runs them', async () => {
    const loaded = await api.loadConfig({ cwd: join(repo.dir, 'src', 'deep') });
    expect(loaded.filepath).toBe(join(repo.dir, '.aitrailrc.json'));
    const found = api.detect({ message: 'chore: bot\n', author: { name: 'acme-bot', email: 'bot@acme.test' } }, { config: loaded.config });
    expect(found).toEqual([expect.objectContaining({ agent: 'acme', model: 'acme/coder-2' })]);
  });

  it('detect reads trailers and co-authors; a config built by a program is validated and compiled', () => {
    const human = { name: 'Ann', email: 'ann@example.com' };
    expect(api.detect({ message: `x\n\n${OPUS}\n`, author: human })).toEqual([{ agent: 'claude-code', model: 'anthropic/claude-opus-4.6', evidence: [`trailer Assisted-by: "claude-code:anthropic/claude-opus-4.6"`], declared: true }]);
    expect(api.detect({ message: 'plain\n', author: human })).toEqual([]);
    const config: api.Config = { detect: { rules: [{ field: 'subject', pattern: '^\\[gen\\]', agent: 'gen', model: 'acme/gen-1' }] } };
    expect(api.detect({ message: '[gen] code\n', author: human }, { config })[0]).toMatchObject({ agent: 'gen', model: 'acme/gen-1' });
    // A backtracking pattern never runs: the config is refused.
    const hostile: api.Config = { detect: { rules: [{ field: 'subject', pattern: '(a+)+\\1', agent: 'x' }] } };
    expect(() => api.detect({ message: 'a\n', author: human }, { config: hostile })).toThrow(api.ConfigError);
  });

  it('trailers and model names', () => {
    const message = api.insertTrailers('feat: x\n\nSigned-off-by: Ann <ann@example.com>\n', [{ key: 'Assisted-by', value: 'aider:openai/gpt-5' }]);
    expect(message).toBe('feat: x\n\nSigned-off-by: Ann <ann@example.com>\nAssisted-by: aider:openai/gpt-5\n');
    expect(api.parseTrailers(message)).toEqual([
      { key: 'Signed-off-by', value: 'Ann <ann@example.com>' },
      { key: 'Assisted-by', value: 'aider:openai/gpt-5' },
    ]);
    expect(api.canonicalModel('Claude Opus 4.6')).toBe('anthropic/claude-opus-4.6');
    expect(api.canonicalModel('openrouter/qwen/qwen3-coder')).toBe('qwen/qwen3-coder');
    expect(api.canonicalModel('hello world')).toBeNull();
  });
});

describe('every JSON output escapes the one unsafe character set', () => {
  it('log and check JSON carry U+202E as an escape, and parse back to it', () => {
    for (const args of [['log', '--format', 'json'], ['check', `${base}..HEAD`, '--format', 'json']]) {
      const { stdout } = aitrail(repo.dir, args);
      expect(stdout).not.toMatch(/[\u202e\u061c]/);
      expect(stdout).toContain('fix: qwen \\u202e evil');
      expect(JSON.stringify(JSON.parse(stdout))).toContain('fix: qwen \u202e evil');
    }
  });
});
