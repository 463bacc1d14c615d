import { posix } from 'node:path';
import { ENV_ASSIGN_SEPARATOR, ENV_ASSIGN_START } from './env-assign.js';
import { runGit, runGitRaw } from './exec.js';
import { GREP_COMMAND } from './grep-command.js';

/**
 * Variables that decide, before any hook runs, whether git runs aitrail's hooks at all: git's own
 * (its settings, `core.hooksPath` among them, and the repository it commits to) and the hook
 * managers' switches. aider loads the git root's and its working directory's `.env` over the
 * environment (python-dotenv `override=True`), Gemini CLI and Qwen Code the nearest `.gemini/.env`,
 * `.qwen/.env` or `.env` (Qwen Code's newer releases leave git's own out), into the environment of
 * their `git commit`: set in a `.env` the repository commits, such a variable makes every agent
 * commit there with no aitrail hook (nothing recorded, nothing refused), which no hook can notice,
 * since none runs. Each with the test of a value that switches hooks off (null: any value).
 */
const SWITCHES: Readonly<Record<string, ((value: string) => boolean) | null>> = {
  // git's settings (core.hooksPath=/dev/null), or the config files they come from.
  GIT_CONFIG_COUNT: null,
  GIT_CONFIG_PARAMETERS: null,
  GIT_CONFIG_GLOBAL: null,
  GIT_CONFIG_SYSTEM: null,
  XDG_CONFIG_HOME: null,
  HOME: null,
  // git's exec-path, put first on the PATH of every git subcommand and hook: git runs the `git` there for its
  // own (commit's and pull's `maintenance run --auto`, pull's fetch, worktree add's checkout), so a
  // relative `tools` runs the repository's tools/git, where a commit without hooks is one line.
  GIT_EXEC_PATH: null,
  // Another repository committed to (its hooks, or none). GIT_COMMON_DIR alone: git takes the hooks (and config)
  // from that folder, whose committed links to .git/objects and .git/refs land the commit on the real branch.
  GIT_DIR: null,
  GIT_WORK_TREE: null,
  GIT_COMMON_DIR: null,
  // husky's runtime ends before any hook file; pre-commit skips the hooks its SKIP names.
  HUSKY: (value) => value === '0',
  SKIP: (value) => /\baitrail-/.test(value),
  // lefthook's hook files end at `LEFTHOOK=0` (or `false`), run LEFTHOOK_BIN instead of lefthook, read
  // LEFTHOOK_CONFIG instead of lefthook.yml, and leave out the jobs and tags LEFTHOOK_EXCLUDE names;
  // simple-git-hooks' end at `SKIP_SIMPLE_GIT_HOOKS=1` and first source SIMPLE_GIT_HOOKS_RC (an `exit 0` there).
  LEFTHOOK: (value) => value === '0' || value.toLowerCase() === 'false',
  LEFTHOOK_BIN: null,
  LEFTHOOK_CONFIG: null,
  LEFTHOOK_EXCLUDE: null,
  SKIP_SIMPLE_GIT_HOOKS: (value) => value === '1',
  SIMPLE_GIT_HOOKS_RC: null,
  // Where /bin/sh is bash (Fedora, Arch, macOS): `noexec` runs no line of any hook script, which ends at 0
  // (aitrail's shims, git-mode or husky's runtime alike); nor does `onecmd` (bash reads one command, the
  // `#!/bin/sh` comment line, and exits 0); `xtrace` traces the first line before any `set +x`, running
  // PS4's `$(…)` (imported for every user but root). The shims undo the other options they inherit.
  SHELLOPTS: (value) => /(^|:)(noexec|onecmd|xtrace)(:|$)/.test(value.trim()),
};

/**
 * A function bash (as /bin/sh) takes from the environment (`BASH_FUNC_read%%='() { exit 0; }'`, which
 * aider's python-dotenv loads): the git-mode shims unset them (shim-source.ts inheritedShellLines), but
 * husky's runtime runs `dirname`, `basename` and `sh` by name before any hook file. Named by the name
 * before `%%`.
 */
const FUNCTION_NAME = 'BASH_FUNC_[^=%\'" \t]*';

/** The hook manager whose switch a found variable is (its hooks must run here for it to matter), or null for git's own. */
export function switchManager(name: string): 'husky' | 'lefthook' | 'simple-git-hooks' | null {
  if (name.startsWith('HUSKY=')) return 'husky';
  if (name.startsWith('LEFTHOOK')) return 'lefthook';
  return name.includes('SIMPLE_GIT_HOOKS') ? 'simple-git-hooks' : null;
}

const NAMES = [...Object.keys(SWITCHES), FUNCTION_NAME].join('|');
/** An assignment as the agents' dotenv readers take one: any blank before the name (env-assign.ts), quotes around it, `=` or `:`. */
const ASSIGNS = `${ENV_ASSIGN_START}(${NAMES})${ENV_ASSIGN_SEPARATOR}.{0,200}`;
/** Each assignment in what git grep found (a lone CR ends a line to the readers: the next may follow it). */
const LINE = new RegExp(`(?:^|[^\\w.-])(${NAMES})[^\\w.=:-]*[=:][^\\S\\r]*([^\\r]{0,200})`, 'g');

/** One such assignment: the committed file and the variable (`HUSKY=0`). */
export interface PlantedSwitch {
  file: string;
  name: string;
}

/** The value of a dotenv line's right-hand side: quotes taken off, an unquoted value up to a ` #` comment. */
function valueOf(text: string): string {
  const quoted = /^(['"`])(.*?)\1/.exec(text);
  if (quoted) return quoted[2]!;
  return text.replace(/\s+#.*$/, '').trim();
}

/** The pathspecs of the files agents load as a `.env` (any folder), in any case (a file system that ignores case opens `.ENV` for `.env`: planted-env.ts). */
const ENV_FILES = [':(glob,icase)**/.env', ':(glob,icase)**/.env.*'];
/** Pathspecs as written: no GIT_*_PATHSPECS of the environment changes how they read. */
const PATHSPEC_ENV = { GIT_LITERAL_PATHSPECS: '0', GIT_GLOB_PATHSPECS: undefined, GIT_NOGLOB_PATHSPECS: undefined, GIT_ICASE_PATHSPECS: undefined };
/** At most this many committed `.env` links followed (a repository may commit any number). */
const MAX_LINKS = 64;

/**
 * The committed files that committed `.env` links name, each as `{ link, target }`: the agents'
 * dotenv readers load a link's file, which `git grep` never reads through a link. Only a target inside
 * the repository (relative, not leaving the top) is read; one `ls-files` process, two `cat-file` more
 * when there is a link. `null` when the index holds no `.env` file at all (link or not).
 */
async function linkedEnvFiles(cwd: string): Promise<Array<{ link: string; target: string }> | null> {
  const listed = await runGit(['-c', 'core.fsmonitor=false', 'ls-files', '-s', '-z', '--', ...ENV_FILES], { cwd, env: PATHSPEC_ENV });
  // No `.env` in the index: none committed, none tracked in the work tree (git grep reads only those).
  if (listed === '') return null;
  const links: Array<{ link: string; sha: string }> = [];
  for (const record of listed.split('\0')) {
    const entry = /^120000 ([0-9a-f]{40,64}) \d\t(.+)$/s.exec(record);
    if (entry && links.length < MAX_LINKS) links.push({ link: entry[2]!, sha: entry[1]! });
  }
  if (links.length === 0) return [];
  // A link's blob is a path: one larger than a path can be (a hostile index may hold any blob) is not read.
  const sizes = await runGit(['cat-file', '--batch-check'], { cwd, input: links.map((each) => `${each.sha}\n`).join('') });
  const small = new Set(sizes.split('\n').map((line) => /^([0-9a-f]+) blob (\d+)$/.exec(line)).filter((m) => m !== null && Number(m[2]) <= 4096).map((m) => m![1]!));
  links.splice(0, links.length, ...links.filter((each) => small.has(each.sha)));
  if (links.length === 0) return [];
  const batch = await runGitRaw(['cat-file', '--batch'], { cwd, input: links.map((each) => `${each.sha}\n`).join('') });
  const found: Array<{ link: string; target: string }> = [];
  let at = 0;
  for (const each of links) {
    const end = batch.indexOf(10, at);
    const header = end < 0 ? null : /^[0-9a-f]+ blob (\d{1,7})$/.exec(batch.toString('latin1', at, end));
    if (!header) break;
    const text = batch.toString('utf8', end + 1, end + 1 + Number(header[1]));
    at = end + 1 + Number(header[1]) + 1;
    if (text.startsWith('/') || text.includes('\0')) continue;
    const target = posix.normalize(posix.join(posix.dirname(each.link), text));
    if (target === '..' || target.startsWith('../') || target === '.') continue;
    found.push({ link: each.link, target });
  }
  return found;
}

/**
 * The assignments of SWITCHES in the `.env` and `.env.*` files the repository commits (`git grep`,
 * binary files as text, of the files as checked out, which the agents load: a committed
 * `working-tree-encoding` or filter writes another text there than the index holds), and in the
 * committed files that committed `.env` links name (named `link -> target`), each file and
 * variable once.
 */
export async function plantedHookSwitches(cwd: string): Promise<PlantedSwitch[]> {
  const linked = await linkedEnvFiles(cwd);
  // Both greps below read tracked files only, the same pathspecs: with no `.env` in the index they
  // find nothing (a push in a repository that commits none: two git processes less).
  if (linked === null) return [];
  const shown = new Map(linked.map((each) => [each.target, `${each.link} -> ${each.target}`]));
  // -o: the assignment and at most 200 characters of its value, however long a committed line is.
  // As checked out (what the agents load) and as committed (what every clone gets, and what an agent
  // started before a local edit or deletion loaded): a file deleted from the work tree is read still.
  const grep = (cached: string[]) =>
    runGit([...GREP_COMMAND, ...cached, '-z', '-a', '-o', '-E', ASSIGNS, '--', ...ENV_FILES, ...linked.map((each) => `:(literal)${each.target}`)], {
      cwd,
      env: PATHSPEC_ENV,
      okCodes: [1],
    });
  const out = (await Promise.all([grep([]), grep(['--cached'])])).join('\n');
  const found = new Map<string, PlantedSwitch>();
  for (const record of out.split('\n')) {
    const at = record.indexOf('\0');
    if (at < 0) continue;
    const path = record.slice(0, at);
    const file = shown.get(path) ?? path;
    for (const match of record.slice(at + 1).matchAll(LINE)) {
      const name = match[1]!;
      const when = SWITCHES[name];
      const value = valueOf(match[2] ?? '');
      if (when && !when(value)) continue;
      found.set(`${file}\0${name}`, { file, name: when ? `${name}=${value.slice(0, 60)}` : name });
    }
  }
  return [...found.values()];
}
