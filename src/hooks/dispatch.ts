import { runHookWith, type HookLoaders } from './run-hook.js';

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
const HOOKS: HookLoaders = {
  'prepare-commit-msg': () => import('./prepare-commit-msg.js'),
  'commit-msg': () => import('./commit-msg.js'),
  'applypatch-msg': () => import('./applypatch-msg.js'),
  'pre-applypatch': () => import('./pre-applypatch.js'),
  'post-applypatch': () => import('./post-applypatch.js'),
  'pre-push': () => import('./pre-push.js'),
  'pre-receive': () => import('./pre-receive.js'),
  'reference-transaction': () => import('./reference-transaction.js'),
  'post-commit': () => import('./post-commit.js'),
  'post-rewrite': () => import('./post-rewrite.js'),
};

export const HOOK_NAMES = Object.keys(HOOKS);

/**
 * `aitrail hook [--quiet] <name> [args…]`: what the shims in hooks/ call (the CLI's path; the bin
 * runs the bundled copy of each hook first: src/cli/bundle-loader.ts).
 */
export function runHook(argv: string[]): Promise<number> {
  return runHookWith(argv, HOOKS);
}
