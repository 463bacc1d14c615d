import { expect } from 'vitest';
import { aitrail } from './cli.js';

export interface Totals {
  lines: number;
  ai: number;
  human: number;
}
export interface FileRow extends Totals {
  path: string;
}

/** `aitrail blame <args> --format json` in `dir`, expected to succeed: its totals, files and stderr. */
export function blameJson(dir: string, args: string[]): { totals: Totals; files: FileRow[]; stderr: string } {
  const result = aitrail(dir, ['blame', ...args, '--format', 'json']);
  expect(result.code, result.stderr).toBe(0);
  const parsed = JSON.parse(result.stdout) as { totals: Totals; files: FileRow[] };
  return { ...parsed, stderr: result.stderr };
}

/** Each file as `[path, lines, ai]`. */
export const fileRows = (files: FileRow[]) => files.map((file) => [file.path, file.lines, file.ai]);
