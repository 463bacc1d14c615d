import { childProcess, GitError, gitEnvironment, type GitOptions } from './exec.js';
import { PatchSplitter } from './patch-splitter.js';

/** A spawned git's exit: its code, and its stderr (the first 64 KiB). */
function exited(child: ReturnType<ReturnType<typeof childProcess>['spawn']>): Promise<{ code: number | null; stderr: string }> {
  const err: Buffer[] = [];
  let held = 0;
  child.stderr?.on('data', (chunk: Buffer) => {
    if (held < 65_536) err.push(chunk);
    held += chunk.length;
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/**
 * `git patch-id --stable` of each file's change in the patches `source` (a git command's arguments, `input` on its
 * stdin) prints: tag -> its files' patch ids, the tag being the one `tagOf` read from the last header line before
 * the file's diff. One `git <source> | git patch-id` pipeline, streamed: no diff is held whole, whatever its size.
 */
export async function streamedPatchIds(source: readonly string[], options: GitOptions & { tagOf: (line: string) => string | undefined }): Promise<Map<string, Set<string>>> {
  const env = gitEnvironment(options);
  const spawn = childProcess().spawn;
  const diff = spawn('git', source, { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const ids = spawn('git', ['patch-id', '--stable'], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
  diff.stdin.on('error', () => {});
  ids.stdin.on('error', () => {});
  diff.stdin.end(options.input ?? '');
  const diffDone = exited(diff);
  const idsDone = exited(ids);
  const out: Buffer[] = [];
  ids.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  const splitter = new PatchSplitter(options.tagOf);
  let closed = false;
  ids.once('close', () => { closed = true; ids.stdin.emit('drain'); });
  // Each source chunk's parts written at once (a write of each line cost ~6x the system time).
  const write = async (parts: Buffer[]) => {
    if (parts.length > 0 && !closed && !ids.stdin.write(parts.length === 1 ? parts[0] : Buffer.concat(parts))) await new Promise((resolve) => ids.stdin.once('drain', resolve));
  };
  try {
    for await (const chunk of diff.stdout) await write(splitter.push(chunk as Buffer));
    await write(splitter.end());
  } finally {
    ids.stdin.end();
    if (diff.exitCode === null) diff.kill();
  }
  const [made, hashed] = await Promise.all([diffDone, idsDone]);
  for (const [args, run] of [[source, made], [['patch-id', '--stable'], hashed]] as const) {
    if (run.code !== 0) throw new GitError(`git ${args[0]} failed: ${run.stderr.trim().split('\n')[0] || `exit code ${run.code}`}`, args, run.code, run.stderr);
  }
  const found = new Map<string, Set<string>>();
  for (const line of Buffer.concat(out).toString('latin1').split('\n')) {
    const [id, tag] = line.split(' ');
    if (!id || !tag) continue;
    const own = found.get(tag) ?? new Set<string>();
    own.add(id);
    found.set(tag, own);
  }
  return found;
}
