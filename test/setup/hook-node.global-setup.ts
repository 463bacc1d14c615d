import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The hooks of the integration tests' commits run in each worker's long-lived server
 * (test/helpers/cli-server.cjs) instead of a fresh node each (~2,000+ runs of ~50 ms of CPU):
 * test/helpers/hook-node.c, compiled here with `cc` as `node` into a folder outside any work tree,
 * first on the workers' PATH. The shims start it as they start node (the first on PATH the repository
 * does not ship); it sends `<this package's bin/aitrail.js> hook <hook> ...` (pre-receive, pre-push and
 * post-rewrite with their stdin, read whole) to the worker's server (TEST_HOOK_SERVER, set by
 * test/helpers/cli.ts) and execs the real node for anything else. AITRAIL_TEST_HOOKS=spawn (or no `cc`): every hook a fresh node, as before.
 * CPU (user+sys of npx vitest run and its children, plus the servers') of 45 hook-heavy integration
 * files on this 2-core machine, back to back: spawned 129.2, 122.6 s -> served 106.4, 102.3 s
 * (-17.7%, -16.6%), ~545 hook runs served (~42 ms of CPU saved each, the server's own ~13.5 ms counted).
 * reference-transaction served too (session 50 b; test/integration/hook-server-reftx-s50b.test.ts: served == real node).
 * pre-receive, pre-push and post-rewrite served too (their stdin forwarded): CPU of 10 push-heavy files
 * (enforce-bypass, -server, -redteam, -redteam4, -redteam5, receive-shapes, subtree-squash-s36f,
 * receive-noted-walked-s44c, prepush-s23i, qwen-notes-moved-s40d), each alone, interleaved: 46.0, 41.7 s
 * -> 41.0, 37.7 s (-11.0%, -9.6%; ~2.5-3 s of each file is vitest's start, the same either way).
 * TEST_HOOK_NODE: the folder (test/helpers/cli.ts nodeForHooks: the tests' `aitrail` wrappers run it too).
 */
export default function setup(): (() => void) | undefined {
  if (process.env.AITRAIL_TEST_HOOKS === 'spawn') return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'aitrail-hook-node-'));
  const bin = fileURLToPath(new URL('../../bin/aitrail.js', import.meta.url));
  const source = fileURLToPath(new URL('../helpers/hook-node.c', import.meta.url));
  writeFileSync(join(dir, 'hook-node-paths.h'), `#define REAL_NODE ${JSON.stringify(process.execPath)}\n#define AITRAIL_BIN ${JSON.stringify(bin)}\n`);
  const built = spawnSync('cc', ['-O2', '-o', join(dir, 'node'), '-I', dir, source], { encoding: 'utf8' });
  if (built.status !== 0) {
    process.stderr.write(`!!! could not compile ${source} (${built.error?.message ?? built.stderr}): every test hook starts node\n`);
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  // mkdtemp's folder is the owner's alone: tests that push as another user (receive-lock-noproc-s42n,
  // receive-lock-hidepid-s42e) run the hooks of that user's git through this PATH too.
  chmodSync(dir, 0o755);
  process.env.TEST_HOOK_NODE = dir;
  process.env.PATH = `${dir}:${process.env.PATH ?? ''}`;
  return () => rmSync(dir, { recursive: true, force: true });
}
