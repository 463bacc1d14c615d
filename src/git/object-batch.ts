import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { childProcess, gitEnvironment, GitError, runGitRaw, type ObjectView } from './exec.js';

/**
 * ONE `git cat-file --batch-check` and ONE `git cat-file --batch` per repository directory and
 * object view for a whole run (a push judged by pre-receive asked ~25 one-shot cat-file processes;
 * `check` ~9), each started on its first question and kept: every caller's lines go to the same
 * process and its answers come back in the order asked. The processes hold node's event loop only
 * while a question waits (ref'd then, unref'd when all are answered), so a run ends as before; git
 * reads the end of its input when node exits, and exits with it.
 *
 * Only names that cannot stop git (sharedName) go to the shared process: git dies on some names
 * (`main@{upstream}` with no upstream, `<rev>:./x` in a bare repository), which would fail every
 * other caller's question in flight. Any other name is asked of a process of its own, as before,
 * with the same input bytes, so answers are what they were. A shared process that dies fails the
 * questions it holds (GitError, as a one-shot process's failure did) and the next question starts
 * a new one.
 */
type Mode = '--batch' | '--batch-check';

/** One answer: the header line (`<oid> <type> <size>`, or `<name> missing`…), with the object's bytes under `--batch`. */
export interface BatchAnswer {
  header: string;
  content: Buffer | null;
}

/** A child's pipe as the socket it is (ref, unref); undefined where it is not one. */
const handle = (stream: object): { ref(): void; unref(): void } | undefined => ('unref' in stream && typeof stream.unref === 'function' ? (stream as { ref(): void; unref(): void }) : undefined);

const FOUND = /^([0-9a-f]{40,64}) ([a-z]+) (\d+)$/;

/**
 * A name the shared process may be asked: an object id, alone, peeled to a commit or a tree, or with a
 * path read from its tree (`<oid>:<path>`, `<oid>^:<path>`) that is not relative to a working
 * directory (`./`, `../`: git dies outside one) and holds no line break.
 */
export function sharedName(name: string): boolean {
  const at = /^[0-9a-f]{40,64}/.exec(name);
  if (!at) return false;
  const rest = name.slice(at[0].length);
  if (rest === '' || rest === '^{commit}' || rest === '^{tree}') return true;
  const path = /^\^?:/.exec(rest);
  if (!path) return false;
  const tail = rest.slice(path[0].length);
  return !/[\n\r\0]/.test(tail) && !/^\.\.?(\/|$)/.test(tail);
}

interface Waiting {
  resolve: (answer: BatchAnswer) => void;
  reject: (error: Error) => void;
}

class BatchProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly queue: Waiting[] = [];
  private parts: Buffer[] = [];
  private held = 0;
  private header: { line: string; size: number } | null = null;
  private failed: GitError | null = null;
  private readonly stderr: Buffer[] = [];

  constructor(cwd: string, view: ObjectView, private readonly mode: Mode, private readonly onGone: () => void) {
    this.child = childProcess().spawn('git', ['cat-file', mode], { cwd, env: gitEnvironment({ cwd, ...view }), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdin.on('error', () => {});
    this.child.stdout.on('data', (chunk: Buffer) => this.take(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      if (this.stderr.length < 64) this.stderr.push(chunk);
    });
    this.child.on('error', (error) => this.fail(new GitError(`git cat-file failed: ${String(error)}`, ['cat-file', mode], null, '', { cause: error })));
    this.child.on('close', (code) => {
      const text = Buffer.concat(this.stderr).toString('utf8');
      this.fail(new GitError(`git cat-file failed: ${text.trim().split('\n')[0] || `exit code ${code}`}`, ['cat-file', mode], code, text));
    });
    this.idle();
  }

  /** Ask `lines` (each sent as `<line>\n`, no line feed inside): their answers, in order. */
  ask(lines: readonly string[]): Promise<BatchAnswer[]> {
    if (this.failed) return Promise.reject(this.failed);
    if (this.queue.length === 0) this.busy();
    const answers = lines.map(
      () =>
        new Promise<BatchAnswer>((resolve, reject) => {
          this.queue.push({ resolve, reject });
        }),
    );
    this.child.stdin.write(lines.map((line) => `${line}\n`).join(''));
    return Promise.all(answers);
  }

  /** Ask nothing more: git reads the end of its input and exits (resolves when it has). */
  close(): Promise<void> {
    if (this.failed) return Promise.resolve();
    const exited = new Promise<void>((resolve) => this.child.once('close', () => resolve()));
    // Held while waited for: an unref'd child is no reason for node to stay, and a run that ended
    // awaiting it would end without its exit code (a refusal read as exit 0).
    this.busy();
    this.child.stdin.end();
    return exited;
  }

  private busy(): void {
    this.child.ref();
    handle(this.child.stdout)?.ref();
  }

  private idle(): void {
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) handle(stream)?.unref();
  }

  private answer(answer: BatchAnswer): void {
    this.queue.shift()?.resolve(answer);
    if (this.queue.length === 0) this.idle();
  }

  private joined(): Buffer {
    const all = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.held);
    this.parts = [all];
    return all;
  }

  private keep(rest: Buffer): void {
    this.parts = rest.length > 0 ? [rest] : [];
    this.held = rest.length;
  }

  private take(chunk: Buffer): void {
    this.parts.push(chunk);
    this.held += chunk.length;
    for (;;) {
      if (!this.header) {
        const all = this.joined();
        const newline = all.indexOf(10);
        if (newline === -1) return;
        const line = all.subarray(0, newline).toString('latin1');
        this.keep(all.subarray(newline + 1));
        const found = this.mode === '--batch' ? FOUND.exec(line) : null;
        if (!found) {
          this.answer({ header: line, content: null });
          continue;
        }
        this.header = { line, size: Number(found[3]) };
      }
      if (this.held < this.header.size + 1) return;
      const all = this.joined();
      const content = all.subarray(0, this.header.size);
      this.keep(all.subarray(this.header.size + 1));
      const line = this.header.line;
      this.header = null;
      this.answer({ header: line, content });
    }
  }

  private fail(error: GitError): void {
    if (!this.failed) {
      this.failed = error;
      this.onGone();
    }
    for (const waiting of this.queue.splice(0)) waiting.reject(this.failed);
    this.idle();
  }
}

const processes = new Map<string, BatchProcess>();

/**
 * The shared processes kept at once. A run asks of one repository (two views, two modes: four);
 * a program judging many repositories through the API (src/index.ts) never reaches a run's end,
 * and kept one or two idle git processes for every repository it ever judged (40 checks, 40
 * processes alive, each with its packs mapped) until it ran out of processes or descriptors. The
 * least recently asked is told to end: git answers what it was already asked, then exits.
 */
const PROCESSES_KEPT = 8;

/**
 * Where a run's end finds closeObjectBatches without loading this module (a hook that read no
 * object loads none of it): set when a run first asks a question the shared process could take
 * (runEnd, src/git/run-end.ts), so the counts of ONE_SHOTS_FIRST are forgotten at its end too.
 */
export const CLOSE_AT_END = Symbol.for('aitrail.closeObjectBatches');

/** The shared process's key: one a kind of question (mode), object view and directory. */
function keyOf(cwd: string, view: ObjectView, mode: Mode): string {
  return `${mode}\0${view.asStored === true ? 1 : 0}\0${cwd}`;
}

function shared(cwd: string, view: ObjectView, mode: Mode): BatchProcess {
  const key = keyOf(cwd, view, mode);
  let found = processes.get(key);
  if (found) {
    // Most recently asked last: the first key is the one to end.
    processes.delete(key);
    processes.set(key, found);
  } else {
    (globalThis as Record<symbol, unknown>)[CLOSE_AT_END] = closeObjectBatches;
    while (processes.size >= PROCESSES_KEPT) {
      const [oldest, evicted] = processes.entries().next().value as [string, BatchProcess];
      processes.delete(oldest);
      void evicted.close();
    }
    const made: BatchProcess = new BatchProcess(cwd, view, mode, () => {
      if (processes.get(key) === made) processes.delete(key);
    });
    found = made;
    processes.set(key, found);
  }
  return found;
}

/**
 * Questions of a kind (mode, view, directory) asked of a process of their own before the shared one
 * starts: an asynchronous child process loads node's child_process, net and stream machinery (~9
 * ms of CPU, more than the ~1.5 ms a short `git cat-file` costs), and most runs ask a kind once or
 * twice (a check of ten commits with no path rule: once; it was 68 -> 78 ms CPU with the shared
 * process from its first question). A run that asks more (pre-receive of a push with notes and path
 * rules: ~25) starts the shared one at its third.
 */
const ONE_SHOTS_FIRST = 2;
const askedOf = new Map<string, number>();

/** Let every shared process exit (a long-lived caller done with its repositories, a test worker between files); the next question starts new ones. */
export async function closeObjectBatches(): Promise<void> {
  const open = [...processes.values()];
  processes.clear();
  askedOf.clear();
  knownInfo.clear();
  await Promise.all(open.map((each) => each.close()));
}

/** `git cat-file <mode>`'s answers to a process of its own (the input as given, `count` answers parsed). */
async function oneShot(cwd: string, view: ObjectView, mode: Mode, input: string, count: number): Promise<BatchAnswer[]> {
  const out = await runGitRaw(['cat-file', mode], { cwd, input, ...view });
  const answers: BatchAnswer[] = [];
  let at = 0;
  while (answers.length < count) {
    const newline = out.indexOf(10, at);
    if (newline === -1) break;
    const header = out.subarray(at, newline).toString('latin1');
    at = newline + 1;
    const found = mode === '--batch' ? FOUND.exec(header) : null;
    if (!found) {
      answers.push({ header, content: null });
      continue;
    }
    const size = Number(found[3]);
    answers.push({ header, content: out.subarray(at, at + size) });
    at += size + 1;
  }
  while (answers.length < count) answers.push({ header: '', content: null });
  return answers;
}

/**
 * `git cat-file <mode>` (default format: `<oid> <type> <size>`, or `<name> missing`…) asked
 * `lines`, each sent as `<line>\n` (a line may end in CR to keep one: git takes one off), in
 * order; the shared process when every line's name is a sharedName, else one of its own.
 */
async function ask(cwd: string, lines: readonly string[], view: ObjectView, mode: Mode): Promise<BatchAnswer[]> {
  if (lines.length === 0) return [];
  if (lines.every((line) => sharedName(line.endsWith('\r') ? line.slice(0, -1) : line))) {
    const key = keyOf(cwd, view, mode);
    const asked = askedOf.get(key) ?? 0;
    askedOf.set(key, asked + 1);
    // The run's end forgets the counts too (an API program asking many repositories once each).
    (globalThis as Record<symbol, unknown>)[CLOSE_AT_END] = closeObjectBatches;
    if (asked >= ONE_SHOTS_FIRST || processes.has(key)) return shared(cwd, view, mode).ask(lines);
  }
  return oneShot(cwd, view, mode, lines.map((line) => `${line}\n`).join(''), lines.length);
}

/**
 * The `--batch-check` answers of this run that found an object, by view, directory and name (sharedName
 * names only: an object id, peeled, or a path in its tree): a found object's answer never changes within a
 * run (objects are immutable; git reads the replace refs once a process, and the shared process is kept
 * for the run on the same terms). pre-push asked `<new>^{commit} <old>^{commit}` (which ref is pushed),
 * `<old>^{commit}` again (the config's commit) and `<new>` a third time (each commit's size): three
 * `git cat-file` processes for one question's answers (session 55, task o). Forgotten at the run's end
 * (closeObjectBatches), and past KNOWN_MOST names (a program asking many repositories).
 */
const knownInfo = new Map<string, string>();
const KNOWN_MOST = 65_536;

function infoKey(cwd: string, view: ObjectView, name: string): string {
  return `${view.asStored === true ? 1 : 0}\0${cwd}\0${name}`;
}

/**
 * Keep `header`, the answer to `name`, when it found an object. Read as stored (no replace ref can stand
 * in for an object), the object's own id and it peeled to its own type (`<commit>^{commit}`) answer the same.
 */
function rememberInfo(cwd: string, view: ObjectView, name: string, header: string): void {
  const found = foundObject(header);
  // Named by an object id of the repository's length (a 41-digit name is a ref's, which may move).
  if (!found || /^[0-9a-f]*/.exec(name)![0].length !== found.oid.length) return;
  if (knownInfo.size >= KNOWN_MOST) knownInfo.clear();
  (globalThis as Record<symbol, unknown>)[CLOSE_AT_END] = closeObjectBatches;
  knownInfo.set(infoKey(cwd, view, name), header);
  const peeled = found.type === 'commit' || found.type === 'tree' ? `${found.oid}^{${found.type}}` : null;
  if (view.asStored === true && peeled !== null && (name === found.oid || name === peeled)) {
    knownInfo.set(infoKey(cwd, view, found.oid), header);
    knownInfo.set(infoKey(cwd, view, peeled), header);
  }
}

/** `git cat-file --batch-check`'s answer line to each of `lines` (default format), in order. */
export async function objectInfoLines(cwd: string, lines: readonly string[], view: ObjectView = {}): Promise<string[]> {
  const answers = lines.map((line) => (sharedName(line) ? knownInfo.get(infoKey(cwd, view, line)) : undefined));
  const asked = lines.filter((_, at) => answers[at] === undefined);
  if (asked.length === 0) return answers as string[];
  const got = (await ask(cwd, asked, view, '--batch-check')).map((answer) => answer.header);
  let next = 0;
  return lines.map((line, at) => {
    const known = answers[at];
    if (known !== undefined) return known;
    const header = got[next++]!;
    if (sharedName(line)) rememberInfo(cwd, view, line, header);
    return header;
  });
}

/** `git cat-file --batch`'s answer to each of `lines`: header, and the object's bytes when found. */
export function objectContents(cwd: string, lines: readonly string[], view: ObjectView = {}): Promise<BatchAnswer[]> {
  return ask(cwd, lines, view, '--batch');
}

/**
 * `objectContents` in a process of its own whatever was asked before (never the shared one): for a
 * caller that asks a few big questions (row 857's count, a level of trees at a time), where the
 * shared process's start (node:child_process, net and the streams) would cost more than it saves.
 */
export function objectContentsOnce(cwd: string, lines: readonly string[], view: ObjectView = {}): Promise<BatchAnswer[]> {
  return lines.length === 0 ? Promise.resolve([]) : oneShot(cwd, view, '--batch', lines.map((line) => `${line}\n`).join(''), lines.length);
}

/** An answer line's object id, type and size; null for `missing`, `ambiguous`… */
export function foundObject(header: string): { oid: string; type: string; size: number } | null {
  const found = FOUND.exec(header);
  return found ? { oid: found[1]!, type: found[2]!, size: Number(found[3]) } : null;
}
