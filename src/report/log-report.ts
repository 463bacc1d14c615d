import { loadConfig } from '../config/load.js';
import { commitSignals } from '../core/commit-signals.js';
import { detectCommit } from '../core/detect.js';
import { ExitCode } from '../core/exit-codes.js';
import { renderLogEntry, renderLogSummary, type LogEntry } from '../core/render-log.js';
import { badRangeError } from '../git/bad-range.js';
import { streamCommits } from '../git/log.js';
import { commitExists, locateRepo } from '../git/repo.js';
import { UsageError } from '../cli/errors.js';
import { stdoutClosed } from '../cli/stdout.js';
import { detectOptionsOf } from '../config/defaults.js';

export interface LogRun {
  range?: string;
  format: 'text' | 'json';
  config?: string;
  cwd?: string;
  write?: (text: string) => void;
}

/** Resolve a user-given range into git log revision arguments, refusing option-like input. */
export function rangeArgs(range: string | undefined): string[] {
  if (range === undefined || range === '') return ['HEAD'];
  if (range.startsWith('-')) throw new UsageError(`invalid range '${range}': a range cannot start with '-'.`);
  if (/[\0\n\r]/.test(range)) throw new UsageError('invalid range: it contains a control character.');
  return ['--end-of-options', range];
}

/**
 * The subject as git shows it (`%s`): blank lines skipped, then the first paragraph with each
 * line's trailing whitespace dropped, joined by spaces (`git commit -m $'a\nb'` → `a b`).
 */
export function gitSubject(message: string): string {
  const lines: string[] = [];
  let started = false;
  for (const line of message.split('\n')) {
    const trimmed = line.replace(/[ \t\r]+$/, ''); // git's isspace(): no \v, \f or unicode spaces
    if (trimmed === '') {
      if (started) break;
      continue;
    }
    started = true;
    lines.push(trimmed);
  }
  return lines.join(' ');
}

/** `aitrail log`: every commit of the range with its attribution and evidence. */
export async function runLog(args: LogRun): Promise<number> {
  const cwd = args.cwd ?? process.cwd();
  const write = args.write ?? ((text: string) => process.stdout.write(text));
  const repo = await locateRepo(cwd);
  const { config } = await loadConfig(repo.root, args.config ? { configFile: args.config } : {});
  const revisions = rangeArgs(args.range);
  if (args.range === undefined && !(await commitExists(repo.root, 'HEAD'))) {
    write(args.format === 'json' ? '[]\n' : 'No commits yet.\n');
    return ExitCode.ok;
  }
  const options = detectOptionsOf(config);
  // Streamed in both formats: a long history is never held in memory, and a reader that goes
  // away (`aitrail log | head`; the CLI ignores the EPIPE) stops the walk.
  const closed = () => args.write === undefined && stdoutClosed();
  let count = 0;
  let ai = 0;
  if (args.format === 'json') write('[');
  for await (const commit of explainBadRange(streamCommits(repo.root, revisions), args.range)) {
    if (closed()) break;
    const signals = commitSignals(commit);
    const attributions = detectCommit(signals, options);
    const entry: LogEntry = {
      sha: commit.sha,
      subject: gitSubject(commit.message),
      author: commit.author,
      ai: attributions.length > 0,
      attributions: attributions.map(({ agent, model, evidence }) => ({ agent, model, evidence })),
      trailers: signals.trailers,
    };
    if (args.format === 'json') write(`${count === 0 ? '\n' : ',\n'}  ${JSON.stringify(entry)}`);
    else write(renderLogEntry(entry));
    count += 1;
    if (entry.ai) ai += 1;
  }
  if (args.format === 'json') write(count === 0 ? ']\n' : '\n]\n');
  else write(renderLogSummary(count, ai));
  return ExitCode.ok;
}

/** git's `fatal: bad revision 'x'` as a message that says what to give instead (still exit 3, as `check`). */
async function* explainBadRange<T>(commits: AsyncGenerator<T>, range: string | undefined): AsyncGenerator<T> {
  try {
    yield* commits;
  } catch (error) {
    throw badRangeError(error, range) ?? error;
  }
}
