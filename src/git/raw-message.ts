import { runGit, runGitRaw, streamGit } from './exec.js';

/** A commit's message as stored (bytes after the header, read as UTF-8), never re-encoded by git. */
export async function rawCommitMessage(cwd: string, sha: string): Promise<string> {
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new TypeError(`not a commit id: ${JSON.stringify(sha.slice(0, 80))}`);
  const body = await runGitRaw(['cat-file', 'commit', sha], { cwd, asStored: true });
  const end = body.indexOf('\n\n');
  return end < 0 ? '' : body.subarray(end + 2).toString('utf8');
}

/**
 * The commits of `revisions` (rev-list arguments) whose stored message holds a NUL byte, each
 * with that message without its NUL bytes (read as UTF-8). git reads a message only up to its
 * first NUL (`git log`, its trailer parser: a UTF-16 message shows one letter), while the object
 * goes on and `git cat-file -p` shows it whole. One rev-list and one streamed `cat-file --batch`
 * pass (objects read as stored); only those messages are kept.
 */
export async function messagesPastNul(cwd: string, revisions: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const shas = (await runGit(['rev-list', ...revisions, '--'], { cwd, asStored: true })).split('\n').filter((line) => line !== '');
  if (shas.length === 0) return found;
  // `<oid> <type> <size>\n<content>\n` per object; chunks are joined once per object (linear for a huge message).
  let chunks: Buffer[] = [];
  let held = 0;
  let object: { oid: string; type: string; size: number } | null = null;
  const take = (): Buffer => {
    const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    chunks = [all];
    return all;
  };
  for await (const chunk of streamGit(['cat-file', '--batch'], { cwd, asStored: true, input: `${shas.join('\n')}\n` })) {
    chunks.push(chunk);
    held += chunk.length;
    for (;;) {
      if (object === null) {
        const all = take();
        const eol = all.indexOf(10);
        if (eol < 0) break;
        const [oid = '', type = '', size] = all.subarray(0, eol).toString('latin1').split(' ');
        chunks = [all.subarray(eol + 1)];
        held -= eol + 1;
        if (size !== undefined) object = { oid, type, size: Number(size) };
        continue;
      }
      if (held < object.size + 1) break;
      const all = take();
      const content = all.subarray(0, object.size);
      const header = content.indexOf('\n\n');
      const message = header < 0 ? null : content.subarray(header + 2);
      if (object.type === 'commit' && message?.includes(0)) found.set(object.oid, Buffer.from(message.filter((byte) => byte !== 0)).toString('utf8'));
      chunks = [all.subarray(object.size + 1)];
      held -= object.size + 1;
      object = null;
    }
  }
  return found;
}
