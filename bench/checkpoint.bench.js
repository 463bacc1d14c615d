#!/usr/bin/env node
// Checkpoint latency: `aitrail checkpoint --agent claude-code` (run by the agent's own hook on
// every file edit) against a bare `node -e 0`, measured in the same run, interleaved, in a real
// temporary repository: a PreToolUse snapshot and a PostToolUse Edit of a 400-line file, the
// payloads as Claude Code sends them, a transcript to read the model from. Target: at most the
// commit hooks' budget, 1.6x `node -e 0` (median). BENCH_ITERATIONS=n changes the number of runs (default 40).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, median, WARM_RUNS } from './lib.js';

const bin = resolve(fileURLToPath(import.meta.url), '../../bin/aitrail.js');
const iterations = Number(process.env.BENCH_ITERATIONS ?? 40);
const TARGET = 1.6;
const env = cleanEnv();

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'aitrail-bench-')));
try {
  const git = (...args) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  const file = join(dir, 'src', 'app.ts');
  execFileSync('mkdir', ['-p', join(dir, 'src')]);
  const before = Array.from({ length: 400 }, (_, at) => `export const line${at} = ${at * 7919}; // original`).join('\n') + '\n';
  const after = before.replace('export const line200 = ', 'export const agentLine1 = 1;\nexport const agentLine2 = 2;\nexport const line200 = ');
  writeFileSync(file, before);
  const transcript = join(dir, '..', `${dir.split('/').pop()}-transcript.jsonl`);
  writeFileSync(transcript, `${JSON.stringify({ type: 'assistant', message: { role: 'assistant', model: 'claude-opus-4-6', content: [{ type: 'text', text: 'Done.' }] } })}\n`.repeat(200));
  const common = { session_id: '8c35adc1-1f55-4c0f-9a8e-3d2b7c1e5a10', transcript_path: transcript, cwd: dir, permission_mode: 'default', tool_name: 'Edit', tool_use_id: 'toolu_01', tool_input: { file_path: file, old_string: 'export const line200 = ', new_string: 'export const agentLine1 = 1;\nexport const agentLine2 = 2;\nexport const line200 = ', replace_all: false } };
  const pre = JSON.stringify({ ...common, hook_event_name: 'PreToolUse' });
  const post = JSON.stringify({ ...common, hook_event_name: 'PostToolUse', tool_response: { filePath: file, userModified: false } });

  const spawn = (args, input, content) => {
    if (content !== undefined) writeFileSync(file, content);
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: dir, env, input, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 || result.stderr !== '') throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    return ms;
  };
  const cases = {
    'node -e 0': () => spawn(['-e', '0'], ''),
    'aitrail checkpoint (PreToolUse)': () => spawn([bin, 'checkpoint', '--agent', 'claude-code'], pre, before),
    'aitrail checkpoint (PostToolUse)': () => spawn([bin, 'checkpoint', '--agent', 'claude-code'], post, after),
  };
  for (let i = 0; i < WARM_RUNS; i += 1) for (const name of Object.keys(cases)) cases[name]();
  const times = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let i = 0; i < iterations; i += 1) for (const name of Object.keys(cases)) times[name].push(cases[name]());

  const base = median(times['node -e 0']);
  console.log(`${iterations} interleaved runs each, node ${process.version}, medians (a 400-line file, 2 lines added by the agent):`);
  let worst = 0;
  for (const name of Object.keys(cases)) {
    const value = median(times[name]);
    const ratio = value / base;
    if (name !== 'node -e 0') worst = Math.max(worst, ratio);
    console.log(`  ${name.padEnd(34)} ${value.toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x`);
  }
  console.log(`target <= ${TARGET}x node -e 0: ${worst <= TARGET ? 'met' : 'NOT met'} (worst ${worst.toFixed(2)}x)`);
  const stored = readdirSync(join(dir, '.git', 'aitrail', 'checkpoints'));
  console.log(`check: ${stored.length} checkpoint file under .git/aitrail/checkpoints/`);

  // The agent's commit: its post-commit hook turns the checkpoint into the commit's git-ai note
  // (node, and git twice: cat-file reads the commit and the file at it and its parent, notes add
  // -F writes the note). Its floors, measured beside it: node running the same two git commands with
  // no aitrail code, through node:child_process (which costs ~6 ms to load) and through node's
  // spawn_sync binding (what the hook uses on the node majors src/git/spawn-sync.ts lists), so what
  // aitrail adds (its bundle, reading the checkpoint, composing the note) is printed too.
  // Each run starts from the same state (the checkpoint back, no note), restored outside the timing.
  git('config', 'user.name', 'Bench Human');
  git('config', 'user.email', 'bench@example.com');
  git('add', '-A');
  git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Agent change');
  const checkpoints = join(dir, '.git', 'aitrail', 'checkpoints');
  const saved = join(dir, '.git', 'saved-checkpoints');
  cpSync(checkpoints, saved, { recursive: true });
  const postCommit = () => {
    rmSync(checkpoints, { recursive: true, force: true });
    cpSync(saved, checkpoints, { recursive: true });
    spawnSync('git', ['update-ref', '-d', 'refs/notes/ai'], { cwd: dir, env });
    return spawn([bin, 'hook', 'post-commit'], '');
  };
  // The floor under it, no aitrail code: node loading child_process, then node running the same two
  // git commands the hook runs (cat-file of the commit and the file at it and its parent; notes add
  // from stdin), from the same state.
  const floorScript = (withGit) => [
    "const { spawnSync } = require('node:child_process');",
    withGit ? "if (spawnSync('git', ['cat-file', '--batch'], { input: 'HEAD^{commit}\\nHEAD:src/app.ts\\nHEAD^1:src/app.ts\\n' }).status !== 0) process.exit(1);" : '',
    withGit ? "if (spawnSync('git', ['notes', '--ref=refs/notes/ai', 'add', '-F', '-', 'HEAD'], { input: 'a note\\n' }).status !== 0) process.exit(1);" : '',
  ].join('');
  // The same two commands through node's spawn_sync binding, with the options node's spawnSync gives it.
  const bindingScript = [
    "const b = process.binding('spawn_sync');",
    "const run = (args, input) => b.spawn({ file: 'git', args: ['git', ...args], envPairs: Object.entries(process.env).map(([k, v]) => k + '=' + v), detached: false, windowsHide: false, windowsVerbatimArguments: false, maxBuffer: 1024 * 1024 * 1024, stdio: [{ type: 'pipe', readable: true, writable: false, input: Buffer.from(input) }, { type: 'pipe', readable: false, writable: true }, { type: 'pipe', readable: false, writable: true }] }).status;",
    "if (run(['cat-file', '--batch'], 'HEAD^{commit}\\nHEAD:src/app.ts\\nHEAD^1:src/app.ts\\n') !== 0) process.exit(1);",
    "if (run(['notes', '--ref=refs/notes/ai', 'add', '-F', '-', 'HEAD'], 'a note\\n') !== 0) process.exit(1);",
  ].join('');
  const floorBinding = () => {
    spawnSync('git', ['update-ref', '-d', 'refs/notes/ai'], { cwd: dir, env });
    return spawn(['-e', bindingScript], '');
  };
  const floor = (withGit) => () => {
    spawnSync('git', ['update-ref', '-d', 'refs/notes/ai'], { cwd: dir, env });
    return spawn(['-e', floorScript(withGit)], '');
  };
  // The same work written by hand in one small script (bench/post-commit-by-hand.cjs), no aitrail
  // code: what this hook's reads, git commands and writes cost node on this machine by themselves.
  const handWritten = resolve(fileURLToPath(import.meta.url), '../post-commit-by-hand.cjs');
  const handWrittenRun = () => {
    rmSync(checkpoints, { recursive: true, force: true });
    cpSync(saved, checkpoints, { recursive: true });
    spawnSync('git', ['update-ref', '-d', 'refs/notes/ai'], { cwd: dir, env });
    return spawn([handWritten], '');
  };
  const noteCases = {
    'node -e 0': cases['node -e 0'],
    'node, child_process loaded': floor(false),
    'node, child_process, the 2 git': floor(true),
    'node, the 2 git via spawn_sync': floorBinding,
    'the same work, hand-written': handWrittenRun,
    'aitrail hook post-commit (note)': postCommit,
  };
  const notes = Object.fromEntries(Object.keys(noteCases).map((name) => [name, []]));
  for (let i = 0; i < WARM_RUNS; i += 1) for (const name of Object.keys(noteCases)) noteCases[name]();
  for (let i = 0; i < iterations; i += 1) for (const name of Object.keys(noteCases)) notes[name].push(noteCases[name]());
  const noteBase = median(notes['node -e 0']);
  console.log(`the agent's commit, ${iterations} interleaved runs each:`);
  for (const name of Object.keys(noteCases)) {
    const ms = median(notes[name]);
    const info = name === 'aitrail hook post-commit (note)' ? `  (the commit hooks' target 1.5x: ${ms / noteBase <= 1.5 ? 'met' : 'NOT met'})` : '';
    console.log(`  ${name.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms  ${(ms / noteBase).toFixed(2)}x${info}`);
  }
  const noteMs = median(notes['aitrail hook post-commit (note)']);
  console.log(`  aitrail's own code on top of its floor (the 2 git via spawn_sync): ${(noteMs - median(notes['node, the 2 git via spawn_sync'])).toFixed(1)} ms; against the hand-written script (child_process): ${(noteMs - median(notes['the same work, hand-written'])).toFixed(1)} ms`);
  const note = spawnSync('git', ['notes', '--ref=ai', 'show', 'HEAD'], { cwd: dir, env, encoding: 'utf8' }).stdout.split('\n')[1];
  console.log(`check: the note marks ${JSON.stringify(note?.trim())}`);
  rmSync(transcript, { force: true });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
