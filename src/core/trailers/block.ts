import { CUT_LINE, GIT_GENERATED_PREFIXES, findSeparator, isBlankLine, isGitSpace, lastLine, nextLine } from './grammar.js';
import { commentCharOf, cutCharOf, type TrailerOptions } from './options.js';

/** Where git finds the trailer block of a message (offsets into the message). */
export interface TrailerBlock {
  /** Start of the block; equals `end` when the message has no trailer block. */
  start: number;
  /**
   * End of the log message: before trailing blank and comment lines, an old `Conflicts:` list,
   * the scissors section of `git commit -v`, and (unless `noDivider`) a `---` patch part.
   */
  end: number;
  /** The line before `start` is blank (git's `blank_line_before_trailer`). */
  blankLineBefore: boolean;
  /** The block's lines, each with its continuation lines joined (line ends kept), as git splits them. */
  lines: string[];
}

/**
 * `wt_status_locate_end`: offset of the scissors line, or `len`. git 2.39 can return an offset past
 * `len` when a `---` divider comes before the scissors line and then loops forever; later git
 * clamps to `len`, and so do we.
 */
function locateCutLine(text: string, len: number, commentChar: string): number {
  const pattern = `\n${commentChar} ${CUT_LINE}`;
  if (text.startsWith(pattern.slice(1))) return 0;
  const found = text.indexOf(pattern);
  return found === -1 ? len : Math.min(len, found + 1);
}

/** `ignore_non_trailer`: bytes at the end of `text[0, len)` that are not part of the log message. */
function ignoredTailLength(text: string, len: number, commentChar: string, cutChar: string): number {
  const cutoff = locateCutLine(text, len, cutChar);
  let runStart = 0; // git's `boc`; 0 doubles as "no run", a quirk we keep
  let inConflicts = false;
  for (let lineStart = 0; lineStart < cutoff; ) {
    const newline = text.indexOf('\n', lineStart);
    const following = newline === -1 || newline >= len ? len : newline + 1;
    const first = text[lineStart];
    if (text.startsWith(commentChar, lineStart) || first === '\n') {
      if (!runStart) runStart = lineStart;
    } else if (text.startsWith('Conflicts:\n', lineStart)) {
      inConflicts = true;
      if (!runStart) runStart = lineStart;
    } else if (inConflicts && first === '\t') {
      // a path in an old-style conflicts list
    } else if (runStart) {
      runStart = 0;
      inConflicts = false;
    }
    lineStart = following;
  }
  return runStart ? len - runStart : len - cutoff;
}

/** `find_patch_start`: the first line starting with `---` followed by a space, tab, CR or LF. */
function findPatchStart(text: string): number {
  for (let lineStart = 0; lineStart < text.length; lineStart = nextLine(text, lineStart)) {
    if (text.startsWith('---', lineStart) && isGitSpace(text[lineStart + 3])) return lineStart;
  }
  return text.length;
}

/** `find_trailer_start`: start of the final paragraph if git accepts it as a trailer block, else `len`. */
function findTrailerStart(text: string, len: number, commentChar: string, separators: string): number {
  let titleEnd = 0;
  while (titleEnd < len) {
    if (!text.startsWith(commentChar, titleEnd) && isBlankLine(text, titleEnd)) break;
    titleEnd = nextLine(text, titleEnd);
  }
  let onlySpaces = true;
  let recognizedPrefix = false;
  let trailerLines = 0;
  let nonTrailerLines = 0;
  let possibleContinuationLines = 0;
  for (let line = lastLine(text, len); line >= titleEnd; line = lastLine(text, line)) {
    if (text.startsWith(commentChar, line)) {
      nonTrailerLines += possibleContinuationLines;
      possibleContinuationLines = 0;
      continue;
    }
    if (isBlankLine(text, line)) {
      if (onlySpaces) continue;
      nonTrailerLines += possibleContinuationLines;
      if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines) return nextLine(text, line);
      if (trailerLines && !nonTrailerLines) return nextLine(text, line);
      return len;
    }
    onlySpaces = false;
    if (GIT_GENERATED_PREFIXES.some((prefix) => text.startsWith(prefix, line))) {
      trailerLines++;
      possibleContinuationLines = 0;
      recognizedPrefix = true;
    } else if (findSeparator(text, line, separators) >= 1 && !isGitSpace(text[line])) {
      trailerLines++;
      possibleContinuationLines = 0;
    } else if (isGitSpace(text[line])) {
      possibleContinuationLines++;
    } else {
      nonTrailerLines += 1 + possibleContinuationLines;
      possibleContinuationLines = 0;
    }
  }
  return len;
}

/**
 * Split the block into lines, each trailer line with the continuation lines that follow it (they
 * are contiguous, so each entry is one slice of the block).
 */
function splitBlock(block: string, separators: string): string[] {
  const lines: string[] = [];
  let entryStart = 0;
  let open = false; // the current entry is a trailer, so continuation lines join it
  for (let start = 0; start < block.length; ) {
    const end = nextLine(block, start);
    if (!(open && isGitSpace(block[start]))) {
      if (start > entryStart) lines.push(block.slice(entryStart, start));
      entryStart = start;
      open = findSeparator(block, start, separators) >= 1;
    }
    start = end;
  }
  if (block.length > entryStart) lines.push(block.slice(entryStart));
  return lines;
}

/**
 * The trailer block of `message` exactly as git 2.39 `trailer_info_get` finds it. Text after a
 * NUL character is outside the message, as for git's C strings.
 */
export function findTrailerBlock(message: string, options: TrailerOptions = {}): TrailerBlock {
  const commentChar = commentCharOf(options);
  const nul = message.indexOf('\0');
  const text = nul === -1 ? message : message.slice(0, nul);
  const logEnd = options.noDivider ? text.length : findPatchStart(text);
  const end = logEnd - ignoredTailLength(text, logEnd, commentChar, cutCharOf(options));
  const separators = options.separators ?? ':';
  const start = findTrailerStart(text, end, commentChar, separators);
  const before = lastLine(text, start);
  return {
    start,
    end,
    blankLineBefore: before >= 0 && isBlankLine(text, before),
    lines: splitBlock(text.slice(start, end), separators),
  };
}
