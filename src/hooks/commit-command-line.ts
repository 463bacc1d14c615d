import { readProc } from '../agent-settings/command-line.js';
import { commitCleanupOption } from '../core/commit-cleanup-option.js';

/** Processes looked at above the hook for git: the shim, a wrapper or two (husky, a hook manager), then git. */
const MAX_DEPTH = 6;

/**
 * The `--cleanup` mode of the `git commit` that runs this hook, read from its command line under
 * `/proc` (Linux): the nearest ancestor that is git (`argv[0]` `git`, `git-commit`). `null` when that
 * command line gives none; `undefined` when it cannot be read or followed (no `/proc`, another git
 * command, an alias: commitCleanupOption): then only the config can say.
 */
export function commandLineCleanup(proc = '/proc', start = process.ppid): string | null | undefined {
  if (process.platform !== 'linux' && process.platform !== 'android') return undefined;
  let pid = start;
  for (let depth = 0; depth < MAX_DEPTH && Number.isSafeInteger(pid) && pid > 1; depth += 1) {
    const path = `${proc}/${pid}/cmdline`;
    const first = readProc(path);
    // A message given with -m may be long: the whole command line then (Linux keeps it under 6 MiB).
    const cmdline = first !== null && first.length >= 64 * 1024 ? readProc(path, 6 * 1024 * 1024 + 1) : first;
    if (cmdline === null) return undefined;
    const argv = cmdline.toString('utf8').split('\0');
    if (argv.at(-1) === '') argv.pop();
    if (/^(?:.*\/)?git(?:-commit)?$/.test(argv[0] ?? '')) return commitCleanupOption(argv);
    const stat = readProc(`${proc}/${pid}/stat`, 4096);
    if (stat === null) return undefined;
    // `pid (comm) state ppid …`: comm may hold spaces and `)`, so fields are counted from its last `)`.
    pid = Number.parseInt(stat.toString('latin1').slice(stat.lastIndexOf(')') + 1).trim().split(' ')[1] ?? '', 10);
  }
  return undefined;
}
