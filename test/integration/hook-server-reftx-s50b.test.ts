import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryGit } from '../helpers/enforce-repos.js';
import { holdingDispatcher, initServer, pushLater } from '../helpers/receive-server.js';
import { qwenNote } from '../helpers/qwen-code-notes.js';

// The server's reference-transaction hook (`aitrail hook reference-transaction prepared`, what its
// shim runs when the notes moved under a push) runs in the worker's test hook server too
// (test/helpers/hook-node.c HOOKS, session 50 b): a raced push must end as it ends when that hook
// starts a fresh node. Each case is made twice, on two servers: served, then with no server named
// (the client execs the real node). AITRAIL_TEST_HOOKS=spawn: no client, nothing to compare.

const server = process.env.TEST_HOOK_SERVER;
const servedRuns = () => (server && existsSync(join(dirname(server), 'served')) ? readFileSync(join(dirname(server), 'served'), 'utf8').split('\n').filter((line) => line === 'reference-transaction').length : 0);

/**
 * A commit push held after aitrail's pre-receive (an admin's dispatcher, as in row 562) while a notes
 * push lands (`note`: what it adds to the pushed commit), then let go: the reference-transaction
 * hook judges it again. What the push ended with, and how many reference-transaction runs the server took.
 */
async function raced(serve: boolean, note: 'qwen' | 'person') {
  const { work, remote, env: given } = initServer();
  const env: NodeJS.ProcessEnv = serve ? given : { ...given, TEST_HOOK_SERVER: '' };
  const gate = holdingDispatcher(remote.dir);
  const before = remote.git(['rev-parse', 'main']);
  work.write('q.ts', 'export const q = 1;\n');
  work.git(['add', '-A']);
  work.git(['commit', '-q', '--no-verify', '-m', 'feat: q']);
  const sha = work.git(['rev-parse', 'HEAD']);
  if (note === 'qwen') qwenNote(work, sha, 'Qwen-Coder', ['q.ts']);
  else work.git(['notes', '--ref=ai', 'add', '-m', 'a person wrote this', sha]);
  const runs = servedRuns();
  writeFileSync(join(gate, 'hold'), '');
  const first = pushLater(work.dir, env, ['origin', 'main']);
  for (let waited = 0; !existsSync(join(gate, 'held')); waited += 1) {
    if (waited > 1200) throw new Error('the first push never reached its pre-receive');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const notes = tryGit(work.dir, ['push', 'origin', note === 'qwen' ? 'refs/notes/ai-attribution' : 'refs/notes/ai'], { env });
  expect(notes.code, notes.stderr).toBe(0);
  writeFileSync(join(gate, 'go'), '');
  const push = await first;
  const after = remote.git(['rev-parse', 'main']);
  return {
    outcome: {
      code: push.code,
      stderr: push.stderr.split(remote.dir).join('<remote>').replace(/\b[0-9a-f]{7,40}\b/g, '<sha>'),
      main: after === before ? 'before' : after === sha ? 'pushed' : after,
      lock: existsSync(join(remote.dir, 'aitrail', 'receive.lock')),
    },
    served: servedRuns() - runs,
  };
}

describe.skipIf(!server)("the test hook server's reference-transaction runs are a fresh node's (session 50 b)", () => {
  it('a push raced by a Qwen Code note: refused alike, with the same words', async () => {
    const a = await raced(true, 'qwen');
    const b = await raced(false, 'qwen');
    expect(a.outcome).toEqual(b.outcome);
    expect(a.outcome.code).not.toBe(0);
    expect(a.outcome.stderr).toContain('another push changed the AI notes');
    expect(a.outcome.main).toBe('before');
    expect(a.served).toBeGreaterThanOrEqual(1);
    expect(b.served).toBe(0);
  }, 240_000);

  it("a push raced by a person's note: judged again and landed alike", async () => {
    const a = await raced(true, 'person');
    const b = await raced(false, 'person');
    expect(a.outcome).toEqual(b.outcome);
    expect(a.outcome.code, a.outcome.stderr).toBe(0);
    expect(a.outcome.main).toBe('pushed');
    expect(a.served).toBeGreaterThanOrEqual(1);
    expect(b.served).toBe(0);
  }, 240_000);
});
