import { childProcess, gitEnvironment, GitError, type ObjectView } from './exec.js';

/** One object of `git cat-file --batch`: a blob's content, or why there is none. */
export type CatResult = { oid: string; type: 'blob'; content: Buffer } | { oid: string; type: string; content: null };

export interface BlobReader {
  /** The object `oid` (answers come in the order asked). Only blobs carry their content. */
  read(oid: string): Promise<CatResult>;
  /** The object named `<oid>:<path>`, `<oid>^:<path>`… (no line break; a name git cannot resolve is `missing`). */
  readName(name: string): Promise<CatResult>;
  /** No more reads: let git exit. */
  close(): Promise<void>;
}

interface Pending {
  resolve: (result: CatResult) => void;
  reject: (error: Error) => void;
}

/**
 * ONE `git cat-file --batch` process answering reads as they come, so a streamed walk (log,
 * check) can read the note of each commit it meets without a process per note. Answers are
 * parsed from the byte stream (`<oid> <type> <size>\n<content>\n`, or `<oid> missing`); chunks
 * are joined once per object, so big blobs cost linear time.
 */
export function openBlobReader(cwd: string, view: ObjectView = {}): BlobReader {
  const child = childProcess().spawn('git', ['cat-file', '--batch'], { cwd, env: gitEnvironment({ cwd, ...view }), stdio: ['pipe', 'pipe', 'pipe'] });
  const queue: Pending[] = [];
  const stderr: Buffer[] = [];
  let parts: Buffer[] = [];
  let held = 0;
  let header: { oid: string; type: string; size: number } | null = null;
  let failed: GitError | null = null;
  const joined = () => {
    const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
    parts = [all];
    return all;
  };
  const keep = (rest: Buffer) => {
    parts = rest.length > 0 ? [rest] : [];
    held = rest.length;
  };
  const fail = (error: GitError) => {
    failed ??= error;
    for (const pending of queue.splice(0)) pending.reject(failed);
  };
  child.stdout.on('data', (chunk: Buffer) => {
    parts.push(chunk);
    held += chunk.length;
    for (;;) {
      if (!header) {
        const all = joined();
        const newline = all.indexOf(10);
        if (newline === -1) return;
        const line = all.subarray(0, newline).toString('latin1');
        keep(all.subarray(newline + 1));
        // `<oid> <type> <size>`, else `<name> missing` (or `ambiguous`): a name asked by readName may hold spaces.
        const found = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/.exec(line);
        if (!found) {
          queue.shift()?.resolve({ oid: line.slice(0, line.lastIndexOf(' ')), type: 'missing', content: null });
          continue;
        }
        header = { oid: found[1]!, type: found[2]!, size: Number(found[3]) };
      }
      if (held < header.size + 1) return;
      const all = joined();
      const content = all.subarray(0, header.size);
      keep(all.subarray(header.size + 1));
      queue.shift()?.resolve(header.type === 'blob' ? { oid: header.oid, type: 'blob', content } : { oid: header.oid, type: header.type, content: null });
      header = null;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const closed = new Promise<void>((resolve) => {
    child.on('error', (error) => {
      fail(new GitError(`git cat-file failed: ${String(error)}`, ['cat-file', '--batch'], null, '', { cause: error }));
      resolve();
    });
    child.on('close', (code) => {
      const text = Buffer.concat(stderr).toString('utf8');
      fail(new GitError(`git cat-file failed: ${text.trim().split('\n')[0] || `exit code ${code}`}`, ['cat-file', '--batch'], code, text));
      resolve();
    });
  });
  child.stdin.on('error', () => {});
  return {
    read(oid) {
      if (!/^[0-9a-f]{40,64}$/.test(oid)) return Promise.reject(new TypeError(`not an object id: ${JSON.stringify(oid.slice(0, 80))}`));
      return ask(oid);
    },
    readName(name) {
      if (/[\0\n\r]/.test(name) || !/^[0-9a-f]{40,64}/.test(name)) return Promise.reject(new TypeError(`not an object name this reader asks: ${JSON.stringify(name.slice(0, 80))}`));
      return ask(name);
    },
    async close() {
      child.stdin.end();
      await closed;
    },
  };
  function ask(name: string): Promise<CatResult> {
    if (failed) return Promise.reject(failed);
    return new Promise<CatResult>((resolve, reject) => {
      queue.push({ resolve, reject });
      child.stdin.write(`${name}\n`);
    });
  }
}
