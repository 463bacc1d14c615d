import { createBlameParser } from '../core/blame/parse-blame.js';
import type { FileBlame } from '../core/blame/types.js';
import { splitRecords, streamGit } from './exec.js';

export interface BlameFileOptions {
  /** `<sha>` or `<since-sha>..<sha>`. */
  revision: string;
  /** Normalised git flags: `-w`, `-M[<n>]`, `-C[<n>]`, `--ignore-rev <sha>`, `--ignore-revs-file <f>`. */
  flags: readonly string[];
  /** Commits that carry a git-ai note: their line groups are kept with their origin (see FileBlame.noted). */
  noted?: (sha: string) => boolean;
  /** The repository's commit-graph passed verifiedCommitGraph in this report: git may read it (without its Bloom filters). */
  verifiedGraph?: boolean;
}

/**
 * `git blame --incremental` as every blame of aitrail runs it, before its own flags.
 * --root: a root commit is a commit like any other, not a `boundary` (git marks roots as
 * boundaries unless blame.showRoot); only commits excluded by `<since>..` are boundaries.
 * --no-textconv: count the lines actually committed, and never run a textconv command.
 * --indent-heuristic and `diff.algorithm=myers`: where an added block lies among equal lines is
 * git's default choice whatever the machine's git config says (`diff.indentHeuristic=false`;
 * `diff.algorithm=histogram`, which git blame reads from 2.53 on): the post-commit note matches
 * lines the way git's default does (src/core/lines/match-lines.ts), and a developer and CI must
 * count the same lines. The `-c` is inert for a git that reads no diff.algorithm in blame.
 */
export const BLAME_COMMAND: readonly string[] = ['-c', 'diff.algorithm=myers', 'blame', '--incremental', '--root', '--no-textconv', '--indent-heuristic'];

/** The `git blame --incremental` arguments for one file. */
export function blameArgs(path: string, options: BlameFileOptions): string[] {
  return [...BLAME_COMMAND, ...options.flags, options.revision, '--', path];
}

/**
 * Blame one file at a revision, streaming `git blame --incremental` into per-commit line counts
 * (no per-line data kept). `cwd` must be the work tree top (or the git dir of a bare repository):
 * `path` is relative to it.
 */
export async function blameFile(cwd: string, path: string, options: BlameFileOptions): Promise<FileBlame> {
  const parser = createBlameParser(options.noted);
  for await (const line of splitRecords(streamGit(blameArgs(path, options), { cwd, verifiedGraph: options.verifiedGraph === true }), '\n')) parser.line(line);
  return parser.result();
}
