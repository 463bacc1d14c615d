import { plural, sortedCounts } from './format.js';
import type { BlameReport, LeftOutLines } from './types.js';


/** `abc123def456 since 0123456789ab`, or what stands in for a missing commit. */
export function reportScope(report: BlameReport): string {
  if (report.rev === null) return 'no commit yet';
  return `${report.rev.slice(0, 12)}${report.since ? ` since ${report.since.slice(0, 12)}` : ''}`;
}

/**
 * `30 in generated files, 30 of them AI (2 models)`: what files left out as generated or vendored
 * hold ('' when none). Counts only: the models are named by `leftOutByModel`, where each format escapes them.
 */
function leftOutSentence(kind: 'generated' | 'vendored', lines: LeftOutLines | undefined): string {
  if (!lines || lines.lines === 0) return '';
  const models = Object.keys(lines.byModel).length;
  return `${lines.lines} in ${kind} files, ${lines.ai === 0 ? 'none of them AI' : `${lines.ai} of them AI${models > 0 ? ` (${plural(models, 'model', 'models')})` : ''}`}`;
}

/**
 * The most generated and vendored files (of one run's part) `blame`/`trend` blame by default: a Go
 * `vendor/` tree or committed `node_modules` of thousands would cost minutes. Over it none is
 * blamed (`excluded.leftOutUnblamed` says how many); `--blame-left-out` blames them all.
 */
export const LEFT_OUT_BLAME_LIMIT = 256;

/** A report's lowered left-out bound (row 1212): a whole number from 1 to below LEFT_OUT_BLAME_LIMIT (a cached or merged part saying other was made by no aitrail). */
export function leftOutLimitOk(limit: unknown): boolean {
  return Number.isSafeInteger(limit) && (limit as number) >= 1 && (limit as number) < LEFT_OUT_BLAME_LIMIT;
}

/**
 * Said when the generated and vendored files were too many to blame by default: not "0 AI lines", but unknown.
 * `limit`: the bound the report was made under (`excluded.leftOutLimit`, lowered by AITRAIL_SIZE_CAPS_DIVISOR).
 */
export function leftOutUnblamedNote(count: number, limit = LEFT_OUT_BLAME_LIMIT): string {
  return `${count} generated or vendored ${count === 1 ? 'file was' : 'files were'} not blamed for AI lines (more than ${limit}); \`--blame-left-out\` blames them all.`;
}

/** The AI lines of the files left out as generated or vendored, per model, most first (for the table and Markdown). */
export function leftOutByModel(report: BlameReport): [string, number][] {
  const sum = Object.create(null) as Record<string, number>;
  for (const lines of [report.excluded?.generatedLines, report.excluded?.vendoredLines]) for (const [model, count] of Object.entries(lines?.byModel ?? {})) sum[model] = (sum[model] ?? 0) + count;
  return sortedCounts(sum);
}

/**
 * What the numbers leave out and why, one sentence each, for the table and Markdown footers:
 * files left out by default (lockfiles, linguist-generated, linguist-vendored), source files git reads as binary
 * (other binary files, images and the like, only in JSON) and lines of unknown history in a
 * shallow clone (`--allow-shallow`). Holds no name from the repository (only counts and shas).
 */
export function reportNotes(report: BlameReport): string[] {
  const notes: string[] = [];
  const { lockfiles = 0, generated = 0, vendored = 0 } = report.excluded ?? {};
  if (lockfiles + generated + vendored > 0) {
    const parts = [
      lockfiles > 0 ? plural(lockfiles, 'lockfile', 'lockfiles') : '',
      generated > 0 ? `${plural(generated, 'generated file', 'generated files')} (linguist-generated in .gitattributes, or a generator's header)` : '',
      vendored > 0 ? `${plural(vendored, 'vendored file', 'vendored files')} (linguist-vendored in .gitattributes, or a package manager's copies)` : '',
    ].filter(Boolean);
    const list = parts.length > 2 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts.join(' and ');
    notes.push(`Left out as not authored: ${list}. Name them with --include or blame.include to count them.`);
  }
  const leftOutLines = [leftOutSentence('generated', report.excluded?.generatedLines), leftOutSentence('vendored', report.excluded?.vendoredLines)].filter(Boolean);
  if (leftOutLines.length > 0) notes.push(`Lines in the files left out: ${leftOutLines.join('; ')}.`);
  const { leftOutUnblamed = 0, leftOutLimit } = report.excluded ?? {};
  if (leftOutUnblamed > 0) notes.push(leftOutUnblamedNote(leftOutUnblamed, leftOutLimit));
  const { binary = 0, binarySource = 0 } = report.excluded ?? {};
  if (binarySource > 0) {
    const others = binary - binarySource;
    notes.push(
      `Not counted: ${plural(binarySource, 'file named like source code', 'files named like source code')} that git reads as binary (a NUL byte in the first 8,000 bytes); ` +
        `their lines are in no total${others > 0 ? ` (and ${plural(others, 'other binary file', 'other binary files')}: images, archives…)` : ''}. Remove the NUL byte to count them.`,
    );
  }
  const { submodules = 0 } = report.excluded ?? {};
  if (submodules > 0) notes.push(`Not counted: ${plural(submodules, 'submodule', 'submodules')} (another repository's files, which git blame never reads); run aitrail blame inside each.`);
  const { lfs = 0 } = report.excluded ?? {};
  if (lfs > 0) notes.push(`Not counted: ${plural(lfs, 'Git LFS pointer', 'Git LFS pointers')} (files kept in Git LFS: git holds three lines naming the object, not the file).`);
  const ignored = report.ignoredAi ?? [];
  if (ignored.length > 0) {
    const shown = ignored.slice(0, 5).map((sha) => sha.slice(0, 12)).join(', ') + (ignored.length > 5 ? ', …' : '');
    notes.push(
      `Not counted as theirs: git blame was told to ignore ${plural(ignored.length, 'commit', 'commits')} with AI attribution (${shown}; --ignore-rev, --ignore-revs-file or blame.ignoreRevsFile), ` +
        "so their lines are counted as older commits'. Run with --ignore-revs-file '' and no --ignore-rev to count them.",
    );
  }
  const taken = report.ignoredHuman ?? [];
  if (taken.length > 0) {
    const shown = taken.slice(0, 5).map((sha) => sha.slice(0, 12)).join(', ') + (taken.length > 5 ? ', …' : '');
    notes.push(
      `Not counted as theirs: git blame was told to ignore ${plural(taken.length, 'commit', 'commits')} without AI attribution in files holding AI lines (${shown}), ` +
        "so the lines they changed are counted as older commits', an agent's where one wrote the lines before. " +
          "Right for a commit that only reformatted (what an ignore list is for); if one changed what the lines do, run with --ignore-revs-file '' and no --ignore-rev to count its lines as its author's.",
    );
  }
  const notedHuman = report.totals.notedHuman ?? 0;
  if (notedHuman > 0) {
    notes.push(
      `Human by their git-ai notes: ${plural(notedHuman, 'line', 'lines')} of commits whose own message or author says AI. ` +
        'A note says which lines of its commit are AI, and anyone who can push refs/notes/ai can write one: run with --no-notes to count them by their commit.',
    );
  }
  const cut = report.totals.shallowBoundary;
  if (cut !== undefined && cut > 0) {
    const where = (report.shallowCut ?? []).map((sha) => sha.slice(0, 12)).join(', ');
    notes.push(`Not counted: ${plural(cut, 'line', 'lines')} of unknown history: this shallow clone's history is cut at ${where || 'a boundary commit'} (git fetch --unshallow to count them).`);
  }
  return notes;
}
