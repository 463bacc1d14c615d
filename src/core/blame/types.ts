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
}

export interface Totals {
  lines: number;
  ai: number;
  human: number;
  byModel: Counts;
  byAgent: Counts;
}

export type BlameGrouping = 'file' | 'dir' | 'model' | 'agent';
export type BlameFormat = 'table' | 'json' | 'csv' | 'markdown';

/** The whole report. `files` are always per file; `groups` hold the `--by` view. */
export interface BlameReport {
  rev: string;
  since: string | null;
  totals: Totals;
  files: FileReport[];
}

/** One row of a `--by` view. `key` is a path, a directory, a model id or an agent slug. */
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
