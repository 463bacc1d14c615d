/**
 * A fast-import stream on refs/heads/main, built commit by commit (marks for parents), one minute apart; a commit
 * given no parent starts from `base` when given (a commit already in the repository), else is a root.
 */
export function stream(base?: string): { commit: (message: string, from?: number, merge?: number, file?: string) => number; bytes: () => Buffer } {
  const parts: string[] = [];
  let mark = 0;
  const commit = (message: string, from?: number, merge?: number, file?: string): number => {
    mark += 1;
    parts.push(`commit refs/heads/main\nmark :${mark}\ncommitter Pat <pat@example.com> ${1_700_000_000 + mark} +0000\ndata ${Buffer.byteLength(message)}\n${message}`);
    if (from !== undefined) parts.push(`from :${from}\n`);
    else if (base !== undefined) parts.push(`from ${base}\n`);
    if (merge !== undefined) parts.push(`merge :${merge}\n`);
    if (file !== undefined) parts.push(`M 100644 inline ${file}\ndata 2\nx\n`);
    parts.push('\n');
    return mark;
  };
  return { commit, bytes: () => Buffer.from(parts.join('')) };
}

/**
 * `branches` branches of `length` commits declaring Claude's model from a root (on `base` when given), all older than
 * the merges with a `🤖 Generated with [Claude Code]` footer bringing each in once (rows 1145, 1154).
 */
export function footerMergedBranches(branches: number, length: number, base?: string): Buffer {
  const { commit, bytes } = stream(base);
  const root = commit('chore: root\n', undefined, undefined, 'README');
  const tips: number[] = [];
  for (let b = 0; b < branches; b += 1) {
    let tip = root;
    for (let n = 0; n < length; n += 1) tip = commit(`feat: b${b} ${n}\n\nAssisted-by: claude-code:anthropic/claude-opus-4.6\n`, tip, undefined, `b${b}.txt`);
    tips.push(tip);
  }
  let main = root;
  for (let b = 0; b < branches; b += 1) main = commit(`Merge branch b${b}\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n`, main, tips[b]);
  return bytes();
}
