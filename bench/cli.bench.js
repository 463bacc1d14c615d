#!/usr/bin/env node
// CLI start-up: every command but the hooks runs from one CommonJS bundle with V8 code caches
// (dist/bundle/cli.cjs, scripts/bundle.mjs) instead of node's ES module loader over dist/. Measured
// in the same run, interleaved, in a small real repository (40 files, 60 commits): `node -e 0`,
// each command through bin/aitrail.js (the bundle), and the same command through the module tree
// (dist/cli/entry.js, what bin falls back to without bundles). Wall time and CPU time (the process
// and the git processes it runs), medians. BENCH_ITERATIONS=n changes the number of runs (default 20).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { childrenCpuMs, cleanEnv, generateHistory, gitAiNote, median } from './lib.js';

const bin = resolve(fileURLToPath(import.meta.url), '../../bin/aitrail.js');
const entry = resolve(fileURLToPath(import.meta.url), '../../dist/cli/entry.js');
const iterations = Number(process.env.BENCH_ITERATIONS ?? 20);
const env = cleanEnv();

const root = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-bench-')));
try {
  const dir = join(root, 'repo');
  generateHistory(dir, env, { files: 40, commits: 60, seed: 7, trailers: ['', '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6', '\n\nAssisted-by: aider:qwen/qwen3-coder'] });
  const tree = join(root, 'tree.mjs');
  writeFileSync(tree, `const { main } = await import(${JSON.stringify(pathToFileURL(entry).href)});\nprocess.exitCode = await main(process.argv.slice(2));\n`);

  const spawn = (args) => {
    const cpu = childrenCpuMs();
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return { wall, cpu: childrenCpuMs() - cpu };
  };
  const commands = [
    ['log', '--format', 'json'],
    ['status', '--format', 'json'],
    ['check', 'HEAD~10..HEAD', '--format', 'json'],
    ['blame', '--no-cache', '--format', 'json'],
  ];
  const cases = { 'node -e 0': () => spawn(['-e', '0']) };
  for (const args of commands) {
    cases[`aitrail ${args[0]} (bundle)`] = () => spawn([bin, ...args]);
    cases[`aitrail ${args[0]} (module tree)`] = () => spawn([tree, ...args]);
  }
  // Warm-up: the first bundled run of each command writes its code cache.
  for (const name of Object.keys(cases)) for (let i = 0; i < 2; i += 1) cases[name]();
  const times = Object.fromEntries(Object.keys(cases).map((name) => [name, { wall: [], cpu: [] }]));
  for (let i = 0; i < iterations; i += 1) {
    for (const name of Object.keys(cases)) {
      const { wall, cpu } = cases[name]();
      times[name].wall.push(wall);
      times[name].cpu.push(cpu);
    }
  }
  const base = median(times['node -e 0'].wall);
  const baseCpu = median(times['node -e 0'].cpu);
  console.log(`${iterations} interleaved runs each, node ${process.version}, 40 files x 60 commits, medians; CPU: the process and its git processes; ratios to node -e 0:`);
  for (const name of Object.keys(cases)) {
    const wall = median(times[name].wall);
    const cpu = median(times[name].cpu);
    console.log(`  ${name.padEnd(32)} ${wall.toFixed(1).padStart(7)} ms wall ${(wall / base).toFixed(2).padStart(5)}x   ${cpu.toFixed(0).padStart(5)} ms CPU ${(cpu / baseCpu).toFixed(2).padStart(5)}x`);
  }
  for (const args of commands) {
    const bundled = median(times[`aitrail ${args[0]} (bundle)`].cpu);
    const plain = median(times[`aitrail ${args[0]} (module tree)`].cpu);
    console.log(`  ${`aitrail ${args[0]}: bundle / module tree`.padEnd(32)} CPU ${(bundled / plain).toFixed(2)}x, wall ${(median(times[`aitrail ${args[0]} (bundle)`].wall) / median(times[`aitrail ${args[0]} (module tree)`].wall)).toFixed(2)}x`);
  }
  smallRepository(join(root, 'small'));
} finally {
  rmSync(root, { recursive: true, force: true });
}

/**
 * The repositories the tests make (a dozen commits, a policy with a path rule, git-ai notes): what
 * each command costs beyond node's own start, which no repository size explains (the bundle, its
 * libraries, the git processes every run asks). CPU of the process and its git processes, the mean
 * of the runs (the clock counts 10 ms ticks: a mean of many runs reads below one), beside `node -e 0`.
 */
function smallRepository(dir) {
  generateHistory(dir, env, { files: 6, commits: 8, seed: 11, trailers: ['', '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6'], note: (c, changed, rand) => (c % 3 === 1 ? gitAiNote(c, changed, rand) : null) });
  const git = (args) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env });
  writeFileSync(join(dir, '.aitrailrc.yml'), 'policy:\n  deny: ["qwen/*"]\n  paths:\n    - files: ["src/crypto/**"]\n      deny: ["openai/*"]\n');
  git(['add', '-A']);
  git(['commit', '-q', '-m', 'chore: policy']);
  for (let c = 0; c < 3; c += 1) {
    mkdirSync(join(dir, 'src', 'crypto'), { recursive: true });
    writeFileSync(join(dir, 'src', 'crypto', `k${c}.ts`), `export const k${c} = ${c};\n`);
    git(['add', '-A']);
    git(['commit', '-q', '-m', `feat: ${c}`, ...(c === 1 ? ['-m', 'Assisted-by: claude-code:anthropic/claude-opus-4.6'] : [])]);
  }
  const run = (args) => {
    const cpu = childrenCpuMs();
    const result = spawnSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return childrenCpuMs() - cpu;
  };
  const commands = [['-e', '0'], ['check', 'HEAD~3..HEAD'], ['blame', '--no-cache'], ['blame'], ['log'], ['status']];
  const label = (args) => (args[0] === '-e' ? 'node -e 0' : `aitrail ${args.join(' ')}`);
  const argsOf = (args) => (args[0] === '-e' ? args : [bin, ...args]);
  for (const args of commands) for (let i = 0; i < 2; i += 1) run(argsOf(args));
  const times = new Map(commands.map((args) => [label(args), []]));
  for (let i = 0; i < iterations * 2; i += 1) for (const args of commands) times.get(label(args)).push(run(argsOf(args)));
  const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const base = mean(times.get('node -e 0'));
  console.log(`small repository (12 commits, a path rule, git-ai notes), ${iterations * 2} interleaved runs each, mean CPU (process and its git processes):`);
  for (const [name, values] of times) console.log(`  ${name.padEnd(32)} ${mean(values).toFixed(1).padStart(6)} ms CPU ${(mean(values) / base).toFixed(2).padStart(5)}x node -e 0, ${(mean(values) - base).toFixed(1).padStart(6)} ms beyond it`);
}
