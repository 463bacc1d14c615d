import { ExitCode } from '../core/exit-codes.js';
import { CHECKPOINT_AGENTS } from '../core/checkpoint/payloads/read-payload.js';
import { checkpointMessages } from './messages.js';
import { MAX_PAYLOAD_BYTES, runCheckpoint } from './run-checkpoint.js';
import { readStdin } from '../io/read-stdin.js';
import { writeFd, writeStderr } from '../io/write-fd.js';

/** `--agent <slug>` / `--agent=<slug>` from argv (the fast path reads no yargs). */
export function agentArgument(argv: readonly string[]): string | null {
  for (let at = 0; at < argv.length; at += 1) {
    const arg = argv[at]!;
    if (arg === '--agent') return argv[at + 1] ?? null;
    if (arg.startsWith('--agent=')) return arg.slice('--agent='.length);
  }
  return null;
}

/**
 * `aitrail checkpoint --agent <slug>`, straight from bin/aitrail.js (bundled with the hooks: no
 * yargs, no config). Exit 0 whatever happens: an agent's edit must never fail because of us.
 * Gemini CLI and Cursor read the hook's stdout as JSON: they get `{}`.
 */
export async function runCheckpointCommand(argv: readonly string[]): Promise<number> {
  const agent = agentArgument(argv);
  // -q/--quiet or AITRAIL_QUIET=1: no warnings (nothing else is ever printed but Gemini CLI's and Cursor's `{}`).
  const quiet = argv.includes('-q') || argv.includes('--quiet') || process.env.AITRAIL_QUIET === '1';
  const warn = (text: string) => {
    if (!quiet) writeStderr(text);
  };
  // Read (and drain) stdin first: the agent is writing the payload and must never see a broken pipe.
  const payload = await readStdin(MAX_PAYLOAD_BYTES);
  if (process.env.AITRAIL === '0') return ExitCode.ok;
  if (agent === null) {
    warn(`${checkpointMessages.prefix}${checkpointMessages.badPayload(`--agent is missing (one of ${Object.keys(CHECKPOINT_AGENTS).join(', ')})`)}\n`);
    return ExitCode.ok;
  }
  const code = runCheckpoint({ agent, payload, cwd: process.cwd(), env: process.env, now: Date.now(), warn });
  if (agent === 'gemini-cli' || agent === 'cursor') writeFd(1, '{}\n');
  return code;
}
