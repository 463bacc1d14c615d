/** How many arguments git itself gives each hook (at most), and prepare-commit-msg's message sources. */
const GIT_ARGUMENTS: Record<string, number> = { 'prepare-commit-msg': 3, 'commit-msg': 1, 'pre-push': 2, 'pre-receive': 0, 'reference-transaction': 1, 'post-commit': 0, 'post-rewrite': 1 };
const MESSAGE_SOURCES = new Set(['message', 'template', 'merge', 'squash', 'commit']);
const QUIET = new Set(['--quiet', '-q']);

/**
 * `aitrail hook [--quiet] <name> [--quiet] [git's arguments…]`: aitrail's own option, before the
 * hook name or right after it, and what is git's. After the name, `--quiet` is taken as ours only
 * where git could not have passed it: more arguments than git gives that hook (a remote named
 * `--quiet` stays pre-push's remote), or, for prepare-commit-msg, a second argument that is not
 * one of git's message sources. Pure.
 */
export function hookOptions(argv: readonly string[]): { quiet: boolean; argv: string[] } {
  let quiet = false;
  let at = 0;
  while (at < argv.length && QUIET.has(argv[at]!)) {
    quiet = true;
    at += 1;
  }
  const [name, ...args] = argv.slice(at);
  if (name === undefined) return { quiet, argv: [] };
  const most = GIT_ARGUMENTS[name];
  if (most !== undefined && QUIET.has(args[0] ?? '')) {
    const ours = args.length > most || (name === 'prepare-commit-msg' && args.length >= 2 && !MESSAGE_SOURCES.has(args[1]!));
    if (ours) return { quiet: true, argv: [name, ...args.slice(1)] };
  }
  return { quiet, argv: [name, ...args] };
}
