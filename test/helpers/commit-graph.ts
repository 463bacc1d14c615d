import { createHash } from 'node:crypto';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * A commit-graph file's chunks (format v1, SHA-1): id -> [start, end) offsets, from its table of
 * contents (the last entry is the terminating zero id, whose offset ends the last chunk).
 */
function chunksOf(graph: Buffer): Map<string, [number, number]> {
  const chunks = new Map<string, [number, number]>();
  const offset = (index: number) => Number(graph.readBigUInt64BE(12 + index * 12));
  for (let index = 0; index < graph[6]!; index++) chunks.set(graph.toString('latin1', 8 + index * 12, 12 + index * 12), [offset(index), offset(index + 1)]);
  return chunks;
}

/**
 * Write `graph` back over `file` (read-only as git writes it). `checksum`: the trailing SHA-1 made
 * to match the new bytes, as a careful attacker makes it, so only a check of the content against
 * the objects (`git commit-graph verify`) can tell; without, the file lies and its checksum says so.
 */
function rewrite(file: string, graph: Buffer, checksum: boolean): void {
  if (checksum) createHash('sha1').update(graph.subarray(0, graph.length - 20)).digest().copy(graph, graph.length - 20);
  chmodSync(file, 0o644);
  writeFileSync(file, graph);
}

/**
 * Rewrite a commit's entry in a commit-graph file (the CDAT chunk holds each commit's tree, then
 * its first and second parents' positions): what a step that can write `.git` does. git reads
 * the file on trust (its checksum and content only in `git commit-graph verify`). README 807.
 */
export function patchGraph(file: string, commit: string, change: { tree?: string; firstParent?: string }, options: { checksum?: boolean } = {}): void {
  const graph = readFileSync(file);
  const chunks = chunksOf(graph);
  const oids = chunks.get('OIDL')![0];
  const count = graph.readUInt32BE(chunks.get('OIDF')![0] + 255 * 4);
  const position = (oid: string) => {
    for (let index = 0; index < count; index++) if (graph.toString('hex', oids + index * 20, oids + index * 20 + 20) === oid) return index;
    throw new Error(`${oid} not in ${file}`);
  };
  const entry = chunks.get('CDAT')![0] + position(commit) * 36;
  if (change.tree !== undefined) Buffer.from(change.tree, 'hex').copy(graph, entry);
  if (change.firstParent !== undefined) graph.writeUInt32BE(position(change.firstParent), entry + 20);
  rewrite(file, graph, options.checksum === true);
}

/**
 * Every changed-path Bloom filter of a graph written with `--changed-paths` emptied (the BDAT
 * chunk's filters, after its 12-byte header, all zero bits: "this commit changed no path"), the
 * checksum made to match: `git commit-graph verify` passes (it never reads the filters) and a
 * git blame that reads them skips every commit that touched the file. README 837.
 */
export function emptyBloomFilters(file: string): void {
  const graph = readFileSync(file);
  const bloom = chunksOf(graph).get('BDAT');
  if (bloom === undefined) throw new Error(`${file} has no Bloom filters (write it with --changed-paths)`);
  graph.fill(0, bloom[0] + 12, bloom[1]);
  rewrite(file, graph, true);
}

/**
 * Every commit's entry in a commit-graph file written without generation data (`git -c
 * commitGraph.generationVersion=1 commit-graph write`, no GDA2 chunk) given generation 0 and the
 * commit date `dates` says (others keep theirs), checksum fixed. git 2.39's `git commit-graph
 * verify` compares a commit's date only when its generation is not 0 (a graph from before
 * generation numbers), so it passes; git's revision walk of `A..B` (git blame's `--since` range)
 * stops by those dates. README 849.
 */
export function forgeDates(file: string, dates: ReadonlyMap<string, number>): void {
  const graph = readFileSync(file);
  const chunks = chunksOf(graph);
  if (chunks.has('GDA2')) throw new Error(`${file} has generation data (write it with commitGraph.generationVersion=1)`);
  const oids = chunks.get('OIDL')![0];
  const data = chunks.get('CDAT')![0];
  const count = graph.readUInt32BE(chunks.get('OIDF')![0] + 255 * 4);
  for (let index = 0; index < count; index++) {
    const entry = data + index * 36 + 28;
    const date = dates.get(graph.toString('hex', oids + index * 20, oids + index * 20 + 20)) ?? (graph.readUInt32BE(entry) & 3) * 2 ** 32 + graph.readUInt32BE(entry + 4);
    graph.writeUInt32BE(Math.floor(date / 2 ** 32) & 3, entry);
    graph.writeUInt32BE(date % 2 ** 32, entry + 4);
  }
  rewrite(file, graph, true);
}
