import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

/** Environment for git in tests: no global/system config, fixed identity, no signing. */
export const TEST_GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_AUTHOR_NAME: 'Test Human',
  GIT_AUTHOR_EMAIL: 'human@example.com',
  GIT_COMMITTER_NAME: 'Test Human',
  GIT_COMMITTER_EMAIL: 'human@example.com',
  LC_ALL: 'C',
};
// Extra CA certificates are parsed by every node process at start-up (~70 ms of CPU each, on every
// CLI run and every hook of every test commit); nothing but npm talks TLS: NETWORK_ENV gives it back.
// (vitest.config.ts moves the machine's setting to TEST_NODE_EXTRA_CA_CERTS before workers start.)
const CA_CERTS = process.env.TEST_NODE_EXTRA_CA_CERTS ?? process.env.NODE_EXTRA_CA_CERTS;
delete TEST_GIT_ENV.NODE_EXTRA_CA_CERTS;
delete TEST_GIT_ENV.TEST_NODE_EXTRA_CA_CERTS;
/** What a step that reaches a registry (npm install, pnpm add, yarn add) adds to its environment: the machine's CA settings. */
export const NETWORK_ENV: NodeJS.ProcessEnv = CA_CERTS === undefined ? {} : { NODE_EXTRA_CA_CERTS: CA_CERTS };
for (const key of Object.keys(TEST_GIT_ENV)) {
  // Agent markers of the machine running the tests must not leak into them.
  if (/^(CLAUDECODE|CLAUDE_CODE_.*|CURSOR_.*|CODEX_.*|GEMINI_CLI|QWEN_CODE|AI_AGENT|AGENT|OPENCODE|GOOSE_.*|CLINE_.*|AITRAIL.*|HUSKY.*)$/.test(key)) {
    delete TEST_GIT_ENV[key];
  }
}

export interface TestRepo {
  dir: string;
  /** Run git in the repo; returns trimmed stdout. */
  git(args: string[], options?: { env?: NodeJS.ProcessEnv; input?: string; raw?: boolean }): string;
  write(path: string, content: string): void;
  /** Write files, stage everything, commit with the message (via -F, byte-exact); returns the new sha. */
  commit(message: string, files?: Record<string, string>, env?: NodeJS.ProcessEnv): string;
}

const created: string[] = [];
/**
 * Removes the temporary directories made so far. test/setup/temp-dirs.ts calls it after each test
 * file: a worker may run several files (vitest's isolate: false) and load this module once.
 */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

const keptForWorker: string[] = [];
/**
 * A temporary directory that outlives the test file (removeTempDirs leaves it), removed when the worker
 * process ends (and with the run's own temporary directory: test/helpers/ram-tmpdir.ts): what
 * repoTemplate and initialised make once per worker, for the files it runs one after another
 * (vitest's isolate: false), instead of once per file (session 51 a: ~4 git processes a file).
 */
function workerTempDir(prefix: string): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  if (keptForWorker.push(dir) === 1) process.once('exit', () => {
    for (const kept of keptForWorker) rmSync(kept, { recursive: true, force: true });
  });
  return dir;
}

let keptDirs = false;
/**
 * What `build` makes, its temporary directories (tempDir, makeRepo's) kept for the worker (workerTempDir) instead
 * of going with the test file: a set-up many files share (test/helpers/hooked-repo.ts copiedRepo's shared originals),
 * made once per worker rather than once per file.
 */
export function keptForTheWorker<T>(build: () => T): T {
  const was = keptDirs;
  keptDirs = true;
  try {
    return build();
  } finally {
    keptDirs = was;
  }
}

export function tempDir(prefix = 'aitrail-test-'): string {
  if (keptDirs) return workerTempDir(prefix);
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  created.push(dir);
  return dir;
}

/** The local config of every test repository. */
const REPO_CONFIG: [string, string][] = [
  ['user.name', 'Test Human'],
  ['user.email', 'human@example.com'],
  ['commit.gpgsign', 'false'],
  ['tag.gpgsign', 'false'],
  ['gc.auto', '0'],
  // git commit, merge and rebase start `git maintenance run --auto` after each commit, and a
  // server's receive-pack `git gc --auto` after each push: ~2,900 processes of the suite that do nothing here.
  ['maintenance.auto', 'false'],
  ['receive.autogc', 'false'],
];

let template: string | undefined;
/**
 * A `git init --template` directory made once per worker (workerTempDir): what a plain `git init` copies from
 * git's own template (hook samples, info/exclude, branches/) plus a `config` holding REPO_CONFIG,
 * written as `git config` writes it (and read back by git to be sure). git copies it into each new
 * repository and adds its core settings, so a test repository costs one `git init` instead of
 * eight git processes.
 */
export function repoTemplate(): string {
  if (template !== undefined && existsSync(template)) return template;
  const scratch = workerTempDir('aitrail-template-');
  const git = (args: string[]) => execFileSync('git', args, { cwd: scratch, env: TEST_GIT_ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git(['init', '-q', 'plain']);
  const made = join(scratch, 'template');
  for (const name of readdirSync(join(scratch, 'plain', '.git'))) {
    if (!['HEAD', 'config', 'objects', 'refs'].includes(name)) cpSync(join(scratch, 'plain', '.git', name), join(made, name), { recursive: true });
  }
  // The config file as `git config --file` writes it (one process instead of one per key; the values are plain words).
  const sections = new Map<string, string[]>();
  for (const [key, value] of REPO_CONFIG) {
    const dot = key.indexOf('.');
    sections.set(key.slice(0, dot), [...(sections.get(key.slice(0, dot)) ?? []), `\t${key.slice(dot + 1)} = ${value}\n`]);
  }
  writeFileSync(join(made, 'config'), [...sections].map(([section, lines]) => `[${section}]\n${lines.join('')}`).join(''));
  expect(git(['config', '--file', join(made, 'config'), '--list'])).toBe(REPO_CONFIG.map(([key, value]) => `${key.toLowerCase()}=${value}\n`).join(''));
  template = made;
  return made;
}

/**
 * The commit `git commit` just made in `dir`, read from .git as git wrote it (HEAD, then the loose
 * ref it names): a `git rev-parse HEAD` less per test commit. Undefined when that is not plain
 * (a .git file, GIT_DIR in the commit's environment, a packed or reftable ref): ask git then.
 */
function headOf(dir: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.GIT_DIR !== undefined || env.GIT_COMMON_DIR !== undefined) return undefined;
  try {
    const head = readFileSync(join(dir, '.git', 'HEAD'), 'utf8');
    const ref = /^ref: (refs\/heads\/[^\n]+)\n$/.exec(head)?.[1];
    const sha = ref === undefined ? head : readFileSync(join(dir, '.git', ref), 'utf8');
    return /^(?:[0-9a-f]{40}|[0-9a-f]{64})\n$/.test(sha) ? sha.trim() : undefined;
  } catch {
    return undefined;
  }
}

const initialisedRepos = new Map<string, string>();
/**
 * The `.git` directory (a bare repository's directory) that `git init <init...>` makes, made once per
 * worker (workerTempDir), kind of repository and file system (git init probes the file system for core.filemode,
 * core.symlinks, core.ignorecase): makeRepo copies it into an empty place instead of starting git
 * (`git init` writes nothing that names the repository's own path). A copy of a repository git made.
 */
function initialised(init: string[], into: string): string | undefined {
  const key = `${statSync(into).dev}\0${init.join('\0')}`;
  const made = initialisedRepos.get(key);
  if (made !== undefined && existsSync(made)) return made;
  const scratch = join(workerTempDir('aitrail-initialised-'), 'repo');
  mkdirSync(scratch);
  // Another file system than the temporary directory's: its own git init, as before.
  if (statSync(scratch).dev !== statSync(into).dev) return undefined;
  execFileSync('git', init, { cwd: scratch, env: TEST_GIT_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const repo = init.includes('--bare') ? scratch : join(scratch, '.git');
  initialisedRepos.set(key, repo);
  return repo;
}

/**
 * What `aitrail init` wrote under a copied repository's .git/aitrail naming no path of it but its
 * config cache's key and stamps (.git/aitrail/config-cache.json): the copy's rewritten to the copy's
 * path, as init run there writes them (nothing to do for a repository init never ran in).
 */
function repointAitrailFiles(original: string, copy: string): void {
  const state = join(copy, '.git', 'aitrail');
  if (!existsSync(state)) return;
  for (const entry of readdirSync(state, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    if (text.includes(original)) writeFileSync(file, text.split(original).join(copy));
  }
}

/** A real repository in a temp dir: `git init`, user, `commit.gpgsign=false`, `gc.auto=0` (`objectFormat`: `git init --object-format`). */
export function makeRepo(options: { bare?: boolean; dir?: string; objectFormat?: 'sha1' | 'sha256'; copyOf?: string } = {}): TestRepo {
  const dir = options.dir ?? tempDir();
  mkdirSync(dir, { recursive: true });
  const run = (args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; raw?: boolean } = {}) => {
    // `git rev-parse HEAD` read from .git as git reads it (headOf), when that is plain: a git process less per test read.
    if (args.length === 2 && args[0] === 'rev-parse' && args[1] === 'HEAD' && opts.raw !== true && opts.input === undefined) {
      const sha = headOf(dir, { ...TEST_GIT_ENV, ...opts.env });
      if (sha !== undefined) return sha;
    }
    const out = execFileSync('git', args, { cwd: dir, env: { ...TEST_GIT_ENV, ...opts.env }, input: opts.input ?? '', encoding: 'utf8', maxBuffer: 1 << 30 });
    return opts.raw ? out : out.trim();
  };
  const init = ['init', '-q', '-b', 'main', `--template=${repoTemplate()}`, ...(options.bare ? ['--bare'] : []), ...(options.objectFormat ? [`--object-format=${options.objectFormat}`] : [])];
  // Into an empty place (a work tree without .git): a copy of the repository git init made there once.
  const present = readdirSync(dir);
  // copyOf: a copy of that repository, work tree and .git (a non-bare one made by makeRepo in this file), instead of git init
  // (what aitrail init wrote naming its path repointed: repointAitrailFiles);
  // its symbolic links as they are (cpSync would make a relative one absolute, into the original: node_modules/.bin's).
  if (options.copyOf !== undefined) {
    cpSync(options.copyOf, dir, { recursive: true, verbatimSymlinks: true });
    repointAitrailFiles(options.copyOf, dir);
  } else {
    const made = present.length === 0 || (!options.bare && !present.includes('.git')) ? initialised(init, dir) : undefined;
    if (made === undefined) run(init);
    else cpSync(made, options.bare ? dir : join(dir, '.git'), { recursive: true });
  }
  const write = (path: string, content: string) => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  const commit = (message: string, files: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}) => {
    for (const [path, content] of Object.entries(files)) write(path, content);
    // One process from the test worker instead of two: every fork copies the worker's page tables.
    execFileSync('sh', ['-c', 'git add -A && git commit -q --allow-empty --cleanup=verbatim -F -'], { cwd: dir, env: { ...TEST_GIT_ENV, ...env }, input: message, encoding: 'utf8' });
    return headOf(dir, env) ?? run(['rev-parse', 'HEAD']);
  };
  return { dir, git: run, write, commit };
}

/**
 * A git date (`@<seconds> +0000`) a minute after now, for a person's commit that must not share the
 * second of the AI commit just made: the same author in the same second is what an amend of that
 * commit looks like to the shims (`.git/aitrail/ai-author`), and node rightly starts for it; a fast
 * machine makes a test's commits within one second.
 */
export function laterThanNow(): string {
  return `@${Math.floor(Date.now() / 1000) + 60} +0000`;
}
