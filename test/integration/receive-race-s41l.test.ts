import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, nodeForHooks } from '../helpers/cli.js';
import { policyServer, tryGit, type GitResult } from '../helpers/enforce-repos.js';
import { addNote, gitAiNote, NOTE_KEYS, session } from '../helpers/git-ai-notes.js';
import { removeTempDirs, tempDir, TEST_GIT_ENV, type TestRepo } from '../helpers/gitdir.js';

/**
 * Two pushes side by side (README row 559): one brings a commit, the other a git-ai note giving
 * that commit's lines to Qwen. Each pre-receive read the server before the other landed (the
 * commit sat in the first push's quarantine; the note was not there yet), so both passed and the
 * commit landed with Qwen's note, unjudged. The race is made certain here: the server's
 * pre-receive is aitrail's, then (when asked) waits for the test before receive-pack goes on to
 * land the refs; the reference-transaction hook is aitrail's real shim, aitrail on the PATH.
 */
const SHIM = fileURLToPath(new URL('../../hooks/reference-transaction', import.meta.url));

afterAll(removeTempDirs);

interface Server {
  work: TestRepo;
  remote: TestRepo;
  gate: string;
  env: NodeJS.ProcessEnv;
}

function server(): Server {
  const { work, remote } = policyServer('policy:\n  deny: ["qwen/*"]\n');
  const gate = tempDir('aitrail-race-gate-');
  const bin = join(gate, 'bin');
  mkdirSync(bin);
  // Through the hook client (test/helpers/hook-node.c): pre-receive and reference-transaction served as a real node runs them.
  writeFileSync(join(bin, 'aitrail'), `#!/bin/sh\nexec "${nodeForHooks()}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'aitrail'), 0o755);
  // aitrail's pre-receive, as its shim runs it; then, when the test left `hold`, wait for `go`.
  writeFileSync(
    join(remote.dir, 'hooks', 'pre-receive'),
    `#!/bin/sh\nAITRAIL_RECEIVE_PID=$PPID aitrail hook pre-receive || exit $?\nif [ -f "${gate}/hold" ]; then rm -f "${gate}/hold"; : >"${gate}/held"; while [ ! -f "${gate}/go" ]; do sleep 0.05; done; fi\nexit 0\n`,
  );
  chmodSync(join(remote.dir, 'hooks', 'pre-receive'), 0o755);
  copyFileSync(SHIM, join(remote.dir, 'hooks', 'reference-transaction'));
  chmodSync(join(remote.dir, 'hooks', 'reference-transaction'), 0o755);
  return { work, remote, gate, env: { PATH: `${bin}:${process.env.PATH}` } };
}

/** `git push` in the background: its result when it ends. */
function pushLater(s: Server, args: string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawn('git', ['push', ...args], { cwd: s.work.dir, env: { ...process.env, ...TEST_GIT_ENV, ...s.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

async function held(s: Server): Promise<void> {
  for (let waited = 0; !existsSync(join(s.gate, 'held')); waited += 1) {
    if (waited > 1200) throw new Error('the first push never reached its pre-receive');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The race made certain: `first` pushed in the background and held after its pre-receive passed,
 * `second` pushed meanwhile (it must land), then `first` let go: its result.
 */
async function raced(s: Server, first: string[], second: string[]): Promise<GitResult> {
  writeFileSync(join(s.gate, 'hold'), '');
  const pending = pushLater(s, first);
  await held(s);
  const other = tryGit(s.work.dir, ['push', ...second], { env: s.env });
  expect(other.code, other.stderr).toBe(0);
  writeFileSync(join(s.gate, 'go'), '');
  return pending;
}

/** A commit of the person's (no trailer), and a git-ai note giving its two lines to Qwen (opencode, qwen3-coder). */
function qwenNoted(s: Server, name: string): string {
  s.work.write(`${name}.ts`, 'export const a = 1;\nexport const b = 2;\n');
  s.work.git(['add', '-A']);
  s.work.git(['commit', '-q', '--no-verify', '-m', `feat: ${name}`]);
  const sha = s.work.git(['rev-parse', 'HEAD']);
  addNote(s.work, sha, gitAiNote({ [`${name}.ts`]: [session(NOTE_KEYS.qwen, '1-2')] }));
  return sha;
}

const serverHas = (s: Server, ref: string) => tryGit(s.remote.dir, ['rev-parse', '--verify', '--quiet', ref]).stdout.trim();

describe('a push and a notes push side by side (row 559)', () => {
  it('the commit push, checked first, is judged again when the Qwen note lands before its refs: refused', async () => {
    const s = server();
    const before = serverHas(s, 'refs/heads/main');
    qwenNoted(s, 'p');
    const push = await raced(s, ['origin', 'main'], ['origin', 'refs/notes/ai']);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen');
    expect(push.stderr).toContain("another push changed the AI notes");
    expect(serverHas(s, 'refs/heads/main')).toBe(before);
    expect(existsSync(join(s.remote.dir, 'aitrail', 'receive.lock'))).toBe(false);
  });

  it('the notes push, checked first, is judged again when the commit it names lands before it: refused', async () => {
    const s = server();
    const sha = qwenNoted(s, 'q');
    const push = await raced(s, ['origin', 'refs/notes/ai'], ['origin', 'main']);
    expect(serverHas(s, 'refs/heads/main')).toBe(sha);
    expect(push.code).not.toBe(0);
    expect(push.stderr).toContain('qwen');
    expect(serverHas(s, 'refs/notes/ai')).toBe('');
    expect(existsSync(join(s.remote.dir, 'aitrail', 'receive.lock'))).toBe(false);
  });

  it('honest pushes side by side still land: judged again, a Claude note beside a person commit passes', async () => {
    const s = server();
    s.work.write('c.ts', 'export const c = 1;\n');
    s.work.git(['add', '-A']);
    s.work.git(['commit', '-q', '--no-verify', '-m', 'feat: c']);
    const claude = s.work.git(['rev-parse', 'HEAD']);
    expect(tryGit(s.work.dir, ['push', 'origin', 'main'], { env: s.env }).code).toBe(0);
    s.work.write('d.ts', 'export const d = 1;\n');
    s.work.git(['add', '-A']);
    s.work.git(['commit', '-q', '--no-verify', '-m', 'feat: d']);
    const person = s.work.git(['rev-parse', 'HEAD']);
    addNote(s.work, claude, gitAiNote({ 'c.ts': [session(NOTE_KEYS.claude, '1')] }));
    const push = await raced(s, ['origin', 'main'], ['origin', 'refs/notes/ai']);
    expect(push.code, push.stderr).toBe(0);
    expect(serverHas(s, 'refs/heads/main')).toBe(person);
    expect(existsSync(join(s.remote.dir, 'aitrail', 'receive.lock'))).toBe(false);
  });

  it("a lock left by a receive-pack that is gone is taken over; records of gone pushes are cleared", async () => {
    const s = server();
    const dead = spawn('true');
    const pid = await new Promise<number>((resolve) => dead.on('close', () => resolve(dead.pid as number)));
    mkdirSync(join(s.remote.dir, 'aitrail', 'receive.lock'), { recursive: true });
    writeFileSync(join(s.remote.dir, 'aitrail', 'receive.lock', 'pid'), `${pid}\n`);
    mkdirSync(join(s.remote.dir, 'aitrail', 'receive', String(pid)), { recursive: true });
    writeFileSync(join(s.remote.dir, 'aitrail', 'receive', String(pid), 'notes'), '');
    s.work.write('e.ts', 'export const e = 1;\n');
    s.work.git(['add', '-A']);
    s.work.git(['commit', '-q', '--no-verify', '-m', 'feat: e']);
    const push = tryGit(s.work.dir, ['push', 'origin', 'main'], { env: s.env });
    expect(push.code, push.stderr).toBe(0);
    expect(serverHas(s, 'refs/heads/main')).toBe(s.work.git(['rev-parse', 'HEAD']));
    expect(existsSync(join(s.remote.dir, 'aitrail', 'receive.lock'))).toBe(false);
    expect(readdirSync(join(s.remote.dir, 'aitrail', 'receive'))).not.toContain(String(pid));
    rmSync(s.gate, { recursive: true, force: true });
  });
});
