// Every user-facing line of `aitrail checkpoint` (one line each, on stderr; the agent goes on).
import { sanitize } from '../core/sanitize.js';

const shown = (text: string) => sanitize(text, { max: 200 });

export const checkpointMessages = {
  prefix: 'aitrail checkpoint: ',
  badPayload: (why: string) => `${shown(why)}; nothing recorded. The hook command is 'aitrail checkpoint --agent <slug>' with the agent's hook payload on stdin.`,
  payloadTooBig: (limit: number) => `the hook payload is over ${limit / 1024 / 1024} MB; nothing recorded.`,
  refusedFile: (path: string, why: string) => `not recording ${shown(path)}: ${why}.`,
  unsafeStore: (why: string) => `cannot keep checkpoints: ${shown(why)}; nothing recorded.`,
  tooMany: (limit: number) => `${limit} files are already waiting for a commit; not recording more. Commit, or remove .git/aitrail/checkpoints/ to start over.`,
  storeFull: (limit: number) => `the checkpoints waiting for a commit hold ${limit / 1024 / 1024} MB already; not recording more. Commit, or remove .git/aitrail/checkpoints/ to start over.`,
  failed: (why: string) => `failed, nothing recorded (the agent goes on): ${shown(why)}`,
};
