import { lstatSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { present } from '../io/present.js';
import { runGit } from './exec.js';

/**
 * Whether the reports' `git blame` may read the repository's commit-graph (README row 837).
 * Every git process aitrail runs gets `core.commitGraph=false` (row 807: git reads a commit's tree
 * and parents from the graph on trust), which made a cold whole-tree blame ~50 % slower. Here the
 * graph is read only when `git commit-graph verify` passed: it parses every commit the graph lists
 * from the object itself and compares its tree, parents, commit date and generation (and the
 * file's checksum; every layer of a `commit-graphs/` chain). It does not check the changed-path
 * Bloom filters, which git blame trusts to skip a commit that touched a file (a zeroed filter
 * made blame give every line to the root commit, verify passing): callers read the graph with
 * `commitGraph.readChangedPaths=false` and `commitGraph.changedPathsVersion=0` (VERIFIED_GRAPH_READS).
 *
 * Never, and no git process spawned for it: when the repository's own object store holds no
 * graph (git would read the first alternate's instead, which verify does not look at), when it
 * has alternates (`objects/info/alternates`, GIT_ALTERNATE_OBJECT_DIRECTORIES), or when verify
 * fails or cannot run. Verify costs one reading of every commit the graph lists (0.09-0.1 s for
 * 20,000 commits), asked once per report, only when 16 files or more are blamed and no `--since` (row 849; a cache hit, or
 * a report after a commit or two, asks nothing; blameFiles), and never kept past it. Enforcement never asks: `check`, the hooks and pre-receive keep the graph off.
 * A process that can write `.git` between verify and the blame could swap the file: it could as
 * well rewrite the objects and refs the report reads (row 807's limits).
 */
export function verifiedCommitGraph(cwd: string): Promise<boolean> {
  return verify(cwd).catch(() => false);
}

async function verify(cwd: string): Promise<boolean> {
  if ((process.env.GIT_ALTERNATE_OBJECT_DIRECTORIES ?? '') !== '') return false;
  const names = ['objects/info/commit-graph', 'objects/info/commit-graphs/commit-graph-chain', 'objects/info/alternates'];
  const lines = (await runGit(['rev-parse', ...names.flatMap((name) => ['--git-path', name])], { cwd })).split('\n');
  if (lines.length !== names.length + 1 || lines[names.length] !== '') return false;
  const [graph, chain, alternates] = lines.map((line) => (isAbsolute(line) ? line : resolve(cwd, line)));
  if (present(alternates!) || !(present(graph!) || present(chain!))) return false;
  if (!graphFiles(graph!, chain!)) return false;
  await runGit(['commit-graph', 'verify', '--no-progress'], { cwd });
  return true;
}

/** Chain files longer than this are not read (git writes one line of 41 or 65 bytes per layer). */
const CHAIN_BYTES = 64 * 1024;

/** `path` is a regular file, not followed: a FIFO, a device or a link there could hold verify (and blame) forever. */
function regular(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Every graph file git would open is a regular file: `info/commit-graph` when there is one, else the chain file and
 * each layer it names (`graphs/graph-<hash>.graph`). A FIFO at `objects/info/commit-graph` made `git commit-graph
 * verify` wait for a writer that never comes (review of row 837): such a repository is reported without the graph.
 */
function graphFiles(graph: string, chain: string): boolean {
  if (present(graph)) return regular(graph);
  if (!regular(chain) || lstatSync(chain).size > CHAIN_BYTES) return false;
  const layers = readFileSync(chain, 'latin1').split('\n').filter((line) => line !== '');
  return layers.length > 0 && layers.every((hash) => /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(hash) && regular(join(dirname(chain), `graph-${hash}.graph`)));
}
