import type { BlamePageData } from '../page-data.js';
import { num } from './format.js';
import { filePath } from './tree.js';

/** One row of the file table, with what sorting and filtering need computed once. */
export interface FileRowView {
  path: string;
  lower: string;
  lines: number;
  ai: number;
  human: number;
  share: number;
  lineLevel: number;
  /** `model 120, model 4, +2 more` */
  models: string;
  /** Every model of the file, for the filter. */
  modelNames: string[];
}

export type SortKey = 'path' | 'lines' | 'ai' | 'human' | 'share' | 'lineLevel' | 'models';

export function fileRows(data: BlamePageData): FileRowView[] {
  return data.files.map((file, index) => {
    const names: string[] = [];
    const parts: string[] = [];
    for (let at = 5; at + 1 < file.length; at += 2) {
      const name = data.models[file[at] as number]?.[0] ?? 'unknown';
      names.push(name);
      if (parts.length < 3) parts.push(`${name} ${num(file[at + 1] as number)}`);
    }
    if (names.length > 3) parts.push(`+${names.length - 3} more`);
    const [, , lines, ai, lineLevel] = file;
    const path = filePath(data, index);
    return { path, lower: path.toLowerCase(), lines, ai, human: lines - ai, share: lines === 0 ? 0 : ai / lines, lineLevel, models: parts.join(', '), modelNames: names.map((name) => name.toLowerCase()) };
  });
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Rows in `key` order (`descending` flips it); ties by path, so the order is total and stable. */
export function sortRows(rows: FileRowView[], key: SortKey, descending: boolean): FileRowView[] {
  const sign = descending ? -1 : 1;
  const compare = key === 'path' || key === 'models' ? (a: FileRowView, b: FileRowView) => byText(a[key], b[key]) : (a: FileRowView, b: FileRowView) => a[key] - b[key] || (key === 'share' ? a.ai - b.ai : 0);
  return rows.slice().sort((a, b) => sign * compare(a, b) || byText(a.path, b.path));
}

export interface RowFilter {
  /** Case-insensitive words, each found in the path or a model id. */
  text: string;
  /** Only files under this directory ('' = all). */
  under: string;
  /** Exactly this path (a click on a file in the treemap), or null. */
  exact: string | null;
  onlyAi: boolean;
}

export function filterRows(rows: FileRowView[], filter: RowFilter): FileRowView[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  const prefix = filter.under === '' ? '' : `${filter.under}/`;
  return rows.filter(
    (row) =>
      (filter.exact === null || row.path === filter.exact) &&
      (prefix === '' || row.path.startsWith(prefix)) &&
      (!filter.onlyAi || row.ai > 0) &&
      words.every((word) => row.lower.includes(word) || row.modelNames.some((name) => name.includes(word))),
  );
}
