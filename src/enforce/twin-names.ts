import { closeSync, createWriteStream, fstatSync, fsyncSync, lstatSync, mkdirSync, openSync, read, readdirSync, readSync, renameSync, rmSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runGit, splitRecords, streamGit } from '../git/exec.js';
import { absoluteCommonDir } from '../git/git-path.js';
import { tempPathFor } from '../io/atomic-write.js';

/**
 * The twin search's listing of every commit the refs hold (row 1167): `\x01<sha>` then the paths its change against its
 * first parent touches, git's lines as printed (core.quotePath=false: a name is C-quoted only for control characters,
 * `"` and `\`, so a line starting with \x01 is a commit's). Read from the refs' tips (`--stdin`: thousands of refs
 * passed no command line's limit).
 */
const LOG = ['-c', 'core.quotePath=false', 'log', '--stdin', '--full-history', '--format=%x01%H', '--name-only', '--no-renames', '--diff-merges=first-parent', '--ignore-submodules=none', '--no-relative', '--root', '--no-color', '--no-ext-diff', '--no-show-signature', '--'];

/**
 * Row 1219: git's own cache of inflated delta bases (core.deltaBaseCacheLimit, 96 MiB by default) held ~100 MB of the
 * listing's git: `git log` of 200,000 commits and 2,000 files peaked at ~239 MB of RSS (a 17-file `check`'s whole peak:
 * node's own stayed under 100 MB), ~137 MB with 8 MiB, the same output and no measurable CPU more. Not part of LOG (the
 * kept listing's header hashes LOG: a listing kept before stays valid).
 */
const GIT_MEMORY = ['-c', 'core.deltaBaseCacheLimit=8m'];

let header: string | undefined;
/** The cache file's first line (the format and the listing's exact command: another command, another listing, not read), made on first use: node:crypto loads node's streams, which a push with no twin search never needs (test/integration/bundle.test.ts). */
function headerText(): string {
  header ??= `aitrail twin-names 1 ${process.getBuiltinModule('node:crypto').createHash('sha256').update(LOG.join('\0')).digest('hex')}`;
  return header;
}

/** Where the listing is kept: aitrail's own folder of the common git dir (never the work tree; a server's is written by its hooks alone). */
const CACHE_NAME = join('aitrail', 'twin-names');

/**
 * The listing's last line (row 1216): a file cut short (a crash or a full disk before its bytes reached the disk, after
 * the rename) lacks it, and is not read. No path line is it: git C-quotes a name holding \x01.
 */
const END = '\x01end';

/**
 * The kept listing, opened once (row 1202; session 56 helper v): its tail check, its header and tips, and its lines are all read from one
 * open file. Each read opening the path anew, a concurrent run renaming its new listing over it in between (two pushes
 * at once on a server) could have us take the tips of one file and the lines of another. `lines()` may be read more
 * than once (each from the start); `close()` is the caller's, on every path.
 */
export interface KeptListing {
  readonly tips: string[];
  lines(): AsyncGenerator<string>;
  close(): void;
}

/** Whether the open file `fd` ends with END's line. */
function ended(fd: number): boolean {
  const tail = Buffer.alloc(END.length + 1);
  const stat = fstatSync(fd);
  const size = stat.size;
  return stat.isFile() && size >= tail.length && readSync(fd, tail, 0, tail.length, size - tail.length) === tail.length && tail.toString('latin1') === `${END}\n`;
}

/**
 * The open file `fd`'s bytes from its start, 64 KiB at a time by positional reads that never close it (a read stream
 * on the fd closes it when destroyed, as a `return` does, whatever its autoClose: the fd stays the caller's, reusable).
 */
async function* fdChunks(fd: number): AsyncGenerator<Buffer> {
  let position = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(65_536);
    const bytes = await new Promise<number>((resolve, reject) => read(fd, buffer, 0, buffer.length, position, (error, count) => (error ? reject(error) : resolve(count))));
    if (bytes === 0) return;
    position += bytes;
    yield buffer.subarray(0, bytes);
  }
}

/** The lines of the open file `fd` from its start. */
async function* fdLines(fd: number): AsyncGenerator<string> {
  yield* splitRecords(fdChunks(fd), '\n');
}

/** The kept listing at `path`, when its header is this format's and it ends whole; else undefined (no file, another format, cut short, unreadable), closed. */
export async function openKept(path: string): Promise<KeptListing | undefined> {
  let fd: number;
  try {
    // Non-blocking and no link followed: a FIFO or a link planted at the path neither hangs the run nor is read (a regular file alone, below).
    const { O_RDONLY, O_NONBLOCK, O_NOFOLLOW } = process.getBuiltinModule('node:fs').constants;
    fd = openSync(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
  } catch {
    return undefined;
  }
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
  };
  try {
    if (!ended(fd)) {
      close();
      return undefined;
    }
    const lines = fdLines(fd);
    const head = await lines.next();
    const tips = head.value === headerText() ? await lines.next() : undefined;
    await lines.return(undefined);
    const listed = tips?.done === false && tips.value.startsWith('tips ') ? tips.value.slice('tips '.length).split(' ').filter(Boolean) : undefined;
    if (listed === undefined || !listed.every((tip) => /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(tip))) {
      close();
      return undefined;
    }
    return { tips: listed, lines: () => skipHeader(fdLines(fd)), close };
  } catch {
    close();
    return undefined;
  }
}

/** Whether every one of `old` is still reachable from `now` (none of them dropped by a forced push or a deleted ref); a failure (an object gone) is a no. */
async function stillHeld(repoDir: string, old: readonly string[], now: readonly string[]): Promise<boolean> {
  if (old.length === 0) return true;
  try {
    const out = await runGit(['rev-list', '--stdin', '-n', '1'], { cwd: repoDir, asStored: true, input: `${old.join('\n')}\n${now.map((tip) => `^${tip}`).join('\n')}\n` });
    return out.trim() === '';
  } catch {
    return false;
  }
}

/**
 * Every commit the refs hold (notes refs aside) with the paths it changes, as LOG lists them, newest first (row 1202).
 * The last listing is kept in the common git dir with the tips it was read from: when every one of those tips is still
 * held (no forced push or deleted ref dropped any), only the commits since them are listed by git, and the kept
 * listing follows: the commits the old tips reach are exactly the ones listed then, and a commit's listing (its own
 * change against its first parent) never changes. Any doubt (no file, another format, a tip no longer held or gone,
 * an unreadable file, a shallow repository: a fetch deepening it adds ancestors to tips already listed) is a full listing. What is listed is what the refs hold: the policy, notes and models are judged
 * afresh each run by the caller, so none of them keys the listing. The refs and HEAD (`git log --all`'s).
 */
export async function* heldCommitNames(repoDir: string): AsyncGenerator<string> {
  const [shallow, ...listed] = (await runGit(['rev-parse', '--is-shallow-repository', '--exclude=refs/notes/*', '--all'], { cwd: repoDir, asStored: true })).split('\n').filter(Boolean);
  // HEAD too, as `git log --all` walks it (the path-limited walk of 16 paths or fewer does): a detached HEAD holding
  // Qwen's commit, listed by no ref, hid it past 16 paths (row 1225). Unborn: none.
  const head = (await runGit(['rev-parse', '-q', '--verify', 'HEAD^{commit}'], { cwd: repoDir, asStored: true }).catch(() => '')).trim();
  const tips = [...new Set(head === '' ? listed : [...listed, head])].sort();
  if (tips.length === 0) return;
  let path: string | undefined;
  try {
    // A shallow repository is listed whole every time: a fetch deepening it adds ancestors to tips already listed.
    path = shallow === 'false' ? join(await absoluteCommonDir(repoDir), CACHE_NAME) : undefined;
  } catch {
    path = undefined;
  }
  // One open file serves the kept listing's every read (session 56 helper v), closed on every path (before the rename of a new one too).
  const keptFile = path === undefined ? undefined : await openKept(path);
  try {
    yield* listFrom(repoDir, tips, path, keptFile);
  } finally {
    keptFile?.close();
  }
}

/** heldCommitNames's listing from `tips`, following `keptFile` (the kept listing at `path`, opened once) when its tips are all still held. */
async function* listFrom(repoDir: string, tips: readonly string[], path: string | undefined, keptFile: KeptListing | undefined): AsyncGenerator<string> {
  const old = keptFile?.tips;
  const kept = old !== undefined && (await stillHeld(repoDir, old, tips));
  if (!kept) keptFile?.close();
  // `^<tip>` lines (git 2.39 reads no `--not` on stdin).
  const input = `${tips.join('\n')}\n${kept ? `${old.map((tip) => `^${tip}`).join('\n')}\n` : ''}`;
  const same = kept && old.length === tips.length && old.every((tip, at) => tip === tips[at]);
  if (same && keptFile !== undefined) {
    yield* keptFile.lines();
    return;
  }
  let out: ReturnType<typeof createWriteStream> | undefined;
  let temp: string | undefined;
  if (path !== undefined) {
    try {
      mkdirSync(join(path, '..'), { recursive: true });
      sweepStaleTemps(join(path, '..'));
      // Its own temp file (two listings of one run, or two pushes at once, each write theirs; the last rename wins, each whole).
      const mine = `${tempPathFor(path)}.${process.getBuiltinModule('node:crypto').randomBytes(6).toString('hex')}`;
      out = createWriteStream(mine, { flags: 'wx', mode: 0o644 });
      temp = mine;
      out.on('error', () => { out = undefined; });
      out.write(`${headerText()}\ntips ${tips.join(' ')}\n`);
    } catch {
      out = undefined;
    }
  }
  // Lines written 64 KiB at a time (a write of each line cost the listing's first run seconds of system time).
  let pending: string[] = [];
  let size = 0;
  const keep = (line: string) => {
    if (out === undefined) return;
    pending.push(line);
    size += line.length + 1;
    if (size >= 65_536) {
      out.write(`${pending.join('\n')}\n`);
      pending = [];
      size = 0;
    }
  };
  let done = false;
  try {
    for await (const line of splitRecords(streamGit([...GIT_MEMORY, ...LOG], { cwd: repoDir, asStored: true, input }), '\n')) {
      keep(line);
      yield line;
    }
    if (kept && keptFile !== undefined) {
      for await (const line of keptFile.lines()) {
        keep(line);
        yield line;
      }
    }
    if (pending.length > 0) out?.write(`${pending.join('\n')}\n`);
    out?.write(`${END}\n`);
    done = true;
  } finally {
    keptFile?.close();
    const writer = out;
    if (writer !== undefined && temp !== undefined && path !== undefined) {
      await new Promise<void>((resolve) => writer.end(() => resolve()));
      try {
        if (done && out !== undefined) {
          // On the disk before it is named (row 1216: a rename can reach the disk before the bytes do).
          const fd = openSync(temp, 'r');
          try {
            fsyncSync(fd);
          } finally {
            closeSync(fd);
          }
          renameSync(temp, path);
        }
        else rmSync(temp, { force: true });
      } catch {
        rmSync(temp, { force: true });
      }
    }
  }
}

/** A temp file of a listing (`tempPathFor` of the cache, then `.<12 hex>`): the only names the sweep removes. */
const TEMP_NAME = /^\.twin-names\.\d+\.tmp\.[0-9a-f]{12}$/;
/** A temp file untouched this long is a killed run's (a listing of 200,000 commits is written in seconds). */
export const STALE_TEMP_MS = 60 * 60 * 1000;

/**
 * Row 1217: a run killed mid-listing left its temp file (up to ~17 MB on 200,000 commits) and nothing removed it. Each
 * new listing removes the stale ones of `dir`: aitrail's own name pattern, regular files (never a link: lstat), older
 * than STALE_TEMP_MS (a live run's is written now). Any failure is left alone: the sweep never fails a run.
 */
export function sweepStaleTemps(dir: string, now = Date.now()): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!TEMP_NAME.test(name)) continue;
    try {
      const at = join(dir, name);
      const stat = lstatSync(at);
      if (stat.isFile() && now - stat.mtimeMs > STALE_TEMP_MS) unlinkSync(at);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/** A cache file's lines past its header and tips. */
async function* skipHeader(lines: AsyncGenerator<string>): AsyncGenerator<string> {
  let at = 0;
  for await (const line of lines) if (at++ >= 2 && line !== END) yield line;
}
