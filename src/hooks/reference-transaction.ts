import { ExitCode } from '../core/exit-codes.js';
import type { HookHandler } from './dispatch.js';
import { writeStderr } from '../io/write-fd.js';

/**
 * `aitrail hook reference-transaction prepared`, on a server: what its shim calls, holding the
 * receive lock, when a ref update of a push sees the notes refs moved since the push's pre-receive
 * read them, or a commit arrived whose note that push let wait (src/enforce/receive-record.ts). The
 * push's pre-receive runs again on its own input, against the notes and commits that will now
 * land; a refusal aborts the ref update (git: "ref updates aborted by hook"). A ref update no
 * pre-receive of aitrail's judged (no record) is left alone; a record that cannot be read refuses.
 * Notes refs that moved only by this same push's own earlier updates (a push that is not atomic
 * updates each ref apart) need no second judgement.
 */
export const handler: HookHandler = async (args, context) => {
  if (args[0] !== 'prepared') return ExitCode.ok;
  try {
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { givenPid, isReceivePack, readReceiveRecord } = await import('../enforce/receive-record.js');
    // The process updating the ref (the shim's parent): a record under its id that a push left
    // before it, when it is no receive-pack, is not its own (a reused id).
    const pid = givenPid(context.env);
    if (!existsSync(join(context.cwd, 'aitrail', 'receive', pid, 'notes'))) return ExitCode.ok;
    if (isReceivePack(pid) === false) return ExitCode.ok;
    const record = readReceiveRecord(context.cwd, pid);
    const { enforceMessages } = await import('../enforce/messages.js');
    if (record === null) {
      writeStderr(enforceMessages.receiveRecordUnreadable());
      return ExitCode.git;
    }
    if (await unchanged(context.cwd, record)) return ExitCode.ok;
    const { handler: preReceive } = await import('./pre-receive.js');
    const code = await preReceive(record.args, { ...context, readStdin: async () => record.stdin });
    if (code !== ExitCode.ok) writeStderr(enforceMessages.receiveRaced());
    return code;
  } catch (error) {
    const { reportError } = await import('../errors/report-error.js');
    return reportError(error);
  }
};

/**
 * The notes refs as pre-receive read them, or moved only to what this push itself gives them, and
 * none of the commits whose note it let wait arrived.
 */
async function unchanged(cwd: string, record: { notes: string; absent: string[]; stdin: string }): Promise<boolean> {
  const [{ notesListing }, { parsePreReceiveLines }, { runGit }] = await Promise.all([import('../git/notes.js'), import('../core/ref-updates.js'), import('../git/exec.js')]);
  const own = new Map(parsePreReceiveLines(record.stdin).updates.map((update) => [update.ref, update.to]));
  const listed = (text: string) => new Map(text.split('\n').filter((line) => line !== '').map((line) => [line.slice(line.indexOf(' ') + 1), line.slice(0, line.indexOf(' '))]));
  const before = listed(record.notes);
  const now = listed(await notesListing(cwd));
  for (const ref of new Set([...before.keys(), ...now.keys()])) {
    if (before.get(ref) === now.get(ref)) continue;
    if (own.has(ref) && (own.get(ref) ?? undefined) === now.get(ref)) continue;
    return false;
  }
  if (record.absent.length === 0) return true;
  const types = await runGit(['cat-file', '--batch-check=%(objecttype)'], { cwd, input: record.absent.map((commit) => `${commit}\n`).join('') });
  return !types.split('\n').includes('commit');
}
