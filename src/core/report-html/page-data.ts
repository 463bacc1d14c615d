/**
 * What an HTML report page carries in its `<script type="application/json">` block: the numbers
 * and names the page shows, names already made safe for display (`displayName`). Shared by the
 * renderer (src/core/report-html) and the page's own script (browser/). Pure types.
 */

/** `[name, lines]`, most lines first. */
export type CountList = [name: string, lines: number][];

/** Who made the page and how it was asked for. */
export interface PageMeta {
  /** `aitrail 0.1.0` */
  tool: string;
  /** ISO time the page was made, or null (tests, reproducible builds). */
  generatedAt: string | null;
  /** The command line's options as given (`--since v1.0`, `-w`, `src/`), display-safe. */
  options: string[];
}

export interface PageTotals {
  lines: number;
  ai: number;
  human: number;
  lineLevel: number;
  /** Only with `--allow-shallow`. */
  shallowBoundary?: number;
}

/**
 * One file: `[dir, name, lines, ai, lineLevel, model, lines, model, lines…]` — `dir` indexes
 * `dirs`, each `model` indexes `models`. Arrays, not objects: 10,000 files stay well under a megabyte.
 */
export type FileRow = [dir: number, name: string, lines: number, ai: number, lineLevel: number, ...models: number[]];

export interface BlamePageData extends PageMeta {
  kind: 'blame';
  rev: string | null;
  since: string | null;
  totals: PageTotals;
  models: CountList;
  agents: CountList;
  /** What the numbers leave out (lockfiles, generated files, shallow history), one sentence each. */
  notes: string[];
  /** Every directory holding a file, '' for the top; `a/b` without a trailing slash. */
  dirs: string[];
  files: FileRow[];
}

export interface TrendPagePoint {
  since: string;
  rev: string;
  sinceName: string;
  revName: string;
  totals: PageTotals;
  models: CountList;
  agents: CountList;
}

export interface TrendPageData extends PageMeta {
  kind: 'trend';
  releases: TrendPagePoint[];
  /** Every model of any release, most lines overall first (the stack's order and colours). */
  models: string[];
  /**
   * What the numbers leave out (lockfiles, generated or vendored files), one sentence each: said
   * once when every release says it, else prefixed with the releases it holds for (`v1..v2: …`),
   * as the table and Markdown footers say it.
   */
  notes: string[];
}

export type PageData = BlamePageData | TrendPageData;
