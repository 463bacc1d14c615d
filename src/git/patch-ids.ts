import { childProcess, GitError, gitEnvironment, type GitOptions, streamGit } from './exec.js';

/** A diff header's mode line (`old mode 100644`, `new mode 100755`, `new file mode 100755`, `deleted file mode 100755`): dropped before `git patch-id` (row 1103). */
const MODE_LINE = /^(?:old mode|new mode|new file mode|deleted file mode) [0-7]+\n$/;

/** Bytes of a line's start read to tell what it is; a longer line is a diff's content (or a `diff --git` header), passed on as it comes. */
const LINE_HEAD = 256;

const DIFF_HEADER = Buffer.from('diff --git ');
const EMPTY = Buffer.alloc(0);

/**
 * Splits a patch stream into one patch per file for `git patch-id --stable`: each `diff --git` line given a
 * `commit <tag>` line of its own (the tag its source's last header line named: `tagOf`), mode lines dropped
 * (row 1103: a file's mode is no part of its change). Holds at most LINE_HEAD bytes between chunks (row 1175:
 * the whole diff of a merge of an unrelated 5,000-file history was held, split and joined as strings).
 */
export class PatchSplitter {
  private carry = EMPTY;
  private passing = false;
  private tag = '';

  constructor(private readonly tagOf: (line: string) => string | undefined) {}

  /** What `chunk` (the next bytes of the source) gives git patch-id. */
  push(chunk: Buffer): Buffer[] {
    const out: Buffer[] = [];
    let data = chunk;
    if (this.passing) {
      const end = data.indexOf(10);
      if (end < 0) return [data];
      out.push(data.subarray(0, end + 1));
      data = data.subarray(end + 1);
      this.passing = false;
    }
    if (this.carry.length > 0) {
      data = Buffer.concat([this.carry, data]);
      this.carry = EMPTY;
    }
    let at = 0;
    while (at < data.length) {
      const newline = data.indexOf(10, at);
      const end = newline < 0 ? data.length : newline + 1;
      if (newline < 0 && end - at < LINE_HEAD) {
        this.carry = Buffer.from(data.subarray(at));
        break;
      }
      const line = data.subarray(at, end);
      at = end;
      if (newline >= 0 && line.length <= LINE_HEAD) {
        const text = line.toString('latin1');
        const tag = this.tagOf(text.slice(0, -1));
        if (tag !== undefined) {
          this.tag = tag;
          continue;
        }
        if (MODE_LINE.test(text)) continue;
      }
      if (line.subarray(0, DIFF_HEADER.length).equals(DIFF_HEADER)) out.push(Buffer.from(`commit ${this.tag}\n`));
      out.push(line);
      if (newline < 0) this.passing = true;
    }
    return out;
  }

  /** The bytes held at the source's end (a last line with no line break). */
  end(): Buffer[] {
    const rest = this.carry;
    this.carry = EMPTY;
    return rest.length > 0 ? [rest] : [];
  }
}

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
