import { neverBlocks, type InstalledHook } from './hook-names.js';
import { hookGates } from './pending-gate.js';
import { binaryMissingMessage, cannotStartMessage } from './hook-messages.js';

const BEGIN = '# >>> aitrail: added by `aitrail init`; `aitrail uninstall` removes this block';
/** Used when the file did not end with a line break: uninstall then removes the one it added. */
const BEGIN_AFTER_BREAK = `${BEGIN} and the line break before it`;
const END = '# <<< aitrail';

const PACKAGE_LINE = 'aitrail_pkg=';

/** `text` as one single-quoted sh word. */
function shQuote(text: string): string {
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * The lines aitrail adds to `.husky/<hook>` (husky runs the file with `sh -e` from the work tree
 * top, the top's node_modules/.bin on PATH). `packageDir`: the package that ran init, relative to
 * the top (a monorepo's `web`): its node_modules/.bin goes first on PATH, unless git tracks files
 * under it or under the top's node_modules (aitrail never runs code a repository ships).
 */
export function huskyBlockBody(hook: InstalledHook, packageDir = ''): string {
  const blocks = !neverBlocks(hook);
  // prepare-commit-msg, post-commit and post-rewrite never block, even when aitrail cannot start (no node on the PATH a git GUI gives hooks).
  const never = blocks ? '' : ` || { s=$?; echo "aitrail: ${cannotStartMessage(hook)}" >&2; }`;
  const untracked = (path: string) => `{ GIT_LITERAL_PATHSPECS=1 git ls-files --error-unmatch -- ${path} </dev/null >/dev/null 2>&1; [ $? = 1 ]; }`;
  return [
    // The block is the file's last lines: its exit ends only what aitrail adds.
    ...hookGates(hook),
    ...(packageDir === ''
      ? []
      : [
          `${PACKAGE_LINE}${shQuote(packageDir)}`,
          `if [ -x "$aitrail_pkg/node_modules/.bin/aitrail" ] && ${untracked('"$aitrail_pkg/node_modules"')} && ${untracked('node_modules')}; then PATH="$PWD/$aitrail_pkg/node_modules/.bin:$PATH"; fi`,
        ]),
    `if command -v aitrail >/dev/null 2>&1; then aitrail hook ${hook} "$@"${never}`,
    `elif [ "\${AITRAIL-}" != 0 ]; then echo "aitrail: ${binaryMissingMessage(hook)}" >&2${blocks ? '; exit 1' : ''}; fi`,
    END,
    '',
  ].join('\n');
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

/** The package folder named in aitrail's block of `content` ('' = the work tree top, or no block). */
export function huskyBlockPackageDir(content: string | null): string {
  const found = content === null ? undefined : findBlock(content);
  const line = found?.text.split('\n').find((text) => text.startsWith(PACKAGE_LINE));
  const quoted = line?.slice(PACKAGE_LINE.length) ?? '';
  return /^'.*'$/s.test(quoted) ? quoted.slice(1, -1).replace(/'\\''/g, "'") : '';
}

/** `none`, `current` (this version's block, for `packageDir` when given) or `outdated` (another block, to be replaced). */
export function huskyBlockState(content: string | null, hook: InstalledHook, packageDir?: string): 'none' | 'current' | 'outdated' {
  const found = content === null ? undefined : findBlock(content);
  if (!found) return 'none';
  const head = found.afterBreak ? BEGIN_AFTER_BREAK : BEGIN;
  return found.text === `${head}\n${huskyBlockBody(hook, packageDir ?? huskyBlockPackageDir(content))}` ? 'current' : 'outdated';
}

/** `content` (null = no file yet) with aitrail's block for `hook`, added at the end or updated in place. Pure. */
export function addHuskyBlock(content: string | null, hook: InstalledHook, packageDir = ''): string {
  const existing = content ?? '';
  const found = findBlock(existing);
  const body = huskyBlockBody(hook, packageDir);
  if (found) {
    const head = found.afterBreak ? BEGIN_AFTER_BREAK : BEGIN;
    return existing.slice(0, found.start) + `${head}\n${body}` + existing.slice(found.end);
  }
  if (existing === '' || existing.endsWith('\n')) return `${existing}${BEGIN}\n${body}`;
  return `${existing}\n${BEGIN_AFTER_BREAK}\n${body}`;
}

/** `content` without aitrail's block, exactly as it was before `addHuskyBlock`. Pure. */
export function removeHuskyBlock(content: string): string {
  const found = findBlock(content);
  if (!found) return content;
  const start = found.afterBreak && content[found.start - 1] === '\n' ? found.start - 1 : found.start;
  return content.slice(0, start) + content.slice(found.end);
}
