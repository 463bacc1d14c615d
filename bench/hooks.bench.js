#!/usr/bin/env node
// Hook latency: `aitrail hook prepare-commit-msg` and `aitrail hook commit-msg` against a bare
// `node -e 0`, measured in the same run, interleaved, in a real temporary repository with a config
// file present and a warm config cache. Target: each at most 1.6x `node -e 0` (median).
// BENCH_ITERATIONS=n changes the number of runs (default 40).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, median } from './lib.js';

const bin = resolve(fileURLToPath(import.meta.url), '../../bin/aitrail.js');
const iterations = Number(process.env.BENCH_ITERATIONS ?? 40);
const TARGET = 1.6;

const env = { ...cleanEnv(), GIT_AUTHOR_NAME: 'Bench Human', GIT_AUTHOR_EMAIL: 'bench@example.com' };

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-bench-')));
try {
  const git = (...args) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.name', 'Bench Human');
  git('config', 'user.email', 'bench@example.com');
  writeFileSync(
    join(dir, '.aitrailrc.yml'),
    ['trailer:', '  key: Assisted-by', 'policy:', '  allow: ["anthropic/*", "openai/*", "qwen/*"]', '  deny: ["deepseek/*"]', '  unknownModel: warn', 'detect:', '  aliases: { "internal-llm": "acme/internal-llm-2" }', ''].join('\n'),
  );
  writeFileSync(join(dir, 'a.txt'), 'hello\n');
  git('add', '-A');
  git('commit', '-q', '-m', 'initial');

  const messageFile = join(dir, '.git', 'COMMIT_EDITMSG');
  const message = 'Add a feature\n\nWith a body.\n';
  // commit-msg sees the message as prepare-commit-msg left it: with the trailer.
  const recorded = `${message}\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n`;
  const hookEnv = { ...env, GIT_INDEX_FILE: '.git/index', AITRAIL_MODEL: 'anthropic/claude-opus-4.6', AITRAIL_AGENT: 'claude-code' };
  const cases = {
    'node -e 0': { args: ['-e', '0'], env },
    'aitrail hook prepare-commit-msg': { args: [bin, 'hook', 'prepare-commit-msg', '.git/COMMIT_EDITMSG', 'message'], env: hookEnv },
    'aitrail hook commit-msg': { args: [bin, 'hook', 'commit-msg', '.git/COMMIT_EDITMSG'], env: hookEnv, message: recorded },
  };
  const run = (name) => {
    writeFileSync(messageFile, cases[name].message ?? message);
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, cases[name].args, { cwd: dir, env: cases[name].env, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${name} exited ${result.status}: ${result.stderr}`);
    return ms;
  };
  // Warm up: OS caches, and the config cache under .git/aitrail.
  for (const name of Object.keys(cases)) for (let i = 0; i < 3; i += 1) run(name);
  const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let i = 0; i < iterations; i += 1) for (const name of Object.keys(cases)) times[name].push(run(name));

  const base = median(times['node -e 0']);
  console.log(`${iterations} interleaved runs each, node ${process.version}, medians:`);
  let worst = 0;
  for (const name of Object.keys(cases)) {
    const value = median(times[name]);
    const ratio = value / base;
    if (name !== 'node -e 0') worst = Math.max(worst, ratio);
    console.log(`  ${name.padEnd(34)} ${value.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x`);
  }
  console.log(`target <= ${TARGET}x node -e 0: ${worst <= TARGET ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)}x)`);
  writeFileSync(messageFile, message);
  execFileSync(process.execPath, cases['aitrail hook prepare-commit-msg'].args, { cwd: dir, env: hookEnv });
  console.log(`check: the hook wrote ${JSON.stringify(execFileSync('tail', ['-n', '1', messageFile], { encoding: 'utf8' }).trim())}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
