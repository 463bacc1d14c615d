import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parsePreReceiveLines } from '../core/ref-updates.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';

/**
 * What a push's pre-receive judged by, kept for the server's reference-transaction hook (its shim:
 * src/install/shim-source.ts transactionShimSource), under `<git dir>/aitrail/receive/<pid>/`, `pid`
 * being receive-pack's (the parent of both hooks). Two pushes side by side each judged the server's
 * notes before the other landed: one brings commit C (its pre-receive read no note of C), the other
 * a Qwen note of C (its pre-receive found no C, which sits in the first's quarantine: the note waits
 * for its commit, row 17), and both landed. Under one lock held from `prepared` to `committed`, each
 * ref update now checks that the notes refs are still those its pre-receive read (`notes`) and that
 * none of the commits whose notes it let wait (`absent`) has arrived; else pre-receive runs again
 * with the push's own input (`stdin`, `args`), judging what will now land.
 */
export interface ReceiveRecord {
  /** notesListing as pre-receive started. */
  notes: string;
  /** Commits the push gives a note (refs/notes/ai, refs/notes/ai-attribution) that the server did not hold. */
  absent: string[];
  /** pre-receive's stdin. */
  stdin: string;
  /** pre-receive's arguments (`--config <file>`). */
  args: string[];
}

const PID = /^[1-9][0-9]{0,9}$/;

/**
 * receive-pack's process id: the shims export it (AITRAIL_RECEIVE_PID, their $PPID); a hook run
 * straight by git (exec) has it as its parent. A server's own pre-receive that runs aitrail's shim
 * (a dispatcher of hooks: `pre-receive.d/*`) is the shim's parent, and its id named no record the
 * reference-transaction hook (run by receive-pack itself) could find: the race went unseen. Where
 * /proc tells (Linux), the nearest receive-pack at or above that id is taken; else that id.
 */
export function receivePid(env: NodeJS.ProcessEnv): string {
  const start = givenPid(env);
  return receivePackAbove(start) ?? start;
}

/** The id the shim gave (AITRAIL_RECEIVE_PID, its $PPID), else the parent's. */
export function givenPid(env: NodeJS.ProcessEnv): string {
  const given = env.AITRAIL_RECEIVE_PID;
  return given !== undefined && PID.test(given) ? given : String(process.ppid);
}

/**
 * Whether `pid` is `git receive-pack` (its command line), null where /proc cannot tell. A record is
 * left behind by each push (the next pre-receive clears those of gone receive-packs): a later git
 * process given the same id (an admin's `git update-ref`, a forge's merge, `git gc`) is not a push,
 * and the record is not its own.
 */
export function isReceivePack(pid: string): boolean | null {
  try {
    return receivePackArgv(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'));
  } catch {
    return null;
  }
}

function receivePackArgv(argv: string[]): boolean {
  return argv.slice(0, 3).some((arg) => arg === 'receive-pack' || arg === 'git-receive-pack' || arg.endsWith('/git-receive-pack'));
}

/** The nearest process at or above `pid` that is `git receive-pack` / `git-receive-pack` (its command line), or null. */
function receivePackAbove(pid: string): string | null {
  let at = pid;
  for (let depth = 0; depth < 16 && PID.test(at) && at !== '1'; depth += 1) {
    let argv: string[];
    let stat: string;
    try {
      argv = readFileSync(`/proc/${at}/cmdline`, 'utf8').split('\0');
      stat = readFileSync(`/proc/${at}/stat`, 'utf8');
    } catch {
      return null;
    }
    if (receivePackArgv(argv)) return at;
    // `pid (comm) state ppid …`: comm may hold anything, so read after its last ')'.
    at = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] ?? '';
  }
  return null;
}

function recordsDir(gitDir: string): string {
  return join(gitDir, 'aitrail', 'receive');
}

/** Writes `record` for `pid`, and removes the records of receive-packs that are gone. */
export function writeReceiveRecord(gitDir: string, pid: string, record: ReceiveRecord): void {
  const dir = recordsDir(gitDir);
  const own = join(dir, pid);
  mkdirSync(own, { recursive: true });
  writeFileAtomicSync(join(own, 'stdin'), record.stdin);
  writeFileAtomicSync(join(own, 'args'), `${JSON.stringify(record.args)}\n`);
  writeFileAtomicSync(join(own, 'absent'), record.absent.map((commit) => `${commit}\n`).join(''));
  writeFileAtomicSync(join(own, 'landed'), landedListing(record.notes, record.stdin));
  // Last: the shim looks for this file.
  writeFileAtomicSync(join(own, 'notes'), record.notes);
  for (const name of readdirSync(dir)) {
    if (name === pid || !PID.test(name)) continue;
    try {
      process.kill(Number(name), 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(dir, name), { recursive: true, force: true });
    }
  }
}

/**
 * The notes listing once this push's own notes updates have landed (`landed`): the shim's quick
 * check takes it as unchanged too. A push that is not atomic updates each ref apart, so after its
 * own `refs/notes/ai` landed, every later ref of the same push found the notes "moved" and started
 * node to learn they moved by its own hand (a notes ref and 50 branches: 7.4 s against 1.0 s).
 * Sorted by name as for-each-ref sorts (bytes; a name that sorts otherwise only misses the quick check).
 */
function landedListing(notes: string, stdin: string): string {
  const refs = new Map<string, string>();
  for (const line of notes.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) refs.set(line.slice(space + 1), line.slice(0, space));
  }
  for (const update of parsePreReceiveLines(stdin).updates) {
    if (!update.ref.startsWith('refs/notes/')) continue;
    if (update.to === null) refs.delete(update.ref);
    else refs.set(update.ref, update.to);
  }
  const names = [...refs.keys()].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return names.map((name) => `${refs.get(name) as string} ${name}\n`).join('');
}

/** The record of `pid` (its `notes` file exists: the caller looked), or null when any part of it cannot be read whole. */
export function readReceiveRecord(gitDir: string, pid: string): ReceiveRecord | null {
  if (!PID.test(pid)) return null;
  const own = join(recordsDir(gitDir), pid);
  try {
    const args: unknown = JSON.parse(readFileSync(join(own, 'args'), 'utf8'));
    if (!Array.isArray(args) || !args.every((arg) => typeof arg === 'string')) return null;
    const absent = readFileSync(join(own, 'absent'), 'utf8').split('\n').filter((line) => line !== '');
    return { notes: readFileSync(join(own, 'notes'), 'utf8'), absent, stdin: readFileSync(join(own, 'stdin'), 'utf8'), args };
  } catch {
    return null;
  }
}
