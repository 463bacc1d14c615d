// Shared helpers of the benchmarks (bench/*.bench.js).
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { WIDENING_RUNS } from '../dist/cli/bundle-loader.js';

/**
 * process.env without agent markers, aitrail and git variables, with no user/system git config,
 * and without what changes every node start-up: NODE_EXTRA_CA_CERTS (parsing a CA bundle took
 * `node -e 0` from 39 to 127 ms on the machine these figures come from, flattering every ratio to
 * it) and NODE_OPTIONS. BENCH_KEEP_NODE_ENV=1 keeps them, to measure a machine as it is set up.
 */
export function cleanEnv() {
  const env = {};
  const nodeStartup = process.env.BENCH_KEEP_NODE_ENV === '1' ? /^$/ : /^(NODE_EXTRA_CA_CERTS|NODE_OPTIONS)$/;
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(CLAUDECODE|CLAUDE_CODE_.*|CURSOR_.*|CODEX_.*|GEMINI_CLI|QWEN_CODE|AI_AGENT|AGENT|OPENCODE|GOOSE_.*|CLINE_.*|AITRAIL.*|GIT_.*)$/.test(key) && !nodeStartup.test(key)) env[key] = value;
  }
  return Object.assign(env, { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' });
}

/** CPU ms of the children this process has reaped so far (Linux: cutime + cstime of /proc/self/stat, 10 ms ticks); NaN elsewhere. */
export function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * A child's exact CPU time, which node cannot read: process.resourceUsage() and process.cpuUsage() are
 * node's own, /proc/self/stat's cutime and cstime count 10 ms ticks (a hook's 1-2 ms vanish in them),
 * and a child's /proc/<pid>/stat, read before node reaps it, is racy and in ticks too. wait4(2) is
 * exact: Linux hands the reaper the child's CPU plus that of every descendant it reaped (git's hooks,
 * their git and sh), user + system summing to the scheduler's nanosecond runtime, in microseconds.
 * So each command runs under a small python3 that starts it (posix_spawnp, with its environment and
 * working directory), reaps it with os.wait4 and writes on fd 3 the wall time from spawn to reap and
 * that CPU; python's own start is outside both figures. Returns null without a python3 (then the
 * benches fall back to childrenCpuMs); the interpreter is resolved once (a pyenv shim is a bash
 * script, a start of its own).
 */
const REAP = [
  'import os, sys, time',
  'os.set_inheritable(3, False)',
  't = time.perf_counter_ns()',
  'p = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ)',
  '_, s, r = os.wait4(p, 0)',
  't = time.perf_counter_ns() - t',
  "os.write(3, ('%d %d %d' % (t, round(r.ru_utime * 1e6), round(r.ru_stime * 1e6))).encode())",
  'c = os.waitstatus_to_exitcode(s)',
  'sys.exit(c if c >= 0 else 128 - c)',
].join('\n');

export function exactRunner() {
  let python = '';
  try {
    python = execFileSync('python3', ['-I', '-S', '-c', 'import os, sys; os.wait4; os.posix_spawnp; os.waitstatus_to_exitcode; print(sys.executable)'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
  if (!python.startsWith('/')) return null;
  /** `command args` in `cwd` with `env`: { status, stdout, stderr, wallMs, cpuMs } (cpuMs: user + system of it and its reaped descendants). */
  return (command, args, { cwd, env }) => {
    const result = spawnSync(python, ['-I', '-S', '-c', REAP, command, ...args], { cwd, env, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe', 'pipe'], maxBuffer: 1 << 26 });
    const [wallNs, userUs, systemUs] = String(result.output?.[3] ?? '').split(' ').map(Number);
    if (result.error || !Number.isFinite(wallNs) || !Number.isFinite(userUs) || !Number.isFinite(systemUs)) {
      throw new Error(`${command} ${args.join(' ')}: no wait4 figures (${result.error?.message ?? result.stderr})`);
    }
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, wallMs: wallNs / 1e6, cpuMs: (userUs + systemUs) / 1e3 };
  };
}

/**
 * Untimed rounds of every case before the timed ones: past the runs that rewrite a fresh build's V8
 * code cache (the first run, then WIDENING_RUNS more: src/cli/bundle-loader.ts), so that a hook is
 * timed as it runs on a developer's machine after a few commits, not while its cache is written.
 * Rounds, not each case in a row: the cache then holds what every case of a bundle runs (an
 * agent's commit and a commit naming its model), as it does after a mix of commits.
 */
export const WARM_RUNS = WIDENING_RUNS + 2;

export const median = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The 95% interval of the median of `list` (distribution-free: the order statistics n/2 -+ 1.96 sqrt(n)/2), as
 * [low, high]; the whole range for fewer than 6 values.
 */
export const medianInterval = (list) => {
  const sorted = [...list].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return [Number.NaN, Number.NaN];
  const spread = 1.96 * Math.sqrt(n) / 2;
  const low = Math.max(0, Math.floor(n / 2 - spread));
  const high = Math.min(n - 1, Math.ceil(n / 2 + spread) - 1);
  return n < 6 ? [sorted[0], sorted[n - 1]] : [sorted[low], sorted[Math.max(low, high)]];
};

/** Milliseconds taken by `fn` (awaited). */
export const time = async (fn) => {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/** mulberry32: deterministic pseudo-random numbers in [0, 1). */
export function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A history of `files` files and `commits` commits in `dir`, via git fast-import: each commit
 * edits a few random files; its message is `change <n>` plus one of `trailers` picked at random.
 * `note(c, changed, rand)` may return the text of a git-ai note for commit `c` (`changed`: path →
 * its lines after the commit), written to refs/notes/ai. Returns the number of notes.
 */
export function generateHistory(dir, env, { files, commits, seed, trailers, note }) {
  execFileSync('git', ['init', '-q', '-b', 'main', dir], { env });
  const rand = random(seed);
  const contents = Array.from({ length: files }, (_, f) => Array.from({ length: 20 + Math.floor(rand() * 80) }, (_, l) => `const v${f}_${l} = ${Math.floor(rand() * 1e6)}; // original line ${l}`));
  const paths = contents.map((_, f) => `src/m${f % 40}/file-${f}.ts`);
  const chunks = [];
  const notes = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let when = 1_700_000_000;
  for (let c = 0; c < commits; c += 1) {
    const message = `change ${c}${c === 0 ? '' : trailers[Math.floor(rand() * trailers.length)]}`;
    chunks.push(`commit refs/heads/main\nmark :${c + 1}\nauthor Bench <bench@example.com> ${when} +0000\ncommitter Bench <bench@example.com> ${when} +0000\n${data(message)}`);
    if (c > 0) chunks.push(`from :${c}\n`);
    when += 60;
    const touched = c === 0 ? contents.map((_, f) => f) : Array.from({ length: 1 + Math.floor(rand() * 6) }, () => Math.floor(rand() * files));
    const changed = new Map();
    for (const f of new Set(touched)) {
      const lines = contents[f];
      if (c > 0) {
        for (let k = 0; k < 1 + Math.floor(rand() * 5); k += 1) {
          const at = Math.floor(rand() * (lines.length + 1));
          if (rand() < 0.6) lines.splice(at, rand() < 0.5 ? 1 : 0, `const e${c}_${k} = ${Math.floor(rand() * 1e6)}; // edit ${c}`);
          else lines.splice(at, 1);
        }
      }
      changed.set(paths[f], lines);
      chunks.push(`M 100644 inline ${paths[f]}\n${data(`${lines.join('\n')}\n`)}`);
    }
    chunks.push('\n');
    const text = note?.(c, changed, rand);
    if (text) notes.push(`N inline :${c + 1}\n${data(text)}`);
  }
  if (notes.length > 0) chunks.push(`commit refs/notes/ai\ncommitter Bench <bench@example.com> ${when} +0000\n${data('notes')}${notes.join('')}\n`);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: chunks.join(''), maxBuffer: 1 << 30 });
  execFileSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir, env });
  return notes.length;
}

/**
 * One `blameReport(options)` (the library call behind `aitrail blame`) in a fresh node process in
 * `dir`: wall ms, CPU ms of the call alone (node plus its git children, from /proc/self/stat, in
 * 10 ms ticks; null off Linux), whether
 * the whole report came from the cache, and the report.
 */
export function blameInFreshProcess(root, dir, env, options) {
  const script = `
    const { readFileSync } = await import('node:fs');
    const { blameReport } = await import(${JSON.stringify(join(root, 'dist/report/blame-report.js'))});
    // utime, stime, cutime, cstime: fields 14-17 of stat(5), here 11-14 after the name; ms.
    const cpuNow = () => {
      try {
        const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\\) /, '').split(' ');
        return fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) * 10;
      } catch {
        return null;
      }
    };
    const cpuStart = cpuNow();
    const start = process.hrtime.bigint();
    const { report, cached } = await blameReport({ cwd: process.cwd(), ...${JSON.stringify(options)} });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    const cpuEnd = cpuNow();
    const cpu = cpuStart === null || cpuEnd === null ? null : cpuEnd - cpuStart;
    process.stdout.write(JSON.stringify({ wall, cpu, cached, report }));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, env, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`blame run failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

const SESSIONS = {
  s_0c9883b05a2487: { tool: 'claude', model: 'claude-opus-4-6' },
  s_e7f2a90b31cc48: { tool: 'cursor', model: 'claude-4.5-sonnet-thinking' },
  s_77aa00bb11cc22: { tool: 'codex', model: 'gpt-5.3-codex' },
};
const PROMPT = { abcd1234abcd1234: { tool: 'cursor', model: 'composer-1' } };

/** `[3, 4, 5, 9]` → `3-5,9`. */
function ranges(lines) {
  const parts = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j + 1 < lines.length && lines[j + 1] === lines[j] + 1) j += 1;
    parts.push(j === i ? String(lines[i]) : `${lines[i]}-${lines[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * A git-ai Authorship Log for commit `c` of generateHistory (`touched`: path → its lines after the
 * commit): ~70% of the lines the commit wrote under an AI session (three sessions and a legacy
 * prompt, by commit number), some of the rest under a known human.
 */
export function gitAiNote(c, touched, rand) {
  const keys = Object.keys(SESSIONS);
  const out = [];
  for (const [path, lines] of touched) {
    const own = lines.flatMap((text, index) => (text.endsWith(`// edit ${c}`) ? [index + 1] : []));
    if (own.length === 0) continue;
    const ai = own.filter(() => rand() < 0.7);
    const human = own.filter((line) => !ai.includes(line) && rand() < 0.5);
    const entries = [];
    if (ai.length > 0) entries.push(rand() < 0.2 ? `  abcd1234abcd1234 ${ranges(ai)}` : `  ${keys[c % keys.length]}::t_${String(c).padStart(14, '0')} ${ranges(ai)}`);
    if (human.length > 0) entries.push(`  h_31dce776f88375 ${ranges(human)}`);
    if (entries.length > 0) out.push(`${path}\n${entries.join('\n')}`);
  }
  const sessions = Object.fromEntries(Object.entries(SESSIONS).map(([key, agent]) => [key, { agent_id: { ...agent, id: key } }]));
  const prompts = Object.fromEntries(Object.entries(PROMPT).map(([key, agent]) => [key, { agent_id: { ...agent, id: key }, total_additions: 1, total_deletions: 0, accepted_lines: 1, overriden_lines: 0 }]));
  const metadata = { schema_version: 'authorship/3.0.0', git_ai_version: '1.4.5', base_commit_sha: '0'.repeat(40), prompts, humans: { h_31dce776f88375: { author: 'Bench <bench@example.com>' } }, sessions };
  return `${out.join('\n')}${out.length > 0 ? '\n' : ''}---\n${JSON.stringify(metadata, null, 2)}\n`;
}
