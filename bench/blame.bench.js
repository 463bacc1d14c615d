#!/usr/bin/env node
// `aitrail blame` speed, measured in one run on two real histories: this repository's own, and a
// generated one (BENCH_FILES files, BENCH_COMMITS commits, built with git fast-import).
//   cold: `aitrail blame` with an empty cache, against raw `git blame --porcelain` of the very same
//         files with the same parallelism (os.availableParallelism() processes). Target <= 1.2x.
//   warm: the same report again (cache hit), against the cold run. Target <= 0.1x.
// Both are timed in-process (the library call behind the CLI) and end to end (the CLI, node
// startup included; `node -e 0` is printed for reference). Medians of BENCH_ITERATIONS (default 2; a 2-core machine needs minutes per run).
// Then the generated history's cold run again with its commit-graph written (`git commit-graph write
// --reachable`), which the report's git blame reads once `git commit-graph verify` passed (README
// 837), against the cold run without one; and verify's own cost.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, realpathSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, generateHistory, median, time } from './lib.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const bin = join(root, 'bin/aitrail.js');
const { blameReport } = await import(join(root, 'dist/report/blame-report.js'));
const { listBlameFiles } = await import(join(root, 'dist/git/blame-files.js'));
const { locateRepo } = await import(join(root, 'dist/git/repo.js'));
const iterations = Number(process.env.BENCH_ITERATIONS ?? 2);
const FILES = Number(process.env.BENCH_FILES ?? 2000);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 2000);
const jobs = availableParallelism();

const env = cleanEnv();


/** A history of `files` files and `commits` commits, some with agent signatures, via fast-import. */
function generate(dir, files, commits) {
  const trailers = ['', '', '', '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', '\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n', '\n\nAssisted-by: aider:deepseek/deepseek-chat\nAssisted-by: claude-code:anthropic/claude-sonnet-4.5\n'];
  generateHistory(dir, env, { files, commits, seed: 42, trailers });
}

/** Raw baseline: `git blame --porcelain <rev> -- <file>` for each file, `jobs` at a time, output read and dropped. */
async function rawBlame(dir, rev, paths) {
  let next = 0;
  const lane = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      await new Promise((done, fail) => {
        const child = spawn('git', ['blame', '--porcelain', rev, '--', path], { cwd: dir, env: { ...env, GIT_TERMINAL_PROMPT: '0' }, stdio: ['ignore', 'pipe', 'ignore'] });
        child.stdout.on('data', () => {});
        child.on('error', fail);
        child.on('close', (code) => (code === 0 ? done() : fail(new Error(`git blame ${path} exited ${code}`))));
      });
    }
  };
  await Promise.all(Array.from({ length: jobs }, lane));
}

function cli(dir, args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, 'blame', '--format', 'json', ...args], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`aitrail blame exited ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function measure(label, dir) {
  const repo = await locateRepo(dir);
  // A fixed sha: other work may move HEAD while the benchmark runs.
  const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, env, encoding: 'utf8' }).trim();
  const { files } = await listBlameFiles(repo.root, repo.gitDir, rev, []);
  const paths = files.map((file) => file.path);
  const commits = execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: dir, env, encoding: 'utf8' }).trim();
  const cache = join(repo.commonDir, 'aitrail', 'blame-cache');
  const t = { raw: [], cold: [], warm: [], cliCold: [], cliWarm: [], node: [] };
  let report;
  await rawBlame(dir, rev, paths); // warm the OS caches for everyone
  for (let i = 0; i < iterations; i += 1) {
    t.raw.push(await time(() => rawBlame(dir, rev, paths)));
    rmSync(cache, { recursive: true, force: true });
    t.cold.push(await time(async () => (report = (await blameReport({ cwd: dir, rev })).report)));
    t.warm.push(await time(async () => {
      const result = await blameReport({ cwd: dir, rev });
      if (!result.cached) throw new Error('warm run missed the cache');
    }));
    rmSync(cache, { recursive: true, force: true });
    t.cliCold.push(cli(dir, ['--rev', rev]));
    t.cliWarm.push(cli(dir, ['--rev', rev]));
    t.node.push(await time(() => spawnSync(process.execPath, ['-e', '0'])));
  }
  const m = Object.fromEntries(Object.entries(t).map(([k, v]) => [k, median(v)]));
  const fmt = (ms) => `${ms.toFixed(0).padStart(7)} ms`;
  const ratio = (a, b) => (a / b).toFixed(3);
  const coldRatio = m.cold / m.raw;
  const warmRatio = m.warm / m.cold;
  process.stdout.write(
    [
      `${label}: ${paths.length} text files, ${commits} commits, ${report.totals.lines} lines (${report.totals.ai} AI), ${jobs} parallel git processes, median of ${iterations}`,
      `  raw git blame --porcelain  ${fmt(m.raw)}`,
      `  aitrail blame, cold        ${fmt(m.cold)}   cold/raw  ${ratio(m.cold, m.raw)}  (target <= 1.2) ${coldRatio <= 1.2 ? 'OK' : 'OVER'}`,
      `  aitrail blame, warm        ${fmt(m.warm)}   warm/cold ${ratio(m.warm, m.cold)}  (target <= 0.1) ${warmRatio <= 0.1 ? 'OK' : 'OVER'}`,
      `  CLI end to end: cold ${fmt(m.cliCold)} (cold/raw ${ratio(m.cliCold, m.raw)}), warm ${fmt(m.cliWarm)} (warm/cold ${ratio(m.cliWarm, m.cliCold)}); node -e 0 ${fmt(m.node)}`,
      '',
    ].join('\n'),
  );
  return { coldRatio, warmRatio, cold: m.cold };
}

/** Cold `aitrail blame` (library call) of `dir` once its commit-graph is written, against `coldWithout` (ms); verify's own time. */
async function coldWithGraph(dir, coldWithout) {
  execFileSync('git', ['commit-graph', 'write', '--reachable', '--no-progress'], { cwd: dir, env, stdio: 'ignore' });
  const repo = await locateRepo(dir);
  const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, env, encoding: 'utf8' }).trim();
  const cache = join(repo.commonDir, 'aitrail', 'blame-cache');
  const verify = [];
  const cold = [];
  for (let i = 0; i < iterations; i += 1) {
    verify.push(await time(async () => execFileSync('git', ['commit-graph', 'verify', '--no-progress'], { cwd: dir, env, stdio: 'ignore' })));
    rmSync(cache, { recursive: true, force: true });
    cold.push(await time(async () => blameReport({ cwd: dir, rev })));
  }
  const withGraph = median(cold);
  process.stdout.write(`  aitrail blame, cold, commit-graph written ${withGraph.toFixed(0).padStart(7)} ms   /cold without ${(withGraph / coldWithout).toFixed(3)}; git commit-graph verify ${median(verify).toFixed(0)} ms\n\n`);
}

const scratch = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-blame-bench-')));
let over = false;
try {
  const own = await measure('this repository', root);
  const start = Date.now();
  const generated = join(scratch, 'generated');
  generate(generated, FILES, COMMITS);
  process.stdout.write(`(generated ${FILES} files x ${COMMITS} commits with fast-import in ${Date.now() - start} ms)\n`);
  const big = await measure('generated repository', generated);
  await coldWithGraph(generated, big.cold);
  over = [own, big].some((r) => r.coldRatio > 1.2 || r.warmRatio > 0.1);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (over && process.env.BENCH_STRICT) process.exitCode = 1;
