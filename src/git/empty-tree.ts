import { runGit } from './exec.js';
import { objectId } from './object-id.js';
import { forgetAtRunEnd } from './run-end.js';

const known = new Map<string, Promise<string>>();
/** Forgotten at a run's end (row 1022): the folder may hold another repository (SHA-1, SHA-256) at the next API call. */
const forgetKnown = () => known.clear();

/**
 * The id of the empty tree in the repository at `cwd`, asked of git (`hash-object -t tree` of
 * nothing) once per directory and run: `4b825dc…` in a SHA-1 repository, `6ef19b4…` (64 hex)
 * in a SHA-256 one (`git init --object-format=sha256`). Never a constant: there a 40-hex name is
 * no object id but a name git resolves through the refs first, a tag anyone can push.
 */
export function emptyTree(cwd: string): Promise<string> {
  let found = known.get(cwd);
  if (found === undefined) {
    found = runGit(['hash-object', '-t', 'tree', '--stdin'], { cwd, input: '' }).then((out) => objectId(out.trim()));
    found.catch(() => known.delete(cwd));
    known.set(cwd, found);
    forgetAtRunEnd(forgetKnown);
  }
  return found;
}

/** The empty tree's id by the length of the repository's ids: SHA-1, SHA-256 (`git hash-object -t tree --stdin </dev/null`). */
const EMPTY_TREES = new Map([
  [40, '4b825dc642cb6eb9a060e54bf8d69288fbee4904'],
  [64, '6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321'],
]);

/**
 * emptyTree(cwd), told by `oid`, a whole object id git gave for that repository (a commit it
 * resolved): its length is the repository's hash, whose empty tree is known, and no git process is
 * started (blame asked one on every run). Any other `oid` asks git, as emptyTree does.
 */
export function emptyTreeOf(cwd: string, oid: string): Promise<string> {
  const known = /^[0-9a-f]+$/.test(oid) ? EMPTY_TREES.get(oid.length) : undefined;
  return known === undefined ? emptyTree(cwd) : Promise.resolve(known);
}

/**
 * Whether `name` is a whole object id of the repository at `cwd` (lower-case hex as long as its
 * ids: 40 in SHA-1, 64 in SHA-256), which git reads as that object whatever the refs are named.
 * A 40-hex name in a SHA-256 repository is not one: git reads a ref of that name before it tries
 * the name as an abbreviated id.
 */
export async function isWholeObjectId(cwd: string, name: string): Promise<boolean> {
  return /^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(name) && name.length === (await emptyTree(cwd)).length;
}
