import { join } from 'node:path';
import { emptyCounts, type AuthorCounts, type BlameReport, type Counts, type Excluded, type LeftOutLines } from '../core/blame/types.js';
import { sanitize } from '../core/sanitize.js';
import { readSealed, writeSealed } from './cache-seal.js';
import { pruneOldest } from './prune-oldest.js';

/**
 * Whole-report cache under `<common-git-dir>/aitrail/blame-cache/<key>.json`. The key (see
 * blame-report.ts) holds everything the answer depends on, so an entry is never stale: it is
 * simply never looked up again once history, options, config or environment change. The newest
 * KEEP entries are kept. An entry that is not a well-formed report (truncated, tampered) is a
 * miss: the report is computed again and the entry rewritten.
 */
const KEEP = 64;

export function cacheDir(commonDir: string): string {
  return join(commonDir, 'aitrail', 'blame-cache');
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Counts as a null-prototype object, or null when any value is not a line count. */
function countsOf(value: unknown, lines: number): Counts | null {
  if (!isRecord(value)) return null;
  const counts = emptyCounts();
  for (const [name, count] of Object.entries(value)) {
    if (!isCount(count) || count > lines) return null;
    counts[name] = count;
  }
  return counts;
}

/** A row (totals or one file) with sane counts: non-negative integers, parts never above the whole. */
function rowOk(row: Record<string, unknown>): boolean {
  const { lines, ai, human } = row;
  return isCount(lines) && isCount(ai) && isCount(human) && ai <= lines && human <= lines && Object.values(row).every((value) => typeof value !== 'number' || isCount(value));
}

/** A file's `byAuthor` revived (null-prototype maps), undefined when absent, null when malformed. */
function authorsOf(value: unknown, lines: number): Record<string, AuthorCounts> | undefined | null {
  if (value === undefined) return undefined;
  if (!isRecord(value)) return null;
  const authors = Object.create(null) as Record<string, AuthorCounts>;
  let sum = 0;
  for (const [name, row] of Object.entries(value)) {
    if (!isRecord(row) || !isCount(row.lines) || !isCount(row.ai) || row.ai > row.lines) return null;
    const byModel = countsOf(row.byModel, row.lines);
    const byAgent = countsOf(row.byAgent, row.lines);
    if (!byModel || !byAgent) return null;
    authors[name] = { lines: row.lines, ai: row.ai, byModel, byAgent };
    sum += row.lines;
  }
  return sum === lines ? authors : null;
}

const isSha = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{40,64}$/.test(value);

/** `ignoredAi`, `ignoredHuman`: absent, or a non-empty list of full shas. */
function ignoredAiOk(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length > 0 && value.every(isSha));
}

/** `excluded.generatedLines` / `vendoredLines` revived: undefined when absent, null when malformed. */
function leftOutOf(value: unknown): LeftOutLines | undefined | null {
  if (value === undefined) return undefined;
  if (!isRecord(value) || !rowOk(value)) return null;
  const byModel = countsOf(value.byModel, value.lines as number);
  const byAgent = countsOf(value.byAgent, value.lines as number);
  if (!byModel || !byAgent) return null;
  return { lines: value.lines as number, ai: value.ai as number, human: value.human as number, byModel, byAgent };
}

/** The report in a cache entry, revived, or null when the entry is not one this version wrote. */
export function reportFromEntry(data: unknown, key: string): BlameReport | null {
  if (!isRecord(data) || data.key !== key || !isRecord(data.report)) return null;
  const { rev, since, totals, files } = data.report;
  if (typeof rev !== 'string' || (since !== null && typeof since !== 'string') || !isRecord(totals) || !Array.isArray(files)) return null;
  if (!rowOk(totals) || !ignoredAiOk(data.report.ignoredAi) || !ignoredAiOk(data.report.ignoredHuman)) return null;
  const byModel = countsOf(totals.byModel, totals.lines as number);
  const byAgent = countsOf(totals.byAgent, totals.lines as number);
  if (!byModel || !byAgent) return null;
  const rows: BlameReport['files'] = [];
  for (const file of files as unknown[]) {
    if (!isRecord(file) || typeof file.path !== 'string' || !rowOk(file)) return null;
    const fileModels = countsOf(file.byModel, file.lines as number);
    const fileAgents = countsOf(file.byAgent, file.lines as number);
    const byAuthor = authorsOf(file.byAuthor, file.lines as number);
    if (!fileModels || !fileAgents || byAuthor === null) return null;
    rows.push({ ...file, byModel: fileModels, byAgent: fileAgents, ...(byAuthor ? { byAuthor } : {}) } as BlameReport['files'][number]);
  }
  const excluded = data.report.excluded;
  if (isRecord(excluded)) {
    const generatedLines = leftOutOf(excluded.generatedLines);
    const vendoredLines = leftOutOf(excluded.vendoredLines);
    if (generatedLines === null || vendoredLines === null) return null;
    const revived = { ...(excluded as unknown as Excluded) };
    if (generatedLines) revived.generatedLines = generatedLines;
    if (vendoredLines) revived.vendoredLines = vendoredLines;
    return { ...(data.report as unknown as BlameReport), totals: { ...(totals as unknown as BlameReport['totals']), byModel, byAgent }, files: rows, excluded: revived };
  }
  return { ...(data.report as unknown as BlameReport), totals: { ...(totals as unknown as BlameReport['totals']), byModel, byAgent }, files: rows };
}

/** A warning or a note the run that wrote a report said (a named symbolic link skipped…), in the order said: a hit says them again. */
export interface SaidMessage {
  kind: 'warning' | 'note';
  message: string;
}

/** A cached report and the warnings and notes the run that computed it gave (said again on a hit, in their order, made safe to print). */
export async function readCachedReport(dir: string, key: string): Promise<{ report: BlameReport; said: SaidMessage[] } | null> {
  try {
    const data = await readSealed(dir, join(dir, `${key}.json`));
    const report = reportFromEntry(data, key);
    const said = isRecord(data) && Array.isArray(data.said) ? data.said : [];
    if (!report || !said.every((entry) => isRecord(entry) && (entry.kind === 'warning' || entry.kind === 'note') && typeof entry.message === 'string')) return null;
    return { report, said: (said as SaidMessage[]).map(({ kind, message }) => ({ kind, message: sanitize(message, { max: 2000 }) })) };
  } catch {
    return null;
  }
}

/** Write atomically (temp file + rename, the temp file removed on failure) and prune old entries; failures only cost speed. */
export async function writeCachedReport(dir: string, key: string, report: BlameReport, said: readonly SaidMessage[] = []): Promise<void> {
  try {
    await writeSealed(dir, join(dir, `${key}.json`), { key, report, said });
    await pruneOldest(dir, KEEP);
  } catch {
    // A read-only git dir or a full disk just means no cache.
  }
}
