// test/setup/test-durations.json (the order test/setup/longest-first.ts starts files in) from a run's
// per-file CPU: `AITRAIL_TEST_FILE_CPU=/tmp/cpu.jsonl npm test`, then
// `node scripts/test-cpu-table.mjs /tmp/cpu.jsonl [table]` (table: test/setup/test-durations.json).
// Each file's figure is its `cpu` (its worker's, its children's and the test server's runs for it:
// test/setup/temp-dirs.ts), the seconds of a core it holds, which on a loaded machine rank files
// better than their wall time (that of a file started among many is mostly waiting for a core);
// a file's `wall` counts instead when larger than three times its CPU (a file that mostly waits:
// a lock's timeout, a sleep), so that it still starts early. Files the log does not hold keep their entries.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const [log, table = 'test/setup/test-durations.json'] = process.argv.slice(2);
if (!log) {
  process.stderr.write('usage: node scripts/test-cpu-table.mjs <AITRAIL_TEST_FILE_CPU log> [table]\n');
  process.exit(2);
}
const root = process.cwd();
const figures = new Map();
for (const [index, line] of readFileSync(log, 'utf8').split('\n').entries()) {
  if (line.trim() === '') continue;
  let entry;
  try {
    entry = JSON.parse(line);
  } catch {
    process.stderr.write(`${log}:${index + 1}: not a JSON line: skipped\n`);
    continue;
  }
  if (typeof entry?.file !== 'string') continue;
  const file = relative(root, entry.file);
  const project = file.split('/')[1];
  if (!file.startsWith('test/') || !project) continue;
  // A log without `cpu` (written before the server's share was counted): its parts.
  const cpu = typeof entry.cpu === 'number' ? entry.cpu : (entry.self ?? 0) + (entry.children ?? 0) + (entry.server ?? 0);
  const wall = typeof entry.wall === 'number' ? entry.wall : 0;
  figures.set(`${project}:${file}`, Math.round(10 * (wall > 3 * cpu ? wall : cpu)) / 10);
}
let kept = {};
try {
  kept = JSON.parse(readFileSync(table, 'utf8')).seconds ?? {};
} catch {}
for (const [key, value] of figures) kept[key] = value;
const seconds = Object.fromEntries(Object.entries(kept).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
const comment = 'Seconds of CPU each test file took in a whole run (AITRAIL_TEST_FILE_CPU, then node scripts/test-cpu-table.mjs rewrites it; or its wall seconds with npm run test:durations and TEST_DURATIONS_TABLE=test/setup/test-durations.json). Read by test/setup/longest-first.ts: only the order files start in.';
writeFileSync(table, `${JSON.stringify({ $comment: comment, seconds }, null, 2)}\n`);
process.stdout.write(`${figures.size} files from ${log} written to ${table}\n`);
