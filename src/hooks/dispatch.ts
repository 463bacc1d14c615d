import { ExitCode } from '../core/exit-codes.js';
import { hookOptions } from './hook-options.js';
import { sanitize } from '../core/sanitize.js';
import { cliMessages } from '../errors/usage-messages.js';

/** A hook handler: git's hook arguments and the hook's stdin → exit code. */
export type HookHandler = (args: string[], context: HookContext) => Promise<number>;

export interface HookContext {
  /** Directory git ran the hook in (work tree top, or the git dir of a bare repository). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Reads the hook's whole stdin (pre-push, pre-receive). */
  readStdin: () => Promise<string>;
}

/** Each hook is loaded only when it runs: a commit must not pay for the push hook's code. */
const HOOKS: Record<string, () => Promise<{ handler: HookHandler }>> = {
  'prepare-commit-msg': () => import('./prepare-commit-msg.js'),
  'commit-msg': () => import('./commit-msg.js'),
  'pre-push': () => import('./pre-push.js'),
  'pre-receive': () => import('./pre-receive.js'),
  'post-commit': () => import('./post-commit.js'),
  'post-rewrite': () => import('./post-rewrite.js'),
};

export const HOOK_NAMES = Object.keys(HOOKS);

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `aitrail hook [--quiet] <name> [args…]`: what the shims in hooks/ call (see hookOptions). `AITRAIL=0` turns every client
 * hook off; never pre-receive: a push over a local path or `file://` hands the pusher's
 * environment to the server's hook, and the server's hook is the admins' to remove.
 */
export async function runHook(argv: string[]): Promise<number> {
  const options = hookOptions(argv);
  const [name, ...args] = options.argv;
  if (process.env.AITRAIL === '0' && name !== 'pre-receive') return ExitCode.ok;
  const load = name ? HOOKS[name] : undefined;
  if (!load) {
    const text = name?.startsWith('-') ? cliMessages.unknownOption(sanitize(name.split('=')[0]!, { max: 60 }), 'hook') : `unknown hook '${sanitize(String(name ?? ''), { max: 60 })}'. Known hooks: ${HOOK_NAMES.join(', ')}.`;
    process.stderr.write(`aitrail: ${text}\n`);
    return ExitCode.usage;
  }
  const { handler } = await load();
  // --quiet is AITRAIL_QUIET=1 for the handler: warnings silenced, errors and refusals always said.
  const env = options.quiet ? { ...process.env, AITRAIL_QUIET: '1' } : process.env;
  return handler(args, { cwd: process.cwd(), env, readStdin: () => readAll(process.stdin) });
}
