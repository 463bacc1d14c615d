import { ExitCode } from '../core/exit-codes.js';
import { errorText } from './report-error.js';
import { exitCodeOf } from './exit-code-of.js';
import { writeStdout } from '../io/stdout.js';
import { escapeData } from '../core/policy/render-github.js';

/** What each failing exit code means (DESIGN.md's exit codes), as `error.kind`. */
const KINDS: Record<number, string> = { [ExitCode.usage]: 'usage', [ExitCode.git]: 'git' };

/**
 * A run asked for JSON (`--format json`, `--format=json`, before any `--`): a failure then prints
 * `{"error": {"exitCode", "kind", "message"}}` on stdout too, so a CI script that parses stdout
 * parses every outcome (it printed nothing, and `jq` failed on the empty input).
 */
export function asksForJson(argv: readonly string[]): boolean {
  return asksForFormat(argv, 'json');
}

function asksForFormat(argv: readonly string[], format: string): boolean {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  return options.some((token, at) => token === `--format=${format}` || (token === '--format' && options[at + 1] === format));
}

/**
 * A failing run's error on stdout in the format it asked for: the JSON error object for
 * `--format json`; one `::error title=aitrail::<message>` annotation for `--format github` (a CI
 * step that failed with nothing on stdout showed no annotation at all).
 */
export function writeFormattedError(argv: readonly string[], error: unknown): void {
  if (asksForFormat(argv, 'json')) writeJsonError(error);
  else if (asksForFormat(argv, 'github')) writeStdout(`::error title=aitrail::${escapeData(errorText(error).text)}\n`);
}

/** The error object a JSON run prints on stdout when it fails (the message as stderr says it, without `aitrail: `). */
export function writeJsonError(error: unknown): void {
  const { text, internal } = errorText(error);
  const exitCode = exitCodeOf(error);
  const kind = internal ? 'internal' : (KINDS[exitCode] ?? 'git');
  writeStdout(`${JSON.stringify({ error: { exitCode, kind, message: text } }, null, 2)}\n`);
}
