/** A commit of a judged range: its id and parents (the first parent first). */
export interface RangeNode {
  sha: string;
  parents: readonly string[];
}

/**
 * The commits of a range that are on no tip's first-parent line, each with the merge of such a
 * line that brought it in (the oldest one, when several did): a commit that only a merge's other
 * parent reaches, as `git merge -s ours` brings one in with none of its content. Rewriting such a
 * commit is not the fix (it is on another branch): making that merge again without it is. The
 * tips are the range's commits that no commit of the range has as a parent.
 */
export function mergedInBy(nodes: readonly RangeNode[]): Map<string, string> {
  const bySha = new Map(nodes.map((node) => [node.sha, node]));
  const isParent = new Set(nodes.flatMap((node) => node.parents));
  const line: RangeNode[] = [];
  const onLine = new Set<string>();
  for (const tip of nodes) {
    if (isParent.has(tip.sha)) continue;
    for (let node: RangeNode | undefined = tip; node !== undefined && !onLine.has(node.sha); node = bySha.get(node.parents[0] ?? '')) {
      onLine.add(node.sha);
      line.push(node);
    }
  }
  const brought = new Map<string, string>();
  // Oldest merge first: a commit two merges reach came in with the first of them.
  const merges = line.filter((node) => node.parents.length > 1).reverse();
  for (const merge of merges) {
    const stack = merge.parents.slice(1).filter((sha) => bySha.has(sha));
    while (stack.length > 0) {
      const sha = stack.pop()!;
      if (onLine.has(sha) || brought.has(sha)) continue;
      brought.set(sha, merge.sha);
      stack.push(...bySha.get(sha)!.parents.filter((parent) => bySha.has(parent)));
    }
  }
  return brought;
}
