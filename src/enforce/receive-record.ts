import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

/** receive-pack's process id: the shims export it (AITRAIL_RECEIVE_PID, their $PPID); a hook run straight by git (exec) has it as its parent. */
export function receivePid(env: NodeJS.ProcessEnv): string {
  const given = env.AITRAIL_RECEIVE_PID;
  return given !== undefined && PID.test(given) ? given : String(process.ppid);
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
