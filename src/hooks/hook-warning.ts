import { sanitize } from '../core/sanitize.js';
import { writeStderr } from '../io/write-fd.js';

/** One warning line on stderr from a hook that never blocks (AITRAIL_QUIET=1 silences it), its text made safe to print. */
export function hookWarning(env: NodeJS.ProcessEnv, text: string): void {
  if (env.AITRAIL_QUIET !== '1') writeStderr(`aitrail: warning: ${sanitize(text, { max: 400 })}\n`);
}

/** The first line of what was thrown. */
export function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}
