import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { privateBundle as copyOfBundle } from '../helpers/private-bundle.js';
import { afterAll, describe, expect, it } from 'vitest';
import { WIDENING_RUNS } from '../../src/cli/bundle-loader.js';
import { HOOK_NAMES } from '../../src/hooks/dispatch.js';
import { BIN } from '../helpers/cli.js';
import { makeRepo, TEST_GIT_ENV, tempDir } from '../helpers/gitdir.js';

const BUNDLE = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));

/**
 * bin/aitrail.js falls back to the module tree (dist/cli/entry.js) when a bundle cannot be loaded
 * (a package without dist/bundle still works): a broken bundle would only make every command
 * slower, silently. Each file must load on its own.
 */
describe('dist/bundle (npm run build)', () => {
  it('the loader, each hook and the CLI load on their own (CommonJS, their run exported); checkpoint too', () => {
    const script = [
      `const dir = ${JSON.stringify(BUNDLE)};`,
      `const loader = require(dir + 'loader.cjs');`,
      `if (typeof loader.runBundledHook !== 'function' || typeof loader.runBundledCli !== 'function') throw new Error('loader');`,
      `if (typeof require(dir + 'cli.cjs').main !== 'function') throw new Error('cli');`,
      `for (const hook of ${JSON.stringify(HOOK_NAMES)}) if (typeof require(dir + hook + '.cjs').runHook !== 'function') throw new Error(hook);`,
      `if (typeof require(dir + 'checkpoint.cjs').runCheckpointCommand !== 'function') throw new Error('checkpoint');`,
    ].join('\n');
    const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('a YAML config is read with js-yaml from within each bundle (in its code cache), never from its package\'s ~20 files or a file beside the bundles', () => {
    for (const name of ['commit-msg', 'prepare-commit-msg', 'pre-push', 'pre-receive', 'cli']) {
      const source = readFileSync(`${BUNDLE}${name}.cjs`, 'utf8');
      expect(source, name).not.toMatch(/require\("(\.\/)?js-yaml(\.cjs)?"\)/);
      // js-yaml's own error class, bundled.
      expect(source, name).toContain('YAMLException');
    }
    expect(existsSync(`${BUNDLE}js-yaml.cjs`)).toBe(false);
    // A hook with a cold config cache reads a YAML config through it.
    const repo = makeRepo();
    repo.commit('one', { '.aitrailrc.yml': 'trailer:\n  key: Generated-by\n' });
    writeFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'Change\n');
    const hook = spawnSync(process.execPath, [BIN, 'hook', 'prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], { cwd: repo.dir, env: { ...TEST_GIT_ENV, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' }, encoding: 'utf8' });
    expect(hook.stderr).toBe('');
    expect(readFileSync(join(repo.dir, '.git', 'COMMIT_EDITMSG'), 'utf8')).toContain('Generated-by: unknown:anthropic/claude-opus-4.6');
  });

  it('a command loads no node:assert (yargs\' own checks, run on every command, decided without it: ~2 ms a run)', () => {
    const repo = makeRepo();
    repo.commit('one\n', { 'a.txt': 'a\n' });
    const out = join(tempDir(), 'modules.json');
    const preload = join(tempDir(), 'modules.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));\n`);
    for (const args of [['log'], ['status'], ['check', 'HEAD'], ['--help'], ['no-such-command']]) {
      const run = spawnSync(process.execPath, ['-r', preload, BIN, ...args], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(args[0] === 'no-such-command' ? 2 : 0);
      const modules = JSON.parse(readFileSync(out, 'utf8')) as string[];
      // The bundle ran (not the module tree), and node:assert never loaded.
      expect(modules, args.join(' ')).toContain('NativeModule vm');
      expect(modules.filter((name) => /^NativeModule (node:)?assert$/.test(name)), args.join(' ')).toEqual([]);
    }
  });

  it('check, status, a cached blame and pre-receive print through the descriptors, read stdin and run git synchronously: no net, tty, stream socket or child_process loads (~5 ms and ~4 ms of a run)', () => {
    const repo = makeRepo();
    repo.commit('one\n', { 'a.txt': 'a\n' });
    repo.commit('two\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'b.txt': 'b\n' });
    const out = join(tempDir(), 'modules.json');
    const preload = join(tempDir(), 'modules.cjs');
    writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.moduleLoadList)));\n`);
    const heavy = (modules: string[]) => modules.filter((name) => /^NativeModule (net|tty|child_process|internal\/child_process)$|^Internal Binding (stream_wrap|pipe_wrap|tty_wrap|process_wrap)$/.test(name));
    // The first blame fills the cache (its git blame runs stream); the second reads it.
    const first = spawnSync(process.execPath, [BIN, 'blame'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(first.status, first.stderr).toBe(0);
    const expected: Record<string, RegExp> = { check: /1 commit checked, no policy violations/, status: /hooks/i, blame: /anthropic\/claude-opus-4\.6/ };
    for (const args of [['check', 'HEAD~1..HEAD'], ['check', 'HEAD~1..HEAD', '--format', 'json'], ['status'], ['blame']]) {
      // stdout and stderr are pipes, as in CI and under a hook.
      const run = spawnSync(process.execPath, ['-r', preload, BIN, ...args], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
      expect(run.status, `${args.join(' ')}: ${run.stderr}`).toBe(0);
      if (args.includes('json')) expect(JSON.parse(run.stdout)).toMatchObject({ ok: true });
      else expect(`${run.stdout}${run.stderr}`, args.join(' ')).toMatch(expected[args[0]!]!);
      const modules = JSON.parse(readFileSync(out, 'utf8')) as string[];
      expect(modules, args.join(' ')).toContain('Internal Binding spawn_sync');
      expect(heavy(modules), args.join(' ')).toEqual([]);
    }
    // The server's hook reads git's ref list from its stdin pipe the same way: readSync, no stream.
    const server = join(tempDir(), 'server.git');
    repo.git(['clone', '-q', '--bare', repo.dir, server]);
    const hook = spawnSync(process.execPath, ['-r', preload, BIN, 'hook', 'pre-receive'], { cwd: server, env: TEST_GIT_ENV, input: `${'0'.repeat(40)} ${repo.git(['rev-parse', 'HEAD'])} refs/heads/topic\n`, encoding: 'utf8' });
    expect(hook.status, hook.stderr).toBe(0);
    const modules = JSON.parse(readFileSync(out, 'utf8')) as string[];
    expect(modules).toContain('Internal Binding spawn_sync');
    expect(heavy(modules).concat(modules.filter((name) => name === 'NativeModule stream')), 'pre-receive').toEqual([]);
  });

  it('no bundle holds a dynamic import (a script compiled from the code cache cannot run one in node 20)', () => {
    for (const name of [...HOOK_NAMES, 'cli', 'checkpoint']) expect(readFileSync(`${BUNDLE}${name}.cjs`, 'utf8'), name).not.toMatch(/\bimport\(/);
  });

  /**
   * A private copy of the bundle folder in .test-bundles/ (the same depth as dist/bundle: the bundles find package.json
   * and node_modules from there; outside what npm packs), run through the loader as bin/aitrail.js runs it: the other test
   * files run the shared dist/bundle at the same time, and rewrite its caches.
   */
  const privateRunScript =
    'const [dir, ...argv] = process.argv.slice(1); const loader = require(dir + "/loader.cjs"); const run = argv[0] === "hook" ? loader.runBundledHook(argv.slice(1), dir) : loader.runBundledCli(argv, dir); run.then((code) => { process.exitCode = code; });';
  function privateBundle(): { dir: string; run: (cwd: string, args: string[]) => ReturnType<typeof spawnSync> } {
    const dir = copyOfBundle(cleanups);
    return { dir, run: (cwd, args) => spawnSync(process.execPath, ['-e', privateRunScript, dir, ...args], { cwd, env: TEST_GIT_ENV, input: '', encoding: 'utf8' }) };
  }

  /** The private bundle's commit-msg hook run on `text` as the repository's message (with `env`): it must pass. */
  function commitMsgOf(repoDir: string, bundleDir: string): (text: string, env: NodeJS.ProcessEnv) => void {
    return (text, env) => {
      writeFileSync(join(repoDir, '.git', 'COMMIT_EDITMSG'), text);
      const run = spawnSync(process.execPath, ['-e', privateRunScript, bundleDir, 'hook', 'commit-msg', '.git/COMMIT_EDITMSG'], { cwd: repoDir, env: { ...TEST_GIT_ENV, ...env }, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
    };
  }

  const cleanups: Array<() => void> = [];
  afterAll(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  it('bin compiles the loader with its own code cache: the first run writes loader.cjs.cache, the next read it; a cache V8 rejects is written again', () => {
    // A package copy as npm installs it (bin/ beside dist/bundle/), in .test-bundles/ (the shared dist/bundle is other files' too).
    mkdirSync(fileURLToPath(new URL('../../.test-bundles/', import.meta.url)), { recursive: true });
    const root = mkdtempSync(fileURLToPath(new URL('../../.test-bundles/package-', import.meta.url)));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'bin'));
    for (const name of ['aitrail.js', 'package.json']) copyFileSync(fileURLToPath(new URL(`../../bin/${name}`, import.meta.url)), join(root, 'bin', name));
    copyFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), join(root, 'package.json'));
    const dir = join(root, 'dist', 'bundle');
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(BUNDLE).filter((file) => file.endsWith('.cjs'))) copyFileSync(`${BUNDLE}${name}`, join(dir, name));
    const cache = join(dir, 'loader.cjs.cache');
    const repo = makeRepo();
    const run = () => spawnSync(process.execPath, [join(root, 'bin', 'aitrail.js'), 'hook', 'post-commit'], { cwd: repo.dir, env: TEST_GIT_ENV, encoding: 'utf8' });
    expect(existsSync(cache)).toBe(false);
    expect(run()).toMatchObject({ status: 0, stderr: '' });
    const written = readFileSync(cache);
    expect(written.length).toBeGreaterThan(1000);
    // Accepted: not written again (an old time on it stays).
    utimesSync(cache, new Date(1_000_000_000_000), new Date(1_000_000_000_000));
    expect(run()).toMatchObject({ status: 0, stderr: '' });
    expect(statSync(cache).mtimeMs).toBe(1_000_000_000_000);
    // Garbage in its place: V8 rejects it, the run goes on, and leaves a good one.
    writeFileSync(cache, Buffer.alloc(written.length, 7));
    expect(run()).toMatchObject({ status: 0, stderr: '' });
    expect(readFileSync(cache).equals(Buffer.alloc(written.length, 7))).toBe(false);
    // A command (not a hook) goes through the same loader.
    const version = spawnSync(process.execPath, [join(root, 'bin', 'aitrail.js'), '--version'], { encoding: 'utf8' });
    expect(version.stdout, version.stderr).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('a hook run writes its V8 code cache beside the bundle; the next runs widen it, then only read it', () => {
    const repo = makeRepo();
    const bundle = privateBundle();
    const cache = join(bundle.dir, 'post-rewrite.cjs.cache');
    const runs = `${cache}-runs`;
    expect(bundle.run(repo.dir, ['hook', 'post-rewrite', 'amend']).status).toBe(0);
    expect(existsSync(cache)).toBe(true);
    expect(readFileSync(runs, 'utf8')).toBe(String(WIDENING_RUNS));
    for (let left = WIDENING_RUNS - 1; left >= 0; left -= 1) {
      expect(bundle.run(repo.dir, ['hook', 'post-rewrite', 'amend']).status).toBe(0);
      expect(existsSync(runs) ? readFileSync(runs, 'utf8') : '0').toBe(String(left));
    }
    const written = statSync(cache).mtimeMs;
    expect(bundle.run(repo.dir, ['hook', 'post-rewrite', 'amend']).status).toBe(0);
    expect(statSync(cache).mtimeMs).toBe(written);
  });

  // A commit whose message names its model (a trailer written by hand, no AITRAIL_MODEL: one with it has a cache of its own, row 1208).
  it('a run on another path (an agent\'s own commit after one naming its model) widens the cache to hold both', () => {
    const repo = makeRepo();
    repo.commit('one', { a: '1' });
    const bundle = privateBundle();
    const cache = join(bundle.dir, 'commit-msg.cjs.cache');
    const commitMsg = commitMsgOf(repo.dir, bundle.dir);
    // The first run loads the config from its files (no code cache: once-only work), the second writes it.
    for (let run = 0; run < 2; run += 1) commitMsg('Add a feature\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', {});
    const named = statSync(cache).size;
    commitMsg('Add a feature\n\n\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\nAssisted-by: claude-code:unknown\n', { CLAUDECODE: '1' });
    expect(statSync(cache).size).toBeGreaterThan(named + 4096);
  });

  it('after its widening runs, a cache made without an agent\'s own commit is widened by the first one (a path it was never made with), then only read', () => {
    const repo = makeRepo();
    repo.commit('one', { a: '1' });
    const bundle = privateBundle();
    const cache = join(bundle.dir, 'commit-msg.cjs.cache');
    const commitMsg = commitMsgOf(repo.dir, bundle.dir);
    // Commits naming their model only, past the widening runs (the first loads the config from its files and writes nothing).
    for (let run = 0; run < WIDENING_RUNS + 2; run += 1) commitMsg('Add a feature\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', {});
    expect(existsSync(`${cache}-runs`)).toBe(false);
    const named = statSync(cache).size;
    const agent = 'Add a feature\n\n\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\nAssisted-by: claude-code:unknown\n';
    commitMsg(agent, { CLAUDECODE: '1' });
    expect(statSync(cache).size).toBeGreaterThan(named + 4096);
    expect(readFileSync(`${cache}-paths`, 'utf8')).toBe('agent-settings');
    // Its path is now the cache's: the next agent commit only reads it.
    utimesSync(cache, new Date(1_000_000_000_000), new Date(1_000_000_000_000));
    commitMsg(agent, { CLAUDECODE: '1' });
    expect(statSync(cache).mtimeMs).toBe(1_000_000_000_000);
  });

  it('the message hooks of an agent\'s commit load no node module but vm (each one costs every commit ~0.2-0.5 ms)', () => {
    const repo = makeRepo();
    repo.commit('one', { a: '1' });
    const message = join(repo.dir, '.git', 'COMMIT_EDITMSG');
    const listFile = join(tempDir(), 'loaded.txt');
    // Written at exit: the node modules the run loaded after node's own start-up (a preload sees that list first).
    const preload = join(tempDir(), 'loaded.cjs');
    writeFileSync(preload, `const before = new Set(process.moduleLoadList); const { writeFileSync } = require('node:fs'); process.on('exit', () => writeFileSync(${JSON.stringify(listFile)}, process.moduleLoadList.filter((name) => !before.has(name)).join('\\n')));\n`);
    const agent = { CLAUDECODE: '1', CLAUDE_CODE_ENTRYPOINT: 'cli' };
    const loaded = (args: string[], text: string) => {
      writeFileSync(message, text);
      const run = spawnSync(process.execPath, ['-r', preload, BIN, 'hook', ...args], { cwd: repo.dir, env: { ...TEST_GIT_ENV, ...agent }, encoding: 'utf8' });
      expect(run.status, run.stderr).toBe(0);
      return readFileSync(listFile, 'utf8').split('\n').filter((name) => /^NativeModule (?!internal\/)/.test(name));
    };
    const text = 'Add a feature\n\n\u{1F916} Generated with [Claude Code](https://claude.com/claude-code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n';
    // The first run loads the config from its files (YAML, schema: once after each change); the next ones read the config cache.
    loaded(['prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], text);
    expect(loaded(['prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], text)).toEqual(['NativeModule vm']);
    expect(readFileSync(message, 'utf8')).toMatch(/\nAssisted-by: claude-code:/);
    expect(loaded(['commit-msg', '.git/COMMIT_EDITMSG'], readFileSync(message, 'utf8'))).toEqual(['NativeModule vm']);
  });

  it('a hook run that loaded the config from its files writes no code cache; the next run, from the config cache, writes it', () => {
    const repo = makeRepo();
    repo.commit('one', { '.aitrailrc.yml': 'policy:\n  deny: ["qwen/*"]\n' });
    // Older than the config cache's 2 s "racy" window: the first hook run caches the config.
    const past = new Date(Date.now() - 10_000);
    utimesSync(join(repo.dir, '.aitrailrc.yml'), past, past);
    const bundle = privateBundle();
    // A run naming its model (AITRAIL_MODEL) has a cache of its own (row 1208).
    const cache = join(bundle.dir, 'prepare-commit-msg.cjs.model-named.cache');
    const message = join(repo.dir, '.git', 'COMMIT_EDITMSG');
    const prepare = () => {
      writeFileSync(message, 'Add a feature\n');
      const run = spawnSync(process.execPath, ['-e', privateRunScript, bundle.dir, 'hook', 'prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], {
        cwd: repo.dir,
        env: { ...TEST_GIT_ENV, AITRAIL_MODEL: 'anthropic/claude-opus-4.6' },
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(readFileSync(message, 'utf8')).toContain('Assisted-by: unknown:anthropic/claude-opus-4.6');
    };
    prepare();
    expect(existsSync(join(repo.dir, '.git', 'aitrail', 'config-cache.json'))).toBe(true);
    expect(existsSync(cache)).toBe(false);
    prepare();
    expect(existsSync(cache)).toBe(true);
  });

  it('a command writes its own code cache (cli.<command>.cache; cli.cache for help, version and mistakes), and the next run reads it', () => {
    const repo = makeRepo();
    repo.commit('one', { a: '1' });
    const bundle = privateBundle();
    const cache = join(bundle.dir, 'cli.log.cache');
    expect(bundle.run(repo.dir, ['log']).status).toBe(0);
    expect(existsSync(cache)).toBe(true);
    const json = bundle.run(repo.dir, ['log', '--format', 'json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(String(json.stdout))).toHaveLength(1);
    // Read and widened (the text and JSON outputs compile different functions): one run of the window spent.
    expect(readFileSync(`${cache}-runs`, 'utf8')).toBe(String(WIDENING_RUNS - 1));
    // A mistyped command never names a cache file: the folder holds caches of aitrail's commands only.
    expect(bundle.run(repo.dir, ['frobnicate']).status).toBe(2);
    expect(bundle.run(repo.dir, ['--quiet', 'log']).status).toBe(0);
    const caches = readdirSync(bundle.dir).filter((name) => name.endsWith('.cache')).sort();
    expect(caches).toEqual(['cli.cache', 'cli.log.cache']);
  });

  it('--version and --help write their code cache as every other run does, and run no command', () => {
    const repo = makeRepo();
    repo.commit('one', { a: '1' });
    const bundle = privateBundle();
    const version = bundle.run(repo.dir, ['--version']);
    expect([version.status, String(version.stdout).trim()]).toEqual([0, JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version]);
    // yargs ended such a run in process.exit(), before the loader wrote the cache: each compiled the whole CLI.
    expect(existsSync(join(bundle.dir, 'cli.cache'))).toBe(true);
    for (const args of [['init', '--help'], ['init', '--mode', 'git', '-h']]) {
      const help = bundle.run(repo.dir, args);
      expect(help.status, args.join(' ')).toBe(0);
      expect(String(help.stdout)).toContain('aitrail init');
    }
    expect(existsSync(join(bundle.dir, 'cli.init.cache'))).toBe(true);
    // Help only: init installed nothing.
    expect(readdirSync(join(repo.dir, '.git', 'hooks')).filter((name) => !name.endsWith('.sample'))).toEqual([]);
    expect(readFileSync(join(repo.dir, '.git', 'config'), 'utf8')).not.toContain('aitrail');
  });

  // The bundle and the module tree (dist/cli/entry.js, what bin falls back to) are one CLI: the same
  // output, exit code and repository state for help (yargs' locale files, found from the installed
  // yargs), usage errors, reports and init (husky, an ES module the bundle loads with require()).
  it('the bundled CLI answers exactly as the module tree does', () => {
    const treeScript = join(tempDir('aitrail-tree-'), 'tree.mjs');
    writeFileSync(treeScript, `const { main } = await import(${JSON.stringify(pathToFileURL(fileURLToPath(new URL('../../dist/cli/entry.js', import.meta.url))).href)});\nprocess.exitCode = await main(process.argv.slice(2));\n`);
    const repo = makeRepo();
    repo.commit('feat: one\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', { 'a.ts': 'a\nb\n' });
    repo.commit('two', { 'b.ts': 'c\n' });
    const run = (entry: string, cwd: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
      const result = spawnSync(process.execPath, [entry, ...args], { cwd, env: { ...TEST_GIT_ENV, ...env }, input: '', encoding: 'utf8' });
      return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    };
    const german = { LC_ALL: '', LANG: 'de_DE.UTF-8' };
    const cases: Array<[string[], NodeJS.ProcessEnv?]> = [
      [['--help']], [['blame', '--help'], german], [['--version']], [[]], [['lgo']], [['log', '--frob']],
      [['log', '--format', 'json']], [['blame', '--no-cache', '--format', 'json']], [['check', 'HEAD~1..HEAD']],
    ];
    for (const [args, env] of cases) {
      const tree = run(treeScript, repo.dir, args, env);
      expect(run(BIN, repo.dir, args, env), args.join(' ')).toEqual(tree);
    }
    expect(run(BIN, repo.dir, ['blame', '--help'], german).stdout).toContain('Optionen:');
    // init with husky, in two identical repositories.
    const [viaTree, viaBundle] = [treeScript, BIN].map((entry) => {
      const other = makeRepo();
      other.commit('one', { 'package.json': '{"devDependencies":{"husky":"9.1.7"}}\n' });
      const result = run(entry, other.dir, ['init', '--mode', 'husky']);
      expect(existsSync(join(other.dir, '.husky', '_', 'h')), entry).toBe(true);
      return { ...result, stdout: result.stdout.replaceAll(other.dir, '<repo>'), stderr: result.stderr.replaceAll(other.dir, '<repo>'), hooksPath: other.git(['config', 'core.hooksPath']), files: readdirSync(join(other.dir, '.husky')).sort() };
    });
    expect(viaBundle).toEqual(viaTree);
    expect(viaBundle.code).toBe(0);
  });
});
