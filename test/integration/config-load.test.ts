import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load.js';
import { loadConfigAtRevision } from '../../src/config/load-at-revision.js';
import { GitError } from '../../src/git/exec.js';
import { makeRepo, tempDir, TEST_GIT_ENV } from '../helpers/gitdir.js';
import { BIN } from '../helpers/cli.js';
import { MODEL_NAMES_TAG } from '../../src/core/catalog.js';

const YAML_POLICY = 'policy:\n  unknownModel: deny\n';
const past = new Date(Date.now() - 60_000);

async function problemsOf(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

/** Age every file in `dir` so the racy-clock guard lets the cache be written. */
function age(dir: string, names: string[]): void {
  for (const name of names) utimesSync(join(dir, name), past, past);
}

describe('loadConfig: search', () => {
  const places: [string, string][] = [
    ['package.json', JSON.stringify({ name: 'x', aitrail: { policy: { unknownModel: 'deny' } } })],
    ['.aitrailrc', YAML_POLICY],
    ['.aitrailrc.json', '{"policy":{"unknownModel":"deny"}}'],
    ['.aitrailrc.yaml', YAML_POLICY],
    ['.aitrailrc.yml', YAML_POLICY],
    ['aitrail.config.json', '{"policy":{"unknownModel":"deny"}}'],
  ];

  it.each(places)('reads %s', async (name, content) => {
    const repo = makeRepo();
    repo.write(name, content);
    expect(await loadConfig(repo.dir)).toEqual({ config: { policy: { unknownModel: 'deny' } }, filepath: join(repo.dir, name) });
  });

  it('returns the built-in defaults when there is no config', async () => {
    const repo = makeRepo();
    repo.write('package.json', '{"name":"no-config-here"}');
    expect(await loadConfig(repo.dir)).toEqual({ config: {}, filepath: null });
  });

  it('refuses more than one config file, naming them all (an empty .aitrailrc must not replace .aitrailrc.json)', async () => {
    const repo = makeRepo();
    repo.write('.aitrailrc.json', '{"policy":{"deny":["qwen/*"]}}');
    repo.write('.aitrailrc', '');
    const error = await problemsOf(loadConfig(repo.dir));
    expect(error.problems).toEqual([{ file: '.aitrailrc, .aitrailrc.json', path: '', found: '2 config files at the repository root', expected: expect.stringContaining('exactly one') }]);
    expect(error.message).toContain('.aitrailrc, .aitrailrc.json: found 2 config files');
    // Every pair, and all six at once; package.json counts only with its `aitrail` key.
    const names = places.map(([name]) => name);
    for (const [index, name] of names.entries()) {
      const all = makeRepo();
      for (const [other, content] of places) if (other === name || other === names[(index + 1) % names.length]) all.write(other, content);
      expect((await problemsOf(loadConfig(all.dir))).problems[0]!.found).toBe('2 config files at the repository root');
    }
    const six = makeRepo();
    for (const [name, content] of places) six.write(name, content);
    expect((await problemsOf(loadConfig(six.dir))).problems[0]!.file).toBe('package.json ("aitrail" key), .aitrailrc, .aitrailrc.json, .aitrailrc.yaml, .aitrailrc.yml, aitrail.config.json');
    six.write('package.json', '{"name":"x"}');
    expect((await problemsOf(loadConfig(six.dir))).problems[0]!.found).toBe('5 config files at the repository root');
    const one = makeRepo();
    one.write('package.json', '{"name":"x"}');
    one.write('.aitrailrc.yml', YAML_POLICY);
    expect((await loadConfig(one.dir)).filepath).toBe(join(one.dir, '.aitrailrc.yml'));
    one.write('package.json', '');
    expect((await loadConfig(one.dir)).filepath).toBe(join(one.dir, '.aitrailrc.yml'));
  });

  it('reads .aitrailrc as YAML or JSON; an empty or comment-only file is an empty config', async () => {
    const repo = makeRepo();
    repo.write('.aitrailrc', '{"trailer": {"key": "Generated-by"}}');
    expect((await loadConfig(repo.dir)).config).toEqual({ trailer: { key: 'Generated-by' } });
    repo.write('.aitrailrc', '# nothing yet\n');
    expect(await loadConfig(repo.dir)).toEqual({ config: {}, filepath: join(repo.dir, '.aitrailrc') });
    repo.write('.aitrailrc', '');
    expect(await loadConfig(repo.dir)).toEqual({ config: {}, filepath: join(repo.dir, '.aitrailrc') });
  });

  it('searches the root only: never a parent directory, never the process cwd', async () => {
    const outer = tempDir();
    writeFileSync(join(outer, '.aitrailrc.json'), '{"policy":{"undeclared":"deny"}}');
    const repo = makeRepo({ dir: join(outer, 'repo') });
    repo.write('sub/.aitrailrc.json', '{"policy":{"undeclared":"deny"}}');
    expect((await loadConfig(repo.dir)).filepath).toBeNull();
    const cwd = process.cwd();
    process.chdir(outer);
    try {
      expect((await loadConfig(repo.dir)).filepath).toBeNull();
    } finally {
      process.chdir(cwd);
    }
  });

  it('reports malformed JSON and YAML with file, line and column', async () => {
    const repo = makeRepo();
    repo.write('.aitrailrc.json', '{\n  "policy": {"deny": ["qwen/*",]}\n}\n');
    const json = await problemsOf(loadConfig(repo.dir));
    expect(json.problems).toEqual([{ file: '.aitrailrc.json', path: '', found: expect.stringMatching(/^malformed JSON at line 2, column \d+/), expected: 'valid JSON' }]);
    const other = makeRepo();
    other.write('.aitrailrc.yml', 'policy:\n  deny: [qwen/*\n');
    const yaml = await problemsOf(loadConfig(other.dir));
    expect(yaml.problems[0]).toMatchObject({ file: '.aitrailrc.yml', found: expect.stringMatching(/^malformed YAML at line \d+, column \d+/) });
    expect(yaml.message).toMatch(/^invalid aitrail config \(1 problem\):\n {2}- \.aitrailrc\.yml: found malformed YAML/);
  });

  it('reports a malformed package.json and an invalid aitrail key in it', async () => {
    const repo = makeRepo();
    repo.write('package.json', '{"name": "x",}');
    expect((await problemsOf(loadConfig(repo.dir))).problems[0]).toMatchObject({ file: 'package.json', found: expect.stringContaining('malformed JSON') });
    repo.write('package.json', '{"name": "x", "aitrail": {"polcy": {}}}');
    expect((await problemsOf(loadConfig(repo.dir))).message).toContain('package.json: polcy: found unknown key "polcy"');
  });

  it('ignores duplicated keys of a package.json without the aitrail key (npm accepts them), not with it', async () => {
    const repo = makeRepo();
    repo.write('package.json', '{"name": "x", "scripts": {"test": "a", "test": "b"}}');
    expect(await loadConfig(repo.dir)).toEqual({ config: {}, filepath: null });
    repo.write('.aitrailrc.yml', 'trailer:\n  key: Generated-by\n');
    expect((await loadConfig(repo.dir)).config).toEqual({ trailer: { key: 'Generated-by' } });
    rmSync(join(repo.dir, '.aitrailrc.yml'));
    repo.write('package.json', '{"name": "x", "name": "y", "aitrail": {"trailer": {"key": "Pkg"}}}');
    expect((await problemsOf(loadConfig(repo.dir))).problems[0]).toMatchObject({ file: 'package.json', found: expect.stringContaining('a duplicated key') });
  });

  it('reports every problem of an invalid config at once', async () => {
    const repo = makeRepo();
    repo.write('.aitrailrc.yaml', 'polcy: {}\npolicy:\n  unknownModel: block\n  deny: ["bad glob"]\ndetect:\n  rules:\n    - { field: trailer, pattern: "(" }\n');
    const error = await problemsOf(loadConfig(repo.dir));
    expect(error.problems.map((p) => p.path)).toEqual(['/polcy', '/policy/deny/0', '/policy/unknownModel', '/detect/rules/0/key', '/detect/rules/0/pattern']);
    expect(error.problems.every((p) => p.file === '.aitrailrc.yaml')).toBe(true);
    expect(error.message).toContain('.aitrailrc.yaml: policy.unknownModel: found "block", expected one of allow, warn, deny');
  });

  it('refuses special files, huge files and symlinks out of the repository, unread', async () => {
    const repo = makeRepo();
    const secret = join(tempDir(), 'secret.json');
    writeFileSync(secret, '{"token": "s3cr3t"}');
    symlinkSync(secret, join(repo.dir, '.aitrailrc.json'));
    const error = await problemsOf(loadConfig(repo.dir));
    expect(error.problems).toEqual([{ file: '.aitrailrc.json', path: '', found: 'a symbolic link leading out of the repository', expected: 'a config file inside the repository' }]);
    expect(error.message).not.toContain('s3cr3t');
    const big = makeRepo();
    big.write('.aitrailrc', `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    expect((await problemsOf(loadConfig(big.dir))).problems[0]!.found).toMatch(/^a file of \d+ bytes$/);
    const fifo = makeRepo();
    (await import('node:child_process')).execFileSync('mkfifo', [join(fifo.dir, '.aitrailrc.yml')]);
    expect((await problemsOf(loadConfig(fifo.dir))).problems[0]!.found).toContain('special file');
    const inside = makeRepo();
    inside.write('config/aitrail.yml', YAML_POLICY);
    symlinkSync('config/aitrail.yml', join(inside.dir, '.aitrailrc.yml'));
    expect((await loadConfig(inside.dir)).config).toEqual({ policy: { unknownModel: 'deny' } });
  });
});

describe('loadConfig: --config', () => {
  it('overrides the search; relative to the process cwd or absolute; JSON or YAML', async () => {
    const repo = makeRepo();
    repo.write('.aitrailrc.json', '{"trailer":{"key":"From-search"}}');
    const dir = tempDir();
    writeFileSync(join(dir, 'policy.yml'), 'trailer:\n  key: From-flag\n');
    expect(await loadConfig(repo.dir, { configFile: join(dir, 'policy.yml') })).toEqual({ config: { trailer: { key: 'From-flag' } }, filepath: join(dir, 'policy.yml') });
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await loadConfig(repo.dir, { configFile: 'policy.yml' })).filepath).toBe(join(dir, 'policy.yml'));
    } finally {
      process.chdir(cwd);
    }
    writeFileSync(join(dir, 'server.conf'), '{"policy": {"deny": ["qwen/*"]}}');
    expect((await loadConfig(repo.dir, { configFile: join(dir, 'server.conf') })).config).toEqual({ policy: { deny: ['qwen/*'] } });
  });

  it('names the file as given in problems; a missing file or a package.json without the key is a problem', async () => {
    const repo = makeRepo();
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.json'), '{"trailer": {"key": "Has space"}}');
    const bad = await problemsOf(loadConfig(repo.dir, { configFile: join(dir, 'bad.json') }));
    expect(bad.problems).toEqual([{ file: join(dir, 'bad.json'), path: '/trailer/key', found: '"Has space"', expected: expect.stringContaining('git trailer key') }]);
    const missing = await problemsOf(loadConfig(repo.dir, { configFile: join(dir, 'nope.yml') }));
    expect(missing.problems[0]).toMatchObject({ found: 'no such file' });
    writeFileSync(join(dir, 'package.json'), '{"name":"x"}');
    expect((await problemsOf(loadConfig(repo.dir, { configFile: join(dir, 'package.json') }))).problems[0]!.found).toContain('without an "aitrail" key');
  });
});

describe('loadConfig: cache', () => {
  it('serves an unchanged config from the cache and reloads on any change of any search place', async () => {
    const repo = makeRepo();
    const cacheDir = join(repo.dir, '.git', 'aitrail');
    repo.write('.aitrailrc.yml', 'trailer:\n  key: Generated-by\n');
    age(repo.dir, ['.aitrailrc.yml']);
    const first = await loadConfig(repo.dir, { cacheDir });
    expect(first.config).toEqual({ trailer: { key: 'Generated-by' } });
    const cacheFile = join(cacheDir, 'config-cache.json');
    expect(existsSync(cacheFile)).toBe(true);

    // Hit: prove the answer comes from the cache by tampering with the cached copy.
    const entry = JSON.parse(readFileSync(cacheFile, 'utf8'));
    entry.loaded.config = { trailer: { key: 'From-cache' } };
    writeFileSync(cacheFile, JSON.stringify(entry));
    expect((await loadConfig(repo.dir, { cacheDir })).config).toEqual({ trailer: { key: 'From-cache' } });

    // Same size, content changed, mtime set back to the same instant: ctime/ino still differ.
    repo.write('.aitrailrc.yml', 'trailer:\n  key: Generated-xy\n');
    age(repo.dir, ['.aitrailrc.yml']);
    expect((await loadConfig(repo.dir, { cacheDir })).config).toEqual({ trailer: { key: 'Generated-xy' } });

    // A second config file appearing is noticed on the warm path (no stale hit): exit 2 naming both.
    repo.write('.aitrailrc', '');
    age(repo.dir, ['.aitrailrc']);
    expect((await problemsOf(loadConfig(repo.dir, { cacheDir }))).problems[0]!.file).toBe('.aitrailrc, .aitrailrc.yml');
    rmSync(join(repo.dir, '.aitrailrc'));
    expect((await loadConfig(repo.dir, { cacheDir })).config).toEqual({ trailer: { key: 'Generated-xy' } });
    // …and so does package.json gaining the key.
    repo.write('package.json', '{"aitrail": {"trailer": {"key": "Pkg"}}}');
    age(repo.dir, ['package.json']);
    expect((await problemsOf(loadConfig(repo.dir, { cacheDir }))).problems[0]!.file).toBe('package.json ("aitrail" key), .aitrailrc.yml');
    rmSync(join(repo.dir, '.aitrailrc.yml'));
    expect((await loadConfig(repo.dir, { cacheDir })).config).toEqual({ trailer: { key: 'Pkg' } });

    // A different --config is a different key.
    const other = join(tempDir(), 'other.json');
    writeFileSync(other, '{"trailer":{"key":"Flag"}}');
    utimesSync(other, past, past);
    expect((await loadConfig(repo.dir, { cacheDir, configFile: other })).config).toEqual({ trailer: { key: 'Flag' } });
    expect((await loadConfig(repo.dir, { cacheDir })).config).toEqual({ trailer: { key: 'Pkg' } });
  });

  it('keeps the aliases\' normalised model names under the catalog\'s tag; a hook from the cache names the same models', async () => {
    const repo = makeRepo();
    const cacheDir = join(repo.dir, '.git', 'aitrail');
    repo.write('.aitrailrc.yml', 'detect:\n  aliases: { "Internal LLM": "acme/internal-llm-2", "gpt-4o": "acme/proxy-4o" }\n');
    age(repo.dir, ['.aitrailrc.yml']);
    await loadConfig(repo.dir, { cacheDir });
    const entry = JSON.parse(readFileSync(join(cacheDir, 'config-cache.json'), 'utf8'));
    // gpt-4o is a key of the table (its own normalised name): nothing to keep for it.
    expect(entry.names).toEqual({ tag: MODEL_NAMES_TAG, names: [['internal llm', { key: 'internal-llm', sized: 'internal-llm' }]] });
    // The trailer a hook records, from a cold and from a warm config cache (BIN: separate processes).
    const message = join(repo.dir, '.git', 'COMMIT_EDITMSG');
    const trailers = ['internal-llm', 'Internal_LLM', 'openai/gpt-4o'].map((model) => {
      writeFileSync(message, 'Change\n');
      const run = spawnSync(process.execPath, [BIN, 'hook', 'prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, AITRAIL_MODEL: model }, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      return readFileSync(message, 'utf8').trim().split('\n').at(-1);
    });
    expect(trailers).toEqual(['Assisted-by: unknown:acme/internal-llm-2', 'Assisted-by: unknown:acme/internal-llm-2', 'Assisted-by: unknown:acme/proxy-4o']);
    // Names kept under another catalog are not taken: the same answers.
    entry.names = { tag: 'another-catalog', names: [['internal llm', { key: 'something-else', sized: 'something-else' }]] };
    writeFileSync(join(cacheDir, 'config-cache.json'), JSON.stringify(entry));
    writeFileSync(message, 'Change\n');
    spawnSync(process.execPath, [BIN, 'hook', 'prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, AITRAIL_MODEL: 'Internal_LLM' }, encoding: 'utf8' });
    expect(readFileSync(message, 'utf8')).toContain('Assisted-by: unknown:acme/internal-llm-2');
    // ...and the entry is written again with this catalog's names (an upgraded aitrail): later hooks normalise no alias.
    expect(JSON.parse(readFileSync(join(cacheDir, 'config-cache.json'), 'utf8')).names).toEqual({ tag: MODEL_NAMES_TAG, names: [['internal llm', { key: 'internal-llm', sized: 'internal-llm' }]] });
  });

  it('never caches an invalid config, nor a file modified within the last seconds', async () => {
    const repo = makeRepo();
    const cacheDir = join(repo.dir, '.git', 'aitrail');
    repo.write('.aitrailrc.yml', 'policy: {unknownModel: block}\n');
    age(repo.dir, ['.aitrailrc.yml']);
    await problemsOf(loadConfig(repo.dir, { cacheDir }));
    expect(existsSync(join(cacheDir, 'config-cache.json'))).toBe(false);
    await problemsOf(loadConfig(repo.dir, { cacheDir }));
    repo.write('.aitrailrc.yml', 'policy: {unknownModel: deny}\n');
    expect((await loadConfig(repo.dir, { cacheDir })).config).toEqual({ policy: { unknownModel: 'deny' } });
    expect(existsSync(join(cacheDir, 'config-cache.json'))).toBe(false);
  });

  it('ignores a corrupt cache file', async () => {
    const repo = makeRepo();
    const cacheDir = join(repo.dir, '.git', 'aitrail');
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, 'config-cache.json'), '{not json');
    expect(await loadConfig(repo.dir, { cacheDir })).toEqual({ config: {}, filepath: null });
  });
});

describe('commands share the worktree\'s config cache with its hooks', () => {
  const status = (cwd: string) => {
    const run = spawnSync(process.execPath, [BIN, 'status', '--format', 'json'], { cwd, env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as { config: { trailerKey?: string; file?: string | null } & Record<string, unknown> };
  };
  const trailerKeyOf = (cwd: string) => JSON.stringify(status(cwd)).match(/"(?:trailerKey|key)":"([^"]+)"/)?.[1];

  it('status, log and blame read an unchanged config from <git dir>/aitrail/config-cache.json and see a change at once', () => {
    const repo = makeRepo();
    repo.commit('one', { 'a.txt': 'a\n' });
    repo.write('.aitrailrc.yml', 'trailer:\n  key: Generated-by\n');
    age(repo.dir, ['.aitrailrc.yml']);
    const cacheFile = join(repo.dir, '.git', 'aitrail', 'config-cache.json');
    expect(trailerKeyOf(repo.dir)).toBe('Generated-by');
    expect(existsSync(cacheFile)).toBe(true);
    // A hit: the tampered cached copy is what the command answers from.
    const entry = JSON.parse(readFileSync(cacheFile, 'utf8'));
    entry.loaded.config = { trailer: { key: 'From-cache' } };
    writeFileSync(cacheFile, JSON.stringify(entry));
    expect(trailerKeyOf(repo.dir)).toBe('From-cache');
    for (const args of [['log', '--format', 'json'], ['blame', '--format', 'json']]) {
      const run = spawnSync(process.execPath, [BIN, ...args], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
      expect(run.status, `${args[0]}: ${run.stderr}`).toBe(0);
    }
    // Any change of the file (same size, mtime set back) is a miss: the file's own value.
    repo.write('.aitrailrc.yml', 'trailer:\n  key: Generated-xy\n');
    age(repo.dir, ['.aitrailrc.yml']);
    expect(trailerKeyOf(repo.dir)).toBe('Generated-xy');
    // An invalid config is never served from the cache: exit 2, as without one.
    repo.write('.aitrailrc.yml', 'policy: {unknownModel: block}\n');
    age(repo.dir, ['.aitrailrc.yml']);
    expect(spawnSync(process.execPath, [BIN, 'status'], { cwd: repo.dir, env: TEST_GIT_ENV }).status).toBe(2);
  });

  it('writes nothing into a bare repository', () => {
    const repo = makeRepo({ bare: true });
    const run = spawnSync(process.execPath, [BIN, 'status', '--format', 'json'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(repo.dir, 'aitrail', 'config-cache.json'))).toBe(false);
  });
});

describe('loadConfigAtRevision', () => {
  it('reads the committed config, not the work tree', async () => {
    const repo = makeRepo();
    const first = repo.commit('policy\n', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n', 'package.json': '{"name":"x"}' });
    repo.write('.aitrailrc.yml', 'policy:\n  deny: []\n'); // uncommitted loosening
    repo.write('.aitrailrc', 'policy: {}\n'); // uncommitted second config
    expect(await loadConfigAtRevision(repo.dir, 'HEAD')).toEqual({ config: { policy: { deny: ['qwen/*'] } }, filepath: 'HEAD:.aitrailrc.yml' });
    rmSync(join(repo.dir, '.aitrailrc'));
    repo.git(['rm', '-q', '-f', '.aitrailrc.yml']);
    const second = repo.commit('loosen\n', { 'package.json': '{"name":"x","aitrail":{"policy":{"deny":[]}}}' });
    expect((await loadConfigAtRevision(repo.dir, second)).filepath).toBe(`${second}:package.json`);
    expect((await loadConfigAtRevision(repo.dir, first)).config).toEqual({ policy: { deny: ['qwen/*'] } });
    expect((await loadConfigAtRevision(repo.dir, 'HEAD~1')).filepath).toBe('HEAD~1:.aitrailrc.yml');
  });

  it('returns the defaults when the revision has no config; names <rev>:<file> in problems', async () => {
    const repo = makeRepo();
    const empty = repo.commit('empty\n', { 'README.md': 'hi\n', '.aitrailrc.yml': '' });
    expect(await loadConfigAtRevision(repo.dir, empty)).toEqual({ config: {}, filepath: `${empty}:.aitrailrc.yml` });
    repo.git(['rm', '-q', '.aitrailrc.yml']);
    repo.commit('none\n');
    expect(await loadConfigAtRevision(repo.dir, 'HEAD')).toEqual({ config: {}, filepath: null });
    repo.commit('bad\n', { 'aitrail.config.json': '{"policy": {"unknownModel": "block"}, "blame": []}' });
    const error = await problemsOf(loadConfigAtRevision(repo.dir, 'HEAD'));
    expect(error.problems.map((p) => `${p.file} ${p.path}`)).toEqual(['HEAD:aitrail.config.json /policy/unknownModel', 'HEAD:aitrail.config.json /blame']);
    repo.git(['rm', '-q', 'aitrail.config.json']);
    repo.commit('malformed\n', { '.aitrailrc.json': '{"policy": ' });
    expect((await problemsOf(loadConfigAtRevision(repo.dir, 'HEAD'))).problems[0]).toMatchObject({ file: 'HEAD:.aitrailrc.json', found: expect.stringContaining('malformed JSON at line 1') });
  });

  it('refuses more than one committed config file, naming them all', async () => {
    const repo = makeRepo();
    repo.commit('policy\n', { '.aitrailrc.json': '{"policy":{"deny":["qwen/*"]}}', 'package.json': '{"name":"x"}' });
    expect((await loadConfigAtRevision(repo.dir, 'HEAD')).filepath).toBe('HEAD:.aitrailrc.json');
    repo.commit('empty rc\n', { '.aitrailrc': '' });
    const error = await problemsOf(loadConfigAtRevision(repo.dir, 'HEAD'));
    expect(error.problems).toEqual([{ file: 'HEAD:.aitrailrc, HEAD:.aitrailrc.json', path: '', found: '2 config files at the repository root', expected: expect.stringContaining('exactly one') }]);
    repo.commit('pkg key\n', { 'package.json': '{"name":"x","aitrail":{}}' });
    expect((await problemsOf(loadConfigAtRevision(repo.dir, 'HEAD'))).problems[0]!.file).toBe('HEAD:package.json ("aitrail" key), HEAD:.aitrailrc, HEAD:.aitrailrc.json');
  });

  it('refuses a symlinked config in the tree and rejects hostile revisions as git errors', async () => {
    const repo = makeRepo();
    repo.write('real.yml', YAML_POLICY);
    symlinkSync('real.yml', join(repo.dir, '.aitrailrc.yml'));
    repo.commit('link\n');
    expect((await problemsOf(loadConfigAtRevision(repo.dir, 'HEAD'))).problems[0]!.found).toBe('a symbolic link');
    // A fresh path: a fixed /tmp/x fails whenever anything else made it (the README check clones there).
    const output = join(tempDir(), 'written-by-git');
    for (const rev of [`--output=${output}`, 'no-such-branch', 'HEAD\n--all']) {
      await expect(loadConfigAtRevision(repo.dir, rev)).rejects.toBeInstanceOf(GitError);
    }
    expect(existsSync(output)).toBe(false);
  });
});

describe('no code from the repository is ever executed', () => {
  /** JS that writes `marker/<name>` when run, and exports an (empty) config. */
  const cjs = (marker: string, name: string) => `require('fs').writeFileSync(${JSON.stringify(join(marker, name))}, 'ran');\nmodule.exports = {};\n`;
  const esm = (marker: string, name: string) => `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(join(marker, name))}, 'ran');\nexport default {};\n`;
  const ts = (marker: string, name: string) => `import { writeFileSync } from 'fs';\nwriteFileSync(${JSON.stringify(join(marker, name))}, 'ran');\nconst config: object = {};\nexport default config;\n`;

  /** Each meta-config variant cosmiconfig's factory would pick up in the cwd (the first found wins, so one repo each). */
  const metaPlants: Record<string, (marker: string) => Record<string, string>> = {
    '.config/config.js': (m) => ({ '.config/config.js': cjs(m, 'meta-js') }),
    '.config/config.mjs': (m) => ({ '.config/config.mjs': esm(m, 'meta-mjs') }),
    '.config/config.ts': (m) => ({ '.config/config.ts': ts(m, 'meta-ts') }),
    '.config/config.cjs': (m) => ({ '.config/config.cjs': cjs(m, 'meta-cjs') }),
    '.config/config.json': (m) => ({ '.config/config.json': JSON.stringify({ cosmiconfig: { searchPlaces: ['planted.cjs'] } }), 'planted.cjs': cjs(m, 'meta-json') }),
    'package.json (cosmiconfig key)': (m) => ({ 'package.json': JSON.stringify({ name: 'x', cosmiconfig: { cosmiconfig: { searchPlaces: ['planted.cjs'] } } }), 'planted.cjs': cjs(m, 'meta-package') }),
  };
  const codeConfigs = (m: string): Record<string, string> => ({
    'aitrail.config.js': cjs(m, 'aitrail.config.js'),
    'aitrail.config.mjs': esm(m, 'aitrail.config.mjs'),
    'aitrail.config.ts': ts(m, 'aitrail.config.ts'),
    'aitrail.config.cjs': cjs(m, 'aitrail.config.cjs'),
    '.aitrailrc.js': cjs(m, '.aitrailrc.js'),
    '.aitrailrc.cjs': cjs(m, '.aitrailrc.cjs'),
    '.aitrailrc.mjs': esm(m, '.aitrailrc.mjs'),
    '.aitrailrc.ts': ts(m, '.aitrailrc.ts'),
    '.config/aitrailrc.js': cjs(m, '.config-aitrailrc.js'),
  });

  it('the built CLI and hooks (cosmiconfig\'s Explorer inside their bundles) read the YAML config beside every plant and run none of them', () => {
    const marker = tempDir('aitrail-marker-');
    const repo = makeRepo();
    const plants = Object.values(metaPlants).reduce<Record<string, string>>((all, plant) => ({ ...all, ...plant(marker) }), {});
    // One package.json (the plants' last one, with its cosmiconfig key) and one meta-config of each name.
    for (const [path, content] of Object.entries({ ...codeConfigs(marker), ...plants, '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' })) repo.write(path, content);
    repo.commit('plant\n');
    repo.commit('feat: x\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/x.ts': 'x\n' });
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [BIN, ...args], { cwd: repo.dir, env: { ...TEST_GIT_ENV, ...env }, encoding: 'utf8' });
    // The worktree's config (status, cold then warm cache), the committed one (check), a hook's cold cache.
    for (const at of [1, 2]) expect(JSON.parse(run(['status', '--format', 'json']).stdout).config, `status ${at}`).toMatchObject({ file: join(repo.dir, '.aitrailrc.yml') });
    const check = run(['check', 'HEAD~1..HEAD']);
    expect(check.status, check.stderr).toBe(1);
    expect(check.stdout).toContain('qwen/qwen3-coder');
    rmSync(join(repo.dir, '.git', 'aitrail'), { recursive: true, force: true });
    writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'Change\n');
    const hook = run(['hook', 'prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], { AITRAIL_MODEL: 'anthropic/claude-opus-4.6' });
    expect(hook.status, hook.stderr).toBe(0);
    expect(readFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'utf8')).toContain('Assisted-by: unknown:anthropic/claude-opus-4.6');
    expect(readdirSync(marker)).toEqual([]);
  });

  it.each(Object.keys(metaPlants))('planted %s: not run by loadConfig (run from inside the repo), JS configs ignored', async (plant) => {
    const marker = tempDir('aitrail-marker-');
    const repo = makeRepo();
    for (const [path, content] of Object.entries({ ...codeConfigs(marker), ...metaPlants[plant]!(marker) })) repo.write(path, content);
    repo.commit('plant\n');
    const cwd = process.cwd();
    process.chdir(repo.dir);
    try {
      // Search (defaults: no data config present), --config on a data file, --config on JS, a revision.
      expect(await loadConfig(repo.dir)).toEqual({ config: {}, filepath: null });
      expect(await loadConfig(repo.dir, { cacheDir: join(repo.dir, '.git', 'aitrail') })).toEqual({ config: {}, filepath: null });
      writeFileSync(join(repo.dir, 'data.json'), '{}');
      expect((await loadConfig(repo.dir, { configFile: 'data.json' })).config).toEqual({});
      for (const name of ['aitrail.config.js', 'aitrail.config.mjs', 'aitrail.config.ts', '.aitrailrc.cjs']) {
        const error = await problemsOf(loadConfig(repo.dir, { configFile: name }));
        expect(error.problems[0]!.expected).toContain('never runs code');
      }
      // Not run, and named as not read (a JavaScript config is never one: src/config/search-places.ts misnamedConfigs).
      const atRevision = await loadConfigAtRevision(repo.dir, 'HEAD');
      expect(atRevision).toMatchObject({ config: {}, filepath: null });
      // `.config/aitrailrc.js` too: cosmiconfig's own folder, which aitrail never reads (s43j).
      expect(atRevision.misnamed!.map(({ name }) => name)).toEqual(Object.keys(codeConfigs(marker)).sort());
      expect(atRevision.misnamed!.every(({ hint }) => hint.includes('never runs code'))).toBe(true);
      // $import (cosmiconfig's include mechanism) must not pull code in either.
      repo.write('.aitrailrc.json', JSON.stringify({ $import: './aitrail.config.cjs' }));
      expect((await problemsOf(loadConfig(repo.dir))).problems[0]).toMatchObject({ path: '/$import', found: 'unknown key "$import"' });
    } finally {
      process.chdir(cwd);
    }
    expect(readdirSync(marker)).toEqual([]);

    // Control: cosmiconfig's public factory, constructed in the same cwd, does run the plant —
    // so the fixture is live and it is our construction that keeps it from running.
    {
      rmSync(join(repo.dir, '.aitrailrc.json'));
      process.chdir(repo.dir);
      try {
        const { cosmiconfig } = await import('cosmiconfig');
        const explorer = cosmiconfig('control-probe');
        // JSON meta-configs only add search places: a search is what runs the planted file.
        if (plant.includes('json')) await explorer.search();
      } catch {
        // loading a plant may fail after it ran; the marker is what counts
      } finally {
        process.chdir(cwd);
      }
      // The factory's meta-config explorer calls the async JS/TS loaders: the plant runs a moment later
      // (a TypeScript plant is compiled first: past 10 s on a loaded machine, CI under 8 helpers' load).
      const deadline = Date.now() + 60_000;
      while (readdirSync(marker).length === 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
      expect(readdirSync(marker)).toHaveLength(1);
    }
  });
});
