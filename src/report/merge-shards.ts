import { readFile, stat } from 'node:fs/promises';
import { sumLeftOut, sumReports } from '../core/blame/aggregate.js';
import { MAX_SHARDS } from '../core/blame/shard.js';
import type { BlameReport, Excluded, FileReport } from '../core/blame/types.js';
import { UsageError } from '../errors/usage-error.js';
import { reportFromEntry } from './blame-cache.js';
import { blameMessages } from './blame-messages.js';
import { reportWarnings } from '../core/blame/report-warnings.js';
import { leftOutLimitOk } from '../core/blame/report-notes.js';

/** Largest shard file read (a report of a million files is far below it). */
const MAX_BYTES = 512 * 1024 * 1024;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** A shard's report, checked: counts sane, its shard stamp present. */
function shardOf(data: unknown, file: string): BlameReport & { shard: NonNullable<BlameReport['shard']> } {
  const report = reportFromEntry({ key: 'shard', report: data }, 'shard');
  const shard = report?.shard;
  const stamp = shard && isCount(shard.index) && isCount(shard.count) && shard.index >= 1 && shard.index <= shard.count && shard.count <= MAX_SHARDS && typeof shard.question === 'string';
  const excluded = report?.excluded;
  const rowsOk = (rows: FileReport[]) => rows.every((row) => isCount(row.lineLevel) && row.lineLevel <= row.lines && (row.shallowBoundary === undefined || isCount(row.shallowBoundary)));
  const cutOk = report?.shallowCut === undefined || (Array.isArray(report.shallowCut) && report.shallowCut.every((sha) => typeof sha === 'string' && /^[0-9a-f]{40,64}$/.test(sha)));
  // `binary`/`binarySource` came in later: a shard of an older aitrail lacks both (merged: unknown, left out).
  const binaryOk = excluded && (excluded.binary === undefined ? excluded.binarySource === undefined : isCount(excluded.binary) && isCount(excluded.binarySource) && excluded.binarySource <= excluded.binary);
  const vendoredOk = excluded && (excluded.vendored === undefined || isCount(excluded.vendored)) && (excluded.lfs === undefined || isCount(excluded.lfs)) && (excluded.submodules === undefined || isCount(excluded.submodules)) && (excluded.leftOutUnblamed === undefined || isCount(excluded.leftOutUnblamed)) && (excluded.leftOutLimit === undefined || leftOutLimitOk(excluded.leftOutLimit));
  if (!report || !stamp || !excluded || !isCount(excluded.lockfiles) || !isCount(excluded.generated) || !vendoredOk || !binaryOk || !rowsOk(report.files) || !cutOk) throw new UsageError(blameMessages.shardNotOne(file));
  return report as BlameReport & { shard: NonNullable<BlameReport['shard']> };
}

/**
 * `aitrail blame --merge <json>...`: the reports of every shard of one question, merged into the
 * report the unsharded run gives — the same files, totals, byModel, byAgent, lineLevel, excluded
 * and shallow fields (and byAuthor, for `--by author`, when the shards ran with it). Refuses
 * (exit 2) shards of different questions, a shard missing or twice.
 */
export async function mergeShardFiles(files: readonly string[], options: { authors?: boolean } = {}): Promise<BlameReport> {
  const shards = await Promise.all(
    files.map(async (file) => {
      let text: string;
      try {
        const info = await stat(file);
        if (info.isDirectory()) throw Object.assign(new Error('a directory'), { code: 'EISDIR' });
        // A device or a socket is no shard: `/dev/zero` was read to V8's longest string, ~620 MB and 3 s, before its
        // refusal (row 1163). A pipe (`--merge <(gunzip -c s1.json.gz)`) is read as a file is.
        if (!info.isFile() && !info.isFIFO()) throw new UsageError(blameMessages.shardUnreadable(file, 'a device or socket, not a file'));
        if (info.isFile() && info.size > MAX_BYTES) throw new UsageError(blameMessages.shardNotOne(file));
        text = await readFile(file, 'utf8');
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(blameMessages.shardUnreadable(file, (error as NodeJS.ErrnoException).code ?? String(error)));
      }
      if (text.length > MAX_BYTES) throw new UsageError(blameMessages.shardNotOne(file));
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        throw new UsageError(blameMessages.shardNotOne(file));
      }
      return shardOf(data, file);
    }),
  );
  const first = shards[0];
  if (!first) throw new UsageError(blameMessages.shardSet(0, [], []));
  shards.forEach((shard, index) => {
    const same = shard.shard.question === first.shard.question && shard.shard.count === first.shard.count && shard.rev === first.rev && shard.since === first.since;
    if (!same || JSON.stringify(shard.shallowCut) !== JSON.stringify(first.shallowCut) || JSON.stringify(shard.ignoredAi) !== JSON.stringify(first.ignoredAi)) throw new UsageError(blameMessages.shardMismatch(files[index]!));
  });
  const count = first.shard.count;
  const seen = shards.map((shard) => shard.shard.index);
  const missing = Array.from({ length: count }, (_, index) => index + 1).filter((index) => !seen.includes(index));
  const twice = [...new Set(seen.filter((index, at) => seen.indexOf(index) !== at))];
  if (missing.length > 0 || twice.length > 0) throw new UsageError(blameMessages.shardSet(count, missing, twice));

  const rows = shards.flatMap((shard) => shard.files);
  const paths = new Set<string>();
  for (const row of rows) {
    if (paths.has(row.path)) throw new UsageError(blameMessages.shardOverlap(row.path));
    paths.add(row.path);
  }
  if (options.authors && rows.some((row) => !row.byAuthor)) throw new UsageError(blameMessages.shardNoAuthors());
  rows.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const totals = sumReports(rows);
  if (first.shallowCut) totals.shallowBoundary ??= 0;
  const excluded: Excluded = { lockfiles: 0, generated: 0 };
  for (const shard of shards) {
    excluded.lockfiles += shard.excluded!.lockfiles;
    excluded.generated += shard.excluded!.generated;
  }
  if (shards.every((shard) => shard.excluded!.vendored !== undefined)) excluded.vendored = shards.reduce((sum, shard) => sum + shard.excluded!.vendored!, 0);
  // Binary counts only when every shard holds them: a sum with a part missing would be a wrong number.
  if (shards.every((shard) => shard.excluded!.binary !== undefined)) {
    excluded.binary = shards.reduce((sum, shard) => sum + shard.excluded!.binary!, 0);
    excluded.binarySource = shards.reduce((sum, shard) => sum + shard.excluded!.binarySource!, 0);
  }
  if (shards.every((shard) => shard.excluded!.lfs !== undefined)) excluded.lfs = shards.reduce((sum, shard) => sum + shard.excluded!.lfs!, 0);
  if (shards.every((shard) => shard.excluded!.submodules !== undefined)) excluded.submodules = shards.reduce((sum, shard) => sum + shard.excluded!.submodules!, 0);
  // Each part blamed its own share of the left-out files: their lines add up (known only when every part says them).
  for (const kind of ['generatedLines', 'vendoredLines'] as const) {
    if (shards.every((shard) => shard.excluded![kind] !== undefined)) excluded[kind] = sumLeftOut(shards.map((shard) => shard.excluded![kind]!));
  }
  // Each part decided on its own share of the left-out files whether to blame them: the unblamed add up.
  if (shards.every((shard) => shard.excluded!.leftOutUnblamed !== undefined)) excluded.leftOutUnblamed = shards.reduce((sum, shard) => sum + shard.excluded!.leftOutUnblamed!, 0);
  // Parts of one question share one divisor (it is in the question), so one bound.
  if (first.excluded!.leftOutLimit !== undefined) excluded.leftOutLimit = first.excluded!.leftOutLimit;
  return { rev: first.rev, since: first.since, totals, files: rows, excluded, ...(first.ignoredAi ? { ignoredAi: first.ignoredAi } : {}), ...ignoredHumanOf(shards), ...(first.shallowCut ? { shallowCut: first.shallowCut } : {}), ...warningsOf(shards) };
}

/** Each part's run said its own warnings (replace refs, grafts, its files left out…): the merged report says them all, each once (row 826). */
function warningsOf(shards: readonly { warnings?: unknown }[]): { warnings?: string[] } {
  const warnings = reportWarnings(shards.flatMap((shard) => (Array.isArray(shard.warnings) ? shard.warnings : [])));
  return warnings.length > 0 ? { warnings } : {};
}

/** Each part names the ignored commits that changed its own files holding AI lines: the merged report names them all. */
function ignoredHumanOf(shards: readonly { ignoredHuman?: string[] }[]): { ignoredHuman?: string[] } {
  const all = [...new Set(shards.flatMap((shard) => shard.ignoredHuman ?? []))].sort();
  return all.length > 0 ? { ignoredHuman: all } : {};
}
