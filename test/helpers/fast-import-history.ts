/** A fast-import stream on refs/heads/main, built commit by commit (marks for parents), one minute apart. */
export function stream(): { commit: (message: string, from?: number, merge?: number, file?: string) => number; bytes: () => Buffer } {
  const parts: string[] = [];
  let mark = 0;
  const commit = (message: string, from?: number, merge?: number, file?: string): number => {
    mark += 1;
    parts.push(`commit refs/heads/main\nmark :${mark}\ncommitter Pat <pat@example.com> ${1_700_000_000 + mark} +0000\ndata ${Buffer.byteLength(message)}\n${message}`);
    if (from !== undefined) parts.push(`from :${from}\n`);
    if (merge !== undefined) parts.push(`merge :${merge}\n`);
    if (file !== undefined) parts.push(`M 100644 inline ${file}\ndata 2\nx\n`);
    parts.push('\n');
    return mark;
  };
  return { commit, bytes: () => Buffer.from(parts.join('')) };
}
