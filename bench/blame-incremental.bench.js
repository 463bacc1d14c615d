#!/usr/bin/env node
// What a report costs when history moves on (issue 12), in one run on one generated history of
// BENCH_FILES files (default 500) and BENCH_COMMITS commits (default 2000; the issue's history had
// 13,138 commits and 512 files), built with fast-import (BENCH_NOTED: the share of commits with a
// git-ai note, default 0):
//   cold         `aitrail blame` with an empty cache;
//   one file     the next report after a commit that touches one file (target <= 0.15x cold);
//   no file      the next report after a commit that touches no file (git commit --allow-empty);
//   sharded      `--shard i/n` for i = 1…BENCH_SHARDS (default 4), each with an empty cache as on
//                its own CI machine: the sum of the parts and the slowest part against the whole.
// Each run is the library call behind the CLI in a fresh node process; wall time, and on Linux CPU
// time (node plus its git children, /proc/self/stat), which a shared machine disturbs far less.
// The incremental figures are medians over BENCH_ITERATIONS (default 3) new commits. The reports
// are checked too: the merged shards equal the cold report, and the last incremental report equals
// a --no-cache run, byte for byte (a mismatch fails the bench; an OVER ratio only with BENCH_STRICT).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blameInFreshProcess, cleanEnv, generateHistory, gitAiNote, median } from './lib.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const FILES = Number(process.env.BENCH_FILES ?? 500);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 2000);
const SHARDS = Number(process.env.BENCH_SHARDS ?? 4);
const NOTED = Number(process.env.BENCH_NOTED ?? 0);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 3);
const env = { ...cleanEnv(), GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com' };
const git = (dir, args) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' }).trim();

/** One report in a fresh process (cache on unless `options` say otherwise), never a whole-report cache hit. */
function run(dir, options = {}) {
  const out = blameInFreshProcess(root, dir, env, options);
  if (out.cached) throw new Error('a measured run was answered by the whole-report cache');
  return out;
}

const trailers = ['', '', '', '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', '\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', '\n\nAssisted-by: aider:deepseek/deepseek-chat\n'];
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-bench-incremental-')));
const cache = join(dir, '.git', 'aitrail', 'blame-cache');
const clearCache = () => rmSync(cache, { recursive: true, force: true });
const strip = ({ shard, ...report }) => JSON.stringify(report);
let over = false;
let wrong = false;
try {
  const start = Date.now();
  const noted = generateHistory(dir, env, { files: FILES, commits: COMMITS, seed: 12, trailers, note: (c, changed, rand) => (c > 0 && rand() < NOTED ? gitAiNote(c, changed, rand) : null) });
  process.stdout.write(`(generated ${FILES} files x ${COMMITS} commits, ${noted} with a git-ai note, with fast-import in ${Date.now() - start} ms)\n`);
  // fast-import just wrote every object: the OS caches are warm.
  clearCache();
  const cold = run(dir);

  // The shards of the same revision, each with an empty cache (its own CI machine); the cold
  // run's cache is set aside meanwhile and put back for the incremental runs.
  renameSync(cache, `${cache}.kept`);
  const parts = [];
  for (let index = 1; index <= SHARDS; index += 1) {
    clearCache();
    parts.push(run(dir, { shard: { index, count: SHARDS } }));
  }
  clearCache();
  renameSync(`${cache}.kept`, cache);
  const partFiles = parts.map((part, index) => {
    const file = join(dir, '.git', `part-${index + 1}.json`);
    writeFileSync(file, JSON.stringify(part.report));
    return file;
  });
  const { mergeShardFiles } = await import(join(root, 'dist/report/merge-shards.js'));
  const mergedSame = JSON.stringify(await mergeShardFiles(partFiles)) === strip(cold.report);

  const paths = git(dir, ['ls-files']).split('\n');
  const oneFile = [];
  const noFile = [];
  for (let i = 0; i < iterations; i += 1) {
    const path = join(dir, paths[(i * 37) % paths.length]);
    writeFileSync(path, `${readFileSync(path, 'utf8')}// one more line ${i}\n`);
    git(dir, ['commit', '-q', '-a', '-m', `touch one file ${i}\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6`]);
    oneFile.push(run(dir));
    git(dir, ['commit', '-q', '--allow-empty', '-m', `touch no file ${i}`]);
    noFile.push(run(dir));
  }
  const fresh = run(dir, { cache: false });
  const incrementalSame = strip(noFile.at(-1).report) === strip(fresh.report);

  const hasCpu = cold.cpu !== null;
  const pick = (list, field) => median(list.map((entry) => entry[field]));
  const ms = (value) => `${value.toFixed(0).padStart(7)} ms`;
  const both = (wall, cpu) => `wall ${ms(wall)}${hasCpu ? `   cpu ${ms(cpu)}` : ''}`;
  const ratio = (a, b) => (a / b).toFixed(3);
  const sum = (field) => parts.reduce((total, part) => total + part[field], 0);
  const slowest = (field) => Math.max(...parts.map((part) => part[field]));
  const oneRatio = pick(oneFile, 'wall') / cold.wall;
  const oneCpu = hasCpu ? pick(oneFile, 'cpu') / cold.cpu : null;
  over = !(oneRatio <= 0.15 || (oneCpu !== null && oneCpu <= 0.15));
  wrong = !incrementalSame || !mergedSame;
  process.stdout.write(
    [
      `${FILES} files, ${COMMITS} commits; ${cold.report.totals.lines} lines (${cold.report.totals.ai} AI); incremental: median of ${iterations} new commits`,
      `  cold                    ${both(cold.wall, cold.cpu)}`,
      `  after a one-file commit ${both(pick(oneFile, 'wall'), pick(oneFile, 'cpu'))}   /cold: wall ${oneRatio.toFixed(3)}${hasCpu ? `, cpu ${oneCpu.toFixed(3)}` : ''}  (target <= 0.15) ${over ? 'OVER' : 'OK'}`,
      `  after a no-file commit  ${both(pick(noFile, 'wall'), pick(noFile, 'cpu'))}   /cold: wall ${ratio(pick(noFile, 'wall'), cold.wall)}${hasCpu ? `, cpu ${ratio(pick(noFile, 'cpu'), cold.cpu)}` : ''}`,
      `  ${SHARDS} shards, sum        ${both(sum('wall'), sum('cpu'))}   sum/cold: wall ${ratio(sum('wall'), cold.wall)}${hasCpu ? `, cpu ${ratio(sum('cpu'), cold.cpu)}` : ''}`,
      `  ${SHARDS} shards, slowest    ${both(slowest('wall'), slowest('cpu'))}   slowest/cold: wall ${ratio(slowest('wall'), cold.wall)}${hasCpu ? `, cpu ${ratio(slowest('cpu'), cold.cpu)}` : ''}; files per shard ${parts.map((part) => part.report.files.length).join('/')}`,
      `  fresh (--no-cache)      ${both(fresh.wall, fresh.cpu)}`,
      `  merged shards = cold report: ${mergedSame ? 'yes' : 'NO'}; last incremental report = --no-cache report: ${incrementalSame ? 'yes' : 'NO'}`,
      `  runs (wall ms): one-file ${oneFile.map((entry) => entry.wall.toFixed(0)).join(', ')}; no-file ${noFile.map((entry) => entry.wall.toFixed(0)).join(', ')}; shards ${parts.map((entry) => entry.wall.toFixed(0)).join(', ')}`,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (wrong || (over && process.env.BENCH_STRICT)) process.exitCode = 1;
