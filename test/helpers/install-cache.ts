import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';

/**
 * Identical package-manager installs made once per run (a real install in ~0.3-0.6 s of CPU each; the same set-up
 * recurs across the tests of a file and across files). The cache (TEST_INSTALL_CACHE, a folder of the run:
 * test/setup/install-cache.global-setup.ts) holds, under a key of everything the install reads, what it wrote;
 * a later install of the same inputs gets a copy instead of a run. Only for installs that set up a tree a test
 * then judges: a test that checks what the package manager itself does runs it (install: the real one).
 *
 * The key: the tool (its resolved path, size and time: another version is another key), node, the arguments,
 * the environment the tool reads (npm_config_*, YARN_*, PNPM_*, BUN_*, HOME, PATH, CI), and every file under
 * `root` (the test's own temporary folder: the project, its vendored packages, the marker a hostile script would
 * touch) but .git and node_modules, its path, mode and bytes, `root` itself spelt as a placeholder; `extra`
 * files outside root (a tarball elsewhere) by their bytes. A test's paths differ only under root: what the
 * install wrote that names root (npm's records, a copied script's marker, an absolute link) is rewritten to the
 * copy's root, as the install run there writes it.
 *
 * Few installs of the suite are identical (session 49, the 32 integration files that run a package manager, each
 * alone: 214 npm/pnpm/yarn processes, ~68 s of their CPU; ~15 installs, the 13 packs of the honest package and the
 * --version probes repeated): most are what a test judges, each of other inputs. CPU (user+sys of npx vitest run
 * and its children, interleaved): husky-block-judged-s47b 6.64, 7.59 -> 5.90, 6.34 s; the eight files changed,
 * one run, 41.40, 38.87 -> 37.47, 36.69 s. Session 50: pnpm's installs too (one store for the run,
 * sharedPnpmStore), but the 23 of the five files that make them (shim-pnpm-file-dep-s43d, -store-dir-s43t,
 * -hoisted-s43l, shim-copied-package-s44x, shim-tool-path-s43t) are 23 keys: each a layout its test judges.
 */

const ROOT = '\u0000root\u0000';

type Stat = ReturnType<typeof lstatSync> & {};

/** Every file, link and folder under `dir` but .git (its own repositories' too): relative path -> lstat, sorted. */
function entries(dir: string, base = dir, found = new Map<string, Stat>()): Map<string, Stat> {
  for (const name of readdirSync(dir).sort()) {
    if (name === '.git') continue;
    const path = join(dir, name);
    const stat = lstatSync(path);
    found.set(relative(base, path), stat);
    if (stat.isDirectory()) entries(path, base, found);
  }
  return found;
}

/** The real file a command name runs on `path` (a PATH string), with its size and time; '' when none. */
function toolStamp(tool: string, path: string): string {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, tool);
    try {
      const real = realpathSync(candidate);
      const stat = statSync(real);
      if (stat.isFile()) return `${candidate} ${real} ${stat.size} ${stat.mtimeMs}`;
    } catch {
      // not there
    }
  }
  return '';
}

/** The environment a package manager reads. */
const READ_ENV = /^(npm_config_.*|NPM_.*|YARN_.*|PNPM_.*|BUN_.*|COREPACK_.*|HOME|PATH|CI|NODE_OPTIONS|NODE_PATH|XDG_.*)$/i;

export interface InstallSpec {
  /** The command (looked up on env.PATH for the key) and its arguments. */
  command: string;
  args: string[];
  /** Where it runs, and with what environment. */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The test's temporary folder holding cwd and all else of the test the install reads or writes. */
  root: string;
  /** Files outside root the install reads (a tarball elsewhere): their bytes in the key. */
  extra?: string[];
}

export interface InstallResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Whether it was a copy of an earlier install's outputs (false: the package manager ran). */
  copied: boolean;
}

/** The run's temporary folders (tmpdir()'s entries) a text names, as `<tmpdir>/<name>`. */
function foldersNamed(text: string, into: Set<string>): void {
  const base = tmpdir();
  let at = text.indexOf(`${base}/`);
  while (at !== -1) {
    const name = /^[^/\s\0"'\\:;,)\]}]+/.exec(text.slice(at + base.length + 1))?.[0];
    if (name !== undefined) into.add(join(base, name));
    at = text.indexOf(`${base}/`, at + 1);
  }
}

/** Every file and link of `entries` (relative to `dir`) into `hash`, `root` spelt as a placeholder; the run's other folders they name into `named`. */
function hashTree(hash: ReturnType<typeof createHash>, dir: string, found: Map<string, Stat>, root: string, named: Set<string>): void {
  for (const [rel, stat] of found) {
    const path = join(dir, rel);
    hash.update(`\0${rel}\0${stat.mode}\0`);
    const bytes = stat.isSymbolicLink() ? readlinkSync(path) : stat.isFile() ? readFileSync(path).toString('latin1') : '';
    foldersNamed(bytes, named);
    hash.update(bytes.split(root).join(ROOT), 'latin1');
  }
}

/**
 * The key of an install (see above): `root` spelt as a placeholder in every path and byte. The run's other
 * temporary folders its files, arguments or environment name (a tarball of the test file's, a registry's root)
 * are read too: their files are in the key as they are.
 */
function installKey(spec: InstallSpec, before: Map<string, Stat>): string {
  const hash = createHash('sha256');
  const text = (value: string) => value.split(spec.root).join(ROOT);
  const named = new Set<string>();
  const head = JSON.stringify([spec.command, toolStamp(spec.command, spec.env.PATH ?? ''), process.execPath, process.version, spec.args, relative(spec.root, spec.cwd)]);
  const env = Object.keys(spec.env).sort().filter((key) => READ_ENV.test(key)).map((key) => `${key}=${spec.env[key] ?? ''}`).join('\0');
  foldersNamed(`${head}\0${env}`, named);
  hash.update(text(`${head}\0${env}`));
  hashTree(hash, spec.root, before, spec.root, named);
  named.delete(spec.root);
  // The run's pnpm store (sharedPnpmStore): content-addressed, what an install takes from it is named by the package's own bytes, in the key.
  named.delete(runPnpmStore() ?? '');
  for (const folder of [...named].sort()) {
    if (spec.root.startsWith(`${folder}/`) || !statSync(folder, { throwIfNoEntry: false })?.isDirectory()) continue;
    hash.update(`\0folder ${folder}`);
    hashTree(hash, folder, entries(folder), spec.root, new Set());
  }
  for (const file of spec.extra ?? []) hash.update(`\0extra ${text(file)}\0`).update(readFileSync(file));
  return hash.digest('hex');
}

/** What changed under root (`before` -> now): the new folders, the new or changed files and links; undefined when something went. */
function changed(root: string, before: Map<string, Stat>): string[] | undefined {
  const after = entries(root);
  for (const rel of before.keys()) if (!after.has(rel)) return undefined;
  const same = (a: Stat, b: Stat) => a.mode === b.mode && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino;
  return [...after].filter(([rel, stat]) => !before.has(rel) || (!stat.isDirectory() && !same(before.get(rel)!, stat))).map(([rel]) => rel);
}

/** `files` (relative paths) of `from` copied into `to` (a link as it is, a file's mode kept), `fromRoot` in them spelt `toRoot`. */
function copyFiles(files: string[], from: string, to: string, fromRoot: string, toRoot: string): void {
  for (const rel of files) {
    const source = join(from, rel);
    const dest = join(to, rel);
    mkdirSync(dirname(dest), { recursive: true });
    if (!lstatSync(source).isDirectory()) rmSync(dest, { recursive: true, force: true });
    const stat = lstatSync(source);
    if (stat.isDirectory()) {
      mkdirSync(dest, { recursive: true });
      continue;
    }
    if (stat.isSymbolicLink()) {
      symlinkSync(readlinkSync(source).split(fromRoot).join(toRoot), dest);
      continue;
    }
    const bytes = readFileSync(source);
    if (fromRoot !== toRoot && bytes.includes(fromRoot)) writeFileSync(dest, bytes.toString('latin1').split(fromRoot).join(toRoot), 'latin1');
    else copyFileSync(source, dest);
    chmodSync(dest, stat.mode & 0o7777);
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * false once `done` exists (another worker made it); true when this worker holds `lock` (made exclusively) and is
 * to make `done`, then remove the lock. A worker that finds the lock waits for `done`; a lock older than two
 * minutes (its worker gone) is taken over.
 */
function lockOrDone(lock: string, done: string): boolean {
  for (;;) {
    if (existsSync(done)) return false;
    try {
      closeSync(openSync(lock, 'wx'));
      if (!existsSync(done)) return true;
      rmSync(lock, { force: true });
      return false;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held !== undefined && Date.now() - held.mtimeMs > 120_000) rmSync(lock, { force: true });
      else sleep(50);
    }
  }
}

/**
 * `spec`'s command, run (spawnSync) once per run and inputs: a later run with the same key gets a copy of what the
 * first wrote under root (every file and link it made or changed, root rewritten) and what it printed, without a
 * process. The first builds under a lock file (`<key>.lock`, made exclusively) that parallel workers wait on rather
 * than run it too; a lock older than two minutes (its worker gone) is taken over. Only a success (exit 0) that
 * removed nothing is kept. Without the run's cache (no TEST_INSTALL_CACHE): the command runs.
 */
export function cachedInstall(spec: InstallSpec): InstallResult {
  const run = (): InstallResult => {
    const result = spawnSync(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout ?? '', stderr: `${result.stderr ?? ''}${result.error?.message ?? ''}`, copied: false };
  };
  const cache = process.env.TEST_INSTALL_CACHE;
  if (cache === undefined || !existsSync(cache)) return run();
  const before = entries(spec.root);
  const entry = join(cache, installKey(spec, before));
  const lock = `${entry}.lock`;
  const done = join(entry, 'result.json');
  if (!lockOrDone(lock, done)) {
    const { root, files, status, stdout, stderr } = JSON.parse(readFileSync(done, 'utf8')) as { root: string; files: string[]; status: number; stdout: string; stderr: string };
    copyFiles(files, join(entry, 'files'), spec.root, root, spec.root);
    const said = (value: string) => value.split(root).join(spec.root);
    return { status, stdout: said(stdout), stderr: said(stderr), copied: true };
  }
  try {
    const result = run();
    const files = result.status === 0 ? changed(spec.root, before) : undefined;
    if (files !== undefined) {
      const building = `${entry}.building`;
      rmSync(building, { recursive: true, force: true });
      mkdirSync(join(building, 'files'), { recursive: true });
      copyFiles(files, spec.root, join(building, 'files'), spec.root, spec.root);
      writeFileSync(join(building, 'result.json'), JSON.stringify({ root: spec.root, files, status: result.status, stdout: result.stdout, stderr: result.stderr }));
      renameSync(building, entry);
    }
    return result;
  } finally {
    rmSync(lock, { force: true });
  }
}

/** The test's temporary folder holding `dir`: its ancestor directly in the run's temporary directory (else dir's parent). */
export function testRoot(dir: string): string {
  const base = tmpdir();
  const rel = relative(base, dir);
  if (rel === '' || rel.startsWith('..') || rel.startsWith('/')) return dirname(dir);
  return join(base, rel.split('/')[0]!);
}

/**
 * `<command> --version` under `env` once per run (a node package manager's start alone is ~0.1-0.35 s of CPU, and
 * each worker's test files asked it again): its exit code and output, kept in the run's cache under the command's
 * resolved file, size and time and the PATH it was found on. Without the run's cache: run.
 */
export function toolVersion(command: string, env: NodeJS.ProcessEnv = process.env): { status: number | null; stdout: string } {
  const run = () => {
    const result = spawnSync(command, ['--version'], { env, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout ?? '' };
  };
  const cache = process.env.TEST_INSTALL_CACHE;
  if (cache === undefined || !existsSync(cache)) return run();
  const file = join(cache, `version-${createHash('sha256').update(JSON.stringify([command, toolStamp(command, env.PATH ?? ''), env.PATH ?? '', process.execPath])).digest('hex')}.json`);
  if (!lockOrDone(`${file}.lock`, file)) return JSON.parse(readFileSync(file, 'utf8')) as { status: number | null; stdout: string };
  let result: { status: number | null; stdout: string };
  try {
    result = run();
    writeFileSync(`${file}.${process.pid}`, JSON.stringify(result));
    renameSync(`${file}.${process.pid}`, file);
  } finally {
    rmSync(`${file}.lock`, { force: true });
  }
  return result;
}

/**
 * The run's one pnpm store, on the filesystem of the tests' folders (pnpm hard-links from a store there, and copies
 * from one elsewhere: the run's cache is on the disk when the tests are in RAM); undefined without the run's cache.
 */
function runPnpmStore(): string | undefined {
  const cache = process.env.TEST_INSTALL_CACHE;
  if (cache === undefined || !existsSync(cache)) return undefined;
  return dirname(cache) === tmpdir() ? join(cache, 'pnpm-store') : join(tmpdir(), 'aitrail-run-pnpm-store');
}

/**
 * One pnpm store for the run (a fresh store per install kept every key apart, so no pnpm install was ever
 * shared), for installs whose subject is not the store: its path is the same in every key, its contents are not
 * read into it (a store is content-addressed: a `file:` folder or tarball is imported by its own bytes, which the
 * key holds). Without the run's cache: a store of the test's (`fallback`).
 */
export function sharedPnpmStore(fallback: () => string): string {
  return runPnpmStore() ?? fallback();
}
