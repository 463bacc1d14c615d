import { createHash } from 'node:crypto';
import { CLIENT_HOOKS, neverBlocks, type InstalledHook } from './hook-names.js';
import { hookGates } from './pending-gate.js';
import { plantedEnv } from './planted-env.js';
import { classGuardLines, clientLookup, ledIntoTrackedLines, packageDirFunction, runLines, safePathLines } from './shim-source.js';
import { fastPathFunctions, freshFunction, preparedFunction, sameFunction } from './fast-path.js';
import { outcome } from './hook-messages.js';
import { packageVersion } from './package-version.js';
import { shQuote } from '../core/sh-quote.js';
import { shTemplate } from './sh-template.js';

const BEGIN = '# >>> aitrail: added by `aitrail init`; `aitrail uninstall` removes this block';
/** Used when the file did not end with a line break: uninstall then removes the one it added. */
const BEGIN_AFTER_BREAK = `${BEGIN} and the line break before it`;
const END = '# <<< aitrail';

const PACKAGE_LINE = 'aitrail_pkg=';
/** Ends each line of the block (and the subshell's close): a CR after it is a comment's (a CRLF checkout). */
const CR_COMMENT = '#';

/**
 * `lines` with ` #` after each line that is not a comment: in a checkout with CRLF line ends (core.autocrlf=true, Git
 * for Windows' default, and no `.husky/.gitattributes`) the CR falls in a comment and sh runs them as written
 * (rows 875, 888). Every line must end where a comment may start (no open quote or here-document).
 */
function crProof(lines: readonly string[]): string[] {
  return lines.map((line) => (line.trimStart().startsWith('#') ? line : `${line} ${CR_COMMENT}`));
}

/** The hooks aitrail adds lines to in a husky directory: its own, and post-checkout (worktreeRuntimeLines). */
export type HuskyHook = InstalledHook | 'post-checkout';
/** In husky mode, init also adds to `.husky/post-checkout`. */
export const HUSKY_EXTRA_HOOKS = ['post-checkout'] as const;

/**
 * `.husky/post-checkout`'s lines: `git worktree add` (post-checkout `<zeros> <new> 1`) runs them from
 * the worktree it was made from (git names the hook by its full path: `$0` is that worktree's
 * `.husky/post-checkout`), in the new worktree. husky's runtime (`core.hooksPath`, relative:
 * `.husky/_`) is never committed, so the new worktree had none and git ran no hook there at all:
 * an agent working in a worktree of its own (Claude Code's, Cursor's and Codex's parallel
 * sessions) committed with nothing recorded and nothing refused. The runtime is copied there:
 * only into a folder of the new worktree reached without a symbolic link, never over anything.
 * Never fails the checkout.
 */
function worktreeRuntimeLines(): string[] {
  return [
    '# A new worktree (git worktree add) has no husky runtime, so git would run no hook there, aitrail\'s neither: copy this one there.',
    'case ${1-}:${3-} in *[!0]*:*|:*|*:[!1]*|*:) ;; *)',
    // `cd "$aitrail_d"` looks in an inherited CDPATH first (a committed .env an agent loads: a decoy `.husky` there), and the copy was skipped.
    '  unset CDPATH',
    '  aitrail_w=$(git config --get core.hooksPath 2>/dev/null) || aitrail_w=',
    '  aitrail_o=$(dirname "$0")/_',
    '  aitrail_t=$(pwd -P)',
    // The folder that gets the runtime, reached from the top without a symbolic link (its real path is the plain one).
    '  case $aitrail_w in */*) aitrail_d=${aitrail_w%/*}; aitrail_r=$aitrail_t/$aitrail_d ;; *) aitrail_d=.; aitrail_r=$aitrail_t ;; esac',
    '  case $aitrail_w in',
    "    /*|''|.|..|../*|*/.|*/..|*/../*|./*|*/./*|*//*) ;;",
    '    *) if [ ! -e "$aitrail_w" ] && [ ! -L "$aitrail_w" ] && [ -f "$aitrail_o/h" ] && [ -d "$aitrail_d" ] && [ "$(cd "$aitrail_d" 2>/dev/null && pwd -P)" = "$aitrail_r" ]; then',
    '      cp -R "$aitrail_o" "$aitrail_w" || echo "aitrail: husky\'s runtime could not be copied into this worktree ($aitrail_w): run \'npx husky\' here, or its hooks (aitrail\'s too) do not run" >&2',
    '    fi ;;',
    '  esac ;;',
    'esac',
  ];
}

/**
 * The line aitrail puts before the file's own lines (after a `#!` line), and the lines that open
 * its block: the file's own lines run in a subshell, so that an `exit`, an `exec <command>` or an
 * early end among them (`exec npx commitlint --edit "$1"`, `exit 0`) ends only them and aitrail's
 * block still runs after them; their failure still fails the hook (husky's `sh -e` stops there, and
 * without `-e` the status is checked).
 */
const OPEN = "( # >>> aitrail: the lines below, up to aitrail's block, run in a subshell: an exit or exec among them no longer skips aitrail";
/**
 * Before OPEN in the hooks git gives a list on stdin (pre-push: the refs pushed; post-rewrite: the
 * commits rewritten): the list is kept in a file the file's own lines read, and aitrail's block
 * reads it again from the start. Without it, a line that reads stdin (`git lfs pre-push "$@"`,
 * Git LFS's own hook, which husky projects with LFS put in `.husky/pre-push`) left aitrail an empty
 * list: a push of nothing, judged to pass.
 */
const KEEP_STDIN = 'aitrail_in=$(mktemp "${TMPDIR:-/tmp}/aitrail-stdin.XXXXXX") || exit 1; trap \'rm -f "$aitrail_in"\' EXIT; cat >"$aitrail_in"; exec <"$aitrail_in" # >>> aitrail: git\'s list on stdin, kept for aitrail\'s block too';
const STDIN_HOOKS: ReadonlySet<HuskyHook> = new Set<HuskyHook>(['pre-push', 'post-rewrite']);

/** The lines that close the subshell in aitrail's block (and give the stdin hooks their list back). */
function closeLines(hook: HuskyHook): string {
  return [
    ") # <<< aitrail: end of that subshell",
    `aitrail_s=$?; [ "$aitrail_s" = 0 ] || exit "$aitrail_s" ${CR_COMMENT}`,
    ...(STDIN_HOOKS.has(hook) ? [`exec <"$aitrail_in"; rm -f "$aitrail_in" ${CR_COMMENT}`] : []),
  ].join('\n');
}

/** `content` without the lines aitrail added before the file's own (OPEN, KEEP_STDIN). */
function withoutOpen(content: string): string {
  return content
    .split('\n')
    .filter((line) => line !== OPEN && line !== KEEP_STDIN)
    .join('\n');
}

/** Whether lines of the file's own precede aitrail's block (a `#!` line and blank lines aside). */
function hasOwnLines(before: string): boolean {
  return before.replace(/^#!.*(\n|$)/, '').trim() !== '';
}

/** `text` with OPEN (after KEEP_STDIN for the stdin hooks) first, or after a `#!` line. */
function opened(text: string, hook: HuskyHook): string {
  const shebang = /^#!.*\n/.exec(text);
  const at = shebang ? shebang[0].length : 0;
  return `${text.slice(0, at)}${STDIN_HOOKS.has(hook) ? `${KEEP_STDIN}\n` : ''}${OPEN}\n${text.slice(at)}`;
}

/** The file beside the hooks that holds the lines every hook's block shares (husky runs only files named after git hooks: never this one). */
export const HUSKY_LIB = 'aitrail.sh';
/** The start of the shared file's first line: what marks it as aitrail's (uninstall removes only such a file). */
export const HUSKY_LIB_PREFIX = '# aitrail-husky-lib ';

/** The sh function name part for `hook` (`commit-msg` -> `commit_msg`). */
function fnName(hook: InstalledHook): string {
  return hook.replace(/-/g, '_');
}

/** `lines` without each contiguous occurrence of each of `parts` (definitions the shared file holds once). */
function withoutParts(lines: readonly string[], parts: readonly (readonly string[])[]): string[] {
  let out = [...lines];
  for (const part of parts) {
    if (part.length === 0) continue;
    const next: string[] = [];
    for (let i = 0; i < out.length; ) {
      if (part.every((line, k) => out[i + k] === line)) i += part.length;
      else next.push(out[i++] as string);
    }
    out = next;
  }
  return out;
}

/** The order of the gates in the shared file (huskyLib): those of a commit first, post-commit's (the smallest) first of all. */
const GATE_ORDER = ['post-commit', 'commit-msg', 'prepare-commit-msg', 'pre-push', 'post-rewrite', 'applypatch-msg', 'pre-applypatch', 'post-applypatch'] as const satisfies readonly InstalledHook[];

/**
 * The lines each hook's block runs after its gates (aitrail_safe, plantedEnv, clientLookup, runLines), as sh functions.
 * The eight hooks' lines differ only in `h=` and in words of their messages (`commit blocked` / `push blocked`, `git
 * commit` / `git push`): one text for all (shTemplate), `aitrail_run_1`, which each hook's `aitrail_run_<hook>` calls
 * after setting `h` and those words (`aitrail_x<n>`), so that it says what it said, byte for byte (row 889: eight
 * copies of ~14 KB were one). Hooks whose lines differ otherwise share one text per kind (blocking or not), or each
 * keeps its own: what runs is always each hook's own lines, generated as before.
 */
function runFunctions(hooks: readonly InstalledHook[], packageDir: string, lookupShared: readonly (readonly string[])[]): string[] {
  const bodies = hooks.map((hook) => {
    const blocks = !neverBlocks(hook);
    return [
      'aitrail_safe',
      // AITRAIL=0 ends it before node starts; not when a .env the repository commits sets it (planted-env.ts).
      ...plantedEnv(blocks),
      ...withoutParts(clientLookup(hook, blocks ? 'exit 1' : 'exit 0', { packageDir }), lookupShared),
      ...runLines(hook, '"$@"'),
    ];
  });
  const indices = hooks.map((_, k) => k);
  const groupings = [[indices], [indices.filter((k) => neverBlocks(hooks[k]!)), indices.filter((k) => !neverBlocks(hooks[k]!))], indices.map((k) => [k])];
  for (const grouping of groupings) {
    const groups = grouping.filter((group) => group.length > 0);
    const prefix = (n: number) => (groups.length === 1 ? 'aitrail_x' : `aitrail_x${n}_`);
    const templates = groups.map((group, n) => shTemplate(group.map((k) => bodies[k]!), prefix(n + 1)));
    if (templates.some((template) => template === undefined)) continue;
    const out: string[] = [];
    const wrappers: string[] = new Array<string>(hooks.length);
    groups.forEach((group, n) => {
      const template = templates[n]!;
      out.push(`aitrail_run_${n + 1}() {`, template.text, '}');
      group.forEach((k, i) => {
        wrappers[k] = `aitrail_run_${fnName(hooks[k]!)}() { h=${hooks[k]!}; ${template.assignments[i]!.map((set) => `${set}; `).join('')}aitrail_run_${n + 1} "$@"; }`;
      });
    });
    return [...out, ...wrappers];
  }
  throw new Error('unreachable: each hook alone is its own template');
}

interface HuskyLib {
  text: string;
  marker: string;
  digest: string;
}
const libCache = new Map<string, HuskyLib>();

/**
 * `.husky/aitrail.sh`: the lines each hook's block ran, written once (row 874: each committed hook file held its
 * own ~70 KB copy of the shims' lookup and gates, ~530 KB in all). Sourced by the block (`.`, no process): the
 * shims' PATH cleaning (safePathLines) and the gates' shared functions, then one function per hook with that
 * hook's gates, run at once for the hook the block names (`$h`): a commit with nothing to record or refuse ends
 * there (exit 0), the rest of the file unread, as it ended in the hook's own lines before (GATE_ORDER). Past them: the lookup's
 * shared functions (packageDirFunction, ledIntoTrackedLines) and one function per hook with the lines the block
 * ran after its gates (aitrail_safe, plantedEnv, clientLookup, runLines), unchanged; its last line sets `aitrail_he`
 * to the digest of the whole, which the block checks before it calls them (a file cut short is refused).
 * `packageDir`: as huskyBlockBody's.
 */
export function huskyLib(packageDir = ''): HuskyLib {
  const cached = libCache.get(packageDir);
  if (cached) return cached;
  const version = packageVersion();
  const gateShared = [sameFunction(), freshFunction(), fastPathFunctions(version), preparedFunction()];
  const lookupShared = [packageDirFunction(), ledIntoTrackedLines()];
  const hooks = CLIENT_HOOKS;
  if (hooks.some((hook) => !(GATE_ORDER as readonly string[]).includes(hook))) throw new Error('GATE_ORDER must name every client hook');
  const body = [
    "# aitrail's lines for husky: sourced by aitrail's block in each .husky/<hook> (added by `aitrail init`; `aitrail uninstall`",
    '# removes this file). Not a hook: husky runs only files named after git hooks. Generated (src/install/husky-block.ts',
    "# huskyLib): edit nothing here; the blocks refuse a file they do not know, and 'aitrail status' says so.",
    // Row 1070: sourced from the user's hook file, so it cannot re-run itself under another shell: it ends the hook,
    // with 1 where the hook blocks, else 0 (prepare-commit-msg, post-commit, post-rewrite never block).
    ...classGuardLines(`case \${h-} in ${CLIENT_HOOKS.filter((hook) => !neverBlocks(hook)).join('|')}) exit 1 ;; esac; exit 0`, false),
    ...safePathLines(),
    // Each hook's gates, run at once for the hook the block names: one that finds nothing to record or refuse ends the
    // hook there, the shell having read only what comes before. A commit's hooks first (post-commit's need none of the
    // fast path's functions), so that a person's commit reads little more than each hook's own lines did.
    ...GATE_ORDER.flatMap((hook) => [
      ...(hook === 'commit-msg' ? gateShared.flat() : []),
      `aitrail_gate_${fnName(hook)}() {`,
      ...withoutParts(hookGates(hook), gateShared),
      ':',
      '}',
      `[ "\${h-}" = ${hook} ] && aitrail_gate_${fnName(hook)} "$@"`,
    ]),
    ...lookupShared.flat(),
    ...runFunctions(hooks, packageDir, lookupShared),
  ].join('\n');
  const digest = createHash('sha256').update(body).digest('hex').slice(0, 20);
  const marker = `${HUSKY_LIB_PREFIX}${version} ${digest}`;
  const lib = { text: `${marker}\n${body}\naitrail_he=${digest}\n`, marker, digest };
  libCache.set(packageDir, lib);
  return lib;
}

/**
 * The lines aitrail adds to `.husky/<hook>` (husky runs the file with `sh -e` from the work tree
 * top, the top's node_modules/.bin on PATH). `packageDir`: the package that ran init, relative to
 * the top (a monorepo's `web`): its node_modules/.bin is looked at first. aitrail is found and judged
 * by the git-mode shims' own lines (clientLookup), in `.husky/aitrail.sh` (huskyLib), which these lines
 * source: never a binary the repository provides. A shared file missing, not a regular file, or not
 * this version's (its first line), or cut short (its last line): a blocking hook refuses, the others warn.
 */
export function huskyBlockBody(hook: HuskyHook, packageDir = ''): string {
  if (hook === 'post-checkout') return [...crProof(worktreeRuntimeLines()), END, ''].join('\n');
  // prepare-commit-msg, post-commit and post-rewrite never block, even when aitrail cannot start (no node on the PATH a git GUI gives hooks).
  // commit-msg and pre-push fail closed, and say why when aitrail could not start (126/127), as the git-mode shims do: husky alone said only `command not found in PATH=…`.
  const blocks = !neverBlocks(hook);
  const fail = blocks ? 'exit 1' : 'exit 0';
  const { marker, digest } = huskyLib(packageDir);
  const said = `echo "aitrail: ${blocks ? outcome(hook as InstalledHook) : `${hook} hook skipped`}: $aitrail_hl, which holds aitrail's lines for this hook, is missing, checked out with CRLF line ends, or not the one this aitrail version wrote (${HUSKY_LIB_PREFIX.trim()} ${packageVersion()}). Fix: run 'aitrail init' (then commit .husky/)." >&2`;
  // Each line ends in ` #`: in a checkout with CRLF line ends (core.autocrlf=true, Git for Windows' default) the CR falls
  // in a comment, so the block still runs and says what is wrong (the shared file's first line then ends in a CR too).
  return crProof([
    // The block is the file's last lines: its exit ends only what aitrail adds. husky runs the file with `sh -e`; the
    // lines below are written for a shell that goes on past a failed command (the shims'): errexit off here.
    'set +e',
    `h=${hook}`,
    ...(packageDir === '' ? [] : [`${PACKAGE_LINE}${shQuote(packageDir)}`]),
    `# The lines every hook shares are in ${HUSKY_LIB} beside this file: read by the shell (no process), refused when it is not aitrail's.`,
    `case $0 in */*) aitrail_hl=\${0%/*}/${HUSKY_LIB} ;; *) aitrail_hl=./${HUSKY_LIB} ;; esac`,
    'aitrail_hv=',
    '[ -f "$aitrail_hl" ] && [ ! -L "$aitrail_hl" ] && { IFS= read -r aitrail_hv <"$aitrail_hl"; } 2>/dev/null',
    `if [ "$aitrail_hv" != ${shQuote(marker)} ]; then ${said}; ${fail}; fi`,
    'aitrail_he=',
    '. "$aitrail_hl"',
    `[ "$aitrail_he" = ${digest} ] || { ${said}; ${fail}; }`,
    `aitrail_run_${fnName(hook as InstalledHook)} "$@"`,
  ])
    .concat([END, ''])
    .join('\n');
}

/**
 * `content` with LF line ends when aitrail's lines in it were checked out with CRLF ones (core.autocrlf=true, a
 * `.gitattributes` `eol=crlf`): sh cannot run such a file (the first CR ends it with `set: Illegal option`, every
 * commit refused), and the block was not found in it (init added a second one). Otherwise `content` as it is.
 */
export function withLfEnds(content: string): { text: string; crlf: boolean } {
  const crlf = content.split('\n').some((line) => line.endsWith('\r') && (line.startsWith(BEGIN) || line.startsWith(END) || line.startsWith(OPEN)));
  return crlf ? { text: content.replace(/\r\n/g, '\n'), crlf } : { text: content, crlf };
}

interface Found {
  start: number;
  end: number;
  afterBreak: boolean;
  text: string;
}

function findBlock(content: string): Found | undefined {
  const lines = content.split('\n');
  let offset = 0;
  let start = -1;
  let afterBreak = false;
  for (const line of lines) {
    if (start < 0 && (line === BEGIN || line === BEGIN_AFTER_BREAK)) {
      start = offset;
      afterBreak = line === BEGIN_AFTER_BREAK;
    } else if (start >= 0 && line === END) {
      const endOfLine = offset + line.length;
      const end = content[endOfLine] === '\n' ? endOfLine + 1 : endOfLine;
      return { start, end, afterBreak, text: content.slice(start, end) };
    }
    offset += line.length + 1;
  }
  return undefined;
}

/**
 * Whether `content` holds lines after aitrail's block (a teammate's `echo "npx commitlint --edit \$1" >> .husky/commit-msg`):
 * they never run, the block ending the hook (row 890).
 */
export function huskyLinesAfterBlock(content: string | null): boolean {
  const found = content === null ? undefined : findBlock(content);
  return found !== undefined && content!.slice(found.end).trim() !== '';
}

/** The package folder named in aitrail's block of `content` ('' = the work tree top, or no block). */
export function huskyBlockPackageDir(content: string | null): string {
  const found = content === null ? undefined : findBlock(content);
  const line = found?.text.split('\n').find((text) => text.startsWith(PACKAGE_LINE));
  const quoted = (line?.slice(PACKAGE_LINE.length) ?? '').replace(new RegExp(` ${CR_COMMENT}$`), '');
  return /^'.*'$/s.test(quoted) ? quoted.slice(1, -1).replace(/'\\''/g, "'") : '';
}

/** `none`, `current` (this version's block, for `packageDir` when given, with its subshell when the file has lines of its own) or `outdated` (to be replaced). */
export function huskyBlockState(content: string | null, hook: HuskyHook, packageDir?: string): 'none' | 'current' | 'outdated' {
  const found = content === null ? undefined : findBlock(content);
  if (!found || content === null) return 'none';
  return addHuskyBlock(content, hook, packageDir ?? huskyBlockPackageDir(content)) === content ? 'current' : 'outdated';
}

/**
 * `content` (null = no file yet) with aitrail's block for `hook`, added at the end or updated in
 * place; the file's own lines before it wrapped in a subshell (OPEN). Pure.
 */
export function addHuskyBlock(content: string | null, hook: HuskyHook, packageDir = ''): string {
  const existing = withoutOpen(content ?? '');
  const found = findBlock(existing);
  // Lines after the block never ran (it ends the hook: exit): moved before it, where the file's own lines run (row 890).
  if (found && huskyLinesAfterBlock(existing)) return addHuskyBlock(existing.slice(0, found.start) + existing.slice(found.end), hook, packageDir);
  const own = hasOwnLines(found ? existing.slice(0, found.start) : existing);
  const body = `${own ? `${closeLines(hook)}\n` : ''}${huskyBlockBody(hook, packageDir)}`;
  let added: string;
  if (found) {
    const head = found.afterBreak ? BEGIN_AFTER_BREAK : BEGIN;
    added = existing.slice(0, found.start) + `${head}\n${body}` + existing.slice(found.end);
  } else if (existing === '' || existing.endsWith('\n')) added = `${existing}${BEGIN}\n${body}`;
  else added = `${existing}\n${BEGIN_AFTER_BREAK}\n${body}`;
  return own ? opened(added, hook) : added;
}

/** `content` without aitrail's block (and the subshell it opened), exactly as it was before `addHuskyBlock`. Pure. */
export function removeHuskyBlock(text: string): string {
  const content = withoutOpen(text);
  const found = findBlock(content);
  if (!found) return content;
  const start = found.afterBreak && content[found.start - 1] === '\n' ? found.start - 1 : found.start;
  return content.slice(0, start) + content.slice(found.end);
}
