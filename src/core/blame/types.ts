/** Shapes of the blame report (DESIGN.md `blame` JSON). Pure data. */

/** Line counts per model id or agent slug. Null-prototype objects: names never reach Object.prototype. */
export type Counts = Record<string, number>;

/** What one file's blame says, before attribution: lines per blamed commit. */
export interface FileBlame {
  /** Lines counted (boundary lines already left out). */
  lines: number;
  /** Lines left out because they belong to a boundary commit (`--since`). */
  boundary: number;
  /** Blamed commit sha → lines (non-boundary only). */
  commits: Map<string, number>;
  /** Line groups of commits that carry a note, where they came from (non-boundary only; absent: none). */
  noted?: NotedLines[];
}

/** `count` lines that `sha` wrote as lines `start…` of `path` (its own path then, as blame found it). */
export interface NotedLines {
  sha: string;
  path: string;
  start: number;
  count: number;
}

/** The attribution of one commit, compacted for the sha → attribution map. */
export interface CommitModels {
  models: readonly string[];
  agents: readonly string[];
}

/** One row of the report: a file (or a group of files with `--by dir`). */
export interface FileReport {
  path: string;
  lines: number;
  ai: number;
  human: number;
  byModel: Counts;
  byAgent: Counts;
  /**
   * Only with `--allow-shallow`: lines blamed on a commit where a shallow clone's history is cut
   * (their true origin is unknown). Left out of `lines`, `ai` and `human`.
   */
  shallowBoundary?: number;
  /** Lines judged line by line from a git-ai note (the rest: by their commit's attribution). */
  lineLevel: number;
  /**
   * Only when some are: lines of commits whose own message or author says AI that their git-ai
   * note calls human (`h_` lines, lines it does not mention). A note is trusted to say so, and
   * anyone who can push `refs/notes/ai` can write one: `--no-notes` counts them by their commit.
   */
  notedHuman?: number;
  /**
   * Only when authors were asked for (`--by author`): the file's lines per commit author
   * (`Name <email>`, .mailmap applied), each with its AI lines, models and agents.
   */
  byAuthor?: Record<string, AuthorCounts>;
}

/** What one author's commits wrote of a file (or a group of files). */
export interface AuthorCounts {
  lines: number;
  ai: number;
  byModel: Counts;
  byAgent: Counts;
}

export interface Totals {
  lines: number;
  ai: number;
  human: number;
  byModel: Counts;
  byAgent: Counts;
  /** Only with `--allow-shallow`: the sum of the files' `shallowBoundary`. */
  shallowBoundary?: number;
  lineLevel: number;
  /** Only when some are: the sum of the files' `notedHuman`. */
  notedHuman?: number;
}

/** Files left out, by reason: lockfiles, generated and vendored files by default (an `--include`/`blame.include` glob naming them brings them back), binary files always. */
export interface Excluded {
  /** Package-manager lockfiles (`package-lock.json`, `Cargo.lock`, `go.sum`…) at any depth. */
  lockfiles: number;
  /** Files marked `linguist-generated` in the `.gitattributes` of the blamed revision. */
  generated: number;
  /**
   * Files marked `linguist-vendored` there (third-party code; not also generated). Always set by
   * `blameReport`; absent only from a `--merge` of shards an older aitrail wrote (unknown, not 0).
   */
  vendored?: number;
  /**
   * Non-empty files the include/exclude globs select that git reads as binary (a NUL byte in
   * their first 8,000 bytes, as `git grep -I` decides): images, archives, fonts… and source files
   * a NUL byte hides. No option brings them back. Always set by `blameReport`; absent only from a
   * `--merge` of shards an older aitrail wrote (unknown, not 0).
   */
  binary?: number;
  /** Of `binary`, those named like source code (`.ts`, `.py`, `.go`…): lines missing from the report. */
  binarySource?: number;
  /**
   * Files kept in Git LFS: git holds a pointer (`version https://git-lfs.github.com/spec/v1`, the
   * object's `oid` and `size`), three lines nobody wrote, not the file. Never counted (GitHub
   * Linguist leaves them out too). Always set by `blameReport`; absent only from a `--merge` of
   * shards an older aitrail wrote (unknown, not 0).
   */
  lfs?: number;
  /**
   * The lines of the files counted in `generated`, blamed as the counted files are: how many, and
   * how many of them AI (by model, by agent). Never in `totals`: a security reader learns what an
   * attribute (or a generator's header) took out of the report, 3 lines or 30,000. Always set by
   * `blameReport` (a shard: its part of those files); absent only from an older aitrail's report.
   */
  generatedLines?: LeftOutLines;
  /** The same for the files counted in `vendored`. */
  vendoredLines?: LeftOutLines;
  /**
   * Submodules (gitlinks) the include/exclude globs select: another repository's commit, whose
   * files git blame never reads, so their lines are in no total (run `aitrail blame` inside each).
   * Always set by `blameReport`; absent only from an older aitrail's report.
   */
  submodules?: number;
  /**
   * Generated and vendored files (this part's, with `--shard`) not blamed: more of them than the
   * bound (`LEFT_OUT_BLAME_LIMIT`, 256) without `--blame-left-out`, so `generatedLines` /
   * `vendoredLines` hold zeros rather than their lines (their meaning: of the blamed left-out
   * files). 0 when all were blamed. Always set by `blameReport`; added up by `--merge`.
   */
  leftOutUnblamed?: number;
  /**
   * The bound `leftOutUnblamed` was decided under, only when AITRAIL_SIZE_CAPS_DIVISOR lowered it below
   * `LEFT_OUT_BLAME_LIMIT` (row 1212): the note then names that figure. Absent under the default.
   */
  leftOutLimit?: number;
}

/** Lines of files left out of the totals (`excluded.generatedLines`, `excluded.vendoredLines`). */
export interface LeftOutLines {
  lines: number;
  ai: number;
  human: number;
  byModel: Counts;
  byAgent: Counts;
}

export type BlameGrouping = 'file' | 'dir' | 'model' | 'agent' | 'author';
export type BlameFormat = 'table' | 'json' | 'csv' | 'markdown' | 'html';

/** The whole report. `files` are always per file; `groups` hold the `--by` view. */
export interface BlameReport {
  /** The blamed commit; `null` only for a repository with no commit yet (an empty report). */
  rev: string | null;
  since: string | null;
  totals: Totals;
  files: FileReport[];
  /** Files left out by default; always set by `blameReport`. */
  excluded?: Excluded;
  /**
   * Only when git blame was told to ignore commits with AI attribution (`--ignore-rev`,
   * `--ignore-revs-file`, or `blame.ignoreRevsFile` in git config, often set to a committed
   * `.git-blame-ignore-revs`): those commits (full shas, sorted). Their lines are counted as the
   * lines of the commits git blame passed them to.
   */
  ignoredAi?: string[];
  /**
   * Only when git blame was told to ignore commits without AI attribution that changed files in
   * which the report credits lines to AI: those commits (full shas, sorted). The lines they changed
   * are counted as the lines of the commits before them, an agent's where one wrote them.
   */
  ignoredHuman?: string[];
  /** Only with `--allow-shallow`: the shallow clone's cut commits inside the blamed range. */
  shallowCut?: string[];
  /**
   * Only with `--shard <i>/<n>`: this report holds part `index` of `count` of the files (the
   * `excluded` counts ride with part 1); `question` names what was asked (revision, options,
   * config, version), so `--merge` joins only parts of the same question.
   */
  shard?: { index: number; count: number; question: string };
  /**
   * Only when the run gave warnings (said on stderr too): each one, in the order said (replace refs or grafts
   * git reads, a shallow cut, files left out…), so a reader of the JSON, Markdown or HTML sees them.
   */
  warnings?: string[];
}

/** One row of a `--by` view. `key` is a path, a directory, a model id, an agent slug or an author (`Name <email>`). */
export interface GroupRow {
  key: string;
  lines: number;
  ai: number;
  human: number;
  byModel: Counts;
  byAgent: Counts;
}

export function emptyCounts(): Counts {
  return Object.create(null) as Counts;
}
