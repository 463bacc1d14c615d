import { GitError, runGit, type ObjectView } from './exec.js';
import { foundObject, objectContents } from './object-batch.js';
import { forgetAtRunEnd } from './run-end.js';

/**
 * Files one commit may change (against its first parent; a root commit: every file) before a
 * judge that lists them refuses the commit unread (row 857). A few hundred tiny trees that name
 * one another a hundred times over are a tree of 30 million paths: `git log --name-only` of a commit
 * that adds it holds every path in git's own memory before printing one (gigabytes, minutes).
 */
export const CHANGED_PATHS_CAP = 2_000_000;

interface Entry {
  mode: string;
  oid: string;
}

const TREE_MODE = '40000';

/**
 * Upper bounds of the files changed between trees, read from the trees themselves (the run's one
 * `git cat-file --batch`), each distinct tree read once and each count kept: a tree named a hundred
 * times over is counted once, so the bound costs the objects, never the paths they spell.
 */
class TreeCounter {
  /** Each tree read, as stored (parsed only where a diff compares it: counting scans the bytes). */
  private readonly trees = new Map<string, Buffer>();
  private readonly files = new Map<string, number>();
  private readonly diffs = new Map<string, number>();
  private readonly named = new Map<string, number>();

  constructor(
    private readonly repoDir: string,
    private readonly view: ObjectView,
    private readonly cap: number,
  ) {}

  /** Each of `oids` (trees) read, in one batch (a `git cat-file` of its own) for those not read yet. */
  private async read(oids: readonly string[]): Promise<void> {
    const wanted = [...new Set(oids.filter((oid) => !this.trees.has(oid)))];
    if (wanted.length === 0) return;
    const answers = await objectContents(this.repoDir, wanted, this.view);
    answers.forEach((answer, at) => {
      const found = answer.content === null ? null : foundObject(answer.header);
      // A tree git cannot read here (missing in a partial clone) counts as none: the listing that follows fails as before.
      this.trees.set(wanted[at]!, found?.type === 'tree' && answer.content ? answer.content : EMPTY);
    });
  }

  /**
   * Every tree under `roots` read before any count: `git rev-list --objects` names each distinct
   * tree once (its walk marks what it has seen: a bomb's few hundred trees, never its paths), then
   * one `git cat-file --batch` reads them, both processes of their own (no shared process starts:
   * node's child_process stays unloaded in a `check`). Where rev-list cannot (a tree missing here),
   * the trees are read a level at a time instead, as they are when `listFirst` is false (a report's count,
   * whose run holds a shared `git cat-file --batch` already: one question per level, each tree read once).
   */
  async readAll(roots: readonly string[], listFirst = true): Promise<void> {
    const wanted = [...new Set(roots)].filter((oid) => !this.trees.has(oid));
    if (wanted.length === 0) return;
    let listed: string[] = [];
    if (listFirst) {
      try {
        const out = await runGit(['rev-list', '--objects', '--no-object-names', '--filter=blob:none', '--missing=allow-any', '--stdin'], { cwd: this.repoDir, input: `${wanted.join('\n')}\n`, ...this.view });
        listed = out.split('\n').filter((line) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(line));
      } catch {
        listed = [];
      }
    }
    await this.read([...wanted, ...listed]);
    let level = wanted;
    while (level.length > 0) {
      const next = new Set<string>();
      for (const oid of level) for (const subtree of scanTree(this.trees.get(oid)!, oid.length / 2).subtrees) if (!this.trees.has(subtree)) next.add(subtree);
      level = [...next];
      await this.read(level);
    }
  }


  /**
   * The tree `name` (`<commit>^{tree}`) names, read with its bytes in the same question: its id from the
   * answer's header, no `git rev-parse` asked first (a report's run: a git process less, session 55 task o).
   * Null when git reads no tree there (a tree missing in a partial clone): the caller asks as before.
   */
  async readNamed(name: string): Promise<string | null> {
    const [answer] = await objectContents(this.repoDir, [name], this.view);
    const found = answer?.content ? foundObject(answer.header) : null;
    if (!found || found.type !== 'tree' || !answer?.content) return null;
    if (!this.trees.has(found.oid)) this.trees.set(found.oid, answer.content);
    return found.oid;
  }

  /** Files in `tree` (submodules and links count one), at most cap + 1. */
  async filesIn(tree: string): Promise<number> {
    const known = this.files.get(tree);
    if (known !== undefined) return known;
    await this.read([tree]);
    const { files, subtrees } = scanTree(this.trees.get(tree)!, tree.length / 2);
    await this.read(subtrees);
    let count = files;
    for (const subtree of subtrees) {
      if (count > this.cap) break;
      count += await this.filesIn(subtree);
    }
    count = Math.min(count, this.cap + 1);
    this.files.set(tree, count);
    return count;
  }

  /** Files named `name` (its bytes) anywhere in `tree` (each distinct tree counted once), at most cap + 1. */
  async namedIn(tree: string, name: Buffer): Promise<number> {
    const key = `${tree}:${name.toString('hex')}`;
    const known = this.named.get(key);
    if (known !== undefined) return known;
    await this.read([tree]);
    const { named, subtrees } = scanTree(this.trees.get(tree)!, tree.length / 2, name);
    await this.read(subtrees);
    let count = named;
    for (const subtree of subtrees) {
      if (count > this.cap) break;
      count += await this.namedIn(subtree, name);
    }
    count = Math.min(count, this.cap + 1);
    this.named.set(key, count);
    return count;
  }

  /** At least the files `git diff-tree -r` lists between trees `from` (null: none) and `to`, at most cap + 1. */
  async changed(from: string | null, to: string): Promise<number> {
    if (from === to) return 0;
    if (from === null) return this.filesIn(to);
    const key = `${from}:${to}`;
    const known = this.diffs.get(key);
    if (known !== undefined) return known;
    await this.read([from, to]);
    const before = parseTree(this.trees.get(from)!, from.length / 2);
    const after = parseTree(this.trees.get(to)!, to.length / 2);
    const subtrees = [...before.values(), ...after.values()].filter((entry) => entry.mode === TREE_MODE).map((entry) => entry.oid);
    await this.read(subtrees);
    const side = async (entry: Entry | undefined): Promise<number> => (entry === undefined ? 0 : entry.mode === TREE_MODE ? this.filesIn(entry.oid) : 1);
    let count = 0;
    for (const name of new Set([...before.keys(), ...after.keys()])) {
      const a = before.get(name);
      const b = after.get(name);
      if (a && b && a.oid === b.oid && a.mode === b.mode) continue;
      count += a?.mode === TREE_MODE && b?.mode === TREE_MODE ? await this.changed(a.oid, b.oid) : (await side(a)) + (await side(b));
      if (count > this.cap) break;
    }
    count = Math.min(count, this.cap + 1);
    this.diffs.set(key, count);
    return count;
  }
}

const EMPTY = Buffer.alloc(0);

/** Whether the octal mode in `content[at, end)` is a tree's as git reads it (`40000`, a zero-padded `040000` too). */
function isTreeMode(content: Buffer, at: number, end: number): boolean {
  let mode = 0;
  for (let i = at; i < end; i += 1) mode = mode * 8 + ((content[i] ?? 0) - 0x30);
  return (mode & 0o170000) === 0o040000;
}

/**
 * A tree object's entries (`<mode> <name>\0<binary id>`) counted without naming them: its files (not
 * trees), those of its files named `name` (bytes compared, no string made), and its subtrees' ids.
 */
function scanTree(content: Buffer, idBytes: number, name?: Buffer): { files: number; named: number; subtrees: string[] } {
  let files = 0;
  let named = 0;
  const subtrees: string[] = [];
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0, space + 1);
    if (space === -1 || nul === -1 || nul + 1 + idBytes > content.length) break;
    if (isTreeMode(content, at, space)) subtrees.push(content.toString('hex', nul + 1, nul + 1 + idBytes));
    else {
      files += 1;
      if (name !== undefined && nul - space - 1 === name.length && content.compare(name, 0, name.length, space + 1, nul) === 0) named += 1;
    }
    at = nul + 1 + idBytes;
  }
  return { files, named, subtrees };
}

/** A tree object's entries by name (`<mode> <name>\0<binary id>`). */
function parseTree(content: Buffer, idBytes: number): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let at = 0;
  while (at < content.length) {
    const space = content.indexOf(0x20, at);
    const nul = content.indexOf(0, space + 1);
    if (space === -1 || nul === -1 || nul + 1 + idBytes > content.length) break;
    const mode = isTreeMode(content, at, space) ? TREE_MODE : content.toString('latin1', at, space);
    const name = content.toString('latin1', space + 1, nul);
    entries.set(name, { mode, oid: content.toString('hex', nul + 1, nul + 1 + idBytes) });
    at = nul + 1 + idBytes;
  }
  return entries;
}

/**
 * One count per repository for a report's run (trees never change: what one count read serves the
 * next), so the tree bound and the blame walk's bound read each tree once between them.
 */
const reportCounters = new Map<string, TreeCounter>();
/** Forgotten at the run's end (row 1022): a program calling the API kept every tree it read, of every repository, for good. */
const forgetCounters = () => reportCounters.clear();
function reportCounter(repoDir: string): TreeCounter {
  let counter = reportCounters.get(repoDir);
  if (!counter) {
    reportCounters.set(repoDir, (counter = new TreeCounter(repoDir, {}, CHANGED_PATHS_CAP)));
    forgetAtRunEnd(forgetCounters);
  }
  return counter;
}

/**
 * Commits bounded a few at a time against one count (each distinct tree read once over all of
 * them): a walk that lists each commit's change asks it of the commits it is about to list.
 */
export class ChangeBound {
  private readonly counter: TreeCounter;
  /** A report's run reads new roots a level at a time: the trees its count read already are not read again (row 917). */
  private readonly listFirst: boolean;
  /** Each commit's tree, as known (listed or read). */
  private readonly treeOf = new Map<string, string>();
  private started = false;

  constructor(
    private readonly repoDir: string,
    private readonly view: ObjectView = {},
    private readonly cap = CHANGED_PATHS_CAP,
    /** A report's run: the repository's one count, shared with treeCounts (new roots read a level at a time). */
    shared = false,
  ) {
    this.counter = shared ? reportCounter(repoDir) : new TreeCounter(repoDir, view, cap);
    this.listFirst = !shared;
  }

  /** Trees of commits outside those asked (a range's boundary): known without reading them. */
  know(commit: string, tree: string): void {
    this.treeOf.set(commit, tree);
  }

  /**
   * The first of `commits` (`[sha, tree, first parent?]`) that changes more files against its first
   * parent than the cap (a root commit: holds more), or null. The first call reads every tree under
   * them at once (`readAll`); later ones read only trees not seen yet, a level at a time.
   */
  async firstTooLarge(commits: ReadonlyArray<readonly string[]>): Promise<string | null> {
    return (await this.tooLarge(commits, false))[0] ?? null;
  }

  /**
   * Every one of `commits` that changes more files than the cap, in their order (firstTooLarge's reading, in one
   * pass: asked again on what follows each, a push of 20,000 commits each adding or dropping a 2-million-file
   * folder took 38 s, quadratic, row 935); `all` false: the first only.
   */
  async tooLarge(commits: ReadonlyArray<readonly string[]>, all = true): Promise<string[]> {
    for (const [sha, tree] of commits) this.treeOf.set(sha!, tree!);
    const parents = [...new Set(commits.map((fields) => fields[2]).filter((parent): parent is string => parent !== undefined && parent !== '' && !this.treeOf.has(parent)))];
    // A parent git did not list (a `--no-walk` list, a shallow cut, the walk's next chunk): its tree read from the commit.
    const answers = await objectContents(this.repoDir, parents, this.view);
    answers.forEach((answer, at) => {
      const tree = answer.content === null ? null : /^tree ([0-9a-f]{40,64})$/m.exec(answer.content.toString('latin1', 0, 200));
      if (tree) this.treeOf.set(parents[at]!, tree[1]!);
    });
    // A report's walk (shared): treeCounts read the tip's whole tree a level at a time already, and the chain's other
    // trees share most of it; `git rev-list --objects` would walk every one of their trees again (row 917).
    if (!this.started) await this.counter.readAll([...this.treeOf.values()], this.listFirst);
    this.started = true;
    const found: string[] = [];
    for (const [sha, tree, parent] of commits) {
      const from = parent === undefined || parent === '' ? null : this.treeOf.get(parent);
      // A parent not here (a shallow clone's cut): git lists the commit against nothing either way.
      // Both trees' files (each distinct tree counted once) bound the change: most repositories hold fewer than cap, and no diff is read.
      if (from != null && (await this.counter.filesIn(from)) + (await this.counter.filesIn(tree!)) <= this.cap) continue;
      if ((await this.counter.changed(from ?? null, tree!)) > this.cap) {
        found.push(sha!);
        if (!all) break;
      }
    }
    return found;
  }
}

/**
 * The first commit of `revisions` (git log arguments, as judgeCommits reads them) that changes more
 * files against its first parent than `cap` (a root commit: holds more), or null. One `git log` of
 * the commits' trees (no diff), then the trees themselves.
 */
export async function commitChangingTooMuch(repoDir: string, revisions: readonly string[], cap: number, view: ObjectView = {}): Promise<string | null> {
  return (await commitsChangingTooMuch(repoDir, revisions, cap, view, false))[0] ?? null;
}

/**
 * The commits of `revisions` that change more files against their first parent than `cap`, in git's order
 * (commitChangingTooMuch; `all` false: the first only). Each distinct tree is still read once over all of them.
 */
export async function commitsChangingTooMuch(repoDir: string, revisions: readonly string[], cap: number, view: ObjectView = {}, all = true): Promise<string[]> {
  // --boundary: the first parents outside the range come too (`-` first), with their trees: no object read for them.
  // git holds every commit's text of a range with a bottom while it walks: judgeCommits asks only once row 943's and
  // row 1037's sizes passed (row 1069).
  const out = await runGit(['log', '--boundary', '--format=%m %H %T %P', '--no-show-signature', '--no-color', ...revisions, '--'], { cwd: repoDir, ...view });
  const lines = out.split('\n').filter((line) => line !== '').map((line) => line.split(' '));
  const bound = new ChangeBound(repoDir, view, cap);
  for (const fields of lines) if (fields[0] === '-') bound.know(fields[1]!, fields[2]!);
  return bound.tooLarge(lines.filter((fields) => fields[0] !== '-').map((fields) => fields.slice(1)), all);
}

/** Refuse, in one line naming the bound (exit 3), a range holding a commit that changes more files than are listed (row 857). */
export async function refuseHugeChanges(repoDir: string, revisions: readonly string[], message: (sha: string, cap: number) => string, view: ObjectView = {}): Promise<void> {
  const huge = await commitChangingTooMuch(repoDir, revisions, CHANGED_PATHS_CAP, view);
  if (huge !== null) throw new GitError(message(huge, CHANGED_PATHS_CAP), ['log'], null, '');
}
/**
 * The files of the tree of `commit`, and those of them named `name`, each at most CHANGED_PATHS_CAP + 1 (each
 * distinct tree read once, as commitChangingTooMuch counts): a report that lists or greps every path
 * of a revision (blame, trend, the Action's report) asks it first, so a tree of tens of millions of
 * paths made of a few hundred objects is refused unread, and a `git grep` of its `.gitattributes`
 * files is asked only when they are few (row 900).
 */
export async function treeCounts(repoDir: string, commit: string, name: string): Promise<{ files: number; named: number }> {
  const counter = reportCounter(repoDir);
  const tree = (await counter.readNamed(`${commit}^{tree}`)) ?? (await runGit(['rev-parse', '--verify', '-q', `${commit}^{tree}`], { cwd: repoDir })).trim();
  // A level at a time from the run's shared `git cat-file --batch` (one question per level, no process
  // started): a `git rev-list --objects` first read every tree twice, an honest 400,000-file tree ~0.4 s more.
  await counter.readAll([tree], false);
  return { files: await counter.filesIn(tree), named: await counter.namedIn(tree, Buffer.from(name, 'latin1')) };
}
