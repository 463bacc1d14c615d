#!/usr/bin/env node
// Path rules with many globs (row 311): a policy of 10 path rules × 1,000 file globs (10,000, the
// most a config may hold: src/config/check-file-globs.ts) shaped as a monorepo writes them
// (`services/svc-N/src/**`, `packages/pN/**/*.ts`, `**/gen-N/**`, `*.secretN`, `/docs/dN/`…),
// against the same repository with one path rule of one glob, measured in the same run, interleaved:
//   check:      `aitrail check HEAD~1..HEAD` of one AI commit of 300 files (CLI end to end);
//   commit-msg: `aitrail hook commit-msg` of an AI commit of 300 staged files (judges the staged paths).
// Each path is tried only against the globs that may match it (src/core/policy/glob-index.ts);
// before, every glob was tried on every path and each directory above it (25.8 s for this check).
// BENCH_BASELINE=<directory of another built aitrail> measures that build too (see push-refs.js).
// BENCH_ITERATIONS=n changes the number of runs (default 5).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, median } from './lib.js';

const ownBin = resolve(fileURLToPath(import.meta.url), '../../bin/aitrail.js');
const iterations = Number(process.env.BENCH_ITERATIONS ?? 5);
const FILES = 300;
const env = cleanEnv();

const SHAPES = [
  (r, g) => `services/svc-${r}-${g}/src/**`,
  (r, g) => `packages/p${r}-${g}/**/*.ts`,
  (r, g) => `**/gen-${r}-${g}/**`,
  (r, g) => `lib/mod-${r}-${g}.ts`,
  (r, g) => `*.secret${r}x${g}`,
  (r, g) => `apps/app-${r}-${g}/{a,b}/**`,
  (r, g) => `/docs/d${r}-${g}/`,
];

function policy(rules, globs) {
  const lines = ['policy:', '  paths:'];
  for (let r = 0; r < rules; r += 1) {
    lines.push(`    - files: [${Array.from({ length: globs }, (_, g) => JSON.stringify(SHAPES[g % SHAPES.length](r, g))).join(', ')}]`, '      deny: ["qwen/*"]');
  }
  return `${lines.join('\n')}\n`;
}

/** A repository whose policy is `config`, one AI commit of FILES files on it, and FILES more staged for commit-msg. */
function repository(dir, config) {
  mkdirSync(dir);
  const git = (...args) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Bench');
  git('config', 'user.email', 'bench@example.com');
  git('config', 'commit.gpgsign', 'false');
  writeFileSync(join(dir, '.aitrailrc.yml'), config);
  git('add', '.');
  git('commit', '-q', '-m', 'policy');
  const write = (prefix) => {
    for (let f = 0; f < FILES; f += 1) {
      const path = join(dir, `${prefix}/area-${f % 17}/sub-${f % 5}/deep/file-${f}.ts`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, `export const v${f} = ${f};\n`);
    }
    git('add', '.');
  };
  write('src');
  git('commit', '-q', '-m', 'work\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6');
  write('staged');
  writeFileSync(join(dir, '.git', 'COMMIT_EDITMSG'), 'more work\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n');
}

const root = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-globs-bench-')));
try {
  const repos = { one: join(root, 'one'), many: join(root, 'many') };
  repository(repos.one, policy(1, 1));
  repository(repos.many, policy(10, 1000));
  const builds = { 'this build': ownBin };
  if (process.env.BENCH_BASELINE) builds.baseline = join(process.env.BENCH_BASELINE, 'bin/aitrail.js');
  const commands = { check: ['check', 'HEAD~1..HEAD'], 'commit-msg': ['hook', 'commit-msg', '.git/COMMIT_EDITMSG'] };
  const run = (bin, command, cwd) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, ...commands[command]], { cwd, env, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`aitrail ${commands[command].join(' ')} exited ${result.status}: ${result.stderr}`);
    if (command === 'check' && !/1 commit checked/.test(result.stderr + result.stdout)) throw new Error(`check judged no commit: ${result.stderr}`);
    return ms;
  };
  const figures = {};
  const node = [];
  // One untimed round (code caches, config caches), then interleaved timed rounds.
  for (let round = -1; round < iterations; round += 1) {
    if (round >= 0) node.push(Number(spawnSyncTime()));
    for (const [build, bin] of Object.entries(builds)) {
      for (const command of Object.keys(commands)) {
        for (const [size, cwd] of Object.entries(repos)) {
          const ms = run(bin, command, cwd);
          if (round >= 0) (figures[`${build}\0${command}\0${size}`] ??= []).push(ms);
        }
      }
    }
  }
  const ms = (value) => `${value.toFixed(0).padStart(7)} ms`;
  const lines = [`path rules: ${FILES} changed files, medians of ${iterations}; node -e 0: ${median(node).toFixed(0)} ms${builds.baseline ? `; baseline: ${process.env.BENCH_BASELINE}` : ''}`];
  for (const command of Object.keys(commands)) {
    for (const build of Object.keys(builds)) {
      const one = median(figures[`${build}\0${command}\0one`]);
      const many = median(figures[`${build}\0${command}\0many`]);
      lines.push(`  ${`${command}, ${build}`.padEnd(24)} one glob ${ms(one)}   10,000 globs ${ms(many)}   ${(many / one).toFixed(2)}x one glob`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(root, { recursive: true, force: true });
}

function spawnSyncTime() {
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
