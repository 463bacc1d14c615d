import { childProcess, GitError, gitEnvironment, type GitOptions, streamGit } from './exec.js';
import { PatchSplitter } from './patch-splitter.js';

/** git patch-id's exit: its code, and its stderr (the first 64 KiB). */
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
  const ids = childProcess().spawn('git', ['patch-id', '--stable'], { cwd: options.cwd, env: gitEnvironment(options), stdio: ['pipe', 'pipe', 'pipe'] });
  ids.stdin.on('error', () => {});
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
  // The source through the git gateway's stream (streamGit: its failure a GitError naming it); left early (git
  // patch-id gone) it is killed, and the run fails below, never judged on part of the patches.
  let whole = false;
  try {
    for await (const chunk of streamGit(source, options)) {
      if (closed) break;
      await write(splitter.push(chunk));
    }
    await write(splitter.end());
    whole = !closed;
  } finally {
    ids.stdin.end();
    if (!whole) await idsDone.catch(() => undefined);
  }
  const hashed = await idsDone;
  if (hashed.code !== 0 || !whole) throw new GitError(`git patch-id failed: ${hashed.stderr.trim().split('\n')[0] || `exit code ${hashed.code}`}`, ['patch-id', '--stable'], hashed.code, hashed.stderr);
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
