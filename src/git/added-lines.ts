import { unquoteCPath } from '../core/blame/parse-blame.js';
import { NO_FSMONITOR, runGit, splitRecords, streamGit } from './exec.js';
import { pathRuns } from './path-patches.js';

/** Where a commit adds lines: by path, `[start, count]` runs in its version of the file (a run of count 0 adds none). */
export type AddedLines = Map<string, Array<readonly [number, number]>>;

// Paths literal (`*` is that file); no external diff, no textconv, no prefixes a config changes.
const LITERAL = { env: { GIT_LITERAL_PATHSPECS: '1' } } as const;
const DIFF = ['diff-tree', '-r', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-relative', '--no-color', '--ignore-submodules=none'];

/**
 * The lines `sha` adds to those of `paths` it changes (against `parent`, its first; null: a root
 * commit, every line added), as `git blame` gives them to it: one `git diff-tree -p -U0` over
 * `paths` (read whole up to WHOLE_OUTPUT_LIMIT, as a stream past it; only hunk headers kept). More
 * paths than one run of PATH_PATCHES_CAP (a hostile note's million): the commit's changed paths
 * first (`--name-only`), those of `paths` among them in as many runs; a Set of `paths`, never a
 * diff of paths the commit did not change.
 * History as git shows it (a report's view, as `log` walks it).
 */
export async function addedLines(cwd: string, sha: string, parent: string | null, paths: readonly string[]): Promise<AddedLines> {
  const added: AddedLines = new Map();
  if (paths.length === 0) return added;
  const sides = parent === null ? ['--root', sha] : [parent, sha];
  // The note's paths name the diff's (one git process) unless they are more than one run holds (a hostile note's
  // million paths): then only those the commit changes, asked first (`--name-only`), in as many runs.
  let runs = pathRuns(paths);
  if (runs.length > 1) {
    const asked = new Set(paths);
    runs = pathRuns((await runGit([...NO_FSMONITOR, ...DIFF, '-z', '--name-only', '--no-commit-id', ...sides], { cwd, ...LITERAL })).split('\0').filter((path) => path !== '' && asked.has(path)));
  }
  for (const run of runs) {
    const args = [...NO_FSMONITOR, '-c', 'core.quotePath=true', ...DIFF, '-p', '-U0', '--src-prefix=a/', '--dst-prefix=b/', '--no-commit-id', ...sides, '--', ...run];
    let path: string | null = null;
    let oldLeft = 0;
    let newLeft = 0;
    for await (const line of splitRecords(streamGit(args, { cwd, ...LITERAL, whole: true }), '\n')) {
      // A hunk's lines are counted by its header: a line of content reading like a header stays content.
      if (oldLeft > 0 || newLeft > 0) {
        if (line.startsWith('+')) newLeft -= 1;
        else if (line.startsWith('-')) oldLeft -= 1;
        else if (line.startsWith('\\')) continue;
        else {
          oldLeft -= 1;
          newLeft -= 1;
        }
        continue;
      }
      if (line.startsWith('diff --git ')) path = null;
      else if (line.startsWith('+++ ')) {
        // C-quoted when it holds special bytes (`"b/t\tab.ts"`); a name with a space ends with a tab.
        const name = unquoteCPath(line.slice(4).replace(/\t$/, ''));
        path = name.startsWith('b/') ? name.slice(2) : null;
      } else {
        const hunk = /^@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/.exec(line);
        if (!hunk) continue;
        oldLeft = hunk[1] === undefined ? 1 : Number(hunk[1]);
        newLeft = hunk[3] === undefined ? 1 : Number(hunk[3]);
        if (path === null || newLeft === 0) continue;
        let runs = added.get(path);
        if (!runs) added.set(path, (runs = []));
        runs.push([Number(hunk[2]), newLeft]);
      }
    }
  }
  return added;
}
