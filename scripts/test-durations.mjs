// A vitest reporter that ranks test files (and the slowest tests) by the time they took, to keep
// `npm test` quick: `npm run test:durations` (whole suite) or
// `npm run test:durations -- test/integration/blame.test.ts` (some files). Add
// TEST_DURATIONS_JSON=<file> to also write the figures as JSON (to compare two runs), and
// TEST_DURATIONS_TABLE=test/setup/test-durations.json to refresh the order files start in.
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { relative } from 'node:path';

const SLOWEST_TESTS = 15;
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`.padStart(7);

export default class TestDurations {
  onInit(vitest) {
    this.root = vitest.config.root;
    this.started = performance.now();
    this.loadAtStart = loadavg()[0];
  }

  onTestRunEnd(testModules) {
    const wall = performance.now() - this.started;
    const files = testModules.map((module) => {
      const diagnostic = module.diagnostic();
      const tests = [...module.children.allTests()].map((test) => ({ name: test.fullName, ms: test.diagnostic()?.duration ?? 0 }));
      // Import (module-level set-up included) plus every test and hook.
      const ms = diagnostic.collectDuration + diagnostic.setupDuration + diagnostic.duration;
      return { file: relative(this.root, module.moduleId), project: module.project.name, ms, collectMs: diagnostic.collectDuration, tests };
    }).sort((a, b) => b.ms - a.ms);
    const total = files.reduce((sum, file) => sum + file.ms, 0);
    const out = [`\nper-file durations (import + tests + hooks), ${files.length} files, sum ${seconds(total).trim()}, wall ${seconds(wall).trim()}`,
      `load average ${this.loadAtStart.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end, ${availableParallelism()} cores\n`];
    for (const file of files) {
      out.push(`${seconds(file.ms)} ${(100 * file.ms / total).toFixed(1).padStart(5)}%  ${String(file.tests.length).padStart(4)} tests  import ${seconds(file.collectMs).trim().padStart(6)}  ${file.project.padEnd(11)} ${file.file}`);
    }
    const slowest = files.flatMap((file) => file.tests.map((test) => ({ ...test, file: file.file }))).sort((a, b) => b.ms - a.ms).slice(0, SLOWEST_TESTS);
    out.push(`\nslowest ${slowest.length} tests:`);
    for (const test of slowest) out.push(`${seconds(test.ms)}  ${test.file} > ${test.name}`);
    process.stdout.write(`${out.join('\n')}\n`);
    const table = process.env.TEST_DURATIONS_TABLE;
    if (table) {
      // The order test/setup/longest-first.ts starts files in: seconds per <project>:<file>, longest first.
      // The files that ran replace their entries; the others keep theirs (a run of some files).
      let kept = {};
      try {
        kept = JSON.parse(readFileSync(table, 'utf8')).seconds ?? {};
      } catch {}
      for (const file of files) kept[`${file.project}:${file.file}`] = Math.round(file.ms / 100) / 10;
      const seconds = Object.fromEntries(Object.entries(kept).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
      const comment = 'Seconds each test file took in a fresh-clone CI run (npm run test:durations with TEST_DURATIONS_TABLE=test/setup/test-durations.json rewrites it). Read by test/setup/longest-first.ts: only the order files start in.';
      writeFileSync(table, `${JSON.stringify({ $comment: comment, seconds }, null, 2)}\n`);
    }
    const json = process.env.TEST_DURATIONS_JSON;
    if (json) writeFileSync(json, `${JSON.stringify({ wallMs: wall, loadAtStart: this.loadAtStart, files }, null, 2)}\n`);
  }
}
