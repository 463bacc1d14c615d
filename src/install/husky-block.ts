import type { InstalledHook } from './hook-names.js';
import { binaryMissingMessage, cannotStartMessage } from './hook-messages.js';

const BEGIN = '# >>> aitrail: added by `aitrail init`; `aitrail uninstall` removes this block';
/** Used when the file did not end with a line break: uninstall then removes the one it added. */
const BEGIN_AFTER_BREAK = `${BEGIN} and the line break before it`;
const END = '# <<< aitrail';

/** The lines aitrail adds to `.husky/<hook>` (husky runs the file with `sh -e`, node_modules/.bin on PATH). */
export function huskyBlockBody(hook: InstalledHook): string {
  const blocks = hook !== 'prepare-commit-msg';
  // prepare-commit-msg never blocks, even when aitrail cannot start (no node on the PATH a git GUI gives hooks).
  const never = blocks ? '' : ` || { s=$?; echo "aitrail: ${cannotStartMessage(hook)}" >&2; }`;
  return [
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

/** `none`, `current` (this version's block) or `outdated` (an older block, to be replaced). */
export function huskyBlockState(content: string | null, hook: InstalledHook): 'none' | 'current' | 'outdated' {
  const found = content === null ? undefined : findBlock(content);
  if (!found) return 'none';
  const head = found.afterBreak ? BEGIN_AFTER_BREAK : BEGIN;
  return found.text === `${head}\n${huskyBlockBody(hook)}` ? 'current' : 'outdated';
}

/** `content` (null = no file yet) with aitrail's block for `hook`, added at the end or updated in place. Pure. */
export function addHuskyBlock(content: string | null, hook: InstalledHook): string {
  const existing = content ?? '';
  const found = findBlock(existing);
  if (found) {
    const head = found.afterBreak ? BEGIN_AFTER_BREAK : BEGIN;
    return existing.slice(0, found.start) + `${head}\n${huskyBlockBody(hook)}` + existing.slice(found.end);
  }
  if (existing === '' || existing.endsWith('\n')) return `${existing}${BEGIN}\n${huskyBlockBody(hook)}`;
  return `${existing}\n${BEGIN_AFTER_BREAK}\n${huskyBlockBody(hook)}`;
}

/** `content` without aitrail's block, exactly as it was before `addHuskyBlock`. Pure. */
export function removeHuskyBlock(content: string): string {
  const found = findBlock(content);
  if (!found) return content;
  const start = found.afterBreak && content[found.start - 1] === '\n' ? found.start - 1 : found.start;
  return content.slice(0, start) + content.slice(found.end);
}
