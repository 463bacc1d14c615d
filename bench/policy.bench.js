#!/usr/bin/env node
// `aitrail check` speed over a generated history of BENCH_COMMITS (default 10,000) commits built
// with git fast-import (1–3 changed files each, a mix of human commits, declared models, agent
// co-author signatures, denied models and restricted paths). Measured in the same run:
//   git log:  `git log` of the same range producing the same data aitrail reads (messages,
//             identities, changed paths: one NUL-separated pass), and plain `git log --oneline`;
//   check:    `aitrail check <root>..HEAD --format json`, in-process (the library call behind the
//             CLI) and end to end (the CLI, node startup included).
// aitrail judges the range in ONE git log pass, never a process per commit, so its time is that
// pass plus detection and policy evaluation. Medians of BENCH_ITERATIONS (default 3).
// Then the push hooks on a 200-ref push over the same history (bench/push-refs.js; set
// BENCH_BASELINE to compare with another build in the same run).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, median, random, time } from './lib.js';
import { pushBench } from './push-refs.js';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const bin = join(root, 'bin/aitrail.js');
const { runCheck } = await import(join(root, 'dist/enforce/run-check.js'));
const COMMITS = Number(process.env.BENCH_COMMITS ?? 10_000);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 3);

const env = cleanEnv();


const POLICY = `policy:
  allow: ["anthropic/*", "openai/*", "deepseek/*"]
  deny: ["qwen/*"]
  unknownModel: warn
  undeclared: warn
  paths:
    - files: ["src/crypto/**"]
      allow: []
    - files: ["src/auth/**"]
      requireTrailers: ["Reviewed-by"]
`;
const TRAILERS = [
  '', '', '', '', '',
  '\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n',
  '\n\nAssisted-by: codex:openai/gpt-5.2-codex\nReviewed-by: Ann <ann@example.com>\n',
  '\n\nCo-authored-by: Claude Opus 4.6 <noreply@anthropic.com>\n',
  '\n\nCo-authored-by: Qwen-Coder <qwen-coder@alibabacloud.com>\n',
  '\n\nAssisted-by: aider:deepseek/deepseek-chat\nSigned-off-by: Dev <dev@example.com>\n',
];
const DIRS = ['src/app', 'src/ui', 'src/crypto', 'src/auth', 'docs', 'test', '.github/workflows'];

/** `commits` commits via one git fast-import stream; the first holds the policy. */
function generate(dir, commits) {
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env });
  const rand = random(7);
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const chunks = [];
  for (let index = 0; index < commits; index += 1) {
    const when = 1_700_000_000 + index * 60;
    const message = index === 0 ? 'chore: aitrail policy\n' : `change ${index}: update things${TRAILERS[Math.floor(rand() * TRAILERS.length)]}`;
    chunks.push(`commit refs/heads/main\nmark :${index + 1}\ncommitter Dev <dev@example.com> ${when} +0000\n${data(message)}`);
    if (index > 0) chunks.push(`from :${index}\n`);
    if (index === 0) chunks.push(`M 100644 inline .aitrailrc.yml\n${data(POLICY)}`);
    else {
      const files = 1 + Math.floor(rand() * 3);
      for (let f = 0; f < files; f += 1) {
        const path = `${DIRS[Math.floor(rand() * DIRS.length)]}/file-${Math.floor(rand() * 400)}.ts`;
        chunks.push(`M 100644 inline ${path}\n${data(`export const v = ${index}_${f};\n`)}`);
      }
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: chunks.join('') + 'done\n', maxBuffer: 1 << 30 });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir, env });
}

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-policy-bench-')));
try {
  const built = await time(() => generate(dir, COMMITS));
  const first = execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], { cwd: dir, env, encoding: 'utf8' }).trim();
  const range = `${first}..HEAD`;
  const count = Number(execFileSync('git', ['rev-list', '--count', range], { cwd: dir, env, encoding: 'utf8' }).trim());
  process.stdout.write(`history: ${COMMITS} commits generated in ${(built / 1000).toFixed(1)} s; judged range ${count} commits\n`);

  const gitLog = (args) => () => {
    const result = spawnSync('git', args, { cwd: dir, env, maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed`);
  };
  const sameData = gitLog(['log', '-z', '--format=%x00%H%x00%P%x00%an%x00%ae%x00%cn%x00%ce%x00%ct%x00%B', '--no-mailmap', '--name-only', '--no-renames', '--diff-merges=first-parent', '--root', range, '--']);
  const oneline = gitLog(['log', '--oneline', range]);
  let report;
  const inProcess = () => runCheck({ range, format: 'json', cwd: dir, write: (text) => (report = text), warn: () => {} });
  const cli = () => {
    const result = spawnSync(process.execPath, [bin, 'check', range, '--format', 'json'], { cwd: dir, env, maxBuffer: 1 << 30 });
    if (result.status !== 0 && result.status !== 1) throw new Error(`aitrail check failed: ${result.stderr}`);
  };
  const nodeStartup = () => spawnSync(process.execPath, ['-e', '0']);

  await inProcess(); // warm the file cache once
  const figures = { sameData: [], oneline: [], inProcess: [], cli: [], node: [] };
  for (let run = 0; run < iterations; run += 1) {
    figures.sameData.push(await time(sameData));
    figures.oneline.push(await time(oneline));
    figures.inProcess.push(await time(inProcess));
    figures.cli.push(await time(cli));
    figures.node.push(await time(nodeStartup));
  }
  const parsed = JSON.parse(report);
  const m = Object.fromEntries(Object.entries(figures).map(([key, list]) => [key, median(list)]));
  const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;
  process.stdout.write(
    [
      `verdict: ok=${parsed.ok}, ${parsed.commits} commits, ${parsed.violations.length} violations (${parsed.violations.filter((v) => v.severity === 'error').length} errors)`,
      `git log (same data: messages, identities, paths) ${ms(m.sameData)}`,
      `git log --oneline                              ${ms(m.oneline)}`,
      `aitrail check, in-process                      ${ms(m.inProcess)}   ${(m.inProcess / m.sameData).toFixed(2)}x git log (same data)`,
      `aitrail check, CLI end to end                  ${ms(m.cli)}   ${(m.cli / m.sameData).toFixed(2)}x git log (same data); node -e 0: ${m.node.toFixed(0)} ms`,
      `per commit (in-process)                        ${((m.inProcess * 1000) / parsed.commits).toFixed(1).padStart(6)} µs`,
      '',
    ].join('\n'),
  );
  if (parsed.commits !== count) throw new Error(`check judged ${parsed.commits} commits, git counts ${count}`);
  await pushBench({ dir, env, iterations, time, median, write: (text) => process.stdout.write(text), ownBin: bin });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
