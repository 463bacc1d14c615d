#!/usr/bin/env node
// Cost of line-level attribution: cold `aitrail blame` on a generated history where most commits
// (BENCH_NOTED, default 0.8) carry a git-ai Authorship Log under refs/notes/ai, with notes against
// the same blame with --no-notes, in the same run (alternating order). Target: notes/no-notes <= 1.1.
// BENCH_FILES files (default 1000), BENCH_COMMITS commits (default 1500), built with git fast-import
// (the notes too). Each run is the library call behind the CLI in a fresh node process, no cache;
// medians of BENCH_ITERATIONS (3). Wall time, and on Linux also CPU time (node plus its git
// children, from /proc/self/stat), which a machine shared with other work disturbs far less.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { blameInFreshProcess, cleanEnv, generateHistory, gitAiNote, median } from './lib.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const iterations = Number(process.env.BENCH_ITERATIONS ?? 3);
const FILES = Number(process.env.BENCH_FILES ?? 1000);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 1500);
const NOTED = Number(process.env.BENCH_NOTED ?? 0.8);
const env = cleanEnv();

/** `files` files, `commits` commits (a few with trailers), most with a note. */
function generate(dir, files, commits) {
  const trailers = ['', '', '', '', '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n', '\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n'];
  return generateHistory(dir, env, { files, commits, seed: 7, trailers, note: (c, changed, rand) => (c > 0 && rand() < NOTED ? gitAiNote(c, changed, rand) : null) });
}

/** One cold blame in a fresh process: wall ms, CPU ms (self + children, Linux) and its totals. */
function run(dir, rev, notes) {
  const { wall, cpu, report } = blameInFreshProcess(root, dir, env, { rev, cache: false, notes });
  return { wall, cpu, totals: report.totals };
}

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-bench-notes-')));
try {
  const noted = generate(dir, FILES, COMMITS);
  const rev = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: dir, env, encoding: 'utf8' }).trim();
  const t = { notes: [], plain: [] };
  run(dir, rev, false); // warm the OS caches
  for (let i = 0; i < iterations; i += 1) {
    const order = i % 2 === 0 ? ['notes', 'plain'] : ['plain', 'notes'];
    for (const key of order) t[key].push(run(dir, rev, key === 'notes'));
  }
  const pick = (key, field) => median(t[key].map((entry) => entry[field]));
  const withNotes = t.notes[0].totals;
  const without = t.plain[0].totals;
  const wall = pick('notes', 'wall') / pick('plain', 'wall');
  const hasCpu = existsSync('/proc/self/stat') && t.notes.every((entry) => entry.cpu !== null);
  const cpu = hasCpu ? pick('notes', 'cpu') / pick('plain', 'cpu') : null;
  const ms = (value) => `${value.toFixed(0).padStart(7)} ms`;
  const verdict = (ratio) => `${ratio.toFixed(3)}  (target <= 1.1) ${ratio <= 1.1 ? 'OK' : 'OVER'}`;
  process.stdout.write(
    [
      `${FILES} files, ${COMMITS} commits, ${noted} with a note; ${withNotes.lines} lines, ${withNotes.lineLevel} judged from notes; median of ${iterations}`,
      `  --no-notes   wall ${ms(pick('plain', 'wall'))}${hasCpu ? `   cpu ${ms(pick('plain', 'cpu'))}` : ''}   ${without.ai} AI lines (commit by commit)`,
      `  notes        wall ${ms(pick('notes', 'wall'))}${hasCpu ? `   cpu ${ms(pick('notes', 'cpu'))}` : ''}   ${withNotes.ai} AI lines (line by line)`,
      `  notes/no-notes: wall ${verdict(wall)}${cpu === null ? '' : `; cpu ${verdict(cpu)}`}`,
      `  runs (wall ms): notes ${t.notes.map((entry) => entry.wall.toFixed(0)).join(', ')}; no-notes ${t.plain.map((entry) => entry.wall.toFixed(0)).join(', ')}`,
      '',
    ].join('\n'),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
