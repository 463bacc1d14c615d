import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { activeSession } from '../core/session.js';
import type { Session } from '../core/types.js';
import { writeFileAtomicSync } from '../io/atomic-write.js';

/** Where `aitrail use` keeps the session: under this worktree's git dir, so it is never committed. */
export function sessionPath(gitDir: string): string {
  return join(gitDir, 'aitrail', 'session.json');
}

/** The session stored in the file, if any (even expired; `activeSession` judges). Missing or unreadable → undefined. */
export function readSessionData(gitDir: string): unknown {
  try {
    if (statSync(sessionPath(gitDir), { throwIfNoEntry: false }) === undefined) return undefined;
    const text = readFileSync(sessionPath(gitDir), 'utf8');
    return text.length > 65_536 ? undefined : (JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

/** The session in force at `now` for the worktree whose git dir is `gitDir`. */
export function readSession(gitDir: string, now: Date = new Date()): Session | undefined {
  return activeSession(readSessionData(gitDir), now);
}

/**
 * Store the session (atomically: a hook reading it concurrently sees the old or the new file).
 * Throws FileError (exit 3) naming the file and the cause, the temp file removed (full disk…).
 */
export function writeSession(gitDir: string, session: Session): void {
  writeFileAtomicSync(sessionPath(gitDir), `${JSON.stringify(session, null, 2)}\n`, { mode: 0o600, mkdir: true });
}

/** Remove the session; true when there was one. */
export function clearSession(gitDir: string): boolean {
  try {
    rmSync(sessionPath(gitDir));
    return true;
  } catch {
    return false;
  }
}
