import { loadConfig } from '../config/load.js';
import { commitSignals } from '../core/commit-signals.js';
import { detectCommit } from '../core/detect.js';
import { ExitCode } from '../core/exit-codes.js';
import { renderLogText, type LogEntry } from '../core/render-log.js';
import { streamCommits } from '../git/log.js';
import { commitExists, locateRepo } from '../git/repo.js';
import { UsageError } from '../cli/errors.js';

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
  const options = { detect: config.detect ?? {}, trailerKey: config.trailer?.key ?? 'Assisted-by' };
  const entries: LogEntry[] = [];
  let first = true;
  if (args.format === 'json') write('[');
  for await (const commit of streamCommits(repo.root, revisions)) {
    const signals = commitSignals(commit);
    const attributions = detectCommit(signals, options);
    const entry: LogEntry = {
      sha: commit.sha,
      subject: signals.subject,
      author: commit.author,
      ai: attributions.length > 0,
      attributions: attributions.map(({ agent, model, evidence }) => ({ agent, model, evidence })),
      trailers: signals.trailers,
    };
    if (args.format === 'json') {
      write(`${first ? '\n' : ',\n'}  ${JSON.stringify(entry)}`);
      first = false;
    } else entries.push(entry);
  }
  if (args.format === 'json') write(first ? ']\n' : '\n]\n');
  else write(renderLogText(entries));
  return ExitCode.ok;
}
