import { streamGit } from './exec.js';

/** One object of `git cat-file --batch`: its content, or why there is none. */
export type CatResult = { oid: string; type: 'blob'; content: Buffer } | { oid: string; type: string; content: null };

/**
 * Read many objects with ONE `git cat-file --batch` process, streamed: `<oid> <type> <size>`
 * then the content, or `<oid> missing`. Only blobs carry their content (a hostile notes tree
 * may point at trees or commits). Chunks are joined once per object, so big blobs cost linear
 * time; content is never decoded here.
 */
export async function* catBlobs(cwd: string, oids: readonly string[]): AsyncGenerator<CatResult> {
  if (oids.length === 0) return;
  for (const oid of oids) if (!/^[0-9a-f]{40,64}$/.test(oid)) throw new TypeError(`not an object id: ${JSON.stringify(oid.slice(0, 80))}`);
  let parts: Buffer[] = [];
  let held = 0;
  let header: { oid: string; type: string; size: number } | null = null;
  const joined = () => {
    const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
    parts = [all];
    return all;
  };
  const keep = (rest: Buffer) => {
    parts = rest.length > 0 ? [rest] : [];
    held = rest.length;
  };
  for await (const chunk of streamGit(['cat-file', '--batch'], { cwd, input: `${oids.join('\n')}\n` })) {
    parts.push(chunk);
    held += chunk.length;
    for (;;) {
      if (!header) {
        const all = joined();
        const newline = all.indexOf(10);
        if (newline === -1) break;
        const [oid = '', type = '', size] = all.subarray(0, newline).toString('latin1').split(' ');
        keep(all.subarray(newline + 1));
        if (type === 'missing' || size === undefined) {
          yield { oid, type: 'missing', content: null };
          continue;
        }
        header = { oid, type, size: Number(size) };
      }
      if (held < header.size + 1) break;
      const all = joined();
      const content = all.subarray(0, header.size);
      keep(all.subarray(header.size + 1));
      yield header.type === 'blob' ? { oid: header.oid, type: 'blob', content } : { oid: header.oid, type: header.type, content: null };
      header = null;
    }
  }
}
