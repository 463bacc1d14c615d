import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type TestRepo } from '../helpers/gitdir.js';
import { installPacked, ok, packedFiles, run } from '../helpers/e2e.js';

// The package as published: what `npm pack` ships, `import('aitrail')` with its types, `$schema` for editors.
const PACKAGE_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const OPUS = 'Assisted-by: claude-code:anthropic/claude-opus-4.6';

it('npm pack lists LICENSE, schema.json and the API entry points', () => {
  // What the run's one `npm pack --json` (test/e2e/pack.global-setup.ts) listed: the tarball every e2e file installs.
  const files = packedFiles();
  expect(files).toEqual(expect.arrayContaining(['LICENSE', 'schema.json', 'dist/index.js', 'dist/index.d.ts', 'bin/aitrail.js', 'hooks/commit-msg']));
  expect(files.filter((file) => file.startsWith('src/') || file.startsWith('test/'))).toEqual([]);
});

it('npm pack ships each message hook\'s rare file and no code cache (row 1139; checked by session 54 helper u)', () => {
  // The rare files are loaded on a hook's rare runs (src/io/rare-bundle.ts): without them a cold config cache fails.
  const files = packedFiles();
  expect(files).toEqual(expect.arrayContaining(['dist/bundle/commit-msg.rare.cjs', 'dist/bundle/prepare-commit-msg.rare.cjs']));
  // Code caches are written beside the bundles by each run of this checkout (package.json `files` leaves them out): node- and build-specific.
  expect(files.filter((file) => /\.cache(-runs|-paths)?$|\.tmp$/.test(file))).toEqual([]);
});

describe('a fresh project using the API from the tarball', () => {
  let repo: TestRepo;
  let base: string;

  beforeAll(() => {
    repo = makeRepo();
    repo.write('package.json', '{ "name": "consumer", "version": "1.0.0", "private": true, "type": "module" }\n');
    repo.write('.gitignore', 'node_modules/\n');
    repo.write('.aitrailrc.json', `${JSON.stringify({ $schema: './node_modules/aitrail/schema.json', policy: { deny: ['qwen/*'] } }, null, 2)}\n`);
    base = repo.commit('initial\n', { 'src/a.js': 'a\n' });
    repo.commit(`feat: opus\n\n${OPUS}\n`, { 'src/b.js': 'b\nc\n' });
    repo.commit('fix: qwen\n\nAssisted-by: qwen-code:qwen/qwen3-coder\n', { 'src/c.js': 'd\n' });
    installPacked(repo.dir);
  });

  it('"$schema": "./node_modules/aitrail/schema.json" names the shipped schema, which validates the config; aitrail accepts the key', () => {
    const schemaFile = join(repo.dir, 'node_modules', 'aitrail', 'schema.json');
    expect(existsSync(schemaFile)).toBe(true);
    // What an editor does with it: validate the file against the schema (ajv ships with aitrail).
    writeFileSync(join(repo.dir, 'validate.cjs'), `const Ajv = require('ajv'); const fs = require('fs');
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(${JSON.stringify(schemaFile)}, 'utf8')));
for (const file of process.argv.slice(2)) console.log(file, validate(JSON.parse(fs.readFileSync(file, 'utf8'))));\n`);
    writeFileSync(join(repo.dir, 'typo.json'), '{ "$schema": "./node_modules/aitrail/schema.json", "polcy": {} }\n');
    expect(ok(run(repo.dir, 'node', ['validate.cjs', '.aitrailrc.json', 'typo.json'])).stdout).toBe('.aitrailrc.json true\ntypo.json false\n');
    expect(ok(run(repo.dir, 'npx', ['--no', 'aitrail', 'status'])).stdout).toMatch(/Config: \.aitrailrc\.json/);
  });

  it("import('aitrail'): every export works, and log/check/blame equal the CLI's JSON", () => {
    writeFileSync(join(repo.dir, 'use-api.mjs'), `import * as aitrail from 'aitrail';
const cwd = process.argv[2];
const range = process.argv[3];
const loaded = await aitrail.loadConfig({ cwd });
const message = aitrail.insertTrailers('feat: x\\n', [{ key: 'Assisted-by', value: 'aider:openai/gpt-5' }]);
let error;
try { await aitrail.loadConfig({ cwd, config: 'nope.json' }); } catch (caught) { error = caught; }
const out = {
  exports: Object.keys(aitrail).sort(),
  log: await aitrail.log({ cwd }),
  check: await aitrail.check({ cwd, range }),
  blame: await aitrail.blame({ cwd, by: 'model', cache: false }),
  authors: await aitrail.blame({ cwd, by: 'author', cache: false }),
  trend: await aitrail.trend({ cwd, revs: [range.split('..')[0], 'HEAD~1', 'HEAD'] }),
  config: { filepath: loaded.filepath, deny: loaded.config.policy.deny },
  detect: aitrail.detect({ message: 'x\\n\\nCo-authored-by: Claude Opus 4.6 <noreply@anthropic.com>\\n', author: { name: 'A', email: 'a@x.test' } }, { config: loaded.config }),
  message,
  trailers: aitrail.parseTrailers(message),
  model: aitrail.canonicalModel('openrouter/deepseek/deepseek-chat'),
  error: [error instanceof aitrail.ConfigError, aitrail.exitCodeOf(error), aitrail.ExitCode.usage],
  classes: [aitrail.UsageError, aitrail.GitError, aitrail.ShallowHistoryError, aitrail.FileError].map((c) => new c('m') instanceof Error),
};
process.stdout.write(JSON.stringify(out));
`);
    const api = JSON.parse(ok(run(repo.dir, 'node', ['use-api.mjs', repo.dir, `${base}..HEAD`])).stdout);
    // The installed binary itself (npx, which finds the same one, is tested above and costs npm's start-up each time).
    const cli = (args: string[]) => JSON.parse(run(repo.dir, join(repo.dir, 'node_modules', '.bin', 'aitrail'), [...args, '--format', 'json']).stdout) as unknown;
    expect(api.exports).toEqual(['ConfigError', 'ExitCode', 'FileError', 'GitError', 'ShallowHistoryError', 'UsageError', 'blame', 'canonicalModel', 'check', 'detect', 'exitCodeOf', 'insertTrailers', 'loadConfig', 'log', 'parseTrailers', 'trend']);
    expect(api.log).toEqual(cli(['log']));
    expect(api.log).toHaveLength(3);
    expect(api.check).toEqual(cli(['check', `${base}..HEAD`]));
    expect(api.check.ok).toBe(false);
    expect(api.blame).toEqual(cli(['blame', '--by', 'model', '--no-cache']));
    expect(api.authors).toEqual(cli(['blame', '--by', 'author', '--no-cache']));
    expect(api.authors.groups.map((row: { key: string }) => row.key)).toEqual(['Test Human <human@example.com>']);
    expect(api.trend).toEqual(cli(['trend', base, 'HEAD~1', 'HEAD']));
    expect(api.trend.releases.map((release: { totals: { ai: number } }) => release.totals.ai)).toEqual([2, 1]);
    expect(api.config).toEqual({ filepath: join(repo.dir, '.aitrailrc.json'), deny: ['qwen/*'] });
    expect(api.detect).toEqual([expect.objectContaining({ agent: 'claude-code', model: 'anthropic/claude-opus-4.6' })]);
    expect(api.message).toBe('feat: x\n\nAssisted-by: aider:openai/gpt-5\n');
    expect(api.trailers).toEqual([{ key: 'Assisted-by', value: 'aider:openai/gpt-5' }]);
    expect(api.model).toBe('deepseek/deepseek-chat');
    expect(api.error).toEqual([true, 2, 2]);
    expect(api.classes).toEqual([true, true, true, true]);
  });

  it('the types: a TypeScript consumer type-checks against dist/index.d.ts (and a misuse does not)', () => {
    const tsc = join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const flags = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node', '--typeRoots', join(PACKAGE_ROOT, 'node_modules', '@types')];
    writeFileSync(join(repo.dir, 'typed.mts'), `import { blame, check, log, loadConfig, detect, canonicalModel, trend, type CheckReport, type LogEntry, type BlameJson, type TrendReport } from 'aitrail';
const entries: LogEntry[] = await log({ cwd: '.', range: 'HEAD~1..HEAD' });
const report: CheckReport = await check({ cwd: '.' });
const counts: BlameJson = await blame({ cwd: '.', paths: ['src'], by: 'agent' });
const { config } = await loadConfig({ cwd: '.' });
const models: string[] = detect({ message: 'x', author: { name: 'a', email: 'b' } }, { config }).map((a) => a.model);
const id: string | null = canonicalModel('opus');
const releases: TrendReport = await trend({ cwd: '.', tags: 'v*', revs: ['HEAD'] });
const byAuthor = (await blame({ cwd: '.', by: 'author' })).files[0]?.byAuthor;
console.log(entries.length, report.ok, counts.totals.ai, models, id, releases.releases.length, byAuthor);
`);
    writeFileSync(join(repo.dir, 'misuse.mts'), `import { log } from 'aitrail';\nawait log({ range: 'HEAD' });\n`);
    // One tsc for both files (each run costs seconds of CPU): only the misuse is an error.
    const checked = run(repo.dir, process.execPath, [tsc, ...flags, 'typed.mts', 'misuse.mts']);
    expect(checked.status).not.toBe(0);
    const errors = checked.stdout.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors).toEqual([expect.stringMatching(/^misuse\.mts\(2,\d+\): error TS2345: /)]);
    expect(checked.stdout).toMatch(/Property 'cwd' is missing/);
    expect(readFileSync(join(repo.dir, 'node_modules', 'aitrail', 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });
});
