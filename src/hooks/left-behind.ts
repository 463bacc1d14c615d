import { squashedCommits } from '../core/notes/squashed-commits.js';
import { runGitSync } from '../git/exec.js';

const PICKED_LINE = /^\(cherry picked from commit ([0-9a-f]{40}|[0-9a-f]{64})\)\r?$/gm;
const OID = /^[0-9a-f]{40,64}$/;

/**
 * The commits a message git prepared names: a `git merge --squash`'s SQUASH_MSG each squashed
 * commit, a `cherry-pick -n -x`'s MERGE_MSG the picked one (its last `-x` line).
 */
function namedCommits(name: 'MERGE_MSG' | 'SQUASH_MSG', text: string): string[] {
  if (name === 'SQUASH_MSG') return squashedCommits(text);
  const last = [...text.matchAll(PICKED_LINE)].at(-1)?.[1];
  return last ? [last] : [];
}

/**
 * Whether the message git prepared (`name`, its `text`) was left behind by a squash or a `-x` pick
 * given up (`git restore --staged --worktree .`, `git merge --abort` after `--squash`: git removes
 * neither file then), so that it describes none of what is being committed: no path staged (HEAD
 * to the index) is one the commits it names change, nor holds a blob they write. False when it names
 * no commit (a pick without `-x`: unknowable) or git cannot say. Two git processes, only while such a
 * file is there (once a hook).
 */
export function leftBehind(cwd: string, name: 'MERGE_MSG' | 'SQUASH_MSG', text: string): boolean {
  // prepare-commit-msg asks twice (the message's models, then the note's sources): answered once.
  if (last !== null && last.cwd === cwd && last.name === name && last.text === text) return last.answer;
  const answer = readLeftBehind(cwd, name, text);
  last = { cwd, name, text, answer };
  return answer;
}

let last: { cwd: string; name: string; text: string; answer: boolean } | null = null;

function readLeftBehind(cwd: string, name: 'MERGE_MSG' | 'SQUASH_MSG', text: string): boolean {
  const named = namedCommits(name, text).filter((oid) => OID.test(oid));
  if (named.length === 0) return false;
  try {
    const staged = rawChanges(runGitSync(['diff', '--cached', '--raw', '-z', '--no-renames', '--no-abbrev', 'HEAD', '--'], { cwd }));
    if (staged.length === 0) return true;
    const theirs = rawChanges(runGitSync(['log', '--no-walk=unsorted', '--stdin', '--format=', '--raw', '-z', '--no-renames', '--no-abbrev', '-m', '--first-parent'], { cwd, input: `${named.join('\n')}\n` }));
    // A path they change, or a blob they write (moved after the pick: `git mv q.ts lib/q.ts`), is theirs.
    const paths = new Set(theirs.map((change) => change.path));
    const blobs = new Set(theirs.map((change) => change.blob).filter((blob) => !/^0+$/.test(blob)));
    return !staged.some((change) => paths.has(change.path) || blobs.has(change.blob));
  } catch {
    return false;
  }
}

/** `--raw -z` records (`:<mode> <mode> <oid> <oid> <status>` NUL `<path>` NUL): each path and the blob it is left holding. */
function rawChanges(out: string): Array<{ path: string; blob: string }> {
  const fields = out.split('\0');
  const changes: Array<{ path: string; blob: string }> = [];
  for (let at = 0; at < fields.length - 1; at += 1) {
    const meta = fields[at]!.replace(/^\n/, '');
    if (!meta.startsWith(':')) continue;
    const blob = meta.split(' ')[3] ?? '';
    changes.push({ path: fields[at + 1]!, blob });
    at += 1;
  }
  return changes;
}
