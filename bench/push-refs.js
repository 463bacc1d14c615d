// The push hooks on a push of many refs (BENCH_REFS, default 200), over the history the policy
// bench generated: `aitrail hook pre-push` in the work repository and `aitrail hook pre-receive`
// in a bare server that already holds the objects (as in git's quarantine), each for N new refs
// and for N updated refs, run with the stdin lines git gives them (the pack transfer, the same
// whatever the hook, is left out). Each ref gains 2 commits on top of main.
// BENCH_BASELINE=<directory of another built aitrail> measures that build too, interleaved in the
// same run (e.g. `git archive main | tar -x -C /tmp/base && ln -s $PWD/node_modules /tmp/base/ &&
// (cd /tmp/base && npm run build)`), so that a change is compared within the noise of one run.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ZERO = '0'.repeat(40);

/** N branches `bench/b<i>` of 2 commits each on top of main, in one fast-import stream. */
function branches(dir, env, count) {
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const chunks = [];
  for (let index = 0; index < count; index += 1) {
    const ref = `refs/heads/bench/b${index}`;
    const when = 1_800_000_000 + index * 60;
    for (let step = 0; step < 2; step += 1) {
      const message = step === 0 ? `feat: branch ${index}\n` : `feat: branch ${index} more\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n`;
      chunks.push(`commit ${ref}\ncommitter Dev <dev@example.com> ${when + step} +0000\n${data(message)}`);
      chunks.push(step === 0 ? 'from refs/heads/main^0\n' : '');
      chunks.push(`M 100644 inline src/app/bench-${index}-${step}.ts\n${data(`export const b = ${index};\n`)}`);
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: chunks.join('') + 'done\n', maxBuffer: 1 << 30 });
}

export async function pushBench({ dir, env, iterations, time, median, write, ownBin }) {
  const count = Number(process.env.BENCH_REFS ?? 200);
  const git = (cwd, args, input) => execFileSync('git', args, { cwd, env, input: input ?? '', encoding: 'utf8', maxBuffer: 1 << 30 }).trim();
  branches(dir, env, count);
  const tips = git(dir, ['for-each-ref', '--format=%(objectname)', ...Array.from({ length: count }, (_, i) => `refs/heads/bench/b${i}`)]).split('\n');
  const olds = git(dir, ['rev-parse', ...tips.map((tip) => `${tip}~1`)]).split('\n');
  // The server: main and every branch at its first commit; the second commits' objects present
  // without a ref (what pre-receive sees in quarantine).
  const server = join(dir, '.bench-server.git');
  git(dir, ['init', '-q', '--bare', '-b', 'main', server]);
  git(dir, ['push', '-q', server, 'main', 'refs/heads/bench/*:refs/heads/bench/*']);
  git(server, ['update-ref', '--stdin'], olds.map((old, i) => `update refs/heads/bench/b${i} ${old}\n`).join(''));
  git(dir, ['remote', 'add', 'origin', server]);
  git(dir, ['fetch', '-q', 'origin']);
  git(dir, ['remote', 'set-head', 'origin', 'main']);
  const lines = (make) => tips.map((tip, i) => make(tip, olds[i], i)).join('\n') + '\n';
  const cases = {
    'pre-push, new refs': { hook: ['pre-push', 'origin', server], cwd: dir, input: lines((tip, _old, i) => `refs/heads/bench/b${i} ${tip} refs/heads/new/b${i} ${ZERO}`) },
    'pre-push, updated refs': { hook: ['pre-push', 'origin', server], cwd: dir, input: lines((tip, old, i) => `refs/heads/bench/b${i} ${tip} refs/heads/bench/b${i} ${old}`) },
    'pre-receive, new refs': { hook: ['pre-receive'], cwd: server, input: lines((tip, _old, i) => `${ZERO} ${tip} refs/heads/new/b${i}`) },
    'pre-receive, updated refs': { hook: ['pre-receive'], cwd: server, input: lines((tip, old, i) => `${old} ${tip} refs/heads/bench/b${i}`) },
  };
  const builds = { 'this build': ownBin };
  if (process.env.BENCH_BASELINE) builds.baseline = join(process.env.BENCH_BASELINE, 'bin/aitrail.js');
  const run = (name, bin) => () => {
    const { hook, cwd, input } = cases[name];
    const result = spawnSync(process.execPath, [bin, 'hook', ...hook], { cwd, env, input, encoding: 'utf8', maxBuffer: 1 << 30 });
    if (result.status !== 0) throw new Error(`${name} (${bin}) exited ${result.status}: ${result.stderr}`);
  };
  for (const name of Object.keys(cases)) for (const bin of Object.values(builds)) run(name, bin)(); // warm up
  const figures = {};
  for (let index = 0; index < iterations; index += 1) {
    for (const name of Object.keys(cases)) {
      for (const [build, bin] of Object.entries(builds)) (figures[`${name}\0${build}`] ??= []).push(await time(run(name, bin)));
    }
  }
  const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;
  const rows = [`push hooks, ${count} refs of 2 new commits each, medians of ${iterations}${builds.baseline ? `; baseline: ${process.env.BENCH_BASELINE}` : ''}:`];
  for (const name of Object.keys(cases)) {
    const own = median(figures[`${name}\0this build`]);
    const base = builds.baseline ? median(figures[`${name}\0baseline`]) : undefined;
    rows.push(`  ${name.padEnd(26)} this build ${ms(own)}${base === undefined ? '' : `   baseline ${ms(base)}   ${(own / base).toFixed(2)}x`}`);
  }
  write(`${rows.join('\n')}\n`);
}
